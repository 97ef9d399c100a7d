"""Python half of the embedded soak and fault scenarios (run inside ``soak_host/main.go``).

The Go host imports this module; its goroutines call the functions here while the Python
threads started by :func:`start_threads` call the bound ``soak`` module. Every call's result
is checked where it is made; a wrong one is recorded in ``ERRORS`` (the Go host fails on any).
"""

from __future__ import annotations

import asyncio
import faulthandler
import sys
import threading
import time

import soak

ERRORS: list[str] = []
# Callbacks Go invoked (a lock: the counter is bumped from many threads at once).
_callback_lock = threading.Lock()
_callback_calls = 0


def double(x: int) -> int:
    """The callback the soak passes to Go: counts itself, returns 2x."""
    global _callback_calls
    with _callback_lock:
        _callback_calls += 1
    return 2 * x


def callback_calls() -> int:
    """How many times Go has invoked :func:`double` since :func:`start_threads`."""
    with _callback_lock:
        return _callback_calls


def square(x: int) -> int:
    """Called by Go goroutines (Go -> Python)."""
    return x * x


class Box:
    """An object whose attributes Go reads (GetAttr)."""

    def __init__(self, value: int) -> None:
        self.value = value
        self.label = f"box{value}"


def checksum(data: dict) -> int:
    """Called by Go with a converted map: sum of the list lengths and int values."""
    return sum(len(v) if isinstance(v, list) else v for v in data.values())


def via_go(x: int) -> int:
    """Go -> Python -> bound Go functions (and a Python callback inside): (x+1) + 2x."""
    return soak.add(x, 1) + soak.apply(double, x)


async def _awaits(x: int) -> list[int]:
    """Three awaitable Go calls at once (soak.aio.long: a goroutine each, completed through
    the loop's call_soon_threadsafe)."""
    return list(await asyncio.gather(soak.aio.long(0), soak.aio.long(x % 2), soak.aio.long(0)))


def _first(it: object) -> object:
    """The first item of an iterator, which is then dropped unfinished (a break: the Go
    sequence must be stopped, no goroutine left behind)."""
    for item in it:  # type: ignore[attr-defined]
        return item
    return None


def _thread_loop(index: int, deadline: float, counts: dict[str, int], rounds: int | None = None) -> None:
    i = 0
    loop = asyncio.new_event_loop()  # one per thread: awaits run on it every 25th round
    try:
        while time.monotonic() < deadline and (rounds is None or i < rounds):
            i += 1
            x = index * 1_000_000 + i
            checks = [
                ("add", soak.add(x, 7), x + 7),
                ("add_no_gil", soak.add_no_gil(x, -3), x - 3),
                ("apply", soak.apply(double, x), 2 * x),
                ("apply_holding", soak.apply_holding(double, i), 2 * i),
                ("concat", soak.concat(str(index), str(i)), f"{index}-{i}"),
            ]
            if i % 5 == 0:  # Go streams: an iter.Seq read to its end and one dropped early, a channel
                checks.append(("count_up", sum(soak.count_up(5)), 10))
                checks.append(("count_up", _first(soak.count_up(1_000)), 0))
                checks.append(("stream", list(soak.stream(3)), [0, 1, 2]))
            if i % 25 == 0:
                checks.append(("fan_out", soak.fan_out(double, 4), 2 * (0 + 1 + 2 + 3)))
                checks.append(("aio_long", loop.run_until_complete(_awaits(i)), [0, i % 2, 0]))
            if i % 10 == 0:  # string callbacks (through WithGIL), from other goroutines, and faults
                checks.append(("transform", soak.transform(str.upper, f"t{i}"), f"T{i}"))
                checks.append(("fan_out_strings", soak.fan_out_strings(lambda s: s + "!", 3), ["0!", "1!", "2!"]))
                checks.append(("panic_no_gil", _raised(soak.panic_no_gil, f"p{index}"),
                               f"GoPanic: panic_no_gil() panicked: p{index}"))
                checks.append(("transform", _raised(soak.transform, _key_error, f"k{i}"), f"KeyError: 'k{i}'"))
            for name, got, want in checks:
                counts[name] = counts.get(name, 0) + 1
                if got != want:
                    ERRORS.append(f"thread {index}: {name} returned {got!r}, expected {want!r}")
    except BaseException as exc:  # a Go panic or a conversion error must be seen, not lost
        ERRORS.append(f"thread {index}: {type(exc).__name__}: {exc}")
    finally:
        loop.close()


def _key_error(s: str) -> str:
    raise KeyError(s)


def _raised(fn: object, *args: object) -> str:
    """Call fn(*args), which must raise; "Type: message" of what it raised."""
    try:
        fn(*args)  # type: ignore[operator]
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return "nothing raised"


class Threads:
    """The soak's Python threads and what each counted."""

    def __init__(self, n: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        self.counts: list[dict[str, int]] = [{} for _ in range(n)]
        self.threads = [threading.Thread(target=_thread_loop, args=(k, deadline, self.counts[k]), daemon=True)
                        for k in range(n)]
        for t in self.threads:
            t.start()

    def join(self, timeout: float) -> dict[str, int]:
        """Wait for every thread; the summed counts per bound function (plus "threads_idle":
        how many threads made no call at all, i.e. starved)."""
        for t in self.threads:
            t.join(timeout)
            if t.is_alive():
                ERRORS.append(f"{t.name} still running {timeout}s after the deadline")
        total: dict[str, int] = {"threads_idle": sum(1 for c in self.counts if not c)}
        for c in self.counts:
            for k, v in c.items():
                total[k] = total.get(k, 0) + v
        return total


def warm_up() -> None:
    """One round of every call the threads make, before the leak measurement starts: the
    first Python exception that crosses to Go imports ``traceback`` and fills ``linecache``
    (thousands of blocks, once)."""
    counts: dict[str, int] = {}
    _thread_loop(0, time.monotonic() + 60, counts, rounds=25)
    if not counts.get("transform"):
        ERRORS.append(f"warm-up made no string/fault round: {counts}")


def start_threads(n: int, seconds: float) -> Threads:
    """Start n Python threads calling bound Go functions for `seconds`. Also arms faulthandler
    to dump every Python thread's stack if the run hangs (the Go host dumps goroutines)."""
    faulthandler.dump_traceback_later(seconds + 45, exit=False, file=sys.stderr)
    global _callback_calls
    soak.reset_counts()
    with _callback_lock:
        _callback_calls = 0
    return Threads(n, seconds)


def disarm() -> None:
    """The run finished: no stack dump."""
    faulthandler.cancel_dump_traceback_later()


# ---- faults ---------------------------------------------------------------------------------

def nest(x: int) -> int:
    """Go host -> here -> soak.apply (Go) -> the callback -> soak.panic_with (Go panics)."""
    return soak.apply(lambda v: soak.panic_with(f"boom {v}") or 0, x)


def nest_no_gil(x: int) -> int:
    """The same, the innermost Go function panicking with the GIL released."""
    return soak.apply(lambda v: soak.panic_no_gil(f"boom {v}") or 0, x)


def nest_stack(x: int) -> str:
    """nest(x), catching the GoPanic here: its go_stack attribute."""
    try:
        nest(x)
    except soak.GoPanic as exc:
        return exc.go_stack
    return ""


def raiser(x: int) -> int:
    """A callback that raises."""
    raise ValueError(f"bad {x}")


def raise_through_go(x: int) -> int:
    """A Python exception raised in a callback Go calls (no error result: Go panics with it,
    and the original exception comes back here)."""
    return soak.apply(raiser, x)


def raise_through_transform(s: str) -> str:
    """The same through a func type with an error result (Go returns the error unchanged)."""
    def fail(t: str) -> str:
        raise KeyError(t)
    return soak.transform(fail, s)


def wrong_result(x: int) -> int:
    """A callback returning a str where Go wants an int."""
    return soak.apply(lambda v: "not an int", x)  # type: ignore[arg-type,return-value]


def exit_in_callback(code: int) -> int:
    """sys.exit inside a callback inside a Go call."""
    return soak.apply(lambda v: sys.exit(code), 1)


def exit_in_thread(code: int) -> bool:
    """sys.exit in a Python thread ends that thread only; True when it did."""
    t = threading.Thread(target=sys.exit, args=(code,))
    t.start()
    t.join(30)
    return not t.is_alive()
