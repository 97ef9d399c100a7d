"""Reliability of the kinds fixed for published libraries (value classes as container
elements, ``bytes(u)``, ``sort()`` of named slices by ``sort.Interface`` or by key, ``==``
from ``Equals``; with sentinel errors, ``[]error`` results and pickling through
``MarshalText`` alongside; and, on golang-lru and cron, ``None`` for a func parameter compared
with nil and func types as variadic elements): boundary fuzzing against a model (``fuzz_published.py``) and the
leak check (``leak_published.py``, same limits as ``test_leaks.py``), on the three
``tests/e2e/published`` libraries built once into one directory for this module. The ASan run
covers the same kinds through the ``idioms`` and ``named`` e2e checks and the libraries' own
README checks (``test_sanitizers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.reliability.conftest import run_script
from tests.reliability.test_leaks import assert_no_leaks, calls, parse

HERE = Path(__file__).parent
PUBLISHED = HERE.parent / "e2e" / "published"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def published_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reliability_published")
    for package, module, inst in (("uuid", "go_uuid", ()), ("semver", None, ()), ("goversion", None, ()),
                                  ("golang-lru", None, ("lru.NewWithEvict[string,int]",)), ("cron", None, ())):
        built = build_extension(str(PUBLISHED / package), out, cwd=PUBLISHED / package, module=module,
                                instantiate=inst)
        assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def test_published_kinds_survive_boundary_fuzzing(published_ext: Path, stress: bool) -> None:
    n = 2000 if stress else 200
    proc = run_script(HERE / "fuzz_published.py", str(n), path=published_ext, timeout=3600 if stress else 600)
    assert proc.stdout.count("examples ok") == 7, proc.stdout


def test_published_kinds_do_not_leak(published_ext: Path, stress: bool) -> None:
    n = calls(stress)
    proc = run_script(HERE / "leak_published.py", str(n), path=published_ext, timeout=3600 if stress else 900)
    rows = parse(proc.stdout)
    assert len(rows) == 15
    assert_no_leaks(rows, n)
