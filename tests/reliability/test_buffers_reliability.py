"""Reliability of numeric slice parameters viewing Python buffers: boundary fuzzing against
Python's own results (``fuzz_buffers.py``: every format, whole/strided/reversed/read-only/
released views, mismatched formats) and the leak check (``leak_buffers.py``, same limits as
``test_leaks.py``; each kind also proves its buffer was released by resizing it), on the
``buffers`` e2e package built once for this module. The ASan run covers the same package's e2e
checks (``test_sanitizers.py``, package ``buffers``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, parse

HERE = Path(__file__).parent
BUFFERS = HERE.parent / "e2e" / "buffers"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def buffers_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_buffers")
    built = build_extension(str(BUFFERS), out, cwd=BUFFERS)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_buffers_survive_boundary_fuzzing(buffers_ext: Path, stress: bool) -> None:
    n = 1000 if stress else 100
    proc = run_script(HERE / "fuzz_buffers.py", str(n), path=buffers_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 3, proc.stdout


def test_buffers_do_not_leak(buffers_ext: Path, stress: bool) -> None:
    n = 500_000 if stress else 50_000
    proc = run_script(HERE / "leak_buffers.py", str(n), path=buffers_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 10  # the kinds of leak_buffers.KINDS
    assert_no_leaks(rows, n)
