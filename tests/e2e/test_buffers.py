"""End to end: numeric slice parameters viewing Python buffers (tests/e2e/buffers), built with
``bindc build`` once for the module."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.buffers_checks import CHECKS, PRELUDE
from tests.e2e.hosts import build_ext

BUFFERS = Path(__file__).parent / "buffers"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("buffers_ext"), BUFFERS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_buffers_extension(ext_dir: Path, name: str) -> None:
    run_python(PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_buffers_stub(ext_dir: Path) -> None:
    """The stub and the built module agree (mypy's stubtest), and the stub type-checks strictly."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "buffers"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout
    proc = run([sys.executable, "-m", "mypy", "--strict", str(ext_dir / "buffers.pyi")], env=env, cwd=ext_dir,
               check=False)
    assert proc.returncode == 0, proc.stdout


def test_stub_accepts_buffers_where_they_are_viewed(ext_dir: Path) -> None:
    stub = (ext_dir / "buffers.pyi").read_text()
    assert "from typing_extensions import Buffer" in stub
    assert "def sum_f64(xs: Sequence[float] | _Buffer, /) -> float:" in stub
    assert "from typing_extensions import Buffer as _Buffer" in stub
    assert "def mean(xs: Sequence[float], /) -> float:" in stub          # a defined element: no buffer
    assert "def ramp(n: int, /) -> array[float]:" in stub and "from array import array" in stub  # //py4go:buffer
