"""Evaluating a stub's ``if sys.version_info >= (3, 12):`` and ``sys.platform`` tests.

Typeshed stubs describe every Python version at once; a type checker keeps the branches
that hold for its target. This module does the same for the small expression language
stubs use (comparisons of ``sys.version_info`` with tuples and of ``sys.platform`` with
strings, combined with ``and``/``or``/``not``; ``TYPE_CHECKING`` is true, as for a type
checker). Anything else is "unknown", which the reader
treats as true and reports.
"""

from __future__ import annotations

import ast
import operator
import sys
from collections.abc import Callable

_OPS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
        ast.Eq: operator.eq, ast.NotEq: operator.ne}


def _sys_attr(node: ast.expr) -> str | None:
    """"version_info" or "platform" for ``sys.version_info`` / ``sys.platform`` (also subscripted)."""
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "sys":
        return node.attr
    return None


def evaluate(test: ast.expr, version: tuple[int, int], platform: str = sys.platform) -> bool | None:
    """The truth of ``test`` for that Python version and platform, or None if unknown."""
    if isinstance(test, ast.BoolOp):
        values = [evaluate(v, version, platform) for v in test.values]
        if None in values:
            return None
        return all(values) if isinstance(test.op, ast.And) else any(values)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = evaluate(test.operand, version, platform)
        return None if inner is None else not inner
    if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
        return True  # typing.TYPE_CHECKING: true for a type checker, and bindc reads as one
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _OPS):
        return None
    attr = _sys_attr(test.left)
    try:
        right = ast.literal_eval(test.comparators[0])
    except ValueError:
        return None
    op = _OPS[type(test.ops[0])]
    if attr == "version_info":
        if isinstance(test.left, ast.Subscript):  # sys.version_info[0] >= 3, [:2] == (3, 11)
            try:
                index = ast.literal_eval(test.left.slice)
            except ValueError:
                return None
            return bool(op(version[index], right))
        if isinstance(right, tuple):
            return bool(op(version, right))
        return None
    if attr == "platform" and isinstance(right, str):
        return bool(op(platform, right))
    return None


def flatten(body: list[ast.stmt], version: tuple[int, int],
            on_unknown: Callable[[ast.expr], None]) -> list[ast.stmt]:
    """The statements of ``body`` that apply, with version/platform ``if`` blocks resolved.

    ``on_unknown(test)`` is called for a test that cannot be evaluated; its ``if`` branch is kept.
    """
    out: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, ast.If):
            truth = evaluate(stmt.test, version)
            if truth is None:
                on_unknown(stmt.test)
                truth = True
            out.extend(flatten(stmt.body if truth else stmt.orelse, version, on_unknown))
        else:
            out.append(stmt)
    return out
