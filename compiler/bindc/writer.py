"""Writing generated files: atomic, only when changed; and comparing for ``bindc check``.

A run either writes every file it generated or, if anything failed earlier, none: the driver
only calls :func:`write_all` after every file was generated and validated. Each write goes
to a temporary file in the same directory and is renamed into place, so a reader never sees
half a file and an interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedFile:
    """One output file: where it goes and what it holds."""

    path: Path
    content: str


def write_if_changed(file: GeneratedFile) -> bool:
    """Atomically write ``file`` unless the same content is already there; True if written."""
    data = file.content.encode("utf-8")
    try:
        if file.path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    file.path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{file.path.name}.", suffix=".tmp", dir=file.path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, file.path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_all(files: list[GeneratedFile]) -> list[Path]:
    """Write every file that changed; return the paths written."""
    return [f.path for f in files if write_if_changed(f)]


def stale_files(files: list[GeneratedFile]) -> list[tuple[Path, str]]:
    """For ``bindc check``: each file whose disk content differs, with a unified diff."""
    stale = []
    for f in files:
        try:
            current = f.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            stale.append((f.path, f"{f.path}: missing (run bindc generate)\n"))
            continue
        if current != f.content:
            diff = difflib.unified_diff(current.splitlines(keepends=True), f.content.splitlines(keepends=True),
                                        fromfile=f"{f.path} (on disk)", tofile=f"{f.path} (generated)")
            stale.append((f.path, "".join(diff)))
    return stale
