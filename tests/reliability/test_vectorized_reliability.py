"""Reliability of the vectorized forms ``mod.vec.f(xs, ys)``: boundary fuzzing against the single
calls (``fuzz_vectorized.py``: values at every type's edges, wrong kinds, ``__index__`` objects,
lists/tuples/generators, runs crossing the 4,096-element chunk) and the leak check
(``leak_vectorized.py``, same limits as ``test_leaks.py``: every success and failure path of the
wrapper), each in its own interpreter against the ``vectorized`` e2e package built once for
this module. The ASan run covers the same package's e2e checks (``test_sanitizers.py``,
package ``vectorized``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, parse

HERE = Path(__file__).parent
VECTORIZED = HERE.parent / "e2e" / "vectorized"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def vectorized_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_vectorized")
    built = build_extension(str(VECTORIZED), out, cwd=VECTORIZED)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_vectorized_forms_survive_boundary_fuzzing(vectorized_ext: Path, stress: bool) -> None:
    n = 1000 if stress else 100
    proc = run_script(HERE / "fuzz_vectorized.py", str(n), path=vectorized_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 3, proc.stdout


def test_vectorized_forms_do_not_leak(vectorized_ext: Path, stress: bool) -> None:
    n = 200_000 if stress else 20_000
    proc = run_script(HERE / "leak_vectorized.py", str(n), path=vectorized_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 11  # the kinds of leak_vectorized.KINDS
    assert_no_leaks(rows, n)
