"""Small helpers over tree-sitter nodes: source text and IR spans."""

from __future__ import annotations

from tree_sitter import Node

from bindc.ir import Span


def node_text(node: Node) -> str:
    """The source text of ``node`` (UTF-8, undecodable bytes replaced)."""
    return (node.text or b"").decode("utf-8", errors="replace")


def node_span(node: Node, file: str) -> Span:
    """The 1-based span of ``node``; columns count bytes, as Go's do."""
    return Span(
        file,
        node.start_point.row + 1,
        node.start_point.column + 1,
        node.end_point.row + 1,
        node.end_point.column + 1,
    )


def named_fields(node: Node, field: str) -> list[Node]:
    """Children under ``field`` that are named nodes.

    tree-sitter-go also files the ``,`` between grouped names under ``name``; skip those.
    """
    return [c for c in node.children_by_field_name(field) if c.is_named]


def has_token(node: Node, token: str) -> bool:
    """True when ``node`` has the anonymous child token ``token`` (``(``, ``*``, ...)."""
    return any(not c.is_named and c.type == token for c in node.children)
