"""End to end, extension mode: ``bindc build`` the kitchen package, import it, assert behaviour.

Each check runs in a fresh interpreter (a crash fails one test, not the session).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_python
from tests.e2e.hosts import build_ext
from tests.e2e.kitchen_checks import CHECKS

KITCHEN = Path(__file__).parent / "kitchen"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("kitchen_ext"), KITCHEN)


def test_build_outputs_module_and_stub(ext_dir: Path) -> None:
    names = sorted(p.name for p in ext_dir.iterdir())
    assert "kitchen.pyi" in names
    assert any(n.startswith("kitchen.") and n.endswith(".so") for n in names)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_kitchen_behaviour(ext_dir: Path, name: str) -> None:
    run_python("MODE = 'extension'\nimport kitchen\n" + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_generated_stub(ext_dir: Path) -> None:
    """mypy's stubtest compares the .pyi with the built module (text signatures included)."""
    import os
    import sys

    from tests.conftest import run

    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "kitchen"], env=env, cwd=ext_dir)
    assert "Success" in proc.stdout


CLIENT = '''
import kitchen

total: int = kitchen.add(1, 2) + kitchen.sum(1, 2, 3)
q, r = kitchen.div_mod(7, 2)
up, n, empty, raw = kitchen.describe("x")
s: str = kitchen.join(",", "a", "b") + up
b: bytes = kitchen.reverse(raw)
ok: bool = kitchen.not_(empty)
try:
    kitchen.checked(-1)
except kitchen.GoError as e:
    kind: str = e.go_type
'''


def test_mypy_strict_client(ext_dir: Path, tmp_path: Path) -> None:
    """A client typed against the stub passes mypy --strict; a wrong use is caught."""
    import os
    import sys

    from tests.conftest import run

    env = dict(os.environ, MYPYPATH=str(ext_dir))
    good = tmp_path / "client.py"
    good.write_text(CLIENT)
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad_client.py"
    bad.write_text("import kitchen\nx: str = kitchen.add(1, 2)\nkitchen.concat(1, 'b')\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1, proc.stdout
    assert 'Incompatible types in assignment (expression has type "int", variable has type "str")' in proc.stdout
    assert 'Argument 1 to "concat" has incompatible type "int"; expected "str"' in proc.stdout


def test_kitchen_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "kitchen")
