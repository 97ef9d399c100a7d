"""Leak check of the vectorized forms ``mod.vec.f(xs, ys)`` (the ``vectorized`` e2e package):
run as a script in its own interpreter, ``python leak_vectorized.py N``, like
``leak_foreign.py`` (warm up until RSS settles, then N calls, measured as leakcheck.measure does;
one JSON line per kind). Every path of the wrapper: results as an array and as a
list, iterables read into a list, and failures part-way (a conversion, a Go error, a panic, an
invalid string result, a list changed by a conversion) whose inputs, scratch arrays and
half-made results must all be released, and a buffer read in place must be released."""

from __future__ import annotations

import array
import ctypes
import gc
import json
import os
import sys
from typing import Callable

import vectorized as v

from leakcheck import measure  # noqa: E402 - this directory is sys.path[0]

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(v.__file__)
XS = list(range(40))
ARR = array.array("q", XS)
WORDS = ["go", "é", "x" * 40] * 10
PAST_CHUNK = [1] * 4097 + ["x"]  # the conversion fails in the second chunk


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    gc.collect()
    return sys.getallocatedblocks()


def _raises(exc: type[BaseException], fn: Callable[[], object]) -> None:
    try:
        fn()
    except exc:
        return
    raise AssertionError(f"{fn} did not raise {exc.__name__}")


class _Shrink:
    def __init__(self, target: list[int]) -> None:
        self.target = target

    def __index__(self) -> int:
        self.target.clear()
        return 1


def _list_changed() -> None:
    ys = list(range(8))
    _raises(RuntimeError, lambda: v.vec.add([_Shrink(ys)] + XS[:7], ys))


KINDS: dict[str, Callable[[], object]] = {
    "ints -> array": lambda: v.vec.add(XS, XS),
    "array('q') read in place": lambda: (v.vec.add(ARR, ARR), ARR.append(0), ARR.pop()),  # no export left
    "strings -> list": lambda: v.vec.repeat(WORDS, [2] * len(WORDS)),
    "generator -> list of enums": lambda: v.vec.level_of(x for x in XS),
    "nogil floats": lambda: v.vec.hypot([1.5] * 16, (2.5,) * 16),
    "wrong type, second chunk": lambda: _raises(TypeError, lambda: v.vec.add(PAST_CHUNK, PAST_CHUNK)),
    "overflow": lambda: _raises(OverflowError, lambda: v.vec.small([1, 2, 1 << 20])),
    "Go error part-way": lambda: _raises(v.ErrNegative, lambda: v.vec.sqrt([1.0, 4.0, -1.0, 9.0])),
    "panic part-way": lambda: _raises(v.GoPanic, lambda: v.vec.invert([1, 2, 0, 4])),
    "invalid string result part-way": lambda: _raises(UnicodeDecodeError, lambda: v.vec.bad_utf8([1, 2, -1, 3])),
    "list changed by a conversion": _list_changed,
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
        rss_delta, blocks_delta = measure(fn, n, rss, blocks)
        print(json.dumps({"kind": name, "calls": n, "rss_delta": rss_delta, "blocks_delta": blocks_delta,
                          "warm_up_calls": warm}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
