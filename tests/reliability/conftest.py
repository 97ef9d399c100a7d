"""Fixtures of the reliability suite: the kitchen extension (built once per session), the
``--stress`` switch, and a runner for check scripts in a fresh interpreter.

Everything that imports a Go extension runs in a subprocess: a crash (segfault, Go fatal
error) then fails the one test that caused it, with the child's stderr, instead of killing
pytest.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.conftest import run
from tests.e2e.hosts import write_host_tree

HERE = Path(__file__).resolve().parent
KITCHEN = HERE.parent / "e2e" / "kitchen"
SOAK = HERE / "soak"
SOAK_HOST = HERE / "soak_host"


@pytest.fixture(scope="session")
def stress(request: pytest.FixtureRequest) -> bool:
    """True under ``pytest --stress`` (or RELIABILITY_STRESS=1): run the long versions."""
    return bool(request.config.getoption("--stress")) or os.environ.get("RELIABILITY_STRESS") == "1"


@pytest.fixture(scope="session")
def kitchen_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the kitchen package built as an extension module."""
    out = tmp_path_factory.mktemp("reliability_kitchen")
    built = build_extension(str(KITCHEN), out, cwd=KITCHEN)
    assert not built.result.sink.has_errors
    return out


def run_script(script: Path, *args: str, path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a Python script in a fresh interpreter with ``path`` on sys.path; fail the test
    with everything the child printed when it exits non-zero or dies of a signal."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(path), str(Path(__file__).resolve().parents[2])]),
               PYTHONFAULTHANDLER="1")
    proc = subprocess.run([sys.executable, str(script), *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        how = f"killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exited {proc.returncode}"
        pytest.fail(f"{script.name} {' '.join(args)} {how}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}",
                    pytrace=False)
    return proc


@pytest.fixture(scope="session")
def soak_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the soak package (``soak/``) built as an extension module."""
    out = tmp_path_factory.mktemp("reliability_soak_ext")
    built = build_extension(str(SOAK), out, cwd=SOAK)
    assert not built.result.sink.has_errors
    return out


@pytest.fixture(scope="session")
def soak_host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """The scenario host of ``soak_host/`` (main.go, faults.go) embedding Python with the soak
    package generated in-package, built with Go's race detector."""
    root = tmp_path_factory.mktemp("reliability_soak_host")
    write_host_tree(root, SOAK)
    for source in SOAK_HOST.glob("*.go"):
        shutil.copy(source, root / source.name)  # replaces the generic main.go
    run([go, "build", "-race", "-o", "host", "."], cwd=root, env=embed_env)
    return root / "host"


class Hung(Exception):
    """A child process did not finish in time; ``output`` has its stack dump."""

    def __init__(self, cmd: str, timeout: float, output: str) -> None:
        super().__init__(f"{cmd} still running after {timeout:g}s (a deadlock?). Stacks dumped on SIGQUIT "
                         f"(Go: every goroutine) and by faulthandler (Python threads):\n{output}")
        self.output = output


def run_dumping_stacks(cmd: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a Go host program; when it outlives ``timeout``, send it SIGQUIT, which makes the Go
    runtime print every goroutine's stack and exit, and raise :class:`Hung` with that dump, so
    that a deadlock is diagnosable from the test report alone."""
    env = dict(os.environ, GOTRACEBACK="all", PYTHONFAULTHANDLER="1")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGQUIT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        raise Hung(" ".join(cmd), timeout, f"--- stdout\n{out}\n--- stderr\n{err}") from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def run_host(host: Path, *args: str, timeout: float, status: int = 0) -> subprocess.CompletedProcess[str]:
    """Run the soak host (race detector on) and fail the test, with everything it printed, when
    it hangs, exits with another status than ``status``, or the race detector reports a race."""
    try:
        proc = run_dumping_stacks([str(host), *args], timeout=timeout)
    except Hung as hung:
        pytest.fail(str(hung), pytrace=False)
    if proc.returncode != status or "WARNING: DATA RACE" in proc.stderr:
        how = f"killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exited {proc.returncode}"
        pytest.fail(f"host {' '.join(args)} {how} (expected {status})\n--- stdout\n{proc.stdout}\n"
                    f"--- stderr\n{proc.stderr}", pytrace=False)
    return proc
