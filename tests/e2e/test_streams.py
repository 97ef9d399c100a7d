"""End to end: Go's iter.Seq / iter.Seq2 and receive channels as Python iterators
(tests/e2e/streams), built with ``bindc build`` once for the module."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext
from tests.e2e.streams_checks import CHECKS, PRELUDE

STREAMS = Path(__file__).parent / "streams"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("streams_ext"), STREAMS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_streams_extension(ext_dir: Path, name: str) -> None:
    run_python(PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_streams_stub(ext_dir: Path) -> None:
    """The stub and the built module agree (mypy's stubtest)."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "streams"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout


def test_stub_declares_iterators_and_iterables(ext_dir: Path) -> None:
    stub = (ext_dir / "streams.pyi").read_text()
    for line in ("def count(n: int, /) -> Iterator[int]:",
                 "def enumerate(s: str, /) -> Iterator[tuple[int, str]]:",
                 "def sum(seq: Iterable[int], /) -> int:",
                 "def join(seq: Iterable[tuple[str, int]], /) -> str:",
                 "def ticks(n: int, d: timedelta | int, /) -> Iterator[int]:",
                 "def total(ch: Iterable[int], /) -> int:"):
        assert line in stub, line
