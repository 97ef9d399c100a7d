"""bindc itself type-checks under mypy --strict (its public types are its documentation)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

COMPILER = Path(__file__).resolve().parents[1] / "compiler" / "bindc"


def test_compiler_passes_mypy_strict() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental", str(COMPILER)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
