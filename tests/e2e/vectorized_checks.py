"""Behaviour checks of the vectorized forms ``mod.vec.f(xs, ys)`` (tests/e2e/vectorized).

Each snippet runs with ``vectorized`` imported as ``v``; ``expect(exc, text, fn, *args)`` asserts
that the call raises ``exc`` with ``text`` in its message. Shared with the ASan run
(tests/reliability/test_sanitizers.py). ``CHUNK`` is the runtime's PY4GO_VEC_CHUNK: checks
cross it so that the second and later chunks are exercised too.
"""

PRELUDE = """
import array, gc, operator, sys
import vectorized as v
CHUNK = 4096
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (getattr(fn, "__name__", fn), str(e))
        return e
    else:
        raise AssertionError(f"{fn!r}{args!r} did not raise {exc.__name__}")
"""

CHECKS: dict[str, str] = {
    "ints_come_back_as_an_array_equal_to_map": """
        xs, ys = list(range(-5000, 5000)), list(range(10000))
        r = v.vec.add(xs, ys)
        assert isinstance(r, array.array) and r.typecode == "q", r
        assert list(r) == list(map(operator.add, xs, ys))
        assert list(v.vec.add([2**62, -2**63], [2**62 - 1, 0])) == [2**63 - 1, -2**63]   # full int64 range
        assert v.vec.small([400, -256]).tolist() == [v.small(400), v.small(-256)]        # int16 in, int8 out
        r = v.vec.mask([2**64 - 1, 5], [255, 1])
        assert r.typecode == "Q" and r.tolist() == [255, 1]                              # uint64 results
    """,
    "ints_around_the_one_digit_fast_path": """
        # Exact ints below 2**30 in magnitude are read straight from the object (full API, both
        # layouts: 3.11's ob_size, 3.12+'s compact tag); the rest take PyLong_AsLongLongAndOverflow.
        edges = [0, 1, -1, 2**30 - 1, 2**30, -(2**30 - 1), -(2**30), 2**31, -(2**31), 2**32 + 5, -(2**40)]
        assert v.vec.add(edges, [1] * len(edges)).tolist() == [x + 1 for x in edges]
        assert [v.add(x, 1) for x in edges] == [x + 1 for x in edges]
        assert v.vec.mask([2**30 - 1, 2**30, 255], [255, 255, 1]).tolist() == [255, 0, 1]
        for x in (2**30 - 1, -(2**30 - 1), 2**15, -(2**15) - 1):
            expect(OverflowError, f"vec.small() argument 1[0]: {x} is out of range for Go int16", v.vec.small, [x])
            expect(OverflowError, f"small() argument 1: {x} is out of range for Go int16", v.small, x)
        expect(OverflowError, "vec.mask() argument 1[0]: -1073741823 is out of range for Go uint64", v.vec.mask, [-(2**30 - 1)], [1])
        expect(OverflowError, "vec.mask() argument 2[0]: 256 is out of range for Go uint8", v.vec.mask, [1], [256])
        assert v.vec.small([2**15 - 1, -(2**15)]).tolist() == [v.small(2**15 - 1), v.small(-(2**15))]
    """,
    "floats_and_named_floats": """
        r = v.vec.scale([1.5, 2, -0.0], [2.0, 0.5, 1])
        assert r.typecode == "d" and r.tolist() == [3.0, 1.0, -0.0]
        assert v.vec.to_f([0, 100.0, -40]).tolist() == [32.0, 212.0, -40.0]               # type Celsius float64
        r = v.vec.sqrt([0.0, 4.0, 2.0])
        assert r.tolist() == [0.0, 2.0, v.sqrt(2.0)]
        expect(OverflowError, "vec.scale() argument 2[1]: 1e+300 is out of range for Go float32", v.vec.scale, [1, 1], [1, 1e300])
    """,
    "bools_complex_strings_enums_come_back_as_lists": """
        assert v.vec.not_([True, False]) == [False, True]
        assert v.vec.both([True, True, False], [True, False, False]) == [True, False, False]
        assert v.vec.conj([1 + 2j, 3]) == [1 - 2j, 3 + 0j]
        words = ["go", "é", ""] * 3000
        assert v.vec.repeat(words, range(len(words))) == [w * i for i, w in enumerate(words)]
        assert v.vec.len(["abc", "é", ""]).tolist() == [3, 2, 0]                          # UTF-8 bytes
        levels = v.vec.level_of([1, 10, 20])
        assert levels == [v.Level.Low, v.Level.High, v.Level.High] and type(levels[1]) is v.Level, levels
    """,
    "the_shortest_iterable_decides": """
        assert v.vec.add([1, 2, 3], [10, 20, 30, 40]).tolist() == [11, 22, 33]
        assert v.vec.add((1, 2), [10, 20, 30]).tolist() == [11, 22]
        gen = (i for i in range(100))
        assert v.vec.add(gen, [1, 1]).tolist() == [1, 2]
        assert next(gen) == 2             # read only as far as the shortest list or tuple argument
        assert v.vec.add(range(5), iter(range(3))).tolist() == [0, 2, 4]
        assert v.vec.add({1: "a", 2: "b"}, (10, 10)).tolist() == [11, 12]       # any iterable
        big = list(range(3 * CHUNK + 7))
        assert v.vec.add(big, big).tolist() == [2 * x for x in big]              # several chunks
    """,
    "buffers_of_the_arrays_own_type_are_read_in_place": """
        xs = array.array("q", range(-3, 5000))
        r = v.vec.add(xs, xs)
        assert r.tolist() == [2 * x for x in xs]
        assert v.vec.add(r, memoryview(xs)).tolist() == [3 * x for x in xs]          # results chain
        assert v.vec.add(array.array("l", [1, 2]), [10, 20, 30]).tolist() == [11, 22]  # mixed, shortest
        assert v.vec.mask(array.array("Q", [2**64 - 1, 7]), [15, 1]).tolist() == [15, 1]
        fs = array.array("d", [0.5, 1.5, -2.0])
        assert v.vec.scale(fs, [2.0] * 3).tolist() == [1.0, 3.0, -4.0]
        assert v.vec.sqrt(memoryview(bytes(fs[:2])).cast("d")).tolist() == [v.sqrt(0.5), v.sqrt(1.5)]  # read-only
        # Another format, or a view that is not contiguous, is iterated and converted element-wise.
        assert v.vec.add(array.array("i", [1, 2]), array.array("h", [3, 4])).tolist() == [4, 6]
        assert v.vec.add(memoryview(xs)[::2], [0] * 3).tolist() == [-3, -1, 1]
        expect(OverflowError, "vec.small() argument 1[1]: 40000 is out of range for Go int16", v.vec.small, array.array("q", [1, 40000]))
        expect(TypeError, "vec.add() argument 1[0] must be int, not float", v.vec.add, array.array("d", [1.0]), [1])
        # The buffer is held for the call: Python code run by a conversion cannot resize it.
        a = array.array("q", [1, 2, 3])
        class Grow:
            def __index__(self):
                a.append(4)
                return 1
        expect(BufferError, "vec.add() argument 2[0]: ", v.vec.add, a, [Grow(), 1, 2])
        a.append(4)                                                                    # released after
        assert len(a) == 4
    """,
    "empty_inputs": """
        r = v.vec.add([], [1, 2])
        assert isinstance(r, array.array) and len(r) == 0
        assert v.vec.repeat([], []) == [] and v.vec.not_(iter([])) == []
        assert v.vec.count([]) is None
    """,
    "no_result_runs_for_side_effects": """
        before = v.counter()
        assert v.vec.count(range(10)) is None
        assert v.counter() == before + 45
        assert v.vec.check([1, 2], [5, 5]) is None
    """,
    "wrong_element_type_names_the_argument_and_index": """
        expect(TypeError, "vec.add() argument 2[5] must be int, not str", v.vec.add, range(10), [0] * 5 + ["x"])
        expect(TypeError, "vec.add() argument 1[4097] must be int, not float", v.vec.add, [0] * 4097 + [1.5], [0] * 5000)
        expect(TypeError, "vec.not_() argument 1[1] must be bool, not int", v.vec.not_, [True, 1])
        expect(TypeError, "vec.repeat() argument 1[0] must be str, not bytes", v.vec.repeat, [b"x"], [1])
        expect(TypeError, "vec.add() argument 2 must be iterable, not int", v.vec.add, [1], 5)
        expect(TypeError, "vec.add() takes exactly 2 arguments (1 given)", v.vec.add, [1])
        e = expect(UnicodeEncodeError, "vec.repeat() argument 1[1]: surrogates not allowed", v.vec.repeat, ["a", "\\ud800"], [1, 1])
        assert e.object == "\\ud800"
        class Bad:
            def __index__(self):
                raise ValueError("no index")
        expect(ValueError, "vec.add() argument 1[2]: no index", v.vec.add, [1, 2, Bad()], [1, 2, 3])
    """,
    "overflow_names_the_argument_and_index": """
        expect(OverflowError, "vec.add() argument 2[1]: 1180591620717411303424 is out of range for Go int", v.vec.add, [1, 2], [1, 2**70])
        expect(OverflowError, "vec.small() argument 1[3]: 40000 is out of range for Go int16", v.vec.small, [1, 2, 3, 40000])
        expect(OverflowError, "vec.mask() argument 2[0]: 256 is out of range for Go uint8", v.vec.mask, [1], [256])
        expect(OverflowError, "vec.mask() argument 1[0]: -1 is out of range for Go uint64", v.vec.mask, [-1], [1])
    """,
    "go_error_at_index_k": """
        e = expect(v.GoError, "vec.check() element 7: 9 is above 3", v.vec.check, [0] * 7 + [9, 10], [3] * 9)
        assert e.go_type == "*fmt.wrapError" or e.go_type.startswith("*"), e.go_type
        e = expect(v.ErrNegative, "vec.sqrt() element 5000: negative input", v.vec.sqrt, [1.0] * 5000 + [-1.0])
        assert isinstance(e, v.GoError)
        expect(v.GoError, "vec.halve() element 4100: 3 is odd", v.vec.halve, [2] * 4100 + [3])   # nogil path
        expect(UnicodeDecodeError, "vec.bad_utf8() element 4097 returned a Go string that is not valid UTF-8",
               v.vec.bad_utf8, [1] * 4097 + [-1])
    """,
    "panic_at_index_k": """
        e = expect(v.GoPanic, "vec.invert() element 2 panicked: zero has no inverse", v.vec.invert, [1, 2, 0, 4])
        assert "Invert" in e.go_stack
        expect(v.GoPanic, "vec.crash() element 9000 panicked: negative: -1", v.vec.crash, [1] * 9000 + [-1])
        assert v.vec.invert([1, 2]).tolist() == [100, 50]        # the process survives, the next run works
    """,
    "a_list_changed_by_a_conversion_raises": """
        ys = [1, 2, 3, 4]
        class Shrink:                      # arguments are converted one after the other
            def __index__(self):
                ys.clear()
                return 1
        expect(RuntimeError, "vec.add() argument 2: the list changed size during the call", v.vec.add, [Shrink(), 1, 2, 3], ys)
        strs = ["a", "b", "c", "d"]
        class ShrinkStrs:
            def __index__(self):
                strs.clear()
                return 1
        # str arguments are copied first: clearing their list does not free what Go reads.
        assert v.vec.repeat(strs, [ShrinkStrs(), 1, 1, 1]) == ["a", "b", "c", "d"]
    """,
    "nogil_forms_run_with_the_gil_released": """
        import threading
        xs = [float(i) for i in range(20000)]
        assert v.vec.hypot(xs, [0.0] * len(xs)).tolist() == xs
        done = []
        t = threading.Thread(target=lambda: done.append(v.vec.hypot(xs, xs)))
        t.start(); t.join()
        assert len(done[0]) == len(xs)
    """,
    "namespace_and_signatures": """
        import inspect
        assert v.vec.add.__name__ == "add" and v.vec.add.__module__ == "vectorized"
        assert str(inspect.signature(v.vec.add)) == "(a, b, /)"
        assert "Vectorized add" in v.vec.add.__doc__
        for name in ("pair", "sum", "now", "join", "counter"):      # two results, variadic, no parameter, slice
            assert not hasattr(v.vec, name), name
        assert not [n for n in vars(v) if n.startswith("_vec_")]
        assert isinstance(v.vec, type) and "vec" in dir(v)
    """,
}
