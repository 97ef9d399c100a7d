"""Behaviour checks of the kitchen bindings, shared by the extension and embedded e2e tests.

Each snippet runs with ``kitchen`` imported and ``MODE`` set to "extension" or "embedded".
"""

CHECKS: dict[str, str] = {
    "integers_of_every_width_round_trip": """
        assert kitchen.add(2, 3) == 5
        assert kitchen.add(-2**62, 2**62 - 1) == -1
        for fn, lo, hi in [(kitchen.int8, -128, 127), (kitchen.int16, -2**15, 2**15 - 1),
                           (kitchen.int32, -2**31, 2**31 - 1), (kitchen.int64, -2**63, 2**63 - 1),
                           (kitchen.uint8, 0, 255), (kitchen.uint16, 0, 2**16 - 1),
                           (kitchen.uint32, 0, 2**32 - 1), (kitchen.uint64, 0, 2**64 - 1),
                           (kitchen.uint, 0, 2**64 - 1), (kitchen.uintptr, 0, 2**64 - 1)]:
            assert fn(lo) == lo and fn(hi) == hi, fn
            for bad in (lo - 1, hi + 1):
                try:
                    fn(bad)
                except OverflowError as e:
                    assert fn.__name__ + "() argument 1" in str(e), e
                else:
                    raise AssertionError(f"{fn.__name__}({bad}) did not overflow")
        assert kitchen.rune(ord("a")) == ord("b")
        assert kitchen.byte(255) == 0
        assert kitchen.add(True, 1) == 2            # bool is an int, as in Python
        class Idx:
            def __index__(self): return 7
        assert kitchen.int8(Idx()) == 7             # __index__ is honoured
    """,
    "floats_and_bools": """
        import math
        assert kitchen.sqrt(2.0) == math.sqrt(2.0)
        assert kitchen.sqrt(16) == 4.0              # ints accepted, like math.sqrt
        assert math.isnan(kitchen.sqrt(-1.0))
        assert kitchen.float32(1.5) == 1.5
        assert kitchen.float32(float("inf")) == float("inf")
        try:
            kitchen.float32(1e300)
        except OverflowError as e:
            assert "float32() argument 1" in str(e) and "float32" in str(e)
        else:
            raise AssertionError("no overflow")
        assert kitchen.not_(True) is False and kitchen.not_(False) is True
    """,
    "strings_and_bytes": """
        assert kitchen.concat("Tal", "Liron") == "Tal Liron"
        assert kitchen.upper("héllo wörld ✓") == "HÉLLO WÖRLD ✓"
        assert kitchen.len("é") == 2                 # UTF-8 bytes on the Go side
        assert kitchen.concat("", "") == " "
        assert kitchen.concat("a\\x00b", "c") == "a\\x00b c"   # NULs survive
        big = "x" * 1_000_000
        assert kitchen.len(big) == 1_000_000
        assert kitchen.reverse(b"abc") == b"cba"
        assert kitchen.reverse(bytearray(b"xy")) == b"yx"
        assert kitchen.reverse(memoryview(b"\\x00\\xff")) == b"\\xff\\x00"
        assert kitchen.reverse(b"") == b""
        assert isinstance(kitchen.reverse(b"a"), bytes)
    """,
    "variadic_and_multiple_results": """
        assert kitchen.join(", ") == ""
        assert kitchen.join(", ", "a", "b", "c") == "a, b, c"
        assert kitchen.sum() == 0 and kitchen.sum(1, 2, 3) == 6
        assert kitchen.sum(*range(1000)) == sum(range(1000))
        assert kitchen.div_mod(17, 5) == (3, 2)
        assert kitchen.describe("ab") == ("AB", 2, False, b"ab")
        assert kitchen.describe("") == ("", 0, True, b"")
        assert kitchen.nothing() is None
        assert kitchen.keyword(5, 3) == 2
    """,
    "errors_become_go_error": """
        assert kitchen.checked(4) == 4
        try:
            kitchen.checked(-1)
        except kitchen.GoError as e:
            assert str(e) == "checked(-1): negative input", str(e)
            assert e.go_type == "*fmt.wrapError", e.go_type
            assert type(e) is kitchen.ErrNegative             # it wraps the sentinel ErrNegative
        else:
            raise AssertionError("no GoError")
        assert kitchen.fail(False) is None
        try:
            kitchen.fail(True)
        except Exception as e:
            assert type(e) is kitchen.GoError and str(e) == "asked to fail"
        assert issubclass(kitchen.GoError, Exception)
        assert kitchen.GoError.go_type == ""
    """,
    "panics_become_go_panic_and_process_lives": """
        for i in range(100):
            try:
                kitchen.panic("boom")
            except kitchen.GoPanic as e:
                assert str(e) == "panic() panicked: boom", str(e)
                assert "kitchen.Panic" in e.go_stack, e.go_stack
        try:
            kitchen.divide(1, 0)
        except RuntimeError as e:
            assert isinstance(e, kitchen.GoPanic)
            assert "integer divide by zero" in str(e), str(e)
        assert kitchen.add(1, 2) == 3      # still alive and well
    """,
    "bad_arguments_name_the_function": """
        def expect(exc, fragment, fn, *args, **kwargs):
            try:
                fn(*args, **kwargs)
            except exc as e:
                assert fragment in str(e), (fn.__name__, str(e))
                assert fn.__name__ in str(e), (fn.__name__, str(e))
            else:
                raise AssertionError(f"{fn.__name__}{args} did not raise {exc.__name__}")

        expect(TypeError, "takes exactly 2 arguments (1 given)", kitchen.add, 1)
        expect(TypeError, "takes exactly 2 arguments (3 given)", kitchen.add, 1, 2, 3)
        expect(TypeError, "takes no arguments (1 given)", kitchen.nothing, 1)
        expect(TypeError, "takes at least 1 argument (0 given)", kitchen.join)
        expect(TypeError, "argument 2 must be int, not str", kitchen.add, 1, "2")
        expect(TypeError, "argument 1 must be int, not float", kitchen.add, 1.5, 2)
        expect(TypeError, "argument 1 must be int, not None", kitchen.add, None, 2)
        expect(TypeError, "argument 1 must be str, not bytes", kitchen.concat, b"a", "b")
        expect(TypeError, "argument 2 must be str, not None", kitchen.concat, "a", None)
        expect(TypeError, "argument 1 must be float, not str", kitchen.sqrt, "4")
        expect(TypeError, "argument 1 must be bool, not int", kitchen.not_, 1)
        expect(TypeError, "argument 1 must be bytes-like object, not str", kitchen.reverse, "abc")
        expect(TypeError, "argument 3 must be str, not int", kitchen.join, ",", "a", 3)
        expect(OverflowError, "out of range for Go int", kitchen.add, 2**70, 1)
        expect(OverflowError, "out of range for Go uint8", kitchen.uint8, -1)
        expect(UnicodeEncodeError, "argument 1", kitchen.upper, "\\ud800")
        expect(UnicodeError, "surrogates not allowed", kitchen.concat, "ok", "\\udfff")
        expect(UnicodeDecodeError, "not valid UTF-8", kitchen.invalid)
        expect(TypeError, "takes no keyword arguments", kitchen.add, a=1, b=2)
    """,
    "text_signatures_and_docs": """
        import inspect
        assert str(inspect.signature(kitchen.add)) == "(a, b, /)"
        assert str(inspect.signature(kitchen.join)) == "(sep, /, *parts)"
        assert kitchen.add.__doc__ == "Add returns a+b."
        assert kitchen.__doc__.startswith("Package kitchen exercises")
        assert not hasattr(kitchen, "skipped") and not hasattr(kitchen, "generic")
        if MODE == "extension":
            assert not hasattr(kitchen, "shout")   # unexported: a wrapper package cannot call it
        else:
            assert kitchen.shout("hi") == "hi!"     # in-package, //py4go:export binds unexported code
    """,
    "written_back_and_out_parameters": """
        xs, t = [1, -2, 3], (1, 2)
        kitchen.negate(xs)
        kitchen.negate(t)
        assert xs == [-1, 2, -3] and t == (1, 2)
        ba = bytearray(3)
        assert kitchen.fill(ba) == 3 and ba == b"xxx" and kitchen.fill(b"ab") == 2
        assert kitchen.key(b"\\x00abc") == b"\\xffabc" and kitchen.key(bytearray(b"abcd"))[1:] == b"bcd"
        assert kitchen.words([1, 40000, 0]) == [2, 14464, 0] and kitchen.words(()) == []   # []Word: ints
        try:
            kitchen.words([1, -1])
        except OverflowError as e:
            assert "words() argument 1[1]" in str(e) and "kitchen.Word" in str(e), e
        else:
            raise AssertionError("no OverflowError")
        d = {}
        kitchen.unmarshal(b'{"a": [1, "x"]}', d)
        assert d == {"a": [1.0, "x"]}
        try:
            kitchen.unmarshal(b"1", 5)
        except TypeError as e:
            assert "unmarshal() argument 2 must be a dict, a list" in str(e)
        else:
            raise AssertionError("no TypeError")
    """,
}
