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
}
