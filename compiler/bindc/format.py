"""Formatting and re-parsing generated code before anything is written (protogen's Content()).

Go output goes through ``gofmt``; a ``.pyi`` must parse with :mod:`ast`. A failure here is a
bug in bindc, so the message shows the offending source with line numbers.
"""

from __future__ import annotations

import ast
import subprocess
from functools import lru_cache
from pathlib import Path

from bindc.resources import find_go, go_env


class GeneratedCodeError(Exception):
    """bindc produced source that does not format or parse (a bindc bug)."""


def numbered(source: str) -> str:
    """``source`` with right-aligned line numbers, for error messages."""
    lines = source.splitlines()
    width = len(str(len(lines)))
    return "\n".join(f"{i:>{width}}| {line}" for i, line in enumerate(lines, 1))


@lru_cache(maxsize=None)
def _gofmt() -> str:
    go = Path(find_go())
    for candidate in (go.parent / "gofmt", go.resolve().parent / "gofmt"):
        if candidate.exists():
            return str(candidate)
    goroot = subprocess.run([str(go), "env", "GOROOT"], capture_output=True, text=True, env=go_env(), check=True)
    return str(Path(goroot.stdout.strip()) / "bin" / "gofmt")


def gofmt(source: str, name: str) -> str:
    """Format Go ``source`` (named ``name`` in errors) with gofmt."""
    proc = subprocess.run([_gofmt()], input=source, capture_output=True, text=True)
    if proc.returncode != 0:
        raise GeneratedCodeError(f"bindc generated Go that gofmt rejects ({name}):\n{proc.stderr}\n{numbered(source)}")
    return proc.stdout


def check_stub(source: str, name: str) -> str:
    """Return ``source`` if it parses as Python, else raise with the source shown."""
    try:
        ast.parse(source, filename=name)
    except SyntaxError as e:
        raise GeneratedCodeError(f"bindc generated a stub that does not parse ({name}:{e.lineno}): {e.msg}\n"
                                 f"{numbered(source)}") from e
    return source
