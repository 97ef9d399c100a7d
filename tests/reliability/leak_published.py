"""Leak check of the kinds fixed for the published libraries (``tests/e2e/published``: go_uuid,
semver, version, lru, cron, built into one directory): run as a script in its own interpreter,
``python leak_published.py N``, like ``leak_foreign.py`` (same measurement: warm up until RSS
settles, then N calls; one JSON line per kind). Each module has its own Go runtime, so every
one of them is asked to return freed memory before RSS is read."""

from __future__ import annotations

import ctypes
import gc
import io
import json
import os
import pickle
import sys
import time
from typing import Callable

import cron
import go_uuid as gu
import lru
import semver
import version

from leakcheck import measure  # noqa: E402 - this directory is sys.path[0]

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = [ctypes.CDLL(m.__file__) for m in (gu, semver, version, lru, cron)]


def rss() -> int:
    for lib in _GO:
        lib.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    # As leak_foreign.blocks: let Go's finalizers run (in every runtime) and pass through a
    # Go -> Python call (a reader), until the count stops falling.
    count = None
    for _ in range(20):
        for lib in _GO:
            lib.py4goDebugFreeOSMemory()
        time.sleep(0.02)
        gu.new_random_from_reader(io.BytesIO(bytes(16)))
        gc.collect()
        now = sys.getallocatedblocks()
        if count is not None and now >= count:
            return now
        count = now
    return count


def expect(exc: type[BaseException], fn: Callable[..., object], *args: object) -> Callable[[], None]:
    def call() -> None:
        try:
            fn(*args)
        except exc:
            return
        raise AssertionError(f"{fn.__name__}{args} did not raise {exc.__name__}")
    return call


P = gu.must_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
B16 = bytes(range(16))
IDS = gu.UUIDs([P, B16, P])
VS = [semver.must_parse(t) for t in ("1.2.3", "1.0", "2.0.0-rc.1", "0.4.2", "1.2.3-alpha", "3")]
COL = semver.Collection(VS)
HAS_NONE = semver.Collection([VS[0], None])
CON = semver.new_constraint(">= 1.2, < 2.0")
C1, C2 = version.new_constraint(">= 1.0, < 1.4"), version.new_constraint(">= 1.0, < 1.4")
HC = version.new_constraint("< 1.4, >= 1.0, != 1.2")
flip = [False]
EVICTS = lru.new_with_evict_str_int(1, lambda k, v: None)
NO_CB = lru.new_with_evict_str_int(1, None)


def option(c: object) -> None:
    """A Python function as a cron Option."""


def sort_both_ways() -> None:
    flip[0] = not flip[0]
    COL.sort(reverse=flip[0])


KINDS: dict[str, Callable[[], object]] = {
    "[]UUID result (instances)": lambda: IDS.value,
    "[]UUID arg (instances + bytes)": lambda: gu.UUIDs([P, B16]).strings(),
    "[]UUID items and append": lambda: (IDS[1], IDS.__setitem__(1, B16), gu.UUIDs().append(P)),
    "[]UUID bad element (ValueError)": expect(ValueError, gu.UUIDs, [P, b"short"]),
    "bytes(u)": lambda: bytes(P),
    "sort.Interface sort()": sort_both_ways,
    "sort() panicking in Less (GoPanic)": expect(semver.GoPanic, HAS_NONE.sort),
    "sort(key=) on a snapshot": lambda: HC.sort(key=str),
    "Equals as ==": lambda: (C1 == C2, C1[0] == C2[1]),
    "sentinel error raised": expect(semver.ErrInvalidSemVer, semver.new_version, "x"),
    "[]error result (validate)": lambda: CON.validate(VS[4]),
    "pickle via MarshalText": lambda: pickle.loads(pickle.dumps(VS[2])),
    "func options as variadic elements": lambda: cron.new(cron.with_seconds(), option),
    "None for a nil-checked func": lambda: (NO_CB.add("a", 1), NO_CB.add("b", 2)),   # type: ignore[union-attr]
    "eviction callback from Go": lambda: (EVICTS.add("a", 1), EVICTS.add("b", 2)),   # type: ignore[union-attr]
}


def warm_up(fn: Callable[[], object], first: int, chunk: int = 50_000, cap: int = 2_000_000) -> int:
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
