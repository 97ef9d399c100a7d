"""Leak check of generic functions bound per instantiation (the ``generics`` e2e package):
run as a script in its own interpreter, ``python leak_generics.py N``, like ``leak_streams.py``
(warm up until RSS settles, then three windows of N calls, the quietest one reported, as in
``leak_objects.py``; one JSON line per kind)."""

from __future__ import annotations

import ctypes
import gc
import json
import os
import sys
from typing import Callable

import generics as g

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(g.__file__)


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    gc.collect()
    return sys.getallocatedblocks()


def _never(s: str) -> bool:
    return False


def _error_result() -> None:
    # A module-level predicate: a lambda per call would be released only by Go's finalizers
    # (docs/reliability.md, "Not covered yet"), which shows as blocks, not as a leak.
    try:
        g.find_str(["a", "b"], _never)
    except g.GoError:
        return
    raise AssertionError("find_str did not fail")


def _panicking() -> None:
    try:
        g.largest_id([])
    except g.GoPanic:
        return
    raise AssertionError("largest_id did not panic")


def _constraint_mismatch() -> None:
    try:
        g.sum_int(1, "x")
    except TypeError:
        return
    raise AssertionError("sum_int accepted a str")


def _write_back() -> None:
    xs = [1.0, 2.0, 3.0]
    g.fill_float64(xs, 0.5)


def _set_ops() -> None:
    s = g.new_set_str("a", "b")
    s.add("c")
    s.union(g.SetStr()).has("a")


KINDS: dict[str, Callable[[], object]] = {
    "Map[int, string] with a callback": lambda: g.map_int_str([1, 2, 3], str),
    "Sum[float64] variadic": lambda: g.sum_float64(1.5, 2.5, 3.0),
    "Count[string] dict result": lambda: g.count_str(["a", "b", "a"]),
    "Largest[IDs] tuple result": lambda: g.largest_id([3, 1, 2]),
    "Pairs[map[string]float64]": lambda: g.pairs_dict_str_float64({"a": 1.0, "b": 2.0}),
    "Find[string] error result": _error_result,
    "Largest panicking": _panicking,
    "Sum[int] wrong argument": _constraint_mismatch,
    "Fill[float64] write-back": _write_back,
    "Set[string] class: new, add, union, has": _set_ops,
    "Node[int] linked instances as argument": lambda: g.sum_list_int(g.NodeInt(1, g.NodeInt(2))),
}


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
        warm = warm_up(fn, max(n // 10, 20_000))
        # Three windows of n calls; the quietest counts (as in leak_objects.py, which takes two):
        # a callback's Go closure is released by a finalizer, so a window's RSS moves with Go's
        # GC timing (0.1-1.3 MiB measured for the callback kind, not growing with the number of
        # calls: 50,000 or 500,000), while a leak of anything per call shows in every window.
        windows = []
        for _ in range(3):
            b0, r0 = blocks(), rss()
            for _ in range(n):
                fn()
            b1, r1 = blocks(), rss()
            windows.append((r1 - r0, abs(b1 - b0), b1 - b0))
        dr, _, db = min(windows)
        print(json.dumps({"kind": name, "calls": n, "rss_delta": dr, "blocks_delta": db, "warm_up_calls": warm,
                          "windows": [(w[0], w[2]) for w in windows]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
