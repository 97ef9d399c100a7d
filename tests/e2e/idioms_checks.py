"""Behaviour checks of the everyday-idioms bindings (tests/e2e/idioms).

Each snippet runs with ``idioms`` imported as ``m``; ``expect(exc, text, fn, *args)`` asserts
that the call raises ``exc`` with ``text`` in its message.
"""

PRELUDE = """
import idioms as m
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (getattr(fn, "__name__", fn), str(e))
    else:
        raise AssertionError(f"{fn!r}{args!r} did not raise {exc.__name__}")
"""

CHECKS: dict[str, str] = {
    "named_func_type_parameter_result_field_variable": """
        seen = []
        m.run(lambda: seen.append("run"))
        inc, get = m.counter()                      # a Go Func and a plain func, returned
        inc(); inc()
        assert get() == 2 and seen == ["run"]
        h = m.Hook("h", lambda: seen.append("hook"))
        assert h.fire() and seen[-1] == "hook"
        h.fn()                                      # the field reads back as a callable
        assert seen[-1] == "hook" and len(seen) == 3
        empty = m.Hook("empty")
        assert empty.fn is None and not empty.fire()          # a nil Func is None
        assert m.get_on_done() is None and not m.done()
        m.set_on_done(lambda: seen.append("done"))
        assert m.done() and seen[-1] == "done"
        m.get_on_done()()
        assert seen[-2:] == ["done", "done"]
    """,
    "named_func_over_structs_returned_and_passed": """
        above = m.above(2)
        assert above(m.Pt(0, 3)) is True and above(m.Pt(0, 1)) is False
        pts = [m.Pt(0, 1), m.Pt(5, 5)]
        assert m.filter(pts, above) == [m.Pt(5, 5)]            # a Go Pred handed back to Go
        assert m.filter(pts, lambda p: p.x == 0) == [m.Pt(0, 1)]  # a Python callable as Pred
        expect(TypeError, "must be Pt, not int", above, 3)
    """,
    "callbacks_get_struct_instances": """
        got = []
        def move(p):
            got.append(p)
            p.x = 10                                # *Pt is shared with Go
        assert m.visit(move) == m.Pt(10, 2) and type(got[0]) is m.Pt
        assert m.apply(lambda p: p.x * p.y, m.Pt(3, 4)) == 12  # Pt is a copy
        assert m.build(lambda n: m.Pt(n, -n)) == m.Pt(7, -7)   # a struct result from Python
        expect(m.GoPanic, "expected an instance of idioms.Pt, got Python int", m.build, lambda n: 5)
    """,
    "slice_and_map_of_local_struct_as_value_class": """
        line = m.line(3)
        assert type(line) is m.Pts and line.len() == 3
        assert line.value == [m.Pt(0, 0), m.Pt(1, 1), m.Pt(2, 2)]
        assert line.shifted(1).value[0] == m.Pt(1, 0)
        g = m.Grid({"a": m.Pt(1, 2)})
        assert g.count() == 1 and g.value == {"a": m.Pt(1, 2)}
    """,
    "out_parameter_fills_dict_list_and_instance": """
        d = {"keep": 1}
        assert m.unmarshal(b'{"a": [1, 2], "b": "x"}', d) is None
        assert d == {"keep": 1, "a": [1.0, 2.0], "b": "x"}      # Go's json merges into the map
        xs = [9]
        m.decode('[1, "two", null]', xs)                        # by its doc: "pointed to by v"
        assert xs == [1.0, "two", None]
        c = m.Config()
        m.decode('{"Name": "svc", "Ports": [80, 443]}', c)      # a bound struct is filled in place
        assert c.name == "svc" and c.ports == [80, 443]
        expect(TypeError, "unmarshal() argument 2 must be a dict, a list or an instance of a Go type for Go to fill, not int",
               m.unmarshal, b"1", 5)
        expect(TypeError, "not tuple", m.decode, "[]", ())
        expect(m.GoError, "unexpected end of JSON input", m.unmarshal, b"{", {})
        assert m.describe({"a": 1}) == "map of 1"               # an in-only any still gets the map
    """,
    "pointers_to_named_scalars_and_slices": """
        assert m.inc(4) == 5                                    # *MyInt: int | None, copied in
        expect(m.GoPanic, "nil pointer", m.inc, None)
        v = [1]
        assert m.push(v, 5) is None and v == [1, 5]             # *IntVector: the list grows
        s = ["a", "b"]
        m.reset(s)
        assert s == []
        t = (1,)
        m.push(t, 2)                                            # a tuple is copied in only
        assert t == (1,)
    """,
    "slices_mutated_in_place": """
        xs = [3, 1, 2]
        m.fill(xs)
        assert xs == [0, 10, 20]
        ss = ["b", "a", "c"]
        m.sort_strings(ss)
        assert ss == ["a", "b", "c"]
        t = (3, 1, 2)
        m.fill(t)
        assert t == (3, 1, 2)                                   # immutable: copy-in only
        keep = list(range(1000, 1010))                          # unchanged elements keep their objects
        before = [id(x) for x in keep]
        assert m.sum(keep) == sum(range(1000, 1010)) and [id(x) for x in keep] == before
        vs = [m.Version(2, 0), m.Version(1, 5)]
        m.sort_versions(vs)
        assert vs == [m.Version(1, 5), m.Version(2, 0)]
        ps = [m.Version(1, 1)]
        p0 = ps[0]
        m.bump(ps)                                              # []*Version: shared, not replaced
        assert ps[0] is p0 and p0.minor == 2
    """,
    "buffers_written_in_place": """
        ba = bytearray(8)
        assert m.read(ba) == 5 and ba == bytearray(b"hello\\x00\\x00\\x00")
        mv = memoryview(bytearray(3))
        m.read(mv)
        assert bytes(mv) == b"hel"
        assert m.read(b"xyz") == 3                              # bytes: copy-in only
        ro = memoryview(b"abc")
        m.read(ro)
        assert ro == b"abc"
    """,
    "equality_and_ordering_from_methods": """
        a, b, c = m.new_amount(5), m.new_amount(5), m.new_amount(7)
        assert a == b and not (a != b)                          # Equal, not the *big.Int pointers
        assert a < c and a <= b and c > a and c >= a and not (a > c)   # Cmp
        assert sorted([c, a]) == [a, c] and max(a, c) == c
        expect(TypeError, "'<' not supported", lambda: a < 5)
        assert (a == 5) is False
        s1, s2 = m.Semver(1, 2, 3), m.Semver(1, 10, 0)
        assert s1 < s2 and s1 <= s2 and s2 > s1 and s2 >= s1 and not (s1 >= s2)   # Less only
        assert s1 <= m.Semver(1, 2, 3) and s1 == m.Semver(1, 2, 3)                 # Go's ==
        assert m.Name("abc") == m.Name("ABC") and m.Name("abc") < m.Name("B")       # Compare(*T)
        expect(TypeError, "unhashable", hash, a)
    """,
    "named_slices_sort_like_lists": """
        words = m.ByLength(["ccc", "a", "bb", "dd", ""])
        words.sort()                                           # Go's sort.Stable with ByLength.Less
        assert list(words) == ["", "a", "bb", "dd", "ccc"]
        words.sort(reverse=True)                               # stable: "bb" stays before "dd"
        assert list(words) == ["ccc", "bb", "dd", "a", ""]
        words.sort(key=lambda w: w[::-1])                      # a key: Python's order, stored back
        assert list(words) == ["", "a", "bb", "ccc", "dd"]
        vs = m.Semvers([m.Semver(1, 10, 0), m.Semver(1, 2, 3), m.Semver(0, 9, 9)])
        vs.sort()                                              # no sort.Interface: the elements' < (Less)
        assert [v.minor for v in vs] == [9, 2, 10] and vs.newest() == m.Semver(1, 10, 0)
        expect(TypeError, "no positional", lambda: vs.sort(True))  # keyword-only, as list.sort
        plain = m.Pts([m.Pt(2, 0), m.Pt(1, 0)])
        expect(TypeError, "'<' not supported", plain.sort)     # Pt has no order: list.sort's error
        plain.sort(key=lambda p: p.x)
        assert [p.x for p in plain] == [1, 2]
    """,
    "repr_uses_string_without_fields": """
        assert repr(m.new_amount(12)) == "<idioms.Amount 12>" and str(m.new_amount(12)) == "12"
        assert repr(m.new_opaque(3)) == "<idioms.Opaque opaque#3>"
        assert repr(m.Opaque()) == "<idioms.Opaque opaque#0>"    # and the class still constructs
        expect(TypeError, "takes", m.Opaque, 1)
        assert repr(m.Pt(1, 2)) == "Pt(x=1, y=2)"               # fields still shown field by field
    """,
    "byte_arrays_are_bytes": """
        import hashlib
        for arg in (b"abcd", bytearray(b"abcd"), memoryview(b"abcd"), [97, 0, 0, 0], (97, 1, 2, 3)):
            assert m.first(arg) == 97, arg
        expect(ValueError, "first() argument 1 must have exactly 4 bytes, not 3", m.first, b"abc")
        expect(TypeError, "first() argument 1 must be bytes or a sequence of ints, not int", m.first, 5)
        expect(ValueError, "must have exactly 4 items, not 5", m.first, [1, 2, 3, 4, 5])
        assert m.raw() == b"\\x01\\x02\\x03\\x04" and type(m.raw()) is bytes
        assert m.hash(b"x") == hashlib.sha256(b"x").digest()       # a named [32]byte: bytes
        assert m.ids() == [b"\\x01\\x00\\x00\\x00", b"\\x02\\x00\\x00\\x00"]   # nested: list[bytes]
        i = m.make_id()
        assert type(i) is m.ID and i.value == b"\\x01\\x02\\x03\\x04" and i.hex() == "01020304"
        assert m.ID(bytearray(b"\\xff\\x00\\x00\\x01")).hex() == "ff000001" and i == m.ID(i.value)
        assert bytes(i) == b"\\x01\\x02\\x03\\x04" and type(bytes(i)) is bytes   # __bytes__, as uuid.UUID
        assert m.ID(bytes(i)) == i
        s = m.Stamp(b"abcd")
        assert s.key == b"abcd"
        s.key = memoryview(b"wxyz")
        assert s.key == b"wxyz"
        assert m.each_id(lambda b: b[0] if type(b) is bytes else -1) == [9, 1]   # callbacks get bytes too
    """,
    "slices_of_funcs": """
        seen = []
        assert m.run_all([lambda: seen.append(1), lambda: seen.append(2)]) == 2 and seen == [1, 2]
        assert m.run_all(()) == 0
        assert m.chain("a", [str.upper, lambda s: s + "?"]) == "A?"          # []Middleware (named)
        d = m.defaults()
        assert len(d) == 3 and d[2] is None and d[0]("x") == "x!"         # Go funcs back; nil is None
        assert m.chain("x", d[:2]) == "<x!>"                                # and to Go again
        expect(TypeError, "run_all() argument 1[1] must be callable, not int", m.run_all, [print, 5])
        expect(TypeError, "run_all() argument 1 must be a list or tuple, not int", m.run_all, 5)
        m.set_hooks([lambda: seen.append("h")])
        for h in m.get_hooks():
            h()
        assert seen[-1] == "h"
    """,
}
