"""Behaviour checks of the containers bindings (tests/e2e/containers), shared by the
extension and embedded e2e tests.

Each snippet runs with ``containers`` imported as ``c`` and ``MODE`` set to "extension" or
"embedded"; ``expect(exc, text, fn, *args)`` asserts that the call raises ``exc`` with
``text`` in its message.
"""

PRELUDE = """
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (fn.__name__, str(e))
        assert fn.__name__ in str(e) or exc is UnicodeDecodeError, (fn.__name__, str(e))
    else:
        raise AssertionError(f"{fn.__name__}{args!r} did not raise {exc.__name__}")
"""

CHECKS: dict[str, str] = {
    "slices_of_scalars_both_ways": """
        assert c.sum_list([1, 2, 3]) == 6
        assert c.sum_list((4, 5)) == 9                      # a tuple is accepted
        assert c.sum_list(range(10)) == 45                  # so is any other Sequence
        assert c.sum_list([]) == 0
        assert c.sum_list([True, 2]) == 3                   # bool is an int, as for scalars
        assert c.numbers(5) == [0, 1, 2, 3, 4] and type(c.numbers(1)) is list
        assert c.numbers(0) == []
        assert c.scale([1, 2.5], 2) == [2.0, 5.0]          # ints accepted for float64
        assert c.upper(["a", "é", ""]) == ["A", "É", ""]
        assert c.small([-128, 127]) == -1
        assert c.flags([True, False]) == [False, True]
        assert c.unsigned([1, 2**32 - 1]) == [2, 2**33 - 2]
        assert c.chunks([b"a", bytearray(b"b"), b""]) == [b"", b"b", b"a"]
        assert c.narrow([1.5, -2]) == [1.5, -2.0]
        assert c.sum_list(list(range(100_000))) == sum(range(100_000))
        assert c.numbers(100_000)[-1] == 99_999
    """,
    "arrays_need_exact_length": """
        assert c.triple([1, 2, 3]) == [3, 6, 9]
        assert c.triple((1, 1, 1)) == [3, 3, 3]
        assert c.pair(["a", "b"]) == ["b", "a"]
        expect(ValueError, "triple() argument 1 must have exactly 3 items, not 2", c.triple, [1, 2])
        expect(ValueError, "must have exactly 3 items, not 4", c.triple, [1, 2, 3, 4])
        expect(ValueError, "pair() argument 1 must have exactly 2 items, not 0", c.pair, [])
    """,
    "nested_containers": """
        assert c.grid(2, 3) == [["0,0", "0,1", "0,2"], ["1,0", "1,1", "1,2"]]
        assert c.grid(0, 0) == []
        assert c.flatten([["a"], ("b", "c"), []]) == ["a", "b", "c"]
        assert c.lengths({"a": [1, 2], "b": [], "c": (3,)}) == {"a": 2, "b": 0, "c": 1}
        assert c.groups(["aa", "b", "cc"]) == {1: ["b"], 2: ["aa", "cc"]}
        assert c.table({1: {"a": 1.5, "b": 2}, 2: {}}) == {1: 3.5}
        assert c.nest(3) == {0: {"x": 0.0}, 1: {"x": 0.5}, 2: {"x": 1.0}}
        assert c.transpose([[1, 2.5], (3, 4)]) == [[1.0, 3.0], [2.5, 4.0]]
        assert c.transpose([]) == []
        assert c.index(["a", "b", "a"]) == {"a": [0, 2], "b": [1]}
        assert c.lengths({"k": [True, 2**63 - 1, -2**63]}) == {"k": 3}   # typed path falls back for bool
        assert c.triple([True, 2, 3]) == [3, 6, 9]
        assert c.flatten([["x"] * 3, ("y",)]) == ["x", "x", "x", "y"]
    """,
    "maps_both_ways": """
        import types
        assert c.counts("a b a") == {"a": 2, "b": 1}
        assert list(c.counts("z y x")) == ["x", "y", "z"]    # Go maps come back with sorted keys
        assert c.total({"x": 1, "y": 2}) == 3 and c.total({}) == 0
        assert c.total(types.MappingProxyType({"x": 5})) == 5   # any Mapping is accepted
        assert c.invert({"a": 1, "b": 2}) == {1: "a", 2: "b"}
        assert c.shout({"b": "x", "a": "é", "": ""}) == {"": "", "a": "É", "b": "X"}
        assert list(c.shout({"b": "", "a": ""})) == ["a", "b"]
        assert c.total({"a": True, "b": 2}) == 3            # typed path falls back for bool
        assert c.keys({"x": 1, "y": [1, {"z": None}]}) == ["x", "y"]
    """,
    "nil_becomes_empty": """
        # A nil slice or map result is an empty list or dict (never None), at every level.
        assert c.nil_slice() == [] and type(c.nil_slice()) is list
        assert c.nil_map() == {} and type(c.nil_map()) is dict
        assert c.nil_inside() == {"none": [], "one": [1]}
        assert c.empty_len([]) == (0, False)                # an empty list is an empty, non-nil slice
    """,
    "any_in_and_out": """
        assert c.echo(None) is None
        assert c.echo(True) is True and c.echo(3) == 3 and c.echo(2.5) == 2.5
        assert c.echo("s") == "s" and c.echo(b"b") == b"b"
        assert c.echo(2**64 - 1) == 2**64 - 1
        big = 2**200
        assert c.echo(big) == big and c.describe(big) == f"*big.Int {big}"  # beyond 64 bits: a *big.Int
        assert c.echo([1, "a", None, [2.5]]) == [1, "a", None, [2.5]]
        assert c.echo((1, 2)) == [1, 2]                     # ToGo: a tuple becomes []any
        assert c.echo({"k": [1, {"n": None}]}) == {"k": [1, {"n": None}]}
        assert c.echo({1: "a", 2.5: None}) == {1: "a", 2.5: None}
        expect(TypeError, "echo() argument 1: cannot use a Python tuple as a Go map key", c.echo, {(1, 2): "t"})
        o = object()
        assert c.echo(o) is o and c.echo([o])[0] is o
        assert c.describe(5) == "int64 5"
        assert c.describe("x") == "string x"
        assert c.describe([1, "a"]) == "[]interface {} [1 a]"
        assert c.describe({"a": 1}) == "map[string]interface {} map[a:1]"
        assert c.describe(None) == "<nil> <nil>"
        assert c.kind(1.5) == "float64" and c.kind({1: 2}) == "map[interface {}]interface {}"
        assert c.mixed() == [None, True, 1, -2.5, "s", b"b", [1, 2], {"k": ["v"]}]
        assert c.record() == {"age": 15, "name": "go", "none": None, "tags": ["a", "b"]}
        assert c.keys({"b": 1, "a": object(), "c": [None]}) == ["a", "b", "c"]
        expect(TypeError, "unconvertible() result: cannot convert Go struct {} to a Python value", c.unconvertible)
    """,
    "python_object_passthrough": """
        import sys
        o = object()
        assert c.same(o) is o                               # identity kept
        assert c.same(None) is None and c.same(5) == 5
        assert c.type_of([]) == "list" and c.type_of(o) == "object"
        assert c.nothing() is None                          # a nil *python.Object is None
        assert c.first([o, 1, "x"]) is o
        class Thing: pass
        t = Thing()
        before = sys.getrefcount(t)
        assert c.keep(t) is None                            # Go keeps a reference...
        assert sys.getrefcount(t) == before + 1
        assert c.keep(None) is t                            # ...and hands it back to Python
        assert sys.getrefcount(t) == before
        for _ in range(1000):
            assert c.same(t) is t
        assert sys.getrefcount(t) == before
    """,
    "wrong_elements_name_function_argument_and_index": """
        expect(TypeError, "sum_list() argument 1[1] must be int, not str", c.sum_list, [1, "x"])
        expect(TypeError, "sum_list() argument 1[0] must be int, not float", c.sum_list, [1.5])
        expect(TypeError, "sum_list() argument 1[2] must be int, not None", c.sum_list, [1, 2, None])
        expect(TypeError, "sum_list() argument 1 must be a list or tuple, not str", c.sum_list, "abc")
        expect(TypeError, "sum_list() argument 1 must be a list or tuple, not None", c.sum_list, None)
        expect(TypeError, "sum_list() argument 1 must be a list or tuple, not dict", c.sum_list, {1: 2})
        expect(TypeError, "upper() argument 1[1] must be str, not bytes", c.upper, ["a", b"b"])
        expect(TypeError, "scale() argument 1[0] must be float, not str", c.scale, ["1"], 2)
        expect(TypeError, "flags() argument 1[0] must be bool, not int", c.flags, [1])
        expect(TypeError, "chunks() argument 1[0] must be bytes, not str", c.chunks, ["a"])
        expect(TypeError, "flatten() argument 1[0][1] must be str, not int", c.flatten, [["a", 1]])
        expect(TypeError, "flatten() argument 1[1] must be a list or tuple, not str", c.flatten, [["a"], "b"])
        expect(TypeError, "total() argument 1['a'] must be int, not str", c.total, {"a": "b"})
        expect(TypeError, "total() argument 1 key 1 must be str, not int", c.total, {1: 2})
        expect(TypeError, "total() argument 1 must be a dict, not list", c.total, [("a", 1)])
        expect(TypeError, "shout() argument 1['k'] must be str, not None", c.shout, {"k": None})
        expect(TypeError, "shout() argument 1 key b'k' must be str, not bytes", c.shout, {b"k": "v"})
        expect(TypeError, "table() argument 1[2]['y'] must be float, not list", c.table, {2: {"y": []}})
        expect(TypeError, "lengths() argument 1['a'][1] must be int, not str", c.lengths, {"a": [1, "z"]})
        expect(TypeError, "table() argument 1[1]['x'] must be float, not str", c.table, {1: {"x": "y"}})
        expect(TypeError, "table() argument 1[1] key 2 must be str, not int", c.table, {1: {2: 3.0}})
        expect(ValueError, "upper() argument 1[0]", c.upper, ["\\ud800"])
    """,
    "overflow_in_elements": """
        expect(OverflowError, "sum_list() argument 1[1]: 1180591620717411303424 is out of range for Go int",
               c.sum_list, [1, 2**70])
        expect(OverflowError, "small() argument 1[1]: 300 is out of range for Go int8", c.small, [1, 300])
        expect(OverflowError, "small() argument 1[0]: -129 is out of range for Go int8", c.small, [-129])
        expect(OverflowError, "unsigned() argument 1[0]: -1 is out of range for Go uint32", c.unsigned, [-1])
        expect(OverflowError, "unsigned() argument 1[1]: 4294967296 is out of range for Go uint32",
               c.unsigned, [0, 2**32])
        expect(OverflowError, "narrow() argument 1[0]: 1e+300 is out of range for Go float32", c.narrow, [1e300])
        expect(OverflowError, "lengths() argument 1['k'][0]: ", c.lengths, {"k": [2**64]})
        expect(OverflowError, "invert() argument 1['a']", c.invert, {"a": -2**63 - 1})
        expect(OverflowError, "triple() argument 1[2]: 9223372036854775808 is out of range for Go int",
               c.triple, [1, 2, 2**63])
        expect(TypeError, "transpose() argument 1[1][0] must be float, not str", c.transpose, [[1.0], ["x"]])
        expect(OverflowError, "transpose() argument 1[0][1]: ", c.transpose, [[1.0, 10**400]])
    """,
    "pointers_to_scalars_are_optional": """
        assert c.maybe(None) is None and c.maybe(21) == 42
        assert c.names(["a", None, "b"]) == ["a", "b"]
        expect(TypeError, "maybe() argument 1 must be int, not str", c.maybe, "x")
        expect(OverflowError, "maybe() argument 1: ", c.maybe, 2**64)
        expect(TypeError, "names() argument 1[1] must be str, not int", c.names, ["a", 1])
    """,
    "python_threads_share_the_bindings": """
        import threading
        errors = []
        def work(k):
            try:
                o = object()
                for i in range(2000):
                    assert c.sum_list([k, i, 1]) == k + i + 1
                    assert c.echo({"k": [k, None]}) == {"k": [k, None]}
                    assert c.same(o) is o
                    assert c.index(["x", "y"]) == {"x": [0], "y": [1]}
            except BaseException as e:  # reported by the main thread
                errors.append(e)
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
    """,
    "bad_results_raise": """
        expect(UnicodeDecodeError, "bad_utf8() returned a Go string that is not valid UTF-8", c.bad_utf8)
    """,
}
