"""Leak check of context-taking Go calls (the ``concurrency`` e2e package): run as a script in
its own interpreter, ``python leak_concurrency.py N``, like ``leak_streams.py`` (same
measurement: warm up until RSS settles, then N calls; one JSON line per kind). Each call makes
a context, a goroutine and a timer; the ones that raise make an exception too. The awaited
kinds (``c.aio``) run one coroutine each on one event loop: a future, its callbacks, the
hand-back through ``call_soon_threadsafe``."""

from __future__ import annotations

import asyncio
import ctypes
import gc
import json
import os
import sys
import time
from typing import Callable

import concurrency as c

from leakcheck import measure  # noqa: E402 - this directory is sys.path[0]

PAGE = os.sysconf("SC_PAGE_SIZE")
_GO = ctypes.CDLL(c.__file__)


def rss() -> int:
    _GO.py4goDebugFreeOSMemory()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def blocks() -> int:
    # As leak_foreign.blocks: references Go's finalizers drop are released by the next
    # WithGIL (here a callback through apply), so let them run until the count stops falling.
    count = None
    for _ in range(20):
        _GO.py4goDebugFreeOSMemory()
        time.sleep(0.02)
        c.apply(abs, 1)
        gc.collect()
        now = sys.getallocatedblocks()
        if count is not None and now >= count:
            return now
        count = now
    return count


def _raises(exc: type[BaseException], fn: Callable[[], object]) -> Callable[[], None]:
    def call() -> None:
        try:
            fn()
        except exc:
            return
        raise AssertionError(f"{fn} did not raise {exc.__name__}")
    return call


COUNTER = c.Counter()
LOOP = asyncio.new_event_loop()


def _await(make: Callable[[], "asyncio.Future[object]"], exc: type[BaseException] | None = None) -> Callable[[], None]:
    async def one() -> None:
        if exc is None:
            await make()
            return
        try:
            await make()
        except exc:
            return
        raise AssertionError(f"{make} did not raise {exc.__name__}")
    return lambda: LOOP.run_until_complete(one())


def _produced() -> "c.Channel[int]":
    ch = c.Channel[int](4)
    c.produce(ch, 3)  # buffered: Go sends all three and closes without waiting
    return ch


def _send_recv() -> None:
    p = c.pipe(2)
    assert p is not None
    p.send("a")
    p.send("b", timeout=1.0)
    assert p.recv() == "a" and p.recv(timeout=1.0) == "b"


def _closed() -> None:
    ch = _produced()
    list(ch)
    try:
        ch.recv()
    except c.ChannelClosed:
        pass
    try:
        ch.send(1)
    except c.GoPanic:
        return
    raise AssertionError("send on a closed channel did not raise")


def _consumed() -> None:
    ch = c.Channel[int](3)
    ch_for_go = ch
    c.produce(ch_for_go, 0)  # types it (and closes it): consume then sees it closed
    assert c.consume(ch) == 0


async def _cancelled() -> None:
    fut = c.aio.sleep(10**10)
    await asyncio.sleep(0)
    fut.cancel()
    try:
        await fut
    except asyncio.CancelledError:
        pass
    # The Go call ends after the cancellation; let its hand-back run on this loop, so that
    # no call is pending between two measurements.
    while _GO.py4goDebugAioCalls():
        await asyncio.sleep(0.0001)

KINDS: dict[str, Callable[[], object]] = {
    "context call": lambda: c.echo("x"),
    "context call, timeout=": lambda: c.echo("x", timeout=10.0),
    "context call, timed out": _raises(TimeoutError, lambda: c.sleep(10**9, timeout=0)),
    "context call, GoError": _raises(c.GoError, c.refuse),
    "context call, GoPanic": _raises(c.GoPanic, lambda: c.explode("boom")),
    "context call, bad timeout": _raises(TypeError, lambda: c.echo("x", timeout="1")),
    "context method": lambda: COUNTER.bump(0),
    "await aio form": _await(lambda: c.aio.echo("x")),
    "await aio form, several results": _await(lambda: c.aio.pair("a", 1)),
    "await aio form, timed out": _await(lambda: c.aio.sleep(10**9, timeout=0), TimeoutError),
    "await aio form, GoError": _await(c.aio.refuse, c.GoError),
    "await aio form, cancelled": lambda: LOOP.run_until_complete(_cancelled()),
    "Channel made by Python, Go sends": lambda: list(_produced()),
    "Channel result, send and recv": _send_recv,
    "Channel closed: ChannelClosed, GoPanic": _closed,
    "Channel into <-chan parameter": _consumed,
}


def warm_up(fn: Callable[[], object], first: int, chunk: int = 10_000, cap: int = 100_000) -> int:
    """Call fn until RSS stops growing (see leak_kitchen.warm_up), at most ``cap`` times: Go's
    heap (a goroutine stack, a timer, a context per call) keeps creeping by a few pages per
    chunk here long after it has settled in effect, and an awaited call costs ~150 us."""
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
        warm = warm_up(fn, max(n // 10, 5_000), cap=4 * n)  # capped: see leak_streams.main
        rss_delta, blocks_delta = measure(fn, n, rss, blocks)
        print(json.dumps({"kind": name, "calls": n, "rss_delta": rss_delta, "blocks_delta": blocks_delta,
                          "warm_up_calls": warm}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
