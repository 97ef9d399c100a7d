"""The Python versions py4go supports, and finding an interpreter of each on this machine.

The end-to-end suite builds and checks modules for every supported version, not only the one
running pytest. Interpreters come from ``pytest --pythons=PATH_OR_COMMAND,...`` when given, else
from discovery: ``pythonX.Y`` on ``PATH``, then pyenv's versions (``$PYENV_ROOT`` or ``pyenv
root``, else ``~/.pyenv``), then the running interpreter. A version that cannot be found is
reported as a skip with the reason (where the search looked), never silently dropped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Every CPython version bindc supports (the limited API of the first one is the abi3 floor).
SUPPORTED = ("3.11", "3.12", "3.13")


@dataclass(frozen=True)
class Found:
    """One supported version: its interpreter, or why there is none."""

    version: str
    executable: str | None
    reason: str = ""


def version_of(executable: str) -> str | None:
    """``"3.12"`` for an interpreter that runs, else None."""
    try:
        out = subprocess.run([executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def pyenv_root() -> Path | None:
    """pyenv's root directory, if pyenv is in use here."""
    if os.environ.get("PYENV_ROOT"):
        return Path(os.environ["PYENV_ROOT"])
    pyenv = shutil.which("pyenv")
    if pyenv:
        try:
            out = subprocess.run([pyenv, "root"], capture_output=True, text=True, timeout=30)
            if out.returncode == 0 and out.stdout.strip():
                return Path(out.stdout.strip())
        except (OSError, subprocess.TimeoutExpired):
            pass
    default = Path.home() / ".pyenv"
    return default if default.is_dir() else None


def _candidates(version: str) -> list[str]:
    """Where an interpreter of ``version`` may be, most specific first."""
    found = []
    on_path = shutil.which(f"python{version}")
    if on_path:
        found.append(on_path)
    root = pyenv_root()
    if root is not None:
        pattern = re.compile(rf"^{re.escape(version)}\.\d+$")  # 3.12.1, not 3.12-dev or 3.12t
        versions = sorted((d for d in (root / "versions").glob(f"{version}.*") if pattern.match(d.name)),
                          key=lambda d: [int(p) for p in d.name.split(".")], reverse=True)
        found += [str(d / "bin" / f"python{version}") for d in versions]
    if "%d.%d" % sys.version_info[:2] == version:
        found.append(sys.executable)
    return found


def discover(version: str) -> Found:
    """An interpreter of ``version`` found on this machine, or the reason there is none."""
    tried = _candidates(version)
    for exe in tried:
        if Path(exe).exists() and version_of(exe) == version:
            return Found(version, exe)
    where = ", ".join(tried) if tried else f"no python{version} on PATH and no pyenv version {version}.*"
    return Found(version, None, f"no Python {version} found (looked at: {where}); give one with --pythons")


@lru_cache(maxsize=None)
def interpreters(option: str | None = None) -> tuple[Found, ...]:
    """The interpreters to test: those named by ``--pythons`` (comma-separated paths or commands),
    or one per supported version, discovered."""
    if not option:
        return tuple(discover(v) for v in SUPPORTED)
    result = []
    for name in (n.strip() for n in option.split(",") if n.strip()):
        exe = shutil.which(name) or name
        version = version_of(exe)
        if version is None:
            result.append(Found(name, None, f"--pythons: {name!r} cannot be run"))
        elif version not in SUPPORTED:
            result.append(Found(version, None, f"--pythons: {name} is Python {version}; bindc supports {', '.join(SUPPORTED)}"))
        else:
            result.append(Found(version, exe))
    return tuple(result)
