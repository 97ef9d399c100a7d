"""Behaviour checks of the ``extras`` test package (complex numbers, sentinel errors, enums of
an imported package). Each value is a script run with ``extras`` imported as ``e``."""

CHECKS = {
    "complex_scalars": """
        import cmath, decimal, fractions
        assert e.sqrt(-4) == 2j and type(e.sqrt(4)) is complex
        assert e.sqrt(3 + 4j) == cmath.sqrt(3 + 4j)
        assert e.parts(2 - 5j) == (2.0, -5.0)
        assert e.half(1 + 3j) == 0.5 + 1.5j
        assert e.half(0.1) == complex(0.05000000074505806)       # rounded to complex64
        assert e.add(1, 2j, 3.5, True) == 5.5 + 2j and e.add() == 0j
        class Z:
            def __complex__(self):
                return 3 + 4j
        assert e.sqrt(Z()) == 2 + 1j
        assert e.sqrt(fractions.Fraction(1, 4)) == 0.5 and e.sqrt(decimal.Decimal("0.25")) == 0.5
        z = e.half(complex("inf+nanj"))
        assert cmath.isinf(z.real) and cmath.isnan(z.imag)
    """,
    "complex_errors": """
        for bad, name in (("x", "str"), (None, "None"), ([1], "list")):
            try:
                e.sqrt(bad)
            except TypeError as ex:
                assert str(ex) == f"sqrt() argument 1 must be complex, not {name}", ex
            else:
                raise AssertionError(bad)
        for bad in (1e300, complex(1, -1e300)):
            try:
                e.half(bad)
            except OverflowError as ex:
                assert str(ex) == f"half() argument 1: {complex(bad)!r} is out of range for Go complex64", ex
            else:
                raise AssertionError(bad)
        try:
            e.half(10**400)
        except OverflowError as ex:
            assert str(ex).startswith("half() argument 1: "), ex
        else:
            raise AssertionError("no OverflowError")
        class Bad:
            def __complex__(self):
                raise ValueError("nope")
        try:
            e.sqrt(Bad())
        except ValueError as ex:
            assert str(ex) == "sqrt() argument 1: nope", ex
        else:
            raise AssertionError("no ValueError")
    """,
    "complex_containers": """
        assert e.conjugates([1 + 1j, 2, 3.5]) == [1 - 1j, 2 - 0j, 3.5 - 0j]
        assert e.conjugates(()) == []
        assert e.roots({"a": -1, "b": 4j}) == {"a": 1j, "b": complex(1.4142135381698608, 1.4142135381698608)}
        for arg, exc, msg in (
                (["x"], TypeError, "conjugates() argument 1[0] must be complex, not str"),
                ([1, object()], TypeError, "conjugates() argument 1[1] must be complex, not object"),
                ([10**400], OverflowError, "conjugates() argument 1[0]: int too large to convert to float")):
            try:
                e.conjugates(arg)
            except exc as ex:
                assert str(ex) == msg, ex
            else:
                raise AssertionError(arg)
        try:
            e.roots({"a": 1e300})
        except OverflowError as ex:
            assert str(ex) == "roots() argument 1['a']: (1e+300+0j) is out of range for Go complex64", ex
        else:
            raise AssertionError("no OverflowError")
    """,
    "complex_named_fields_callbacks_variables": """
        assert e.series(1j, 2) == 2 + 1j
        c = e.Circuit(load=1 + 1j, gain=2)
        assert (c.load, c.gain, c.total()) == (1 + 1j, 2 + 0j, 2 + 2j)
        c.gain = 0.5j
        assert c.total() == -0.5 + 0.5j
        try:
            c.gain = "x"
        except TypeError:
            pass
        else:
            raise AssertionError("no TypeError")
        assert e.apply(lambda z: z * z, 1 + 1j) == 2j
        assert e.apply(lambda z: 3, 0) == 3 + 0j                   # an int result is accepted
        assert e.get_unit() == 1j
        e.set_unit(2)
        assert e.get_unit() == 2 + 0j
        assert e.Rot == 1j and type(e.Rot) is complex and e.Quarter == 0.25 + 0j and e.Re == 3.0
        assert e.Z64 == complex(0.10000000149011612, 0.20000000298023224)   # complex64 parts
    """,
    "sentinel_classes": """
        for cls in (e.ErrEmpty, e.ErrTooBig, e.ErrLate):
            assert issubclass(cls, e.GoError) and cls.__module__ == "extras"
        assert e.ErrEmpty.__doc__ == "ErrEmpty is returned for empty input."
        assert not hasattr(e, "get_err_empty")                 # a class, not a variable accessor
        try:
            e.check("")
        except e.ErrEmpty as ex:                               # the sentinel itself
            assert type(ex) is e.ErrEmpty and str(ex) == "empty input" and ex.go_type == "*errors.errorString"
        else:
            raise AssertionError("no ErrEmpty")
        try:
            e.check("late")                                    # assigned in init(): the live value counts
        except e.ErrLate as ex:
            assert str(ex) == "late"
        else:
            raise AssertionError("no ErrLate")
        try:
            e.check("abcdefg")                                 # fmt.Errorf("...: %w", ErrTooBig)
        except e.ErrTooBig as ex:
            assert str(ex) == 'checking "abcdefg": too big' and ex.go_type == "*fmt.wrapError"
        else:
            raise AssertionError("no ErrTooBig")
        assert e.check("ab") == 2
    """,
    "sentinel_wrapped_by_error_class": """
        try:
            e.check("a" * 11)                                  # *LimitError, whose Unwrap is ErrTooBig
        except e.ErrTooBig as ex:
            assert isinstance(ex, e.LimitError) and ex.limit == 10
            assert type(ex).__name__ == "LimitError" and type(ex).__module__ == "extras"
            assert str(ex) == "over the limit 10"
            first = type(ex)
        else:
            raise AssertionError("no ErrTooBig")
        try:
            e.check("b" * 12)
        except e.LimitError as ex:
            assert type(ex) is first                           # the combined class is made once
        try:
            e.other()
        except e.GoError as ex:
            assert type(ex) is e.GoError
        try:
            e.parse_small("999")                               # strconv's sentinels: not this module's
        except e.GoError as ex:
            assert type(ex) is e.GoError and ex.go_type == "*strconv.NumError"
        try:
            raise e.ErrEmpty("raised in Python")
        except e.GoError as ex:
            assert str(ex) == "raised in Python"
    """,
    "imported_enum_class": """
        import enum
        assert issubclass(e.Kind, enum.IntEnum) and e.Kind.__module__ == "extras"
        assert [(m.name, m.value) for m in e.Kind] == [("Small", 0), ("Medium", 1), ("Large", 2)]
        assert not hasattr(e, "Small")                         # kinds' constants stay kinds'
        assert e.grow(e.Kind.Small) is e.Kind.Medium and e.grow(2) is e.Kind.Large
        odd = e.odd()
        assert odd == 7 and type(odd) is e.Kind and odd.name is None   # no member: a pseudo-member
        assert e.Box(size=e.Kind.Large).size is e.Kind.Large and e.Box(size=0).size is e.Kind.Small
        assert e.get_current() is e.Kind.Medium
        e.set_current(2)
        assert e.get_current() is e.Kind.Large
        try:
            e.grow(2**70)
        except OverflowError as ex:
            assert str(ex) == f"grow() argument 1: {2**70} is out of range for Go kinds.Kind", ex
        else:
            raise AssertionError("no OverflowError")
    """,
    "imported_enum_fallbacks": """
        # kinds.Mode: extras declares its own Mode, so kinds.Mode crosses as a plain int;
        # kinds.Single has one constant, so it is no enum.
        assert e.toggle(1) == 2 and type(e.toggle(1)) is int
        assert e.twice(3) == 6 and type(e.twice(3)) is int
        try:
            e.toggle(256)
        except OverflowError as ex:
            assert str(ex) == "toggle() argument 1: 256 is out of range for Go kinds.Mode", ex
        else:
            raise AssertionError("no OverflowError")
    """,
    "sentinel_paths_do_not_leak": """
        # 100,000 raises through each sentinel path: no Go handle and no Python block kept.
        import gc, sys
        def run(n, s):
            for _ in range(n):
                try:
                    e.check(s)
                except e.GoError:
                    pass
        for s in ("a" * 11, "abcdefg", ""):                    # combined class, wrapped, the sentinel itself
            run(10_000, s)
            gc.collect()
            blocks, handles = sys.getallocatedblocks(), e._py4go_live_handles()
            run(100_000, s)
            gc.collect()
            assert e._py4go_live_handles() == handles, s
            assert sys.getallocatedblocks() - blocks < 50, (s, sys.getallocatedblocks() - blocks)
    """,
}
