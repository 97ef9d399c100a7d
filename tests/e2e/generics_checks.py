"""Behaviour checks of generic functions bound per instantiation (tests/e2e/generics).

Each snippet runs with ``generics`` imported as ``g`` (built with ``--instantiate
'generics.Repeat[string]' --instantiate 'Repeat[int]=repeat_ints'``); ``expect(exc, text, fn,
*args)`` asserts that the call raises ``exc`` with ``text`` in its message. Shared with the
ASan run (tests/reliability/test_sanitizers.py).
"""

#: The command-line instantiations the suite's module is built with.
INSTANTIATE = ("generics.Repeat[string]", "Repeat[int]=repeat_ints")

PRELUDE = """
import generics as g
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (getattr(fn, "__name__", fn), str(e))
    else:
        raise AssertionError(f"{fn!r}{args!r} did not raise {exc.__name__}")
"""

CHECKS: dict[str, str] = {
    "each_instantiation_has_its_types": """
        assert g.map_int_str([1, 2, 3], lambda x: "*" * x) == ["*", "**", "***"]
        assert g.lengths(["a", "bb", ""], len) == [1, 2, 0]          # named by the directive
        expect(TypeError, "must be int", g.map_int_str, ["x"], str)  # the int instantiation takes ints
        # U is int: a callback returning str is refused (as for any func(string) int parameter)
        expect(g.GoPanic, "cannot convert Python str to Go int", g.lengths, ["a"], lambda s: s)
    """,
    "constraint_type_sets": """
        assert g.sum_int(1, 2, 3) == 6 and g.sum_int() == 0
        assert g.sum_float64(0.5, 2) == 2.5
        assert g.sum_celsius(20.5, 1.5) == 22.0                       # ~float64 admits Celsius
        expect(OverflowError, "", g.sum_int, 2**63)
    """,
    "inferred_element_types": """
        assert g.largest_list_str(["b", "c", "a"]) == ("c", 1)       # Largest[[]string]: E = string
        assert g.largest_id([3, 9, 2]) == (9, 1)                     # S = IDs, E = int from ~[]E
        expect(g.GoPanic, "index out of range", g.largest_id, [])
    """,
    "comparable_keys_and_maps": """
        assert g.count_str(["a", "b", "a"]) == {"a": 2, "b": 1}
        assert g.count_bool([True, False, True]) == {False: 1, True: 2}
        assert g.pairs_dict_str_float64({"b": 2.5, "a": 1.0}) == ["a=1", "b=2.5"]
    """,
    "errors_callbacks_and_write_back": """
        assert g.find_str(["go", "python"], lambda s: s.startswith("p")) == "python"
        expect(g.GoError, "no element of 2 matches", g.find_str, ["a", "b"], lambda s: False)
        expect(ZeroDivisionError, "", g.find_str, ["a"], lambda s: 1 / 0)
        xs = [1.0, 2.0]
        assert g.fill_float64(xs, 7.5) is None and xs == [7.5, 7.5]   # Go wrote into the list
    """,
    "command_line_instantiations": """
        assert g.repeat_str("ab", 3) == ["ab", "ab", "ab"]
        assert g.repeat_ints(4, 2) == [4, 4]
        expect(g.GoPanic, "", g.repeat_ints, 1, -1)                   # make: negative len panics
        assert g.shout("hi") == "HI!"
    """,
    "docstrings_name_the_instantiation": """
        assert "Go: Map[int, string]." in g.map_int_str.__doc__
        assert "Go: Largest[IDs, int]." in g.largest_id.__doc__      # inferred arguments shown
        assert not hasattr(g, "map") and not hasattr(g, "repeat")    # a generic is bound only instantiated
        assert "Go: Set[string]." in g.SetStr.__doc__
        assert not hasattr(g, "Set") and not hasattr(g, "Box")
    """,
    "generic_types_are_classes": """
        s = g.new_set_str("a", "b")
        assert type(s) is g.SetStr and s.has("a") and not s.has("z") and s.len() == 2 == len(s)
        s.add("c")
        u = s.union(g.new_set_str("q"))
        assert type(u) is g.SetStr and len(u) == 4 and len(s) == 3
        i = g.IntSet()                                                # a zero Set is usable
        i.add(3)
        assert i.has(3) and not i.has(4) and type(g.new_int_set(1, 2)) is g.IntSet
        expect(TypeError, "SetStr.add() argument 1 must be str, not int", s.add, 1)
        expect(TypeError, "must be SetStr or None", s.union, i)     # one class per instantiation
    """,
    "generic_struct_fields_and_methods": """
        import copy, pickle
        p = g.PairStrFloat64("k", 2.5)
        assert (p.key, p.value) == ("k", 2.5) and p.parts() == ("k", 2.5)
        assert p == g.PairStrFloat64(key="k", value=2.5) and repr(p) == "PairStrFloat64(key='k', value=2.5)"
        assert pickle.loads(pickle.dumps(p)) == p and copy.deepcopy(p) == p
        expect(TypeError, "float", g.PairStrFloat64, "k", "x")
        n = g.NodeInt(1, g.NodeInt(2, g.NodeInt(3)))                  # Next *Node[T] is the class itself
        assert n.next.next.value == 3 and n.next.next.next is None
        assert g.sum_list_int(n) == 6 and g.sum_list_int(None) == 0
    """,
    "generic_value_classes": """
        s = g.StackFloat64([1.0])
        s.push(2.5)
        assert len(s) == 2 and s[1] == 2.5 and s.value == [1.0, 2.5]
        assert s.pop() == 2.5 and str(s) == "[1]" and repr(s) == "StackFloat64(value=[1.0])"
        s.append(4)                                                    # a MutableSequence of float
        assert list(s) == [1.0, 4.0]
        s.pop(); s.pop()
        expect(g.GoPanic, "index out of range", s.pop)
    """,
}
