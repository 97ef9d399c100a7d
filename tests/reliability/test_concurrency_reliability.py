"""Reliability of Go's concurrency from Python (context-taking calls, their awaitable ``aio``
forms, and channels as ``Channel`` objects): boundary fuzzing of ``timeout=`` against Python's own rules (``fuzz_concurrency.py``, which also checks that no
call leaves a goroutine behind) and the leak check (``leak_concurrency.py``, same limits as
``test_leaks.py``), on the ``concurrency`` e2e package built once for this module. The ASan
run covers the same package's e2e checks (``test_sanitizers.py``, package ``concurrency``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, parse

HERE = Path(__file__).parent
PACKAGE = HERE.parent / "e2e" / "concurrency"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def concurrency_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_concurrency")
    built = build_extension(str(PACKAGE), out, cwd=PACKAGE)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_concurrency_survives_boundary_fuzzing(concurrency_ext: Path, stress: bool) -> None:
    n = 1000 if stress else 100
    proc = run_script(HERE / "fuzz_concurrency.py", str(n), path=concurrency_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 5 and "goroutines ok" in proc.stdout, proc.stdout


def test_concurrency_does_not_leak(concurrency_ext: Path, stress: bool) -> None:
    # 10,000 calls: Python objects are counted exactly (a leaked one per call is 10,000 blocks
    # against the limit of 64), and a Go or C leak of 128 bytes a call still shows over the
    # 1 MiB RSS limit; the awaited kinds cost ~150 us each.
    n = 500_000 if stress else 10_000
    proc = run_script(HERE / "leak_concurrency.py", str(n), path=concurrency_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 16
    assert_no_leaks(rows, n)
