"""Comment groups, doc comments and Go's doc-text rules.

Go attaches a doc comment to a declaration by position: the group of comment lines that ends
on the line just above it, with no blank line in between (``go/ast``'s ``Doc``). A group is a
run of comments each standing alone on its line, on consecutive lines; a comment after code
on the same line is a trailing ("line") comment instead.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from tree_sitter import Node

from bindc.frontend.syntax import node_text

# go/ast isDirective: "//line ", "//extern ", "//export ", or "//[a-z0-9]+:[a-z0-9]".
_DIRECTIVE = re.compile(r"(line |extern |export |[a-z0-9]+:[a-z0-9])")


@dataclass(frozen=True)
class CommentGroup:
    """Consecutive standalone comments; rows are 0-based, as tree-sitter reports them."""

    comments: tuple[Node, ...]

    @property
    def first_row(self) -> int:
        """Row of the first comment."""
        return self.comments[0].start_point.row

    @property
    def last_row(self) -> int:
        """Row where the last comment ends."""
        return self.comments[-1].end_point.row

    def text(self) -> str:
        """The doc text, by Go's ``CommentGroup.Text`` rules (see :func:`doc_text`)."""
        return doc_text([node_text(c) for c in self.comments])


def is_go_directive(comment: str) -> bool:
    """True for a ``//`` comment Go treats as a directive (``//go:noinline``, ``//py4go:skip``)."""
    return comment.startswith("//") and bool(_DIRECTIVE.match(comment, 2))


def doc_text(comments: list[str]) -> str:
    """Join raw comments into doc text the way ``go/ast.CommentGroup.Text`` does.

    Markers go, one space after ``//`` goes, directive lines go, trailing spaces go, runs of
    blank lines become one, and leading/trailing blank lines are dropped. Unlike Go, no final
    newline is added and ``/* */`` blocks are dedented (the text becomes a Python docstring).
    """
    lines: list[str] = []
    for comment in comments:
        if comment.startswith("//"):
            if is_go_directive(comment):
                continue
            body = comment[2:]
            lines.append(body[1:] if body.startswith(" ") else body)
        else:  # unlike Go, dedent a /* */ block: its indentation is layout, not content
            lines.extend(textwrap.dedent(comment[2:-2]).split("\n"))
    cleaned: list[str] = []
    for line in (ln.rstrip() for ln in lines):
        if line or (cleaned and cleaned[-1]):
            cleaned.append(line)
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    return "\n".join(cleaned)


class CommentIndex:
    """The comments of one file, grouped, for looking up the doc of any node.

    It remembers which groups were handed out as docs (:meth:`claimed`), so the frontend can
    warn about ``//py4go:`` directives that are attached to nothing.
    """

    def __init__(self, comments: list[Node], source: bytes) -> None:
        self._source = source
        self.all = comments
        self._groups_by_last_row: dict[int, CommentGroup] = {}
        self._claimed: set[int] = set()  # start bytes of comments handed out as docs
        self._by_start_row: dict[int, list[Node]] = {}
        for comment in comments:
            self._by_start_row.setdefault(comment.start_point.row, []).append(comment)
        for group in self._group(c for c in comments if self._standalone(c)):
            self._groups_by_last_row[group.last_row] = group

    def _standalone(self, comment: Node) -> bool:
        """True when only whitespace precedes the comment on its line."""
        line_start = comment.start_byte - comment.start_point.column
        return not self._source[line_start:comment.start_byte].strip()

    @staticmethod
    def _group(standalone: Iterable[Node]) -> list[CommentGroup]:
        groups: list[list[Node]] = []
        for comment in standalone:
            if groups and comment.start_point.row <= groups[-1][-1].end_point.row + 1:
                groups[-1].append(comment)
            else:
                groups.append([comment])
        return [CommentGroup(tuple(g)) for g in groups]

    def doc_for(self, node: Node) -> CommentGroup | None:
        """The comment group ending on the line just above ``node``, claimed as its doc."""
        group = self._groups_by_last_row.get(node.start_point.row - 1)
        if group is not None:
            self._claimed.update(c.start_byte for c in group.comments)
        return group

    def trailing_for(self, node: Node) -> str:
        """The text of a comment following ``node`` on its last line (``X int // why``)."""
        for comment in self._by_start_row.get(node.end_point.row, ()):
            if comment.start_byte >= node.end_byte:
                return doc_text([node_text(comment)])
        return ""

    def is_claimed(self, comment: Node) -> bool:
        """True when ``comment`` belongs to a group handed out by :meth:`doc_for`."""
        return comment.start_byte in self._claimed
