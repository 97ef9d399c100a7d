"""Reliability of the object protocols of bound Go types (issue 14): hypothesis round trips and
state machines against list/dict (``fuzz_objects.py``) and the leak check (``leak_objects.py``,
same limits as ``test_leaks.py``, plus no Go handle left behind), on the ``objects`` e2e
package built once for this module. The ASan run covers the same package's e2e checks
(``test_sanitizers.py``, package ``objects``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, calls, parse

HERE = Path(__file__).parent
OBJECTS = HERE.parent / "e2e" / "objects"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def objects_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_objects")
    built = build_extension(str(OBJECTS), out, cwd=OBJECTS)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_object_protocols_survive_hypothesis(objects_ext: Path, stress: bool) -> None:
    n = 2000 if stress else 100
    proc = run_script(HERE / "fuzz_objects.py", str(n), path=objects_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 3, proc.stdout + proc.stderr


def test_object_protocols_do_not_leak(objects_ext: Path, stress: bool) -> None:
    n = calls(stress) // 4  # each call here is several operations
    proc = run_script(HERE / "leak_objects.py", str(n), path=objects_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 17
    assert_no_leaks(rows, n)
    assert all(r["handles_delta"] == 0 for r in rows), rows
