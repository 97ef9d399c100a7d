"""examples/typed-go: its generated package is fresh (`bindc go --check`), stale output is
reported with exit 1, bad input with exit 2, and the program runs."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "typed-go"


def bindc(*args: str, cwd: Path, check: bool = True):
    return run([sys.executable, "-m", "bindc", *args], cwd=cwd, check=check)


def test_example_generated_package_is_fresh() -> None:
    proc = bindc("go", "inventory.py", "--out", "inventory", "--check", cwd=EXAMPLE, check=False)
    assert proc.returncode == 0, "stale; run `bindc go inventory.py --out inventory` in examples/typed-go\n" + proc.stderr


def test_check_reports_stale_and_errors(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE / "inventory.py", tmp_path)
    (tmp_path / "inventory").mkdir()
    proc = bindc("go", "inventory.py", "--out", "inventory", "--check", cwd=tmp_path, check=False)
    assert proc.returncode == 1 and "missing" in proc.stderr
    bindc("go", "inventory.py", "--out", "inventory", cwd=tmp_path)
    assert bindc("go", "inventory.py", "--out", "inventory", "--check", cwd=tmp_path, check=False).returncode == 0
    (tmp_path / "inventory.py").write_text((tmp_path / "inventory.py").read_text() + "\n\ndef extra() -> int: ...\n")
    proc = bindc("go", "inventory.py", "--out", "inventory", "--check", cwd=tmp_path, check=False)
    assert proc.returncode == 1 and "+func Extra() (int, error)" in proc.stderr
    (tmp_path / "broken.py").write_text("def f(:\n")
    proc = bindc("go", "broken.py", "--out", "b", cwd=tmp_path, check=False)
    assert proc.returncode == 2 and "broken.py:1:" in proc.stderr and "cannot parse" in proc.stderr
    proc = bindc("go", "inventory.py", "--out", "x", "--package", "func", cwd=tmp_path, check=False)
    assert proc.returncode == 2 and "not a valid Go package name" in proc.stderr


@pytest.mark.go
def test_example_runs(go: str, embed_env: dict[str, str]) -> None:
    proc = run([go, "run", "."], cwd=EXAMPLE, env=embed_env, timeout=600)
    assert proc.stdout.splitlines() == [
        "apples left: 1", "OutOfStock: only 1 pear left", "in stock: [apple pear]",
        "Tal's inventory", "  apple: 1", "  pear: 1"]
