"""Leak check of numeric slice parameters viewing Python buffers (the ``buffers`` e2e
package): run as a script in its own interpreter, ``python leak_buffers.py N``, like
``leak_generics.py`` (warm up until RSS settles, then three windows of N calls, the quietest
one reported; one JSON line per kind). A buffer not released would keep its exporter's export
count up: each kind ends by resizing its array, which raises BufferError if one is still held."""

from __future__ import annotations

import array
import ctypes
import gc
import json
import os
import sys
from typing import Callable

import buffers as b

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(b.__file__)
ARR = array.array("d", [1.0] * 64)
INTS = array.array("q", [1] * 8)
RO = memoryview(ARR.tobytes()).cast("d")


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    gc.collect()
    return sys.getallocatedblocks()


def _resizable(a: array.array) -> None:  # type: ignore[type-arg]
    a.append(0)  # BufferError if a view were still held
    a.pop()


def _panicking() -> None:
    try:
        b.write_then_panic(INTS)
    except b.GoPanic:
        _resizable(INTS)
        return
    raise AssertionError("no panic")


def _failing() -> None:
    try:
        b.write_then_fail(INTS)
    except b.GoError:
        _resizable(INTS)
        return
    raise AssertionError("no error")


def _released() -> None:
    mv = memoryview(ARR)
    mv.release()
    try:
        b.sum_f64(mv)
    except ValueError:
        return
    raise AssertionError("released memoryview accepted")


def _second_argument_fails() -> None:
    try:
        b.dot(ARR, None)
    except TypeError:
        _resizable(ARR)
        return
    raise AssertionError("None accepted")


KINDS: dict[str, Callable[[], object]] = {
    "array('d') viewed": lambda: (b.sum_f64(ARR), _resizable(ARR)),
    "memoryview viewed, written": lambda: b.scale(memoryview(ARR), 1.0),
    "read-only buffer copied": lambda: b.sum_f64(RO),
    "strided view, element-wise": lambda: b.sum_f64(memoryview(ARR)[::2]),
    "other format, element-wise": lambda: b.sum_i32(array.array("h", [1, 2, 3])),
    "panic after writing": _panicking,
    "error after writing": _failing,
    "released memoryview": _released,
    "nogil, second argument fails": _second_argument_fails,
    "//py4go:buffer result": lambda: b.histogram(ARR, 1.0, 4),
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
