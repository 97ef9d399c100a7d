"""What extraction needs to know about the file being read."""

from __future__ import annotations

from dataclasses import dataclass

from bindc.frontend.comments import CommentIndex


@dataclass(frozen=True)
class FileContext:
    """The file's path (as it appears in spans) and its comments, for docs and directives."""

    path: str
    comments: CommentIndex
