"""Concurrency (issue 5, point 4): many goroutines calling Python while many Python threads
call Go, callbacks from goroutines Python did not create, and Finalize with idle goroutines.

The embedded cases run the scenario host of ``soak_host/`` (built with ``-race``) in a
subprocess with a timeout; a hang is reported with every goroutine's stack (SIGQUIT) and every
Python thread's (faulthandler), a data race by the race detector's report.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_python
from tests.reliability.conftest import SOAK_HOST, Hung, run_dumping_stacks, run_host

pytestmark = pytest.mark.go

# Python allocated blocks a soak may add (kept thread states of new OS threads, module and
# interpreter caches: measured 614-979 for runs of 1 to 10 s, growing less than the run; with
# the iterator, channel and await traffic 1,385-1,622 for 3 s and 2,225 for 10 s, while each
# of those kinds alone adds no block per call: tests/reliability/leak_concurrency.py); a leak
# of one object per call would be ~50,000 or more.
BLOCKS_SLACK = 4_000


def summary(stdout: str) -> dict:
    (line,) = [line for line in stdout.splitlines() if line.startswith("{")]
    return json.loads(line)


def test_soak_16_goroutines_call_python_while_16_python_threads_call_go(soak_host: Path, stress: bool) -> None:
    """3 s (``--stress``: 10 s) of 16 goroutines doing Call/GetAttr/conversions/Python calling
    bound Go, while 16 Python threads call bound Go functions (GIL held, released, callbacks
    on the same and on other goroutines, iter.Seq and channel iterators, awaited aio calls). Every result is checked where it is made; the host
    then checks that Go counted exactly the calls Python made, and Python exactly the
    callbacks Go made."""
    seconds = 10 if stress else 3
    proc = run_host(soak_host, "soak", str(seconds), str(SOAK_HOST), timeout=seconds + 90)
    assert "ok soak" in proc.stdout, proc.stdout
    s = summary(proc.stdout)
    print(json.dumps(s))  # the figures of docs/reliability.md
    assert s["goroutines"] == s["python_threads"] == 16
    assert s["go_to_python_calls"] > 0 and s["python_to_go_calls"] > 0 and s["callbacks"] > 0, s
    assert s["python_thread_calls"]["threads_idle"] == 0, s
    assert abs(s["blocks_delta"]) < BLOCKS_SLACK, s
    # Counted after the warm-up started the runtime's watchdog; the one goroutine allowed is
    # the runtime's queued-release drainer, which may still be finishing.
    assert s["goroutines_delta"] <= 1, s


def test_a_hang_is_reported_with_every_goroutine_stack(soak_host: Path) -> None:
    """The diagnosis the other tests rely on: a deliberately deadlocked host is stopped after
    the timeout and the failure shows where each goroutine waits."""
    with pytest.raises(Hung) as hung:
        run_dumping_stacks([str(soak_host), "deadlock", str(SOAK_HOST)], timeout=3)
    out = hung.value.output
    assert "SIGQUIT" in out and "goroutine " in out, out
    assert "main.deadlock" in out, out
    assert "_Cfunc_py4go_gil_ensure" in out, out  # the goroutine waiting for the GIL


def test_finalize_while_goroutines_are_idle(soak_host: Path) -> None:
    """8 goroutines used Python and are parked; Finalize returns; afterwards WithGIL, a kept
    callback (with and without an error result) and an old *Object are clear Go errors."""
    proc = run_host(soak_host, "finalize", str(SOAK_HOST), timeout=120)
    assert "ok finalize" in proc.stdout, proc.stdout
    assert ("kept callback after Finalize: python: callback keep() argument 1: Python is not initialized "
            "(call python.Initialize first)") in proc.stdout, proc.stdout
    assert ("object after Finalize: python: Object.Call: the *python.Object belongs to a Python interpreter "
            "that was finalized") in proc.stdout, proc.stdout


def test_finalize_while_goroutines_call_python(soak_host: Path) -> None:
    """8 goroutines call Python in a loop until it fails; Finalize waits for the calls in
    progress, and each goroutine stops on an error matching ErrNotInitialized, also when it hit
    the window while Finalize runs. (Regression: that window's "Python is being finalized" did
    not match ErrNotInitialized, so a loop checking for it did not stop.)"""
    proc = run_host(soak_host, "busy", str(SOAK_HOST), timeout=120)
    print(proc.stdout)
    assert "ok busy" in proc.stdout, proc.stdout


def test_finalize_waits_for_a_python_thread_calling_go(soak_host: Path) -> None:
    """A non-daemon Python thread calls Go functions that call back into Python (on its own
    goroutine and on others) while the host calls Finalize, and an atexit hook does the same:
    as at the exit of a Python program, Finalize waits for the thread, then runs the hook, and
    every call works. (Regression: the callbacks were refused with "Python is being finalized",
    so the thread died of GoPanic, or the host of a Go panic.)"""
    proc = run_host(soak_host, "worker", str(SOAK_HOST), timeout=120)
    assert "worker finished 100 rounds" in proc.stdout and "ok worker" in proc.stdout, proc.stdout
    assert "atexit: 42 6" in proc.stdout, proc.stdout


def test_finalize_while_python_daemon_threads_are_in_go_calls(soak_host: Path) -> None:
    """Finalize does not wait for daemon threads inside long Go calls; when those calls
    return, CPython ends the threads (without running more Python code) and the Go program
    keeps running; the Go calls themselves run to their end."""
    proc = run_host(soak_host, "daemon", str(SOAK_HOST), timeout=120)
    assert "ok daemon" in proc.stdout, proc.stdout
    assert "ran Python after Finalize" not in proc.stdout, proc.stdout


def test_callback_from_a_goroutine_python_did_not_create(soak_ext: Path) -> None:
    """Extension mode: Python passes a callable, the call returns, and a goroutine Go starts
    afterwards calls it (successes and Python exceptions, as error results) while the main
    thread runs Python code."""
    run_python(textwrap.dedent("""\
        import soak
        seen = []
        def f(x):
            seen.append(x)
            if x == 3:
                raise ValueError(f"bad {x}")
            return x * 10
        soak.keep(f)
        soak.start_later(6)                # returns at once; the goroutine starts 20 ms later
        busy = sum(i for i in range(200_000))  # Python keeps running meanwhile
        got = soak.wait_later()
        assert got == ["ok 0", "ok 10", "ok 20", "*python.Exception ValueError: bad 3", "ok 40", "ok 50"], got
        assert seen == [0, 1, 2, 3, 4, 5], seen
        soak.forget()
        assert soak.add(2, 3) == 5
        """), path=soak_ext, timeout=60)
