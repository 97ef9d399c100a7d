"""End to end: types of other packages in a package's API (``tests/e2e/foreign``): the
well-known ones as Python's own types (datetime, timedelta, int, Fraction, Decimal), in
extension mode (``bindc build``) with mypy's stubtest on the stub."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.foreign_checks import CHECKS, PRELUDE
from tests.e2e.hosts import build_ext

FOREIGN = Path(__file__).parent / "foreign"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("foreign_ext"), FOREIGN)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_foreign_extension(ext_dir: Path, name: str) -> None:
    run_python("import foreign as f\n" + PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir, timeout=300)


def test_stubtest_accepts_foreign_stub(ext_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "foreign"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout
