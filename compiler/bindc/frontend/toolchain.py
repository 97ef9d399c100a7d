"""Facts about the local Go toolchain the frontend needs (asked once per process)."""

from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

from bindc.resources import GoToolchainError, find_go, go_env


@lru_cache(maxsize=None)
def _go_env_values() -> tuple[str, str]:
    """``go env GOROOT GOVERSION`` (one subprocess for both)."""
    try:
        out = subprocess.run(
            [find_go(), "env", "GOROOT", "GOVERSION"],
            capture_output=True, text=True, env=go_env(), timeout=60, check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError) as exc:
        raise GoToolchainError(f"cannot run `go env`: {exc}") from exc
    return out[0].strip(), out[1].strip() if len(out) > 1 else ""


def goroot() -> Path:
    """The toolchain's GOROOT (standard library sources are under ``GOROOT/src``)."""
    return Path(_go_env_values()[0])


def go_minor_version() -> int | None:
    """The toolchain's minor release (27 for go1.27.3), or None if it does not say."""
    match = re.match(r"go1\.(\d+)", _go_env_values()[1])
    return int(match.group(1)) if match else None
