"""Reliability of the mappings of other packages' types (time, math/big, error values,
io.Reader, any with bound classes, functional options, classes of other packages): boundary fuzzing against a model (``fuzz_foreign.py``)
and the leak check (``leak_foreign.py``, same limits as ``test_leaks.py``), on the ``foreign``
e2e package built once for this module. The ASan run covers the same package's e2e checks
(``test_sanitizers.py``, package ``foreign``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, calls, parse

HERE = Path(__file__).parent
FOREIGN = HERE.parent / "e2e" / "foreign"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def foreign_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_foreign")
    built = build_extension(str(FOREIGN), out, cwd=FOREIGN)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_foreign_mappings_survive_boundary_fuzzing(foreign_ext: Path, stress: bool) -> None:
    n = 2000 if stress else 200
    proc = run_script(HERE / "fuzz_foreign.py", str(n), path=foreign_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 13, proc.stdout


def test_foreign_mappings_do_not_leak(foreign_ext: Path, stress: bool) -> None:
    n = calls(stress)
    proc = run_script(HERE / "leak_foreign.py", str(n), path=foreign_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 32
    assert_no_leaks(rows, n)
