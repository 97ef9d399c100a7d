"""bindc's cache directory: one stable build directory per (package, interpreter, options).

A stable directory (instead of a fresh temporary one) lets an unchanged rebuild skip nearly
everything: generated files are written only when they change, so their mtimes stay, and
Go's build cache recognises the whole build. The root is ``$BINDC_CACHE_DIR``, else
``$XDG_CACHE_HOME/bindc``, else ``~/.cache/bindc``; deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path


def cache_root() -> Path:
    """The root of bindc's cache (not created here)."""
    explicit = os.environ.get("BINDC_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser().resolve()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return (base / "bindc").resolve()


def build_dir(label: str, *key: str) -> Path:
    """The build directory for ``key`` (package, interpreter, options), named ``label-HASH``.

    The label (the module name) only makes the directory recognisable; the hash decides.
    """
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()[:16]
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", label)[:40]
    return cache_root() / "build" / f"{safe}-{digest}"


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[Path]:
    """Hold an exclusive lock on ``directory`` (created if needed) while two builds of the same
    key would otherwise write the same files at once."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory.with_name(directory.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield directory
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
