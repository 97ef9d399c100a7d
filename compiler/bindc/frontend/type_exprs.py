"""Go type expressions (tree-sitter nodes) to IR :class:`~bindc.ir.GoType` values.

Types are modelled as written; anything without an IR class (type-set unions, ``~T``, or
a node containing a syntax error) becomes :class:`~bindc.ir.UnsupportedType` holding the
source text, so later stages can name it in a diagnostic.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from tree_sitter import Node

from bindc.frontend.context import FileContext
from bindc.frontend.syntax import has_token, named_fields, node_span, node_text
from bindc.ir import (
    ArrayType,
    ChanType,
    FuncType,
    GoType,
    InterfaceMethod,
    InterfaceType,
    MapType,
    NamedType,
    Param,
    PointerType,
    SliceType,
    StructField,
    StructType,
    TildeType,
    UnionType,
    UnsupportedType,
)


def go_type(node: Node, ctx: FileContext) -> GoType:
    """The IR type for a tree-sitter type node."""
    handler = _HANDLERS.get(node.type)
    if handler is None or node.has_error:
        return UnsupportedType(node_text(node))
    return handler(node, ctx)


def _field(node: Node, name: str, ctx: FileContext) -> GoType:
    child = node.child_by_field_name(name)
    return go_type(child, ctx) if child is not None else UnsupportedType(node_text(node))


def _only_child(node: Node, ctx: FileContext) -> GoType:
    """The type inside a node with one named child (``*T``, ``(T)``, a one-term type_elem)."""
    inner = [c for c in node.named_children if c.type != "comment"]
    return go_type(inner[0], ctx) if len(inner) == 1 else UnsupportedType(node_text(node))


def _named(node: Node, ctx: FileContext) -> GoType:
    return NamedType(node_text(node))


def _qualified(node: Node, ctx: FileContext) -> GoType:
    package, name = node.child_by_field_name("package"), node.child_by_field_name("name")
    if package is None or name is None:
        return UnsupportedType(node_text(node))
    return NamedType(node_text(name), package=node_text(package))


def _generic(node: Node, ctx: FileContext) -> GoType:
    base = _field(node, "type", ctx)
    args_node = node.child_by_field_name("type_arguments")
    if not isinstance(base, NamedType) or args_node is None:
        return UnsupportedType(node_text(node))
    args = tuple(go_type(a, ctx) for a in args_node.named_children if a.type != "comment")
    return NamedType(base.name, base.package, args)


def _terms(node: Node, ctx: FileContext) -> GoType:
    """A constraint or type element: one term is that type, several (``int | ~string``) a union."""
    inner = [c for c in node.named_children if c.type != "comment"]
    if not inner:
        return UnsupportedType(node_text(node))
    if len(inner) == 1:
        return go_type(inner[0], ctx)
    return UnionType(tuple(go_type(c, ctx) for c in inner))


def _array(node: Node, ctx: FileContext) -> GoType:
    length = node.child_by_field_name("length")
    return ArrayType(node_text(length) if length else "...", _field(node, "element", ctx))


def _channel(node: Node, ctx: FileContext) -> GoType:
    tokens = [c.type for c in node.children if not c.is_named][:2]
    direction: Literal["both", "recv", "send"] = (
        "recv" if tokens == ["<-", "chan"] else "send" if tokens == ["chan", "<-"] else "both"
    )
    return ChanType(direction, _field(node, "value", ctx))


def _function(node: Node, ctx: FileContext) -> FuncType:
    """A func type; its Params carry no span, so equal signatures compare equal anywhere."""
    params, variadic = parameters(node.child_by_field_name("parameters"), ctx)
    return FuncType(
        tuple(replace(p, span=None) for p in params),
        tuple(replace(p, span=None) for p in results(node.child_by_field_name("result"), ctx)),
        variadic,
    )


def _interface(node: Node, ctx: FileContext) -> GoType:
    methods: list[InterfaceMethod] = []
    embeds: list[GoType] = []
    for elem in node.named_children:
        if elem.type == "method_elem":
            name = elem.child_by_field_name("name")
            signature = _function(elem, ctx)
            methods.append(InterfaceMethod(node_text(name) if name is not None else "", signature))
        elif elem.type == "type_elem":
            embeds.append(_terms(elem, ctx))
    return InterfaceType(tuple(methods), tuple(embeds))


def _struct(node: Node, ctx: FileContext) -> GoType:
    body = next((c for c in node.named_children if c.type == "field_declaration_list"), None)
    fields: list[StructField] = []
    for decl in body.named_children if body else ():
        if decl.type == "field_declaration":
            fields.extend(_struct_fields(decl, ctx))
    return StructType(tuple(fields))


def _struct_fields(decl: Node, ctx: FileContext) -> list[StructField]:
    """One StructField per name of ``X, Y int``; one embedded field for ``*pkg.T``."""
    type_node = decl.child_by_field_name("type")
    field_type = go_type(type_node, ctx) if type_node else UnsupportedType(node_text(decl))
    tag_node = decl.child_by_field_name("tag")
    tag = struct_tag(tag_node) if tag_node else None
    group = ctx.comments.doc_for(decl)
    doc = group.text() if group else ctx.comments.trailing_for(decl)
    names = named_fields(decl, "name")
    if not names:
        if has_token(decl, "*"):
            field_type = PointerType(field_type)
        span = node_span(type_node or decl, ctx.path)
        return [StructField(None, field_type, tag, doc, span)]
    return [StructField(node_text(n), field_type, tag, doc, node_span(n, ctx.path)) for n in names]


def struct_tag(node: Node) -> str:
    """A struct tag's value without quotes (``json:"x"``), escapes decoded for ``"..."``."""
    text = node_text(node)
    if node.type == "raw_string_literal":
        return text[1:-1]
    try:
        return str(json.loads(text))
    except ValueError:  # a Go-only escape such as \x41: keep the literal's inside as written
        return text[1:-1]


def parameters(node: Node | None, ctx: FileContext) -> tuple[tuple[Param, ...], bool]:
    """The Params of a parameter_list (one per name) and whether the last is ``...T``."""
    params: list[Param] = []
    variadic = False
    for decl in node.named_children if node else ():
        if decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
            continue
        param_type = _field(decl, "type", ctx)
        if decl.type == "variadic_parameter_declaration":
            param_type, variadic = SliceType(param_type), True
        names = named_fields(decl, "name")
        if names:
            params.extend(Param(node_text(n), param_type, node_span(n, ctx.path)) for n in names)
        else:
            params.append(Param(None, param_type, node_span(decl, ctx.path)))
    return _regroup_names(params), variadic


def _regroup_names(params: list[Param]) -> tuple[Param, ...]:
    """Apply Go's rule for lists that mix names and bare types.

    In ``(n, a1, ..., a9 uintptr)`` tree-sitter-go sometimes reads ``n`` as an unnamed
    parameter of type ``n``. Go's parser resolves such lists the same way for everyone: when
    any parameter is named, a bare identifier is a name sharing the next declared type. What
    cannot be resolved stays unnamed, and the caller reports the mix as an error.
    """
    if all(p.name is None for p in params):
        return tuple(params)
    fixed: list[Param] = []
    following: GoType | None = None
    for param in reversed(params):
        bare = param.type
        if param.name is None and following is not None and isinstance(bare, NamedType) \
                and bare.package is None and not bare.type_args:
            param = Param(bare.name, following, param.span)
        elif param.name is not None:
            following = param.type
        fixed.append(param)
    return tuple(reversed(fixed))


def results(node: Node | None, ctx: FileContext) -> tuple[Param, ...]:
    """The results of a function: a parameter_list, a single bare type, or nothing."""
    if node is None:
        return ()
    if node.type == "parameter_list":
        return parameters(node, ctx)[0]
    return (Param(None, go_type(node, ctx), node_span(node, ctx.path)),)


_HANDLERS: dict[str, Callable[[Node, FileContext], GoType]] = {
    "type_identifier": _named,
    "qualified_type": _qualified,
    "generic_type": _generic,
    "pointer_type": lambda n, ctx: PointerType(_only_child(n, ctx)),
    "slice_type": lambda n, ctx: SliceType(_field(n, "element", ctx)),
    "array_type": _array,
    "implicit_length_array_type": _array,
    "map_type": lambda n, ctx: MapType(_field(n, "key", ctx), _field(n, "value", ctx)),
    "channel_type": _channel,
    "function_type": _function,
    "interface_type": _interface,
    "struct_type": _struct,
    "parenthesized_type": _only_child,
    "type_elem": _terms,
    "type_constraint": _terms,
    "negated_type": lambda n, ctx: TildeType(_only_child(n, ctx)),
}
