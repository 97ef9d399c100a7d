"""Shared fixtures: the running interpreter and one C-API model parsed per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.capi import CApiModel, load_model
from bindc.interpreter import Interpreter, find_interpreter


@pytest.fixture(scope="session")
def interp() -> Interpreter:
    """The interpreter running the tests (its headers are the ones bindc targets by default)."""
    return find_interpreter()


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session-private cache dir, so tests never touch the user's ~/.cache/bindc."""
    return tmp_path_factory.mktemp("bindc-cache")


@pytest.fixture(scope="session")
def model(interp: Interpreter, model_cache: Path) -> CApiModel:
    """The model of the running interpreter's Python.h, parsed once per session."""
    return load_model(interp, cache_dir=model_cache)


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Any load_model() call without an explicit cache_dir lands in the test's tmp dir.
    monkeypatch.setenv("BINDC_CACHE_DIR", str(tmp_path / "default-cache"))
