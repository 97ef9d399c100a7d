"""End to end: everyday idioms of published Go packages (tests/e2e/idioms), bound with
``bindc build`` (a wrapper package, ``--out``): generate, go build, import, assert."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext
from tests.e2e.idioms_checks import CHECKS, PRELUDE

IDIOMS = Path(__file__).parent / "idioms"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("idioms_ext"), IDIOMS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_idioms_extension(ext_dir: Path, name: str) -> None:
    run_python(PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_idioms_stub(ext_dir: Path) -> None:
    """The stub and the built module agree (mypy's stubtest)."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "idioms"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout


def test_idioms_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "idioms")
