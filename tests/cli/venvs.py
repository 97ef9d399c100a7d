"""Fresh virtual environments for install tests, offline.

A venv made ``--without-pip`` gets this test environment's site-packages as a ``.pth`` line
(the dependencies: typer, tree-sitter, libclang; its editable py4go is *not* activated, since a
plain ``.pth`` line does not process that folder's own ``.pth`` files), and packages are
installed into it with this environment's pip (``--python``, ``--no-deps --no-index``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import run


def make_venv(path: Path) -> Path:
    """Create the venv at ``path`` and return its ``python``."""
    run([sys.executable, "-m", "venv", "--without-pip", str(path)])
    python = path / "bin" / "python"
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def pip_install(python: Path, *args: str | Path, cwd: Path | None = None,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``pip install --no-deps --no-index ARGS`` into the venv of ``python``."""
    return run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                "--no-cache-dir", *map(str, args)], cwd=cwd, env=env)


def outside_env(venv: Path, go: str) -> dict[str, str]:
    """An environment without this checkout on ``sys.path``: the venv's bin and go on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "GO")}
    env["PATH"] = os.pathsep.join([str(venv / "bin"), str(Path(go).parent), env.get("PATH", "")])
    return env
