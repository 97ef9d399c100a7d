"""The file header: what precedes the package clause and decides how a file is treated.

Go reads build constraints and the generated-code marker from the leading run of ``//``
comments and blank lines (``go/build``, ``go/ast.IsGenerated``); this is a text scan, so a
file excluded by its constraints is never parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GENERATED = re.compile(r"^// Code generated .* DO NOT EDIT\.$")


@dataclass(frozen=True)
class FileHeader:
    """The build constraint and generated marker of one file.

    ``go_build`` is the ``//go:build`` expression; ``plus_build`` the legacy ``// +build``
    lines (used only when there is no ``//go:build``); ``generated_line`` the
    ``// Code generated ... DO NOT EDIT.`` line.
    """

    go_build: str | None = None
    plus_build: tuple[str, ...] = ()
    generated_line: str | None = None

    @property
    def generated(self) -> bool:
        """True when the file says it was generated."""
        return self.generated_line is not None


UTF8_BOM = b"\xef\xbb\xbf"


def without_bom(source: bytes) -> bytes:
    """``source`` without a leading UTF-8 byte order mark. Go ignores one there and counts
    line-1 columns after it; so must the header scan and the parser, or a BOM would hide a
    //go:build line or the package doc comment."""
    return source[len(UTF8_BOM):] if source.startswith(UTF8_BOM) else source


def scan_header(source: bytes) -> FileHeader:
    """Read the leading comments of a Go file (up to the first non-comment line)."""
    source = without_bom(source)
    go_build: str | None = None
    plus_build: list[str] = []
    pending_plus: list[str] = []  # +build lines count only when a blank line follows them
    generated: str | None = None
    for raw in source.split(b"\n"):
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            plus_build += pending_plus
            pending_plus = []
            continue
        if not line.startswith("//"):
            break
        if _GENERATED.match(line) and generated is None:
            generated = line
        if line.startswith("//go:build") and line[len("//go:build"):][:1] in (" ", "\t") and go_build is None:
            go_build = line[len("//go:build"):].strip()
        elif line[2:].lstrip().startswith("+build"):
            pending_plus.append(line[2:].lstrip()[len("+build"):].strip())
    return FileHeader(go_build, tuple(plus_build), generated)
