"""Syntax errors: tree-sitter ERROR and MISSING nodes as positioned diagnostics.

tree-sitter always produces a tree; where the input does not fit the grammar it wraps the
offending tokens in an ERROR node or inserts a zero-width MISSING token. Each becomes an
ERROR diagnostic in Go's wording (``syntax error: unexpected ...`` / ``missing ...``); the
rest of the file is still extracted.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from bindc.diagnostics import Diagnostic, Severity
from bindc.frontend import queries
from bindc.frontend.syntax import node_span, node_text

_DECLARATION_KEYWORDS = frozenset({"const", "func", "import", "type", "var"})
_LITERALS = frozenset({
    "int_literal", "float_literal", "imaginary_literal", "rune_literal",
    "interpreted_string_literal", "raw_string_literal",
})


def syntax_errors(root: Node, file: str) -> list[Diagnostic]:
    """One diagnostic per outermost ERROR node and per MISSING node, in source order.

    Valid Go that tree-sitter-go 0.25 cannot parse yet (see :func:`_grammar_gap`) gives one
    WARNING per construct instead: the declaration is skipped, the package still binds.
    """
    found: list[Diagnostic] = []
    if not root.has_error:  # the common case costs one flag check
        return found
    gaps_seen: set[int] = set()
    for node in queries.captured_nodes("errors", root, "error"):
        if _inside_error(node):
            continue
        gap = _grammar_gap(node)
        if gap is None:
            found += [Diagnostic(Severity.ERROR, message, node_span(where, file))
                      for where, message in _unexpected(node)]
        elif gap[0].start_byte not in gaps_seen:
            gaps_seen.add(gap[0].start_byte)
            found.append(Diagnostic(Severity.WARNING, gap[1], node_span(gap[0], file)))
    for node in queries.captured_nodes("errors", root, "missing"):
        gap = _grammar_gap(node)
        if gap is None:
            found.append(Diagnostic(Severity.ERROR, _missing_message(node), node_span(node, file)))
        elif gap[0].start_byte not in gaps_seen:
            gaps_seen.add(gap[0].start_byte)
            found.append(Diagnostic(Severity.WARNING, gap[1], node_span(gap[0], file)))
    return sorted(found, key=lambda d: (d.span.line, d.span.col) if d.span else (0, 0))


_GENERIC_METHOD = re.compile(rb"func\s*\([^)]*\)\s*([A-Za-z_]\w*)\s*\[")


def _grammar_gap(error: Node) -> tuple[Node, str] | None:
    """Recognise newer Go syntax the grammar lacks: (where to point, warning message).

    * generic methods (Go 1.27: ``func (r *Rand) N[T intType](n T) T``), which tree-sitter
      turns into a top-level ERROR starting at ``func``;
    * ``new(expr)`` (Go 1.26), an ERROR inside the call's argument list.
    """
    generic_method = _GENERIC_METHOD.match(error.text or b"")
    if generic_method and error.parent is not None and error.parent.type == "source_file":
        name = generic_method.group(1).decode()
        return error, f"generic method {name} is not supported (cannot be parsed yet); skipped"
    call = _enclosing_new_call(error)
    if call is not None:
        return call, "new(expression) is not supported (cannot be parsed yet); its declaration is skipped"
    return None


def _enclosing_new_call(node: Node) -> Node | None:
    """The ``new(...)`` call a parse problem sits in (up to a few levels up), if any."""
    current = node.parent
    for _ in range(4):
        if current is None:
            return None
        if current.type == "call_expression":
            function = current.child_by_field_name("function")
            return current if function is not None and node_text(function) == "new" else None
        current = current.parent
    return None


def _inside_error(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type == "ERROR":
            return True
        parent = parent.parent
    return False


def _unexpected(error: Node) -> list[tuple[Node, str]]:
    """Where to point and what to say for an ERROR node.

    At top level one ERROR may swallow several broken declarations; each line starting
    with a declaration keyword begins a new one, diagnosed on its own.
    """
    tokens = _tokens(error)
    if not tokens:
        return [(error, "syntax error: unexpected input")]
    context = error.parent.type if error.parent is not None else "source_file"
    if context != "source_file":
        return [_diagnose(tokens, f" in {context.replace('_', ' ')}", at_end=_next_token(error) is None)]
    segments: list[list[Node]] = []
    for token in tokens:
        starts_declaration = token.start_point.column == 0 and node_text(token) in _DECLARATION_KEYWORDS
        if starts_declaration or not segments:
            segments.append([])
        segments[-1].append(token)
    at_end = _next_token(error) is None
    return [_diagnose(segment, "", at_end and segment is segments[-1]) for segment in segments]


def _diagnose(tokens: list[Node], where: str, at_end: bool) -> tuple[Node, str]:
    """The culprit among ``tokens`` (part of an ERROR) and its message.

    An odd number of quotes is an unterminated string; unclosed brackets with nothing after
    the ERROR mean the file ended inside a construct; a broken declaration (``var Y = ]``)
    failed at its last token; anything else failed at its first.
    """
    first, last = tokens[0], tokens[-1]
    opens_declaration = node_text(first) in _DECLARATION_KEYWORDS
    quotes = [t for t in tokens if t.type in ('"', "`")]
    if len(quotes) % 2:
        return quotes[-1], "syntax error: string literal not terminated"
    if _unbalanced(tokens) and at_end:
        unclosed = f" (unclosed '{node_text(first)}' declaration)" if opens_declaration else ""
        return first, f"syntax error: unexpected end of file{unclosed}"
    culprit = last if opens_declaration and not where and len(tokens) > 1 else first
    return culprit, f"syntax error: unexpected {describe_token(culprit)}{where}"


def _unbalanced(tokens: list[Node]) -> bool:
    """True when some ``(``, ``[`` or ``{`` among ``tokens`` is never closed."""
    depth = 0
    for token in tokens:
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(token.type, 0)
    return depth > 0


def _tokens(node: Node) -> list[Node]:
    """The tokens under ``node`` in order (literals count as one; comments are skipped)."""
    if node.type == "comment":
        return []
    if node.child_count == 0 or node.type in _LITERALS:
        return [node]
    return [token for child in node.children for token in _tokens(child)]


def _missing_message(missing: Node) -> str:
    expected = f"'{missing.type}'" if not missing.is_named else missing.type.replace("_", " ")
    following = _next_token(missing)
    before = f" before {describe_token(following)}" if following is not None else " at end of file"
    return f"syntax error: missing {expected}{before}"


def describe_token(token: Node) -> str:
    """Go-style token wording: ``name foo``, ``literal 42``, ``newline`` or ``'{'``."""
    text = node_text(token)
    if token.type in ("identifier", "field_identifier", "type_identifier", "package_identifier"):
        return f"name {text}"
    if token.type in _LITERALS:
        return f"literal {_shorten(text)}"
    if text in ("\n", ""):
        return "newline"
    return f"'{_shorten(text)}'"


def _shorten(text: str) -> str:
    first_line = text.splitlines()[0] if text else text
    return first_line if len(first_line) <= 24 else first_line[:21] + "..."


def _first_token(node: Node) -> Node | None:
    """The first non-comment token inside ``node`` (literals count as one token)."""
    if node.type == "comment":
        return None
    if node.child_count == 0 or node.type in _LITERALS:
        return node
    for child in node.children:
        token = _first_token(child)
        if token is not None:
            return token
    return None


def _next_token(node: Node) -> Node | None:
    """The first token after ``node`` in the file, if any."""
    current: Node | None = node
    while current is not None:
        sibling = current.next_sibling
        while sibling is not None:
            token = _first_token(sibling)
            if token is not None:
                return token
            sibling = sibling.next_sibling
        current = current.parent
    return None
