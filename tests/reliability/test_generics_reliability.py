"""Reliability of generic functions bound per instantiation: boundary fuzzing against Python's
own results (``fuzz_generics.py``) and the leak check (``leak_generics.py``, same limits as
``test_leaks.py``), on the ``generics`` e2e package built once for this module (with its
command-line instantiations). The ASan run covers the same package's e2e checks
(``test_sanitizers.py``, package ``generics``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.e2e.generics_checks import INSTANTIATE
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, parse

HERE = Path(__file__).parent
GENERICS = HERE.parent / "e2e" / "generics"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def generics_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_generics")
    built = build_extension(str(GENERICS), out, cwd=GENERICS, instantiate=INSTANTIATE)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_generics_survive_boundary_fuzzing(generics_ext: Path, stress: bool) -> None:
    n = 1000 if stress else 100
    proc = run_script(HERE / "fuzz_generics.py", str(n), path=generics_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 5, proc.stdout


def test_generics_do_not_leak(generics_ext: Path, stress: bool) -> None:
    n = 500_000 if stress else 50_000
    proc = run_script(HERE / "leak_generics.py", str(n), path=generics_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 11  # the kinds of leak_generics.KINDS (it imports the module: not importable here)
    assert_no_leaks(rows, n)
