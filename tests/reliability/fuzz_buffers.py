"""Boundary fuzzing of numeric slice parameters viewing Python buffers (the ``buffers`` e2e
package): run as a script in its own interpreter (``python fuzz_buffers.py MAX_EXAMPLES``) so a
crash kills this process, not pytest.

Arrays of every format at their type's edges, as themselves, as memoryviews (whole, strided,
reversed, read-only, released) and as lists, are summed and scaled by Go and compared with
Python's own results; a format that does not match is converted element by element (range
errors are OverflowError, wrong kinds TypeError, naming the argument). Exits 1 on the first
mismatch.
"""

from __future__ import annotations

import array
import math
import sys
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import buffers as b

# (array code, function, min, max)
INTS = [("q", b.sum_i64, -(2**62), 2**62), ("i", b.sum_i32, -(2**31), 2**31 - 1), ("h", b.sum_i16, -(2**15), 2**15 - 1),
        ("b", b.sum_i8, -128, 127), ("Q", b.sum_u64, 0, 2**62), ("I", b.sum_u32, 0, 2**32 - 1),
        ("H", b.sum_u16, 0, 2**16 - 1)]
views = st.sampled_from(["array", "memoryview", "strided", "reversed", "readonly", "list"])


def shape(a: array.array, how: str) -> Any:  # type: ignore[type-arg]
    if how == "array":
        return a
    if how == "memoryview":
        return memoryview(a)
    if how == "strided":
        return memoryview(a)[::2]
    if how == "reversed":
        return memoryview(a)[::-1]
    if how == "readonly":
        return memoryview(a.tobytes()).cast(a.typecode)
    return a.tolist()


def expected(a: array.array, how: str) -> list[Any]:  # type: ignore[type-arg]
    """The items Go sees, in its order (a float sum depends on it)."""
    return a.tolist()[::2] if how == "strided" else a.tolist()[::-1] if how == "reversed" else a.tolist()


@given(st.data(), views)
def int_sums_match(data: st.DataObject, how: str) -> None:
    code, fn, lo, hi = data.draw(st.sampled_from(INTS))
    a = array.array(code, data.draw(st.lists(st.integers(lo, hi), max_size=20)))
    want = sum(expected(a, how))
    if code == "Q":
        want %= 2**64  # Go's uint64 sum wraps
    elif code == "q":
        want = (want + 2**63) % 2**64 - 2**63  # and so does int64
    assert fn(shape(a, how)) == want, (code, how)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), max_size=20), views,
       st.floats(-4, 4, allow_nan=False))
def float_sums_and_writes_match(xs: list[float], how: str, k: float) -> None:
    a = array.array("d", xs)
    got, want = b.sum_f64(shape(a, how)), 0.0
    for x in expected(a, how):
        want += x
    assert got == want or (math.isnan(got) and math.isnan(want))
    before = a.tolist()
    target = shape(a, how)
    b.scale(target, k)
    if how in ("array", "memoryview"):
        assert a.tolist() == [x * k for x in before]                # in place
    elif how in ("strided", "reversed"):
        # a sequence Go gets a copy of (unchanged), unless the view holds at most one element:
        # then it is contiguous, and viewed like the rest
        positions = range(len(before))[::2] if how == "strided" else range(len(before))[::-1]
        touched = set(positions) if len(target) <= 1 else set()
        assert a.tolist() == [x * k if i in touched else x for i, x in enumerate(before)]
    elif how == "list":
        assert target == [x * k for x in before]
    else:
        assert a.tolist() == before  # read-only: Go wrote into its copy


@given(st.lists(st.integers(-(2**15), 2**15 - 1), min_size=1, max_size=8))
def mismatched_formats_are_checked(xs: list[int]) -> None:
    a = array.array("h", xs)  # int16 items for an []int8 parameter: converted one by one
    if all(-128 <= x <= 127 for x in xs):
        assert b.sum_i8(a) == sum(xs)
    else:
        try:
            b.sum_i8(a)
        except OverflowError as e:
            assert "sum_i8() argument 1[" in str(e), str(e)
        else:
            raise AssertionError("an int16 out of int8's range was accepted")
    mv = memoryview(a)
    mv.release()
    try:
        b.sum_i16(mv)
    except ValueError as e:
        assert "sum_i16() argument 1" in str(e), str(e)
    else:
        raise AssertionError("a released memoryview was accepted")
    a.append(0)  # nothing left holding the buffer


def main() -> int:
    n = int(sys.argv[1])
    for name, test in [("int_sums_match", int_sums_match), ("float_sums_and_writes_match", float_sums_and_writes_match),
                       ("mismatched_formats_are_checked", mismatched_formats_are_checked)]:
        settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck))(test)()
        print(f"{name}: {n} examples ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
