"""Leak check of the mappings of types of other packages (the ``foreign`` e2e package): run as
a script in its own interpreter, ``python leak_foreign.py N``, like ``leak_kitchen.py`` (same
measurement: warm up until RSS settles, then N calls; one JSON line per kind)."""

from __future__ import annotations

import ctypes
import datetime as dt
import decimal
import fractions
import gc
import io
import json
import os
import sys
import time
from typing import Callable

import foreign

from leakcheck import measure  # noqa: E402 - this directory is sys.path[0]

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(foreign.__file__)


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    # References Go's finalizers dropped (a *python.Exception keeping a raised exception) are
    # queued and released by the next WithGIL: let the finalizers run, then pass through one
    # (a Python function called from Go), so queued releases are not counted as leaked.
    # Go runs finalizers on a goroutine of its own, so on a busy machine some may still be
    # pending after one pass: repeat until the count stops falling.
    count = None
    for _ in range(20):
        _GO.py4goDebugFreeOSMemory()
        time.sleep(0.02)
        foreign.apply(len, "")
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


def _raised() -> BaseException:
    try:
        foreign.fail("x")
    except foreign.GoError as e:
        return e
    raise AssertionError("fail did not raise")


WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2)))
NAIVE = dt.datetime(2024, 5, 6, 7, 8, 9)
BIG = 3**200
ERR = _raised()
POINT = foreign.Point(1, 2)
FILE = io.BytesIO(b"abc" * 10)
ADD = lambda a, b: [a, b]  # noqa: E731 - one function object, passed on every call
RAISE = {}.__getitem__      # a builtin method: RAISE("k") raises KeyError
PATTERN = foreign.compile("a+b")
TALLY = foreign.Tally()
FRAMED = foreign.Framed(rect=foreign.Rect(max=foreign.Pt(3, 2)), title="T")


def f_pipe_line() -> str:
    return foreign.pipe("a\nb\n", foreign.Buffer()).read_string(10)


class Runes:
    """io.RuneReader in Python, reused (a new proxy per call is freed by a finalizer, later)."""

    def rewind(self) -> "Runes":
        self.it = iter("héllo")
        return self

    def read_rune(self) -> tuple[int, int]:
        c = next(self.it, None)
        if c is None:
            raise EOFError
        return ord(c), len(c.encode())


RUNES = Runes()
CHUNKS_BUF = bytearray(8)
EMPTY_CHUNKS = foreign.new_chunks(b"", 1)


class PyHash:
    """hash.Hash in Python (a constant sum): returned by a callback, Go gets its proxy."""

    def write(self, b: bytes) -> int:
        return len(b)

    def sum(self, b: bytes) -> bytes:
        return b + b"sum"

    def reset(self) -> None:
        pass

    def size(self) -> int:
        return 3

    def block_size(self) -> int:
        return 1
EVENT = foreign.Event("e", WHEN, dt.timedelta(seconds=1), BIG)

KINDS: dict[str, Callable[[], object]] = {
    "datetime arg+result": lambda: foreign.add_duration(WHEN, dt.timedelta(microseconds=5)),
    "naive datetime (local)": lambda: foreign.in_utc(NAIVE),
    "bad datetime (TypeError)": expect(TypeError, foreign.describe, "x"),
    "timedelta result": lambda: foreign.from_nanos(-1500),
    "timedelta overflow": expect(OverflowError, foreign.nanos, dt.timedelta(days=10**6)),
    "[]Duration / map of Time": lambda: (foreign.longest([1, dt.timedelta(1)]), foreign.schedule({"a": WHEN})),
    "big.Int (large)": lambda: foreign.mul(BIG, -BIG),
    "big.Int (small) + nil": lambda: (foreign.mul(3, 4), foreign.nil_int()),
    "big.Rat": lambda: foreign.add_rat(fractions.Fraction(1, 3), fractions.Fraction(BIG, 7)),
    "big.Float": lambda: foreign.half(decimal.Decimal("0.1")),
    "fields of well-known types": lambda: (EVENT.at, EVENT.count, setattr(EVENT, "every", 7)),
    "error arg (raised GoError)": lambda: foreign.is_missing(ERR),
    "error values in containers": lambda: foreign.non_nil([None, ERR, foreign.GoError("x")]),
    "io.Reader from bytes": lambda: foreign.read_all(b"abc" * 10),
    # One file object, rewound: a new object per call is released by the proxy's finalizer,
    # asynchronously (a few thousand blocks still queued when the count is taken).
    "io.Reader from BytesIO": lambda: (FILE.seek(0), foreign.read_all(FILE)),
    "any with bound instance": lambda: (foreign.type_of(POINT), foreign.identity(POINT)),
    "...any variadic": lambda: foreign.printf("%v %d %s", POINT, 3, "x"),
    "Python function as any (Go calls it)": lambda: foreign.apply(ADD, 2, "x"),
    "Python function as any raising": expect(KeyError, foreign.apply, RAISE, "k"),
    "functional options (capsules)": lambda: foreign.new_server(foreign.with_port(8080), None),
    "option interfaces of other packages": lambda: foreign.styled("x", foreign.emphasis(), foreign.loud()),
    "any at any depth (datetime, big int, instance)": lambda: foreign.identity([{"t": WHEN, "n": BIG, "p": POINT}]),
    # Classes of other packages: handles made by Go and by Python, methods, nil, TypeErrors.
    "foreign class result+arg (*bytes.Buffer)": lambda: (foreign.buffer_len(foreign.greeting("x")),
                                                         foreign.buffer_len(None), foreign.nil_buffer()),
    "foreign class methods (*regexp.Regexp)": lambda: (PATTERN.find_all_string("ab aab", -1), str(PATTERN),
                                                       foreign.find_all(PATTERN, "aab")),
    "foreign record classes (geo.Rect fields)": lambda: (foreign.area(foreign.Rect(max=foreign.Pt(2, 3))),
                                                         foreign.unit().max.x),
    "foreign classes in containers": lambda: (foreign.total_len(foreign.buffers(3)),
                                              foreign.match_named({"x": PATTERN}, "x", "ab")),
    "promoted methods of embedded types (sync.Mutex, geo.Rect, bufio)": lambda: (
        TALLY.lock(), TALLY.unlock(), FRAMED.dx(), f_pipe_line()),
    "interfaces of other packages (GoHash, Python io.RuneReader)": lambda: (
        foreign.sum_of(foreign.digest(), b"abc"), foreign.count_runes(RUNES.rewind())),
    "callback returning an interface (GoHash, Python hash.Hash)": lambda: (
        foreign.sum_with(foreign.digest, b"abc"), foreign.sum_with(PyHash, b"abc")),
    "Read returning its last bytes with io.EOF": lambda: (CHUNKS_BUF, [foreign.new_chunks(b"abcdefg", 3).read(CHUNKS_BUF)
                                                                       for _ in range(4)]),
    "io.EOF raised as py4go.GoEOF (EOFError)": expect(EOFError, EMPTY_CHUNKS.next),
    "foreign class errors (no constructor, wrong class)": lambda: (expect(TypeError, foreign.Regexp)(),
                                                                   expect(TypeError, foreign.buffer_len, 1)()),
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
