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
        assert named.Red is named.Color.Red and named.Blue == 2
        assert [(m.name, m.value) for m in named.Level] == [("Low", -3), ("Mid", -1), ("High", 1), ("Top", 5)]
        assert named.Flags.FlagAll == 7 and named.FlagC is named.Flags.FlagC
    """,
    "enum_results_are_members": """
        assert named.next(named.Color.Red) is named.Color.Green
        assert named.next(2) is named.Color.Red          # a plain int is accepted
        u = named.unknown()                               # no member has value 7: a plain int
        assert u == 7 and type(u) is int
        assert named.raise_(named.Low) is named.Level.Mid
        assert named.combine(named.FlagA, named.FlagB, 4) is named.Flags.FlagAll
        assert named.combine(named.FlagA, named.FlagB) == 3 and type(named.combine(1, 2)) is int
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
        for skipped in ("Thing", "Stringer", "describe"):
            assert not hasattr(named, skipped), skipped
        assert named.Point(7).x == 7                 # a struct type: bound as a class
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
