"""End to end: complex numbers, sentinel errors and enums of an imported package
(``tests/e2e/extras``), in extension mode (``bindc build``) with mypy's stubtest on the stub."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.extras_checks import CHECKS
from tests.e2e.hosts import build_ext, build_host, run_in_host

EXTRAS = Path(__file__).parent / "extras"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("extras_ext"), EXTRAS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_extras_extension(ext_dir: Path, name: str) -> None:
    run_python("import extras as e\n" + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_extras_stub(ext_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "extras"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout


def test_extras_embedded(tmp_path: Path, go: str, embed_env: dict[str, str]) -> None:
    """Every check again in one Go program embedding Python, with ``extras`` generated
    in-package (sentinels, imported enums and complex numbers through the embedded module)."""
    host = build_host(tmp_path / "host", EXTRAS, go, embed_env)
    body = "\n".join(f"def check_{name}():\n{textwrap.indent(textwrap.dedent(code), '    ')}\n"
                     for name, code in CHECKS.items())
    calls = "\n".join(f"check_{name}()" for name in CHECKS)
    proc = run_in_host(host, f"import extras as e\n{body}\n{calls}\nprint('extras: all checks passed')\n",
                       tmp_path)
    assert "extras: all checks passed" in proc.stdout, proc.stdout


def test_extras_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "extras")
