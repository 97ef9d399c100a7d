"""Boundary fuzzing of context-taking Go functions (the ``concurrency`` e2e package): run as a
script in its own interpreter (``python fuzz_concurrency.py MAX_EXAMPLES``) so a crash kills
this process, not pytest.

``timeout=`` gets ints, floats (NaN, infinities, subnormals, huge values), None, bools and
junk; each call either succeeds with a deadline the model predicts or raises the error the
model predicts (TypeError, ValueError, OverflowError naming the function), and deadlines
that fire mid-call raise TimeoutError. At the end no call is running and no goroutine is left
(the ``py4goDebugGoroutines`` export). Exits 1 on the first mismatch.
"""

from __future__ import annotations

import asyncio
import ctypes
import math
import sys
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import concurrency as c

_GO = ctypes.CDLL(c.__file__)
#: Timeouts at or beyond this many seconds do not fit a time.Duration: no deadline.
NO_DEADLINE = 2**63 / 1e9

timeouts = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(),
                     st.sampled_from([10**400, -0.0, 5e-324, math.inf, 1e-9]),
                     st.text(max_size=2), st.binary(max_size=2), st.lists(st.integers(), max_size=1))


def expected_error(t: Any) -> type[BaseException] | None:
    """What ``timeout=t`` should raise, by Python's own rules (None: accepted)."""
    if t is None:
        return None
    if not isinstance(t, (int, float)):
        return TypeError
    try:
        value = float(t)
    except OverflowError:
        return OverflowError
    return ValueError if math.isnan(value) or value < 0 else None


@given(timeouts)
def deadlines_follow_timeout(t: Any) -> None:
    want = expected_error(t)
    try:
        left = c.deadline(timeout=t)
    except (TypeError, ValueError, OverflowError) as e:
        assert want is type(e), (t, e)
        assert type(e) is OverflowError or str(e).startswith("deadline() "), str(e)
        return
    except TimeoutError:
        # deadline() has no error result: a deadline passed by the time it returned raises.
        assert want is None and float(t) < 0.01, t
        return
    assert want is None, (t, "accepted")
    if t is None or float(t) >= NO_DEADLINE:
        assert left == -1, (t, left)
    else:
        assert left <= float(t) and left > float(t) - 1.0, (t, left)


@given(st.text(max_size=20), st.one_of(st.none(), st.floats(0, 10), st.integers(0, 10)))
def echo_round_trips(s: str, t: Any) -> None:
    try:
        assert c.echo(s, timeout=t) == s
    except TimeoutError as e:
        assert t is not None and t < 0.01, (t, e)  # only a deadline that may pass during the call
        assert str(e).startswith("echo() timed out after"), str(e)


@given(st.lists(st.tuples(st.text(max_size=8), st.one_of(st.none(), st.floats(0, 5))), max_size=20),
       st.integers(0, 20))
def aio_round_trips(items: list[tuple[str, float | None]], cancel_at: int) -> None:
    # Concurrent awaits, one of them cancelled at once: each other one gives its own string back.
    async def main() -> None:
        futures = [c.aio.echo(s, timeout=t) for s, t in items]
        if cancel_at < len(futures):
            futures[cancel_at].cancel()
        got = await asyncio.gather(*futures, return_exceptions=True)
        for i, ((s, t), r) in enumerate(zip(items, got)):
            if i == cancel_at:
                assert isinstance(r, asyncio.CancelledError), r
            elif isinstance(r, TimeoutError):
                assert t is not None and t < 0.01, (t, r)
            else:
                assert r == s, (r, s)
    asyncio.run(main())


junk = st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=3), st.lists(st.text(max_size=2), max_size=2))


@given(st.lists(st.one_of(st.text(max_size=10), junk), max_size=10))
def channel_round_trips(items: list[Any]) -> None:
    # A chan string from Go: strings come back in order; anything else is a TypeError naming
    # Channel.send, and the channel keeps working.
    p = c.pipe(len(items))
    assert p is not None and p.capacity == len(items)
    sent = []
    for x in items:
        try:
            p.send(x, timeout=1.0)
            sent.append(x)
        except TypeError as e:
            assert not isinstance(x, str) and str(e).startswith("Channel.send() argument 1 must be str"), (x, e)
    assert len(p) == len(sent)
    p.close()
    assert list(p) == sent


@given(st.floats(0, 0.003))
def short_deadlines_time_out_or_finish(t: float) -> None:
    # Sleep 2 ms under a deadline near it: whichever comes first, the call ends cleanly.
    try:
        c.sleep(2_000_000, timeout=t)
    except TimeoutError as e:
        assert "context deadline exceeded" in str(e), str(e)


async def _warm() -> None:
    await c.aio.echo("warm")


def main() -> int:
    n = int(sys.argv[1])
    asyncio.run(_warm())  # starts the runtime's one asyncio pump goroutine, counted in before
    before = _GO.py4goDebugGoroutines()
    for name, test in [("deadlines_follow_timeout", deadlines_follow_timeout), ("echo_round_trips", echo_round_trips),
                       ("aio_round_trips", aio_round_trips), ("channel_round_trips", channel_round_trips),
                       ("short_deadlines_time_out_or_finish", short_deadlines_time_out_or_finish)]:
        settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck))(test)()
        print(f"{name}: {n} examples ok", flush=True)
    end = time.monotonic() + 2
    while _GO.py4goDebugGoroutines() != before and time.monotonic() < end:
        time.sleep(0.01)
    assert c.running() == 0 and _GO.py4goDebugGoroutines() == before, (before, _GO.py4goDebugGoroutines())
    print("goroutines ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
