"""Leak check of the object protocols of the ``objects`` e2e package (copy, deepcopy, pickle,
sequences and mappings): run as a script in its own interpreter, ``python leak_objects.py N``,
like ``leak_kitchen.py`` (warm up until RSS settles, then two windows of N calls, the quieter
one reported; one JSON line per kind). Each kind also checks that the Go values it made are freed (live handles)."""

from __future__ import annotations

import copy
import ctypes
import gc
import json
import os
import pickle
import sys
from typing import Callable

import objects as o

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(o.__file__)
_GO.py4goLiveHandles.restype = ctypes.c_longlong


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    gc.collect()
    # A full collection empties the interpreter's free lists (80 dicts and their keys, 80
    # lists, 100 floats, 2000 tuples of each size up to 20), which the next calls refill:
    # hundreds of blocks that are not a leak. Fill them before both counts, so the difference
    # is what the calls kept.
    junk = [({i: i}, [i], float(i)) for i in range(400)]
    junk += [tuple(range(size)) + (i,) for size in range(20) for i in range(2100)]
    del junk
    return sys.getallocatedblocks()


def expect(exc: type[BaseException], fn: Callable[..., object], *args: object) -> Callable[[], None]:
    def call() -> None:
        try:
            fn(*args)
        except exc:
            return
        raise AssertionError(f"{fn} did not raise {exc.__name__}")
    return call


P = o.Point(1, 2, "label")
SHAPE = o.Shape(name="s", points=[P, P], tags={"a": 1, "b": 2}, origin=P, parent=o.Shape(name="up"), raw=b"xyz")
LOOP = o.Shape(name="loop")
LOOP.parent = LOOP
IDS = o.IDs(range(10))
SET = o.Set({"a": True, "b": False})
VEC = o.Vec([1, 2, 3])
PTS = o.Pts([P, P])
VERSION = o.parse_version("1.2.3")
TOKEN = o.new_token(7, "tok")
SECRET = o.new_secret(1, 2)


def seq_mutations() -> None:
    ids = o.IDs([1, 2, 3])
    ids.append(4)
    ids += [5, 6]
    ids[0] = 9
    del ids[1]
    ids[1:3] = [7]
    ids.insert(0, 0)
    ids.pop()


def map_mutations() -> None:
    s = o.Set()
    s["a"] = True
    s["b"] = False
    del s["a"]
    s.update(c=True)
    s.pop("c")


KINDS: dict[str, Callable[[], object]] = {
    "copy struct": lambda: copy.copy(P),
    "deepcopy nested struct": lambda: copy.deepcopy(SHAPE),
    "deepcopy cycle": lambda: copy.deepcopy(LOOP),
    "pickle by fields": lambda: pickle.loads(pickle.dumps(SHAPE)),
    "pickle text marshaler": lambda: pickle.loads(pickle.dumps(VERSION)),
    "pickle binary marshaler": lambda: pickle.loads(pickle.dumps(TOKEN)),
    "pickle refused (TypeError)": expect(TypeError, pickle.dumps, SECRET),
    "unpickle bad data (ValueError)": expect(ValueError, o.Token().__setstate__, (1, "binary", b"x")),
    "sequence reads": lambda: (len(IDS), IDS[3], IDS[-1], IDS[2:5], 5 in IDS, list(IDS), IDS == [1]),
    "sequence index errors": expect(IndexError, IDS.__getitem__, 99),
    "sequence mutations": seq_mutations,
    "sequence bad element (TypeError)": expect(TypeError, IDS.__setitem__, 0, "x"),
    "array and struct elements": lambda: (VEC[1], list(VEC), PTS[0], PTS.total()),
    "mapping reads": lambda: (len(SET), SET["a"], "z" in SET, SET.get("z"), dict(SET), list(SET.items())),
    "mapping missing key (KeyError)": expect(KeyError, SET.__getitem__, "zz"),
    "mapping mutations": map_mutations,
    "named containers as arguments": lambda: (o.sum_all(IDS), o.count_true(SET), o.evens(IDS)),
}


def warm_up(fn: Callable[[], object], first: int, chunk: int = 20_000, cap: int = 300_000) -> int:
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
        warm = warm_up(fn, max(n // 10, 10_000))
        # Two windows of n calls; the one with fewer new blocks counts (as for the Go -> Python
        # leak check in test_leaks.py): queued releases of Go-held references and free lists
        # make one window vary by a few hundred blocks, while a leak shows in both.
        windows = []
        for _ in range(2):
            h0, b0, r0 = _GO.py4goLiveHandles(), blocks(), rss()
            for _ in range(n):
                fn()
            h1, b1, r1 = _GO.py4goLiveHandles(), blocks(), rss()
            windows.append((abs(b1 - b0), b1 - b0, r1 - r0, h1 - h0))
        _, db, dr, dh = min(windows)
        print(json.dumps({"kind": name, "calls": n, "rss_delta": dr, "blocks_delta": db, "handles_delta": dh,
                          "warm_up_calls": warm, "windows": [w[1:] for w in windows]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
