"""What the benchmark scripts share: build a test package and time code against it.

The scripts run as ``python tests/bench/<name>.py``, so this folder is on ``sys.path``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "compiler"))

from bindc.build import build_extension  # noqa: E402


def run_against_package(package: str, code: str, *argv: str) -> Any:
    """Build ``tests/e2e/<package>`` as an extension module into a temporary folder, run the
    Python source ``code`` there in a fresh interpreter (``argv`` as its ``sys.argv[1:]``) and
    return the JSON it prints."""
    pkg = REPO / "tests" / "e2e" / package
    with tempfile.TemporaryDirectory(prefix=f"bench-{package}-") as tmp:
        build_extension(str(pkg), Path(tmp), cwd=pkg)
        env = dict(os.environ, PYTHONPATH=tmp)
        proc = subprocess.run([sys.executable, "-c", code, *argv],
                              env=env, capture_output=True, text=True, check=True, timeout=1800)
    return json.loads(proc.stdout)
