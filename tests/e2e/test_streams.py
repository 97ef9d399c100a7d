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
    for line in ("class _GoIterator(Iterator[_GoItem], AsyncIterator[_GoItem]):",
                 "def count(n: int, /) -> _GoIterator[int]:",
                 "def enumerate(s: str, /) -> _GoIterator[tuple[int, str]]:",
                 "def sum(seq: Iterable[int], /) -> int:",
                 "def join(seq: Iterable[tuple[str, int]], /) -> str:",
                 "def ticks(n: int, d: timedelta | int, /) -> _GoIterator[int]:",
                 "def total(ch: Iterable[int], /) -> int:"):
        assert line in stub, line


def test_for_and_async_for_type_check(ext_dir: Path, tmp_path: Path) -> None:
    """mypy --strict accepts `for` and `async for` over stream results, and infers the items."""
    user = tmp_path / "use_streams.py"
    user.write_text(textwrap.dedent("""\
        from collections.abc import AsyncIterator, Iterator
        import streams

        def sync_total() -> int:
            return sum(x for x in streams.count(3))

        async def async_pairs() -> list[tuple[int, str]]:
            return [p async for p in streams.enumerate("a b")]

        it: Iterator[int] = streams.ticks(1, 0)
        ait: AsyncIterator[int] = streams.count(1)
        """))
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(user)], env=env, cwd=tmp_path,
               check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
