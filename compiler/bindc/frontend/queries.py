"""The Go grammar and the tree-sitter queries in ``grammar/*.scm``, each compiled once.

Every query file has one purpose; :data:`CAPTURES` lists the capture names the frontend
reads from each, so a renamed capture fails a test instead of silently matching nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import tree_sitter_go
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from bindc.resources import grammar_dir

#: Query file stem -> the capture names the frontend relies on.
CAPTURES: dict[str, frozenset[str]] = {
    "declarations": frozenset({
        "definition.function", "definition.method", "receiver", "type_parameters",
        "definition.type", "definition.alias", "definition.const", "definition.var",
        "declaration", "name",
    }),
    "imports": frozenset({"package", "package.name", "import", "import.name", "import.path"}),
    "comments": frozenset({"comment"}),
    "errors": frozenset({"error", "missing"}),
}

Match = dict[str, list[Node]]


@lru_cache(maxsize=None)
def go_language() -> Language:
    """The tree-sitter Go language."""
    return Language(tree_sitter_go.language())


def new_parser() -> Parser:
    """A fresh Go parser (parsers hold parse state, so each parse gets its own)."""
    return Parser(go_language())


@lru_cache(maxsize=None)
def load_query(stem: str) -> Query:
    """Compile ``grammar/<stem>.scm`` (once per process)."""
    path = grammar_dir() / f"{stem}.scm"
    return Query(go_language(), path.read_text(encoding="utf-8"))


def matches(stem: str, node: Node) -> Iterator[Match]:
    """Run query ``stem`` over ``node``; yield each match as ``{capture name: nodes}``."""
    for _pattern, captures in QueryCursor(load_query(stem)).matches(node):
        yield captures


def captured_nodes(stem: str, node: Node, capture: str) -> list[Node]:
    """Every node captured as ``capture`` by query ``stem``, in source order."""
    found = QueryCursor(load_query(stem)).captures(node).get(capture, [])
    return sorted(found, key=lambda n: n.start_byte)
