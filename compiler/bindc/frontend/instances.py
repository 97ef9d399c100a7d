"""Instantiation requests: ``Map[int, string]`` (``//py4go:instantiate``) and
``pkg.Map[int,string]=name`` (``--instantiate``), parsed into IR types.

The text is Go syntax for an instantiated name, read by the same tree-sitter grammar and
type-expression reader as the package itself, so a type argument means what it would mean in a
Go file (``[]string``, ``map[string]int``, ``url.URL``, ``*Point``). An optional Python name
follows: after a space in a directive, after ``=`` on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from bindc.frontend import queries
from bindc.frontend.comments import CommentIndex
from bindc.frontend.context import FileContext
from bindc.frontend.type_exprs import go_type
from bindc.ir import GoType, NamedType, TildeType, UnionType, UnsupportedType
from bindc.naming import is_valid_python_identifier

_PREFIX = b"package p\ntype _ "


class InstanceSyntaxError(ValueError):
    """Text that is not ``Name[T1, T2...]`` (with an optional Python name)."""


@dataclass(frozen=True)
class InstanceRequest:
    """One requested instantiation: generic ``name`` (of the package ``qualifier`` names, when
    written) with ``type_args``, bound as ``py_name`` (None: the documented default name)."""

    name: str
    type_args: tuple[GoType, ...]
    qualifier: str | None = None
    py_name: str | None = None

    def go_syntax(self) -> str:
        """``Map[int, string]``, as Go spells the instantiation (unqualified)."""
        return NamedType(self.name, None, self.type_args).go_syntax()


def parse_instance(text: str, *, name_separator: str = " ") -> InstanceRequest:
    """Parse ``[pkg.]Name[T1, ...]`` followed by an optional Python name (after
    ``name_separator``); raises :class:`InstanceSyntaxError` saying what is wrong."""
    text = text.strip()
    close = text.rfind("]")
    if "[" not in text or close < 0:
        raise InstanceSyntaxError(f"expected Name[T1, T2, ...], got {text!r}")
    instance, rest = text[:close + 1], text[close + 1:].strip()
    py_name = None
    if rest:
        if name_separator != " ":
            if not rest.startswith(name_separator):
                raise InstanceSyntaxError(f"expected {name_separator}name after {instance!r}, got {rest!r}")
            rest = rest[len(name_separator):].strip()
        if not is_valid_python_identifier(rest):
            raise InstanceSyntaxError(f"{rest!r} (the Python name of {instance}) is not a valid Python identifier")
        py_name = rest
    source = _PREFIX + instance.encode() + b"\n"
    root = queries.new_parser().parse(source).root_node
    spec = _type_spec(root)
    node = spec.child_by_field_name("type") if spec is not None else None
    if root.has_error or node is None or node.end_byte != len(source) - 1:
        raise InstanceSyntaxError(f"{instance!r} is not a Go instantiation such as Map[int, string]")
    parsed = go_type(node, FileContext("<instance>", CommentIndex([], source)))
    if not isinstance(parsed, NamedType) or not parsed.type_args:
        raise InstanceSyntaxError(f"{instance!r} is not a Go instantiation such as Map[int, string]")
    unsupported = [a for a in parsed.type_args if _has_unsupported(a)]
    if unsupported:
        raise InstanceSyntaxError(f"type argument {unsupported[0].go_syntax()!r} of {instance} is not a Go type")
    return InstanceRequest(parsed.name, parsed.type_args, parsed.package, py_name)


def _type_spec(root: Node) -> Node | None:
    for decl in root.named_children:
        if decl.type == "type_declaration":
            return next((c for c in decl.named_children if c.type == "type_spec"), None)
    return None


def _has_unsupported(value: object) -> bool:
    """Whether anything but a type is inside: text the reader could not model, or a
    constraint's ``~T`` / ``A | B`` (not a type argument)."""
    if isinstance(value, (UnsupportedType, UnionType, TildeType)):
        return True
    if isinstance(value, tuple):
        return any(_has_unsupported(v) for v in value)
    if isinstance(value, GoType) or hasattr(value, "__dataclass_fields__"):
        return any(_has_unsupported(getattr(value, f)) for f in value.__dataclass_fields__)
    return False
