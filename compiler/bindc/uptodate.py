"""Is a build up to date? A make-style check over every input's size and mtime.

``bindc build`` records, after a success, a fingerprint of what it read (the bound Go
module's files, local ``replace`` targets, the py4go runtime, bindc's own sources, the target
interpreter, the environment variables that change a cgo build) and the size and mtime of what
it wrote. When both still match, a rebuild is skipped before any Go or Python tooling is
loaded; anything else (an edit, a touched file, a deleted output) runs the full build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: Files whose changes can change a Go build.
GO_INPUT_SUFFIXES = (".go", ".c", ".h", ".s", ".S", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".m", ".f", ".syso",
                     ".mod", ".sum", ".work")
#: Environment variables that change what a cgo build produces.
ENV_KEYS = ("CC", "CXX", "CGO_ENABLED", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS", "GOFLAGS",
            "GOOS", "GOARCH", "GOAMD64", "GOEXPERIMENT", "GOTOOLCHAIN", "GOROOT", "GO", "PATH", "BINDC_RUNTIME_DIR")

_REPLACE_DIR = re.compile(r"=>\s*(\"[^\"]+\"|\.{1,2}/\S*|/\S+)\s*$")


def _files(tree: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Input files under ``tree`` in a stable order, skipping what Go skips (``.x``, ``_x``, testdata)."""
    try:
        entries = sorted(os.scandir(tree), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((".", "_")) or entry.name == "testdata":
            continue
        if entry.is_dir():
            yield from _files(Path(entry.path), suffixes)
        elif entry.name.endswith(suffixes):
            yield Path(entry.path)


def local_replacements(gomod: Path) -> list[Path]:
    """Directories that ``gomod``'s ``replace`` lines point at (a text scan, no go command)."""
    try:
        text = gomod.read_text()
    except OSError:
        return []
    found = []
    for line in text.splitlines():
        match = _REPLACE_DIR.search(line.split("//")[0].rstrip())
        if match:
            found.append((gomod.parent / match.group(1).strip('"')).resolve())
    return found


def fingerprint(parts: Iterable[str], go_trees: Iterable[Path], py_trees: Iterable[Path]) -> str:
    """One hash over ``parts``, :data:`ENV_KEYS` and every input file's path, size and mtime."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() + b"\0")
    for key in ENV_KEYS:
        h.update(f"{key}={os.environ.get(key, '')}\0".encode())
    for trees, suffixes in ((go_trees, GO_INPUT_SUFFIXES), (py_trees, (".py", ".scm"))):
        for tree in trees:
            h.update(f"tree {tree}\0".encode())
            for path in _files(tree, suffixes):
                st = path.stat()
                h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def output_state(paths: Iterable[Path]) -> dict[str, list[int]]:
    """Size and mtime of each output (an absent one never matches a recorded state)."""
    state = {}
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        state[str(path)] = [st.st_size, st.st_mtime_ns]
    return state


class Stamp:
    """The record of the last successful build in a build directory (``stamp.json``)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Any] | None:
        """The recorded build, or None."""
        try:
            record = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) else None

    def matches(self, inputs: str) -> dict[str, Any] | None:
        """The record when ``inputs`` and the outputs' state are as recorded, else None."""
        record = self.load()
        if not record or record.get("inputs") != inputs:
            return None
        outputs = record.get("outputs") or {}
        if not outputs or output_state(Path(p) for p in outputs) != outputs:
            return None
        return record

    def save(self, inputs: str, outputs: list[Path], **extra: object) -> None:
        """Record a successful build."""
        self.path.write_text(json.dumps({"inputs": inputs, "outputs": output_state(outputs), **extra}))

    def clear(self) -> None:
        """Forget the last build (its inputs are being rewritten)."""
        self.path.unlink(missing_ok=True)
