"""Reliability of Go streams as Python iterators (iter.Seq, iter.Seq2, <-chan): boundary
fuzzing against Python's own results (``fuzz_streams.py``, which also checks that no
abandoned sequence leaves a goroutine behind) and the leak check (``leak_streams.py``, same
limits as ``test_leaks.py``), on the ``streams`` e2e package built once for this module. The
ASan run covers the same package's e2e checks (``test_sanitizers.py``, package ``streams``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, parse

HERE = Path(__file__).parent
STREAMS = HERE.parent / "e2e" / "streams"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def streams_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_streams")
    built = build_extension(str(STREAMS), out, cwd=STREAMS)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_streams_survive_boundary_fuzzing(streams_ext: Path, stress: bool) -> None:
    n = 1000 if stress else 100
    proc = run_script(HERE / "fuzz_streams.py", str(n), path=streams_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 6 and "goroutines ok" in proc.stdout, proc.stdout


def test_streams_do_not_leak(streams_ext: Path, stress: bool) -> None:
    # Each call makes and drains a whole iterator (several Go and Python objects): fewer
    # calls than test_leaks' 200k keep the run short; a leak of one object per call is still
    # 20,000 blocks against the limit of 64, and of 64 bytes a call over the 1 MiB RSS limit.
    n = 500_000 if stress else 20_000
    proc = run_script(HERE / "leak_streams.py", str(n), path=streams_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 14
    # `async for` kinds make a tenth of the calls (each awaited item is a cross-thread hand-off).
    assert_no_leaks([r for r in rows if not r["kind"].startswith("async for")], n)
    assert_no_leaks([r for r in rows if r["kind"].startswith("async for")], n // 10)
