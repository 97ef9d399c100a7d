"""Leak check of Go streams as Python iterators (the ``streams`` e2e package): run as a
script in its own interpreter, ``python leak_streams.py N``, like ``leak_foreign.py`` (same
measurement: warm up until RSS settles, then N calls; one JSON line per kind)."""

from __future__ import annotations

import asyncio
import ctypes
import gc
import json
import os
import sys
from typing import Any, Callable, Iterator

import streams as s

from leakcheck import measure  # noqa: E402 - this directory is sys.path[0]

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(s.__file__)


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    gc.collect()
    return sys.getallocatedblocks()


def _abandoned() -> None:
    it = s.naturals()
    next(it)
    next(it)  # dropped here: the Go sequence is stopped


def _panicking() -> None:
    it = s.explode()
    next(it)
    try:
        next(it)
    except s.GoPanic:
        return
    raise AssertionError("explode did not panic")


def _failing() -> Iterator[int]:
    yield 1
    raise ValueError("boom")


def _raising_parameter() -> None:
    try:
        s.sum(_failing())
    except ValueError:
        return
    raise AssertionError("sum did not raise")


TAGS = s.new_tags("go", "py")
LOOP = asyncio.new_event_loop()


async def _async_collect(it: Any, limit: int | None = None) -> list[Any]:
    out = []
    async for x in it:
        if limit is not None and len(out) == limit:
            break
        out.append(x)
    return out


def _async_panicking() -> None:
    try:
        LOOP.run_until_complete(_async_collect(s.explode()))
    except s.GoPanic:
        return
    raise AssertionError("explode did not panic")

KINDS: dict[str, Callable[[], object]] = {
    "iter.Seq result, run out": lambda: list(s.count(5)),
    "iter.Seq result, abandoned": _abandoned,
    "iter.Seq2 result": lambda: list(s.enumerate("a b c")),
    "iter.Seq of bound structs": lambda: list(s.diagonal(3)),
    "iter.Seq panicking": _panicking,
    "iter.Seq parameter": lambda: s.sum([1, 2, 3]),
    "iter.Seq parameter, exception": _raising_parameter,
    "iter.Seq2 parameter": lambda: s.join([("a", 1), ("b", 2)]),
    "<-chan result": lambda: list(s.ticks(3, 0)),
    "<-chan parameter": lambda: s.total((1, 2, 3)),
    "interface result of a hidden type (GoTicker)": lambda: (s.peek(s.new_ticker(1)), s.new_ticker(0).next()),
    "Go method shapes as protocols (len, iter, in, repr)": lambda: (len(TAGS), list(TAGS), "go" in TAGS, repr(TAGS)),
    "async for: Seq, Seq2, channel, break": lambda: (
        LOOP.run_until_complete(_async_collect(s.count(3))), LOOP.run_until_complete(_async_collect(s.enumerate("a"))),
        LOOP.run_until_complete(_async_collect(s.ticks(2, 0))), LOOP.run_until_complete(_async_collect(s.naturals(), 2))),
    "async for: panicking sequence": _async_panicking,
}
#: Kinds measured over a tenth of the calls (see main).
ASYNC_KINDS = frozenset(k for k in KINDS if k.startswith("async for"))


def warm_up(fn: Callable[[], object], first: int, chunk: int = 20_000, cap: int = 1_000_000) -> int:
    """Call fn until RSS stops growing (see leak_kitchen.warm_up)."""
    for _ in range(first):
        fn()
    calls, still = first, 0
    while still < 2 and calls < cap:
        before = rss()
        for _ in range(chunk):
            fn()
        calls += chunk
        still = still + 1 if rss() <= before else 0
    return calls


def main() -> int:
    n = int(sys.argv[1])
    for name, fn in KINDS.items():
        # An awaited item costs ~30 µs of thread wake-ups (docs/concurrency.md): those kinds make
        # a tenth of the calls, still thousands of times the 64-block limit for a per-call leak.
        kind_n = n // 10 if name in ASYNC_KINDS else n
        # Warm-up is capped at 4 windows: RSS on a busy machine may never be still twice in a
        # row (370,000 calls were seen), and measure's re-measure absorbs what is left.
        warm = warm_up(fn, max(kind_n // 10, 2_000 if name in ASYNC_KINDS else 10_000),
                       chunk=2_000 if name in ASYNC_KINDS else 10_000, cap=4 * kind_n)
        rss_delta, blocks_delta = measure(fn, kind_n, rss, blocks)
        print(json.dumps({"kind": name, "calls": kind_n, "rss_delta": rss_delta, "blocks_delta": blocks_delta,
                          "warm_up_calls": warm}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
