"""Behaviour checks of numeric slice parameters viewing Python buffers (tests/e2e/buffers).

Each snippet runs with ``buffers`` imported as ``b``; ``expect(exc, text, fn, *args)`` asserts
that the call raises ``exc`` with ``text`` in its message. Shared with the ASan run
(tests/reliability/test_sanitizers.py).
"""

PRELUDE = """
import array, gc, sys
import buffers as b
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (getattr(fn, "__name__", fn), str(e))
    else:
        raise AssertionError(f"{fn!r}{args!r} did not raise {exc.__name__}")
"""

CHECKS: dict[str, str] = {
    "every_format_is_viewed": """
        for code, fn, values in [("d", b.sum_f64, [1.5, -2.0]), ("f", b.sum_f32, [0.5, 0.25]),
                                 ("q", b.sum_i64, [2**62, -5]), ("l", b.sum_i64, [3, 4]),
                                 ("q", b.sum_int, [10, -20]), ("i", b.sum_i32, [2**31 - 1, 1]),
                                 ("h", b.sum_i16, [-32768, 5]), ("b", b.sum_i8, [-128, 127]),
                                 ("Q", b.sum_u64, [2**64 - 1, 0]), ("I", b.sum_u32, [2**32 - 1, 1]),
                                 ("H", b.sum_u16, [65535, 1])]:
            a = array.array(code, values)
            assert fn(a) == sum(values), (code, fn(a))
            assert fn(memoryview(a)) == sum(values)                 # a memoryview of it
            assert fn(values) == sum(values)                        # a list: element-wise
        # complex: a 'Zd' buffer needs numpy (memoryview cannot cast to it); doubles do not match
        # 'Zd', so they take the element-wise path, where a float is a complex (as in cmath)
        assert b.sum_c128(array.array("d", [1.0, 2.0])) == 3 + 0j
        assert b.sum_c128([1 + 2j, 3]) == 4 + 2j and b.sum_c64([0.5j]) == 0.5j
    """,
    "writes_are_visible_in_writable_buffers": """
        a = array.array("d", [1.0, 2.0, 3.0])
        assert b.scale(a, 2.0) is None and a.tolist() == [2.0, 4.0, 6.0]
        raw = bytearray(array.array("d", [1.0, -1.0]).tobytes())
        b.scale(memoryview(raw).cast("d"), 3.0)                      # a bytearray seen as doubles
        assert array.array("d", bytes(raw)).tolist() == [3.0, -3.0]
        ints = array.array("i", [0] * 4)
        b.fill(ints, -7)
        assert ints.tolist() == [-7] * 4
        xs = [1.0, 2.0]
        b.scale(xs, 10)                                             # a list: written back as before
        assert xs == [10.0, 20.0]
    """,
    "read_only_buffers_are_copied_in": """
        ro = memoryview(array.array("d", [1.0, 2.0]).tobytes()).cast("d")
        assert ro.readonly and b.sum_f64(ro) == 3.0
        b.scale(ro, 5.0)                                            # Go wrote into its copy
        assert ro.tolist() == [1.0, 2.0]
    """,
    "other_layouts_take_the_element_wise_path": """
        a = array.array("d", [1.0, 2.0, 3.0, 4.0])
        assert b.sum_f64(memoryview(a)[::2]) == 4.0                   # strided: not contiguous
        assert b.count(memoryview(a)[::-1]) == 4
        assert b.sum_f64(array.array("i", [1, 2])) == 3.0             # another format: converted
        expect(TypeError, "sum_i32() argument 1[0] must be int, not float", b.sum_i32, array.array("d", [1.5]))
        expect(TypeError, "sum_f64() argument 1 must be", b.sum_f64, bytes(8))     # bytes: 'B', not doubles
        expect(OverflowError, "", b.sum_i8, array.array("h", [300]))   # int16 items range-checked for int8
        assert b.mean(array.array("d", [1.0, 3.0])) == 2.0            # a defined float: element-wise
        assert b.sum_f64(array.array("d")) == 0.0 and b.count(array.array("d")) == 0
    """,
    "released_and_resized_buffers": """
        a = array.array("d", [1.0, 2.0])
        mv = memoryview(a)
        mv.release()
        expect(ValueError, "sum_f64() argument 1: operation forbidden on released memoryview", b.sum_f64, mv)
        raw = bytearray(16)
        view = memoryview(raw).cast("d")
        def resize():
            try:
                raw.extend(b"x" * 64)                                 # the buffer is held: refused
            except BufferError:
                return
            raise AssertionError("resized a held buffer")
        del view
        assert b.during(memoryview(raw).cast("d"), resize) == 0.0
        raw.extend(b"\\0" * 8)                                        # released after the call
        assert len(raw) == 24
        grow = array.array("d", [1.0])
        assert b.during(grow, lambda: expect(BufferError, "", grow.append, 2.0)) == 1.0
        grow.append(2.0)
    """,
    "released_on_every_path": """
        x = array.array("q", [1, 2])
        expect(b.GoPanic, "boom", b.write_then_panic, x)
        assert x.tolist() == [7, 2]                                   # the write happened in place
        x.append(3)                                                   # and the buffer was released
        expect(b.GoError, "failed after writing", b.write_then_fail, x)
        assert x[0] == 9
        x.append(4)
        a, c = array.array("d", [1.0, 2.0]), array.array("d", [3.0, 4.0])
        assert b.dot(a, c) == 11.0                                    # without the GIL
        expect(b.GoError, "length mismatch", b.dot, a, array.array("d", [1.0]))
        a.append(5.0); c.append(6.0)
        assert b.dot(a, c) == 41.0
        expect(TypeError, "", b.dot, a, None)                         # the first view is released too
        a.append(1.0)
    """,
    "named_slices_view_buffers_too": """
        a = array.array("d", [1.0, 4.0, 2.0])
        assert b.peak(a) == 4.0 and b.peak([3, 1]) == 3.0
        b.normalize(a)
        assert a.tolist() == [0.25, 1.0, 0.5]                          # type Samples []float64, in place
    """,
    "buffer_results_are_arrays": """
        r = b.ramp(4)
        assert type(r) is array.array and r.typecode == "d" and r.tolist() == [0.0, 1.0, 2.0, 3.0]
        assert b.ramp(0) == array.array("d")
        h = b.histogram(b.ramp(10), 3.0, 4)                            # a result feeding a parameter
        assert h.typecode == "q" and h.tolist() == [3, 3, 3, 1]
        expect(b.GoError, "bucket width must be positive", b.histogram, [], 0.0, 1)
        assert b.halves(3).typecode == "f" and b.halves(3).tolist() == [0.0, 0.5, 1.0]
        assert b.halves(0) == array.array("f")                         # a nil slice: an empty array
        r.append(9.0)                                                  # Python's own memory: resizable
        assert len(r) == 5
    """,
    "numpy_arrays_when_installed": """
        try:
            import numpy as np
        except ImportError:
            np = None
        if np is not None:
            v = np.arange(6, dtype=np.float64)
            assert b.sum_f64(v) == 15.0
            b.scale(v, 2.0)
            assert v.tolist() == [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
            assert b.sum_f64(v[::2]) == 12.0                          # strided: element-wise
            assert b.sum_c128(np.array([1 + 1j, 2], dtype=np.complex128)) == 3 + 1j
            assert b.sum_i32(np.array([1, 2], dtype=np.int32)) == 3
    """,
}
