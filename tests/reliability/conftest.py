"""Fixtures of the reliability suite: the kitchen extension (built once per session), the
``--stress`` switch, and a runner for check scripts in a fresh interpreter.

Everything that imports a Go extension runs in a subprocess: a crash (segfault, Go fatal
error) then fails the one test that caused it, with the child's stderr, instead of killing
pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bindc.build import build_extension

KITCHEN = Path(__file__).resolve().parents[1] / "e2e" / "kitchen"


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
