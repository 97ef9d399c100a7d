"""Leak check of every wrapper kind of the kitchen extension (run as a script, in its own
interpreter: ``python leak_kitchen.py N``).

For each kind: warm up (N/10 calls, at least 20,000, then until RSS stops growing: Python's
free lists, the Go heap and its GC pacing reach their steady state), measure, make N calls,
measure again. Prints one JSON
object per kind: calls, RSS growth in bytes (/proc/self/statm) and the change of
``sys.getallocatedblocks()`` after ``gc.collect()``.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import sys
from typing import Callable

import kitchen

from leakcheck import measure  # noqa: E402 - this directory is sys.path[0]

PAGE = os.sysconf("SC_PAGE_SIZE")


# The Go runtime inside the extension exports this hook: collect and return freed memory to
# the OS, so the Go heap's pacing does not show up as RSS growth.
_GO = ctypes.CDLL(kitchen.__file__)


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    gc.collect()
    return sys.getallocatedblocks()


def expect(exc: type[BaseException], fn: Callable[..., object], *args: object) -> Callable[[], None]:
    def call() -> None:
        try:
            fn(*args)
        except exc:
            return
        raise AssertionError(f"{fn.__name__}{args} did not raise {exc.__name__}")
    return call


S1, S2, B = "héllo wörld", "✓ done", b"abc\x00def" * 4
XS, TXS = list(range(-50, 50)), tuple(range(100))  # negate(XS) flips XS in place, call after call

KINDS: dict[str, Callable[[], object]] = {
    "int": lambda: kitchen.add(123456789, -5),
    "int8 via __index__": lambda: kitchen.int8(True),
    "float": lambda: kitchen.sqrt(2.0),
    "float32": lambda: kitchen.float32(1.5),
    "bool": lambda: kitchen.not_(True),
    "str arg+result": lambda: kitchen.concat(S1, S2),
    "bytes arg+result": lambda: kitchen.reverse(B),
    "bytearray/memoryview arg": lambda: kitchen.reverse(memoryview(bytearray(B))),
    "variadic str": lambda: kitchen.join(", ", S1, S2, "x"),
    "variadic int": lambda: kitchen.sum(1, 2, 3, 4, 5),
    "multi-result tuple": lambda: kitchen.describe(S1),
    "no result": lambda: kitchen.nothing(),
    "error (GoError)": expect(kitchen.GoError, kitchen.checked, -1),
    "panic (GoPanic)": expect(kitchen.GoPanic, kitchen.panic, "boom"),
    "runtime panic (divide by zero)": expect(kitchen.GoPanic, kitchen.divide, 1, 0),
    "bad argument (TypeError)": expect(TypeError, kitchen.add, 1, "x"),
    "bad variadic element": expect(TypeError, kitchen.join, ",", "a", 3),
    "out of range (OverflowError)": expect(OverflowError, kitchen.int8, 1000),
    "surrogate (UnicodeEncodeError)": expect(UnicodeEncodeError, kitchen.upper, "a\udc80"),
    "invalid UTF-8 result": expect(UnicodeDecodeError, kitchen.invalid),
    "strided buffer (BufferError)": expect(BufferError, kitchen.reverse, memoryview(B)[::2]),
    "wrong arg count": expect(TypeError, kitchen.add, 1),
    "[]int list written back": lambda: kitchen.negate(XS),
    "[]int tuple copied in": lambda: kitchen.negate(TXS),
    "bytearray written back": lambda: kitchen.fill(bytearray(B)),
    "[4]byte arg+result": lambda: kitchen.key(b"abcd"),
    "[]Word (defined scalar elements) arg+result": lambda: kitchen.words(list(range(0, 65536, 997))),
    "[]Word element out of range (OverflowError)": expect(OverflowError, kitchen.words, [1, 65536]),
    "out-parameter dict filled": lambda: kitchen.unmarshal(b'{"a": [1, "x", null], "b": {"c": true}}', {"old": [1]}),
    "out-parameter list filled": lambda: kitchen.unmarshal(b'[1, "two"]', []),
    "out-parameter not fillable (TypeError)": expect(TypeError, kitchen.unmarshal, b"1", 5),
    "out-parameter Go error": expect(kitchen.GoError, kitchen.unmarshal, b"{", {}),
}


def warm_up(fn: Callable[[], object], first: int, chunk: int = 50_000, cap: int = 2_000_000) -> int:
    """Call fn until RSS stops growing: ``first`` calls, then chunks until two chunks in a row
    add no resident memory (the Go heap of a kind that allocates Go strings settles at a few
    MiB above its start after several hundred thousand calls: GC pacing, not a leak)."""
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
    only = sys.argv[2].split("|") if len(sys.argv) > 2 else list(KINDS)
    for name in only:
        fn = KINDS[name]
        warm = warm_up(fn, max(n // 10, 20_000))
        rss_delta, blocks_delta = measure(fn, n, rss, blocks)
        print(json.dumps({"kind": name, "calls": n, "rss_delta": rss_delta, "blocks_delta": blocks_delta,
                          "warm_up_calls": warm}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
