"""Faults both ways (issue 5, point 5): Go panics and Python exceptions through nested calls,
signals during long Go calls, and ``sys.exit`` in embedded Python. Each must end in a clear
error in the right language while the process keeps running, or in a clean exit where
Python's semantics say so.

Embedded cases run the scenario host of ``soak_host/`` (``-race``); extension cases run a
Python process importing the soak package built with ``bindc build``. Every child has a timeout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import run_python
from tests.reliability.conftest import HERE, SOAK_HOST, run_host

pytestmark = pytest.mark.go

# The checks of soak_host/faults.go; each is followed by a "still running afterwards" check.
EMBEDDED_FAULTS = [
    "go_panic_in_callback_in_python_call_from_go",
    "go_panic_without_gil_in_callback_in_python_call_from_go",
    "go_panic_stack_reaches_python",
    "python_exception_in_callback_go_panics_with_it",
    "python_exception_in_callback_error_result",
    "callback_result_of_the_wrong_type",
    "python_exception_in_callback_called_from_a_go_goroutine",
    "callback_called_from_go_goroutines_after_the_call_returned",
    "sys_exit_in_embedded_python",
    "sys_exit_in_callback_in_go_call",
    "sys_exit_in_callback_called_from_a_go_goroutine",
    "sys_exit_in_a_python_thread",
]


def test_faults_in_an_embedding_go_program(soak_host: Path) -> None:
    """Go host -> Python -> Go -> Python callback -> Go panic (and the other faults of
    faults.go): each ends as a *python.Exception in the Go host with the right type, message
    and Python frames, and plain calls both ways work right after."""
    proc = run_host(soak_host, "faults", str(SOAK_HOST), timeout=120)
    print(proc.stdout)
    ok = {line[3:] for line in proc.stdout.splitlines() if line.startswith("ok ")}
    for name in EMBEDDED_FAULTS:
        assert name in ok and f"{name} (still running afterwards)" in ok, proc.stdout
    assert len(ok) == 2 * len(EMBEDDED_FAULTS), proc.stdout  # the list above is complete
    assert 'got *python.Exception "py4go.GoPanic: panic_with() panicked: boom 7"' in proc.stdout


@pytest.mark.parametrize(("code", "status"), [("3", 3), ("", 0), ("None", 0), ("'bye'", 1)])
def test_host_can_exit_with_the_status_python_asked_for(soak_host: Path, code: str, status: int) -> None:
    """sys.exit never ends the Go program behind its back; a host that wants Python's
    semantics gets the status from Exception.ExitCode, finalizes and exits with it."""
    proc = run_host(soak_host, "exitcode", code, str(SOAK_HOST), timeout=60, status=status)
    assert f"exiting with {status}" in proc.stdout
    if code == "'bye'":
        assert proc.stderr.strip() == "bye"  # printed like Python prints a non-int code


def test_faults_in_a_python_process(soak_ext: Path) -> None:
    """Extension mode: Python -> Go -> Python callback -> Go panic is GoPanic (with the Go
    stack); a callback's exception comes back as itself, with its frames; a kept callback
    raising in a goroutine Go started is an error value there; the process keeps working."""
    run_python(textwrap.dedent("""\
        import traceback
        import soak
        try:
            soak.apply(lambda v: soak.panic_with(f"boom {v}") or 0, 7)
        except soak.GoPanic as e:
            assert str(e) == "panic_with() panicked: boom 7", e
            assert "soak.PanicWith" in e.go_stack, e.go_stack
        else:
            raise AssertionError("no GoPanic")

        def raiser(x):
            raise ValueError(f"bad {x}")
        try:
            soak.apply(raiser, 3)
        except ValueError as e:
            assert str(e) == "bad 3"
            frames = [f.name for f in traceback.extract_tb(e.__traceback__)]
            assert frames[-1] == "raiser", frames
        else:
            raise AssertionError("no ValueError")

        try:
            soak.panic_no_gil("plain")
        except soak.GoPanic as e:
            assert str(e) == "panic_no_gil() panicked: plain", e

        soak.keep(raiser)
        soak.start_later(2)
        assert soak.wait_later() == ["*python.Exception ValueError: bad 0",
                                     "*python.Exception ValueError: bad 1"]
        assert soak.add(1, 2) == 3 and soak.apply(lambda v: v + 1, 1) == 2
        """), path=soak_ext, timeout=60)


def test_sys_exit_in_a_callback_exits_python_cleanly(soak_ext: Path) -> None:
    """In a Python process, SystemExit from a callback crosses Go unchanged and ends the
    process the way Python does: finally blocks run, the status is sys.exit's, no traceback."""
    proc = run_python(textwrap.dedent("""\
        import sys, soak
        try:
            soak.apply(lambda v: sys.exit(3), 1)
        finally:
            print("cleanup ran", flush=True)
        """), path=soak_ext, timeout=60, check=False)
    assert proc.returncode == 3, proc
    assert proc.stdout == "cleanup ran\n" and proc.stderr == "", proc


# (variant, signal, handler) -> what must happen. "after": raised/handled once the Go call
# returned (it ran to the end); "during": interrupted while Python code runs in a callback.
SIGNAL_CASES = {
    ("nogil", "INT", "default"): "KeyboardInterrupt after",
    ("gil", "INT", "default"): "KeyboardInterrupt after",
    ("callback", "INT", "default"): "KeyboardInterrupt during",
    ("nogil", "INT", "python"): "handler after",
    ("nogil", "TERM", "default"): "killed",
    ("gil", "TERM", "python"): "SystemExit after",
}
SIGNAL_DELAY = 0.3  # seconds between the child's "calling" and the signal
CALL_S = 3.0  # how long the child's Go call lasts (signal_child.CALL_MS): slack for a loaded machine


@pytest.mark.parametrize("variant", ["nogil", "gil"])
def test_sigint_during_a_long_go_call_in_an_embedding_program(soak_host: Path, variant: str) -> None:
    """Embedded: the Go program owns signals (Python is initialized without its handlers, and
    ``signal.signal`` in embedded code raises ValueError: not the main thread). SIGINT during
    a long Go call made by Python reaches the host's os/signal handler; the call runs to its
    end and Python carries on."""
    env = dict(os.environ, GOTRACEBACK="all")
    child = subprocess.Popen([str(soak_host), "sigint", variant, str(SOAK_HOST)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "calling\n", child.communicate(timeout=30)
        time.sleep(SIGNAL_DELAY)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0 and "ok sigint" in out and "host got SIGINT" in out, (child.returncode, out, err)
    assert "DATA RACE" not in err, err


def start_signal_child(ext: Path, variant: str, signame: str, handler: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ext), PYTHONFAULTHANDLER="1")
    return subprocess.Popen([sys.executable, str(HERE / "signal_child.py"), variant, signame, handler], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_signals_during_long_go_calls(soak_ext: Path) -> None:
    """A signal while a Go call runs (GIL released or held) in a Python process: Go's runtime
    keeps Python's handlers (c-shared modules install none for SIGINT/SIGTERM), the C handler
    records the signal, and Python acts on it as soon as the Go call returns:
    KeyboardInterrupt, or the Python handler, runs then; the process keeps running. Python code
    in a callback is interrupted at once. SIGTERM without a handler ends the process as it
    would plain Python (killed by the signal, no Go crash report)."""
    children = {case: start_signal_child(soak_ext, *case) for case in SIGNAL_CASES}
    try:
        for (variant, signame, handler), child in children.items():
            assert child.stdout is not None
            assert child.stdout.readline() == "calling\n", child.communicate(timeout=30)
        time.sleep(SIGNAL_DELAY)
        for (variant, signame, handler), child in children.items():
            child.send_signal(getattr(signal, "SIG" + signame))
        outcomes = {case: child.communicate(timeout=60) + (child.returncode,) for case, child in children.items()}
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
    problems = []
    for case, (out, err, rc) in outcomes.items():
        variant, signame, _ = case
        want = SIGNAL_CASES[case]
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        got = lines[0] if lines else {}
        print(case, rc, got)
        done_key = {"nogil": "long_done", "gil": "long_holding_done"}.get(variant)
        ran_to_end = done_key is None or got.get("go_counts", {}).get(done_key) == 1
        if "fatal error" in err or "SIGSEGV" in err or "panic" in err:
            problems.append(f"{case}: Go crash report:\n{err}")
        elif want == "killed":
            if rc != -signal.SIGTERM:
                problems.append(f"{case}: expected death by SIGTERM, got status {rc}\n{out}\n{err}")
        elif want == "KeyboardInterrupt after":
            if rc != 0 or got.get("raised") != "KeyboardInterrupt" or not ran_to_end or got["elapsed"] < CALL_S - 0.1:
                problems.append(f"{case}: expected KeyboardInterrupt once the {CALL_S} s call returned: {rc} {got}\n{err}")
        elif want == "KeyboardInterrupt during":
            if rc != 0 or got.get("raised") != "KeyboardInterrupt" or got["elapsed"] >= CALL_S - 0.5:
                problems.append(f"{case}: expected KeyboardInterrupt inside the callback, early: {rc} {got}\n{err}")
        elif want == "handler after":
            if (rc != 0 or got.get("raised") is not None or got.get("result") != CALL_S * 1000
                    or len(got.get("handler_ran_at", [])) != 1 or got["handler_ran_at"][0] < CALL_S - 0.1):
                problems.append(f"{case}: expected the Python handler once, after the call: {rc} {got}\n{err}")
        elif want == "SystemExit after":
            if rc != 143 or not ran_to_end or len(got.get("handler_ran_at", [])) != 1:
                problems.append(f"{case}: expected exit 143 from the handler after the call: {rc} {got}\n{err}")
        if want != "killed" and got.get("add_after") != 3:
            problems.append(f"{case}: the process did not keep working after the signal: {got}")
    assert not problems, "\n".join(problems)
