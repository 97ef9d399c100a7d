"""Fixtures of the install and backend tests: py4go's own wheel, built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run


@pytest.fixture(scope="session")
def py4go_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """py4go's wheel, built offline by its standard-library backend (``pip wheel
    --no-build-isolation --no-deps``), as a user's ``pip install .`` would build it."""
    dist = tmp_path_factory.mktemp("py4go-dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-cache-dir",
         "-w", str(dist), str(REPO)])
    return next(dist.glob("py4go-*.whl"))
