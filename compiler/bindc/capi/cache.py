"""The on-disk cache of C-API models, so Python.h is parsed once per set of headers.

Which files a translation unit reads is only known after parsing it, so the cache works like
ccache's manifests: an entry is found by a *lookup key* (model format, libclang version, clang
arguments, probe source) and holds the SHA-256 of every file the parse read. The entry is used
only when every one of those files still has the recorded contents; any change to any header
(or a missing file) means a re-parse. Entries are JSON, never pickled libclang objects.

A cache that is missing, unreadable, corrupt or from another format is a miss, never an error;
writes are atomic (temporary file + rename) so concurrent runs never see half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from bindc.capi.model import MODEL_FORMAT, CApiModel


def default_cache_dir() -> Path:
    """``$BINDC_CACHE_DIR``, else ``$XDG_CACHE_HOME/bindc``, else ``~/.cache/bindc``."""
    explicit = os.environ.get("BINDC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "bindc"


def lookup_key(clang_version: str, args: tuple[str, ...], source: str) -> str:
    """Hex digest naming a cache entry: everything that shapes the parse except header contents."""
    blob = json.dumps([MODEL_FORMAT, clang_version, list(args), source])
    return hashlib.sha256(blob.encode()).hexdigest()


def file_digests(paths: tuple[str, ...] | list[str]) -> dict[str, str]:
    """SHA-256 of each file's contents; raises ``OSError`` when one cannot be read."""
    return {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


def entry_path(cache_dir: Path, key: str) -> Path:
    """Where the entry for ``key`` lives."""
    return cache_dir / f"capi-{key[:40]}.json"


def read_entry(cache_dir: Path, key: str) -> CApiModel | None:
    """The cached model for ``key`` if present, well-formed and its headers unchanged; else ``None``."""
    try:
        raw: dict[str, Any] = json.loads(entry_path(cache_dir, key).read_text(encoding="utf-8"))
        if raw.get("format") != MODEL_FORMAT or raw.get("key") != key:
            return None
        headers: dict[str, str] = raw["headers"]
        if not headers or file_digests(list(headers)) != headers:
            return None
        return CApiModel.from_json(raw["model"], from_cache=True)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # unreadable or corrupt: rebuild silently


def write_entry(cache_dir: Path, key: str, model: CApiModel, included_files: tuple[str, ...]) -> None:
    """Store ``model`` under ``key`` with the digests of ``included_files``; failures are ignored.

    The cache is an optimisation: an unwritable cache dir costs a re-parse next time, nothing more.
    """
    try:
        entry = {"format": MODEL_FORMAT, "key": key, "headers": file_digests(included_files), "model": model.to_json()}
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".capi-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entry, f, separators=(",", ":"))
            os.replace(tmp, entry_path(cache_dir, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
