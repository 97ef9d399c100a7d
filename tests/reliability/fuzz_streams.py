"""Boundary fuzzing of Go streams as Python iterators (the ``streams`` e2e package): run as
a script in its own interpreter (``python fuzz_streams.py MAX_EXAMPLES``) so a crash kills
this process, not pytest.

Sequence and channel parameters get lists, tuples, generators and dict views of ints near
int64's edges and of arbitrary values (a wrong item is a TypeError or OverflowError naming
the function); results are compared with Python's own (``str.split``, ``enumerate``,
``sum``), with iterators abandoned at random points. Exits 1 on the first mismatch.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from typing import Any, Iterable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import streams as s

I64 = st.integers(-(2**62), 2**62)
junk = st.one_of(st.none(), st.floats(), st.text(max_size=3), st.binary(max_size=3), st.integers(2**63, 2**80),
                 st.lists(st.integers(), max_size=2))
shapes = st.sampled_from([list, tuple, lambda xs: (x for x in xs), lambda xs: iter(list(xs))])


def expect_error(fn: Any, arg: Iterable[Any], name: str) -> None:
    try:
        fn(arg)
    except (TypeError, OverflowError) as e:
        assert str(e).startswith(name + "()"), str(e)
    else:
        raise AssertionError(f"{name} accepted a bad item")


@given(st.lists(I64, max_size=20), shapes)
def sum_matches(xs: list[int], shape: Any) -> None:
    # Keep the sum inside int64 (Go's int wraps; the model is Python's sum of small values).
    xs = [x // 64 for x in xs]
    assert s.sum(shape(xs)) == sum(xs)
    assert s.total(shape(xs)) == sum(xs)


@given(st.lists(I64, max_size=5), junk, st.integers(0, 5), shapes)
def bad_items_raise(xs: list[int], bad: Any, at: int, shape: Any) -> None:
    items = [x // 64 for x in xs]
    items.insert(min(at, len(items)), bad)
    expect_error(s.sum, shape(items), "sum")
    expect_error(s.total, shape(items), "total")


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00e9"), max_size=30), st.integers(0, 8))
def words_match_split(text: str, stop_after: int) -> None:
    assert list(s.words(text)) == text.split()
    assert list(s.enumerate(text)) == list(enumerate(text.split()))
    it = s.words(text)
    for _ in zip(range(stop_after), it):
        pass
    del it
    assert s.first_n(iter(text.split()), stop_after) == text.split()[:stop_after]


LOOP = asyncio.new_event_loop()


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00e9"), max_size=30), st.integers(0, 8), st.integers(0, 3))
def async_for_matches_for(text: str, stop_after: int, sync_first: int) -> None:
    """`async for` gives what `for` gives (after some next() calls too), and breaking out of
    it at any point stops the Go sequence."""
    async def collect(it: Any, limit: int | None = None) -> list[Any]:
        out = []
        async for x in it:
            if limit is not None and len(out) == limit:
                break
            out.append(x)
        return out
    it = s.words(text)
    head = [x for _, x in zip(range(sync_first), it)]
    assert head + LOOP.run_until_complete(collect(it)) == text.split()
    assert LOOP.run_until_complete(collect(s.enumerate(text))) == list(enumerate(text.split()))
    assert LOOP.run_until_complete(collect(s.naturals(), stop_after)) == list(range(stop_after))


@given(st.dictionaries(st.text(alphabet="xyz", max_size=3), I64, max_size=5))
def pairs_join(d: dict[str, int]) -> None:
    assert s.join(d.items()) == ",".join(f"{k}={v}" for k, v in d.items())


@given(st.lists(st.text(max_size=4), max_size=8), st.text(max_size=4))
def tags_behave_like_an_ordered_set(items: list[str], probe: str) -> None:
    t = s.new_tags(*items)
    unique = list(dict.fromkeys(items))
    assert len(t) == len(unique) and list(t) == unique and (probe in t) == (probe in unique)
    assert bool(t) == bool(unique)


def main() -> int:
    n = int(sys.argv[1])
    before = s.goroutines()
    for name, test in [("sum_matches", sum_matches), ("bad_items_raise", bad_items_raise),
                       ("words_match_split", words_match_split), ("pairs_join", pairs_join),
                       ("tags_behave_like_an_ordered_set", tags_behave_like_an_ordered_set),
                       ("async_for_matches_for", async_for_matches_for)]:
        settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck))(test)()
        print(f"{name}: {n} examples ok", flush=True)
    gc.collect()
    # No abandoned sequence left running; the one goroutine more is the runtime's aio pump,
    # started by the first `async for` and kept for the process.
    assert s.goroutines() == before + 1, (before, s.goroutines())
    print("goroutines ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
