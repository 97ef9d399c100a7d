"""Boundary fuzzing of generic functions bound per instantiation (the ``generics`` e2e
package): run as a script in its own interpreter (``python fuzz_generics.py MAX_EXAMPLES``) so
a crash kills this process, not pytest.

Each instantiation gets values at its type argument's edges (int64's limits for ``Sum[int]``,
floats with infinities for ``Sum[float64]``, any text for ``Count[string]``) and wrong values
(a wrong item is a TypeError, OverflowError or UnicodeEncodeError naming the function);
results are compared with Python's own (``sum``, ``collections.Counter``, ``max``). Exits 1 on
the first mismatch.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import generics as g

I64 = st.integers(-(2**63), 2**63 - 1)
junk = st.one_of(st.none(), st.text(max_size=3), st.binary(max_size=3), st.integers(2**63, 2**80),
                 st.integers(-(2**80), -(2**63) - 1), st.lists(st.integers(), max_size=2))


def expect_error(fn: Any, *args: Any, name: str) -> None:
    try:
        fn(*args)
    except (TypeError, OverflowError, UnicodeEncodeError) as e:
        assert name in str(e), str(e)
    else:
        raise AssertionError(f"{name} accepted a bad item: {args!r}")


@given(st.lists(I64, max_size=20), st.lists(st.floats(allow_nan=False), max_size=20))
def sums_match(ints: list[int], floats: list[float]) -> None:
    small = [x // 64 for x in ints]               # Go's int wraps: keep the model's sum in range
    assert g.sum_int(*small) == sum(small)
    got, want = g.sum_float64(*floats), 0.0
    for f in floats:                              # Go adds left to right, like this loop
        want += f
    assert got == want or (math.isnan(got) and math.isnan(want))


@given(st.lists(I64, max_size=5), junk, st.integers(0, 5))
def bad_items_raise(xs: list[int], bad: Any, at: int) -> None:
    items: list[Any] = list(xs)
    items.insert(min(at, len(items)), bad)
    expect_error(g.sum_int, *items, name="sum_int")
    expect_error(g.largest_id, items, name="largest_id")
    expect_error(g.map_int_str, items, str, name="map_int_str")


@given(st.lists(st.text(max_size=4), max_size=15))
def counts_match_counter(words: list[str]) -> None:
    if any("\ud800" <= ch <= "\udfff" for w in words for ch in w):
        expect_error(g.count_str, words, name="count_str")   # a lone surrogate has no UTF-8
        return
    assert g.count_str(words) == dict(Counter(words))
    assert g.lengths(words, len) == [len(w) for w in words]
    if words:
        best = max(words)
        assert g.largest_list_str(words) == (best, words.index(best))


@given(st.lists(I64, min_size=1, max_size=15))
def largest_matches_max(xs: list[int]) -> None:
    assert g.largest_id(xs) == (max(xs), xs.index(max(xs)))
    assert g.map_int_str(xs, str) == [str(x) for x in xs]


@given(st.lists(st.tuples(st.sampled_from(["add", "has", "union"]), I64), max_size=25))
def set_matches_python_set(ops: list[tuple[str, int]]) -> None:
    """Set[int] (class IntSet) against Python's set, one random operation at a time."""
    s, model = g.IntSet(), set()
    for op, x in ops:
        if op == "add":
            s.add(x)
            model.add(x)
        elif op == "has":
            assert s.has(x) == (x in model)
        else:
            s = s.union(g.new_int_set(x))
            model |= {x}
        assert len(s) == len(model)
    expect_error(s.add, 2**63, name="IntSet.add")


def main() -> int:
    n = int(sys.argv[1])
    for name, test in [("sums_match", sums_match), ("bad_items_raise", bad_items_raise),
                       ("counts_match_counter", counts_match_counter), ("largest_matches_max", largest_matches_max),
                       ("set_matches_python_set", set_matches_python_set)]:
        settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck))(test)()
        print(f"{name}: {n} examples ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
