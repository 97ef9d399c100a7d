"""Behaviour checks of the ``named`` test package (named types, enums, constants), shared by the
extension-mode and embedded-mode tests. Each value is a script run with ``named`` imported."""

CHECKS = {
    "named_float": """
        assert named.warm(20.5) == 21.5 and type(named.warm(1)) is float
        assert named.to_fahrenheit(100) == 212.0
        assert named.double(2.5) == 5.0
        assert named.twice(21) == 42                      # type Span time.Duration: an int64
    """,
    "named_string_and_bytes": """
        assert named.greet("bob") == "hi bob"
        assert named.rev(b"abc") == b"cba"
        try:
            named.greet(3)
        except TypeError as e:
            assert str(e) == "greet() argument 1 must be str, not int", e
        else:
            raise AssertionError("no TypeError")
    """,
    "named_uint8_range": """
        assert named.inc(254) == 255 and named.inc(255) == 0
        try:
            named.inc(256)
        except OverflowError as e:
            assert "Count" in str(e), e
        else:
            raise AssertionError("no OverflowError")
    """,
    "enum_class": """
        import enum
        assert issubclass(named.Color, enum.IntEnum)
        assert [(m.name, m.value) for m in named.Color] == [("Red", 0), ("Green", 1), ("Blue", 2)]
        assert named.Color.__module__ == "named"
        assert named.Color.__doc__ == "Color is an enum of three colours."   # the Go doc comment
        assert named.Red is named.Color.Red and named.Blue == 2
        assert [(m.name, m.value) for m in named.Level] == [("Low", -3), ("Mid", -1), ("High", 1), ("Top", 5)]
        assert named.Flags.FlagAll == 7 and named.FlagC is named.Flags.FlagC
    """,
    "enum_results_are_members": """
        assert named.next(named.Color.Red) is named.Color.Green
        assert named.next(2) is named.Color.Red          # a plain int is accepted
        u = named.unknown()                               # no constant has value 7: a pseudo-member,
        assert u == 7 and type(u) is named.Color and u.name is None   # still the stub's Color
        assert isinstance(u, int) and u + 1 == 8 and named.next(u) is named.Color.Blue
        assert named.raise_(named.Low) is named.Level.Mid
        assert named.combine(named.FlagA, named.FlagB, 4) is named.Flags.FlagAll
        both = named.combine(named.FlagA, named.FlagB)
        assert both == 3 and type(both) is named.Flags and both.name is None
        try:
            named.raise_(200)
        except OverflowError as e:
            assert "Level" in str(e), e
        else:
            raise AssertionError("no OverflowError")
    """,
    "constants": """
        import math
        assert named.Answer == 42 and named.Big == 1 << 100 and named.MaxInt == 2**63 - 1
        assert named.Pi == math.pi and named.Third == 1 / 3
        assert named.Greeting == "h\\u00e9llo\\nraw\\\\n"
        assert named.Yes is True and named.Letter == ord("é")
        assert named.Boiling == 100.0 and type(named.Boiling) is float
        assert named.MaxCount == 255 and named.Mask == 2**32 - 1 and named.MinInt8 == -128
        assert named.Half == 0.10000000149011612                     # the float32 value
        assert (named.Neg, named.Mod) == (-3, -1)                     # Go truncates toward zero
        assert named.Mile == 3218.688
        assert named.Complex == 1 + 2j                               # complex constants bind too
        assert named.Thing == 3 and type(named.Thing) is int   # a constant of a value class: its value
        assert named.describe(named.Thing) == "stringer"
        assert named.Point(7).x == 7                 # a struct type: bound as a class
    """,
    "value_class_float": """
        k = named.Kelvin(300)                            # type Kelvin float64, with methods
        assert (k.value, str(k), repr(k)) == (300.0, "300 K", "Kelvin(value=300.0)")
        assert named.Kelvin().value == 0.0 and named.Kelvin(value=2).value == 2.0
        assert abs(k.celsius() - 26.85) < 1e-9 and type(k.celsius()) is float
        k.warm(5)                                        # pointer receiver: changes k itself
        assert k.value == 305.0
        named.warm_up(k, 1)                              # *Kelvin parameter: shared
        assert k.value == 306.0
        k.value = 1.5
        assert str(k) == "1.5 K"
        a = named.absolute()                             # a result is an instance
        assert type(a) is named.Kelvin and a.value == 0.0
        assert named.hotter(k, a) and named.hotter(300, 1.5) and not named.hotter(a, 0)  # floats accepted
        assert named.Kelvin(1) == named.Kelvin(1) and named.Kelvin(1) != named.Kelvin(2)
        rs = named.readings()                            # []Kelvin: a list of instances
        assert [type(r) for r in rs] == [named.Kelvin] * 2 and [r.value for r in rs] == [1.0, 2.5]
        assert named.warmest(rs).value == 2.5 and named.warmest([named.Kelvin(3), 7, 1.5]).value == 7.0
        assert named.warmest([]).value == 0.0
        got = named.by_city({"a": named.Kelvin(4), "b": 5})
        assert {k: (type(v), v.value) for k, v in got.items()} == {"a": (named.Kelvin, 4.0), "b": (named.Kelvin, 5.0)}
        try:
            named.warmest([named.Kelvin(1), "x"])
        except TypeError as e:
            assert str(e) == "warmest() argument 1[1] must be Kelvin or float, not str", e
        else:
            raise AssertionError("a str in a []Kelvin")
        try:
            hash(k)
        except TypeError:
            pass
        else:
            raise AssertionError("a mutable Go value is hashable")
        class Warmer(named.Kelvin):                      # Python subclass
            def doubled(self):
                return self.value * 2
        assert Warmer(4).doubled() == 8.0 and named.hotter(Warmer(4), 3)
        for bad, exc, text in (("x", TypeError, "hotter() argument 1 must be Kelvin or float, not str"),
                               (None, TypeError, "hotter() argument 1 must be Kelvin or float, not None"),
                               (10**400, OverflowError, "hotter() argument 1: Kelvin.value: int too large")):
            try:
                named.hotter(bad, 1)
            except exc as e:
                assert str(e).startswith(text), e
            else:
                raise AssertionError(f"no {exc.__name__} for {bad!r}")
        try:
            named.warm_up(1.5, 1)                        # a pointer needs an instance
        except TypeError as e:
            assert str(e) == "warm_up() argument 1 must be Kelvin or None, not float", e
        else:
            raise AssertionError("no TypeError")
    """,
    "value_class_map_and_error": """
        t = named.new_tags("b", "a")                     # type Tags map[string]bool, with methods
        assert type(t) is named.Tags and t.value == {"a": True, "b": True}
        t.add("c")                                       # a map is a reference: the method changes t
        assert t.sorted() == ["a", "b", "c"] and t.has("c") and not t.has("z")
        assert named.Tags({"x": True}).sorted() == ["x"]
        assert named.new_tags().value == {}
        try:
            named.check(3)                               # type Code int with Error(): an exception class
        except named.Code as e:
            assert isinstance(e, named.GoError) and e.value == 3 and str(e) == "code 3"
        else:
            raise AssertionError("no Code")
        assert named.check(0) is None
        try:
            raise named.Code(7)                          # raisable from Python too
        except named.GoError as e:
            assert str(e) == "code 7"
        assert named.describe(named.Stringer(2)) == "stringer" and str(named.Stringer(5)) == "stringer"
        assert named.other(named.Suit.Clubs) is named.Suit.Hearts  # an enum with methods stays an IntEnum
    """,
    "enum_methods": """
        import enum
        h = named.Suit.Hearts
        assert issubclass(named.Suit, enum.IntEnum) and h == 1
        assert (str(h), f"{h}", f"{h:>3d}", repr(h)) == ("hearts", "hearts", "  1", "<Suit.Hearts: 1>")
        assert h.red() and not named.Clubs.red()
        assert h.next(1) is named.Suit.Clubs and named.Clubs.next(3) is h   # results are members
        assert h.value == 1 and not hasattr(h, "flip")   # Value() and the pointer method Flip() are skipped
        try:
            h.next("x")
        except TypeError as e:
            assert str(e) == "Suit.next() argument 1 must be int, not str", e
        else:
            raise AssertionError("no TypeError")
        try:
            named.Suit.red(1)                            # the method descriptor checks self's class
        except TypeError as e:
            assert "Suit" in str(e), e
        else:
            raise AssertionError("no TypeError")
    """,
    "value_classes_in_containers": """
        rs = named.readings()                            # []Kelvin: instances, as the stub says
        assert [type(r) for r in rs] == [named.Kelvin, named.Kelvin] and [r.value for r in rs] == [1.0, 2.5]
        assert str(rs[1]) == "2.5 K"
        assert named.hottest(rs).value == 2.5            # instances back in
        assert named.hottest([named.Kelvin(3), 7.5, 2]).value == 7.5   # or what Kelvin(...) takes
        assert named.hottest([]).value == 0.0
        g = named.groups()["g"]                          # map[string]Tags
        assert type(g) is named.Tags and g.sorted() == ["x", "y"]
        assert named.count_tags([g, {"z": True}]) == 3
        try:
            named.hottest(["hot"])
        except TypeError as e:
            assert "hottest() argument 1[0]" in str(e), e
        else:
            raise AssertionError("a str is no Kelvin")
    """,
    "value_classes_are_freed": """
        import gc, sys
        start_handles = named._py4go_live_handles()
        gc.collect()
        start_blocks = sys.getallocatedblocks()
        for i in range(100_000):
            k = named.Kelvin(i)
            assert named.hotter(k, 0.5) == (i > 0.5)     # a temporary Kelvin for 0.5, dropped after
            try:
                named.hotter(i, "x")                     # the first temporary is made, the second fails
            except TypeError:
                pass
            t = named.new_tags("a")
            try:
                named.check(i + 1)
            except named.Code:
                pass
        del k, t
        gc.collect()
        assert named._py4go_live_handles() == start_handles, named._py4go_live_handles() - start_handles
        assert abs(sys.getallocatedblocks() - start_blocks) < 64, sys.getallocatedblocks() - start_blocks
    """,
    "variables": """
        assert named.get_version() == "1.0"
        named.set_version("2.0")
        assert named.get_version() == "2.0"
        assert named.get_threshold() == 0.0
        named.set_threshold(36.6)
        assert named.get_threshold() == 36.6
        assert named.get_favorite() is named.Color.Green
        named.set_favorite(named.Blue)
        assert named.get_favorite() is named.Color.Blue
        assert named.get_limit() == 10
        try:
            named.set_limit(1000)
        except OverflowError:
            pass
        else:
            raise AssertionError("no OverflowError")
        assert named.get_limit() == 10
        assert named.get_hits() == []                # []int: a list (nil slice -> [])
        named.set_hits((1, 2, 3))
        assert named.get_hits() == [1, 2, 3]
        assert not hasattr(named, "get_internal")
    """,
}
