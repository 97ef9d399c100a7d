"""Locating the target Python interpreter and the flags a cgo build needs for it.

Nothing here trusts ``pkg-config``: on this kind of machine the default ``python3-embed``
belongs to another interpreter than ``python3``. Every path comes from the target interpreter's
own ``sysconfig``, asked by running that interpreter once.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_PROBE = r"""
import json, sys, sysconfig
v = sysconfig.get_config_var
print(json.dumps({
    "executable": sys.executable,
    "version": "%d.%d.%d" % sys.version_info[:3],
    "include_dir": sysconfig.get_paths()["include"],
    "libdir": v("LIBDIR") or "",
    "ldlibrary": v("LDLIBRARY") or "",
    "ldversion": v("LDVERSION") or "",
    "ext_suffix": v("EXT_SUFFIX") or ".so",
    "shared": bool(v("Py_ENABLE_SHARED")),
    "libs": v("LIBS") or "",
    "syslibs": v("SYSLIBS") or "",
}))
"""


class InterpreterError(Exception):
    """The requested Python interpreter is missing or unusable."""


@dataclass(frozen=True)
class Interpreter:
    """Build facts about one Python interpreter, taken from its ``sysconfig``."""

    executable: str
    version: str
    include_dir: str
    libdir: str
    ldlibrary: str
    ldversion: str
    ext_suffix: str
    shared: bool
    libs: str
    syslibs: str

    @property
    def version_tuple(self) -> tuple[int, int]:
        """``(major, minor)``."""
        major, minor, *_ = self.version.split(".")
        return int(major), int(minor)

    @property
    def headers(self) -> Path:
        """Path of this interpreter's ``Python.h``."""
        return Path(self.include_dir) / "Python.h"

    def cflags(self, runtime_dir: Path | None = None) -> list[str]:
        """Compiler flags: the interpreter's include dir and, if given, the py4go runtime dir.

        Setting CGO_CFLAGS replaces Go's default ``-g -O2``, so those come first: without them
        every wrapper would be compiled unoptimised.
        """
        flags = ["-g", "-O2", f"-I{self.include_dir}"]
        if runtime_dir is not None:
            flags.append(f"-I{runtime_dir}")
        return flags

    def ldflags(self, embed: bool = True) -> list[str]:
        """Linker flags. ``embed=False`` is for extension modules, which must not link libpython."""
        if not embed:
            return []
        lib = f"-lpython{self.ldversion}"
        flags = [f"-L{self.libdir}", lib]
        if self.shared:
            flags.append(f"-Wl,-rpath,{self.libdir}")
        else:
            flags += shlex.split(self.libs) + shlex.split(self.syslibs)
        return flags

    def cgo_env(self, runtime_dir: Path | None = None, embed: bool = True) -> dict[str, str]:
        """The ``CGO_*`` variables a ``go build`` needs for this interpreter."""
        return {
            "CGO_ENABLED": "1",
            "CGO_CFLAGS": " ".join(shlex.quote(f) for f in self.cflags(runtime_dir)),
            "CGO_LDFLAGS": " ".join(shlex.quote(f) for f in self.ldflags(embed)),
        }


@lru_cache(maxsize=None)
def find_interpreter(python: str | None = None) -> Interpreter:
    """Describe the interpreter ``python`` (a path or command name; default: the running one).

    Raises :class:`InterpreterError` naming the interpreter when it cannot be run or lacks
    development headers.
    """
    exe = python or sys.executable
    resolved = shutil.which(exe) or exe
    if not Path(resolved).exists():
        raise InterpreterError(f"Python interpreter {exe!r} not found (give a path or a command on PATH with --python)")
    try:
        out = subprocess.run([resolved, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=True).stdout
    except subprocess.CalledProcessError as e:
        raise InterpreterError(f"Python interpreter {exe!r} failed to report its sysconfig: {e.stderr.strip()}") from e
    except (OSError, subprocess.TimeoutExpired) as e:
        raise InterpreterError(f"Python interpreter {exe!r} could not be run: {e}") from e
    interp = Interpreter(**json.loads(out))
    if not interp.headers.exists():
        raise InterpreterError(
            f"Python interpreter {interp.executable} ({interp.version}) has no development headers: "
            f"{interp.headers} is missing (install its -dev package)"
        )
    return interp
