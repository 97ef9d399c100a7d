"""``//py4go:<kind> [arg]`` directives: parsing and validation.

A directive is a ``//py4go:`` line in the comment group attached to a declaration (its doc
block). Go treats such lines as directives, so they never show up in the doc text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tree_sitter import Node

from bindc.diagnostics import Diagnostic, Severity
from bindc.frontend.syntax import node_span, node_text
from bindc.ir import Directive, Span
from bindc.naming import is_valid_python_identifier

PREFIX = "//py4go:"
_SHAPE = re.compile(r"//py4go:(\S*)\s*(.*)$")


def _no_argument(kind: str, arg: str | None) -> str | None:
    return f"//py4go:{kind} takes no argument" if arg is not None else None


def _optional_python_name(kind: str, arg: str | None) -> str | None:
    if arg is None:
        return None
    if len(arg.split()) > 1:
        return f"//py4go:{kind} takes at most one name, got {arg!r}"
    if not is_valid_python_identifier(arg):
        return f"//py4go:{kind} name {arg!r} is not a valid Python identifier"
    return None


def _instance(kind: str, arg: str | None) -> str | None:
    from bindc.frontend.instances import InstanceSyntaxError, parse_instance

    if arg is None:
        return f"//py4go:{kind} needs an instantiation, e.g. //py4go:{kind} Map[int, string]"
    try:
        parse_instance(arg)
    except InstanceSyntaxError as e:
        return f"//py4go:{kind}: {e}"
    return None


#: Known directive kinds and their argument check (message on error, None when fine).
#: Add a kind here to teach the frontend a new directive.
KNOWN_KINDS: dict[str, Callable[[str, str | None], str | None]] = {
    "export": _optional_python_name,
    "skip": _no_argument,
    "nogil": _no_argument,  # release the GIL around the Go call (see bindc.gil)
    "gil": _no_argument,  # keep holding it
    "instantiate": _instance,  # bind one instantiation of a generic function (bindc.resolve.instances)
    "buffer": _no_argument,  # return a slice of numbers as an array.array (bindc.typemap.buffers)
}


def is_py4go_directive(comment: str) -> bool:
    """True for a ``//py4go:...`` comment."""
    return comment.startswith(PREFIX)


def parse_directive(comment: Node, file: str) -> tuple[Directive | None, list[Diagnostic]]:
    """Parse one ``//py4go:`` comment.

    A malformed known directive gives an ERROR and no Directive; an unknown kind gives a
    WARNING and is kept (the resolver may know better, and a typo should be visible).
    """
    text = node_text(comment).rstrip()
    span = node_span(comment, file)
    shape = _SHAPE.match(text)
    assert shape is not None, "caller passes //py4go: comments only"
    kind, arg = shape.group(1), shape.group(2) or None
    if not kind:
        return None, [Diagnostic(Severity.ERROR, "empty //py4go: directive (expected //py4go:export or //py4go:skip)", span)]
    check = KNOWN_KINDS.get(kind)
    if check is None:
        known = ", ".join(f"//py4go:{k}" for k in KNOWN_KINDS)
        message = f"unknown directive //py4go:{kind} (known: {known})"
        return Directive(kind, arg, span), [Diagnostic(Severity.WARNING, message, span)]
    problem = check(kind, arg)
    if problem is not None:
        return None, [Diagnostic(Severity.ERROR, problem, _argument_span(span, text, shape.start(2)))]
    return Directive(kind, arg, span), []


def _argument_span(span: Span, text: str, arg_start: int) -> Span:
    """Point a diagnostic at the directive's argument rather than at the ``//``."""
    return replace(span, col=span.col + len(text[:arg_start].encode()))
