"""Top-level declarations (functions, methods, types, consts, vars) to IR values.

``grammar/declarations.scm`` finds and classifies the declarations; the structure inside
each one is read through tree-sitter field names. A declaration whose header contains a
syntax error is left out (the error itself is reported by :mod:`bindc.frontend.syntax_errors`);
everything else in the file is still extracted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tree_sitter import Node

from bindc.diagnostics import Diagnostic, Severity
from bindc.frontend import queries
from bindc.frontend.comments import CommentGroup
from bindc.frontend.context import FileContext
from bindc.frontend.directives import is_py4go_directive, parse_directive
from bindc.frontend.syntax import has_token, named_fields, node_span, node_text
from bindc.frontend.type_exprs import go_type, parameters, results
from bindc.ir import (Directive, Func, GoType, Param, PointerType, Receiver, TypeDecl, UnsupportedType, ValueDecl,
                      ValueInit)


@dataclass
class Declarations:
    """What one file declares at top level, in source order."""

    funcs: list[Func] = field(default_factory=list)
    types: list[TypeDecl] = field(default_factory=list)
    values: list[ValueDecl] = field(default_factory=list)


class _DirectiveReader:
    """Parses each comment group's ``//py4go:`` lines once, however often it is attached."""

    def __init__(self, ctx: FileContext, diagnostics: list[Diagnostic]) -> None:
        self._ctx = ctx
        self._diagnostics = diagnostics
        self._seen: dict[int, tuple[Directive, ...]] = {}

    def read(self, *groups: CommentGroup | None) -> tuple[Directive, ...]:
        found: list[Directive] = []
        for group in groups:
            if group is None:
                continue
            if group.first_row not in self._seen:
                self._seen[group.first_row] = self._parse(group)
            found.extend(self._seen[group.first_row])
        return tuple(found)

    def _parse(self, group: CommentGroup) -> tuple[Directive, ...]:
        parsed: list[Directive] = []
        for comment in group.comments:
            if is_py4go_directive(node_text(comment)):
                directive, problems = parse_directive(comment, self._ctx.path)
                self._diagnostics.extend(problems)
                if directive is not None:
                    parsed.append(directive)
        return tuple(parsed)


def extract_declarations(root: Node, ctx: FileContext) -> tuple[Declarations, list[Diagnostic]]:
    """Every top-level declaration under ``root`` that parsed cleanly."""
    found = Declarations()
    diagnostics: list[Diagnostic] = []
    directives = _DirectiveReader(ctx, diagnostics)
    groups: dict[int, _Group] = {}  # declaration start byte -> its group, built once
    for match in sorted(queries.matches("declarations", root), key=_match_start):
        if "definition.function" in match or "definition.method" in match:
            func = _func(match, ctx, directives, diagnostics)
            if func is not None:
                found.funcs.append(func)
            continue
        spec = next(nodes[0] for name, nodes in match.items() if name.startswith("definition."))
        declaration = match["declaration"][0]
        group = groups.get(declaration.start_byte)
        if group is None:
            group = groups[declaration.start_byte] = _Group.of(declaration, spec, len(groups), ctx)
        if "definition.type" in match or "definition.alias" in match:
            type_decl = _type(match, spec, group, ctx, directives, diagnostics)
            if type_decl is not None:
                found.types.append(type_decl)
        else:
            found.values.extend(_values(spec, group, ctx, directives))
    return found, diagnostics


@dataclass(frozen=True)
class _Group:
    """Facts shared by the specs of one type/const/var declaration (computed once)."""

    number: int  # position among this file's grouped declarations (ValueDecl.group)
    parenthesized: bool
    spec_index: dict[int, int]  # spec start byte -> index (iota)
    doc: CommentGroup | None

    @staticmethod
    def of(declaration: Node, spec: Node, number: int, ctx: FileContext) -> "_Group":
        # var ( ... ) nests its specs in a var_spec_list, which holds the parentheses
        parent = spec.parent or declaration
        specs = [c for c in parent.named_children if c.type == spec.type]
        return _Group(
            number=number,
            parenthesized=has_token(parent, "("),
            spec_index={c.start_byte: i for i, c in enumerate(specs)},
            doc=ctx.comments.doc_for(declaration),
        )

    def comments_for(self, spec: Node, ctx: FileContext) -> tuple[CommentGroup | None, list[CommentGroup | None]]:
        """The doc group of a spec, and every group whose directives apply to it.

        ``type T int`` takes the declaration's doc. Inside ``type ( ... )`` a spec has its
        own doc, falling back to the declaration's when it is the only spec (as go/doc
        does); directives above the ``(`` apply to every spec of the group.
        """
        if not self.parenthesized:
            return self.doc, [self.doc]
        own = ctx.comments.doc_for(spec)
        return own or (self.doc if len(self.spec_index) == 1 else None), [self.doc, own]


def _match_start(match: queries.Match) -> int:
    definition = next(nodes for name, nodes in match.items() if name.startswith("definition."))
    return definition[0].start_byte


# --------------------------------------------------------------------------- functions


def _func(match: queries.Match, ctx: FileContext, directives: _DirectiveReader,
          diagnostics: list[Diagnostic]) -> Func | None:
    node = (match.get("definition.function") or match["definition.method"])[0]
    doc_group = ctx.comments.doc_for(node)  # claimed even if skipped: no "orphan" warnings
    header = [node.child_by_field_name(f) for f in ("receiver", "name", "type_parameters", "parameters", "result")]
    if any(part is not None and part.has_error for part in header) or node.child_by_field_name("parameters") is None:
        return None
    receiver = None
    if "receiver" in match:
        receiver = _receiver(match["receiver"][0])
        if receiver is None:
            return None
    params, variadic = parameters(node.child_by_field_name("parameters"), ctx)
    result_params = results(node.child_by_field_name("result"), ctx)
    for where, group in (("parameters", params), ("result", result_params)):
        if _mixes_named_and_unnamed(group):
            diagnostics.append(Diagnostic(Severity.ERROR, "syntax error: mixed named and unnamed parameters",
                                          node_span(node.child_by_field_name(where) or node, ctx.path)))
            return None
    func = Func(
        name=node_text(match["name"][0]),
        params=params,
        results=result_params,
        variadic=variadic,
        doc=doc_group.text() if doc_group else "",
        directives=directives.read(doc_group),
        span=node_span(match["name"][0], ctx.path),
        receiver=receiver,
        type_params=_type_param_names(match),
        type_constraints=_type_constraints(match, ctx),
        nil_checked=_nil_checked(node.child_by_field_name("body"), {p.name for p in params if p.name}),
    )
    # A generic function is bound per instantiation; the resolver warns when none is asked for.
    return func


def _nil_checked(body: Node | None, names: set[str]) -> frozenset[str]:
    """The parameters in ``names`` that ``body`` compares with ``nil`` (``p == nil``, ``nil != p``)
    or never mentions.

    Go lets any func value be nil, but most functions call theirs unconditionally; one that
    checks says nil is a documented choice (``NewWithEvict(size, nil)``), and one that ignores
    its parameter (``ModifierExists(name, fn)``) takes nil as well as anything, so Python's
    ``None`` may stand for it. A closure's own parameter of the same name is not told apart
    (harmless: the outer parameter is shadowed only in code that compares the inner one).
    """
    found: set[str] = set()
    used: set[str] = set()
    if body is None or not names:
        return frozenset()
    stack = [body]
    while stack:
        n = stack.pop()
        if n.type == "binary_expression":
            op = n.child_by_field_name("operator")
            left, right = n.child_by_field_name("left"), n.child_by_field_name("right")
            if op is not None and node_text(op) in ("==", "!=") and left is not None and right is not None:
                for a, b in ((left, right), (right, left)):
                    if a.type == "identifier" and b.type == "nil" and node_text(a) in names:
                        found.add(node_text(a))
        elif n.type == "identifier":
            used.add(node_text(n))
        stack.extend(n.named_children)
    return frozenset(found | (names - used))


def _mixes_named_and_unnamed(params: tuple[Param, ...]) -> bool:
    """``func(a int, b)``: tree-sitter reads ``b`` as a type; Go rejects the list."""
    return len({p.name is None for p in params}) > 1


def _receiver(receiver_list: Node) -> Receiver | None:
    """``(c *Counter)`` -> Receiver("c", "Counter", pointer=True); also ``(l *List[T])``."""
    decl = next((c for c in receiver_list.named_children if c.type == "parameter_declaration"), None)
    type_node = decl.child_by_field_name("type") if decl else None
    pointer = False
    while type_node is not None and type_node.type in ("parenthesized_type", "pointer_type"):
        pointer = pointer or type_node.type == "pointer_type"
        type_node = next((c for c in type_node.named_children if c.type != "comment"), None)
    type_params: tuple[str, ...] = ()
    if type_node is not None and type_node.type == "generic_type":
        args = type_node.child_by_field_name("type_arguments")
        type_params = tuple(node_text(a) for a in (args.named_children if args else ()) if a.type != "comment")
        type_node = type_node.child_by_field_name("type")
    if decl is None or type_node is None or type_node.type != "type_identifier":
        return None
    names = named_fields(decl, "name")
    return Receiver(node_text(names[0]) if names else None, node_text(type_node), pointer, type_params)


def _type_param_names(match: queries.Match) -> tuple[str, ...]:
    if "type_parameters" not in match:
        return ()
    return tuple(
        node_text(name)
        for decl in match["type_parameters"][0].named_children
        if decl.type == "type_parameter_declaration"
        for name in named_fields(decl, "name")
    )


def _type_constraints(match: queries.Match, ctx: FileContext) -> tuple[GoType, ...]:
    """One constraint per type parameter name (``[K, V comparable]`` gives two)."""
    if "type_parameters" not in match:
        return ()
    found: list[GoType] = []
    for decl in match["type_parameters"][0].named_children:
        if decl.type == "type_parameter_declaration":
            node = decl.child_by_field_name("type")
            constraint = go_type(node, ctx) if node is not None else UnsupportedType(node_text(decl))
            found += [constraint] * len(named_fields(decl, "name"))
    return tuple(found)


def _is_binding_candidate(exported: bool, directives: tuple[Directive, ...]) -> bool:
    """Would bindc try to bind this? (Only then is "unsupported" worth a warning.)"""
    kinds = {d.kind for d in directives}
    return "skip" not in kinds and (exported or "export" in kinds)


# --------------------------------------------------------------------------- types


def _type(match: queries.Match, spec: Node, group: _Group, ctx: FileContext,
          directives: _DirectiveReader, diagnostics: list[Diagnostic]) -> TypeDecl | None:
    doc_group, directive_groups = group.comments_for(spec, ctx)
    type_node = spec.child_by_field_name("type")
    if spec.has_error or type_node is None:
        return None
    decl = TypeDecl(
        name=node_text(match["name"][0]),
        type=go_type(type_node, ctx),
        doc=doc_group.text() if doc_group else "",
        directives=directives.read(*directive_groups),
        span=node_span(match["name"][0], ctx.path),
        alias="definition.alias" in match,
        type_params=_type_param_names(match),
        type_constraints=_type_constraints(match, ctx),
    )
    # A generic type is bound per instantiation; the resolver warns when none is asked for.
    return decl


# --------------------------------------------------------------------------- consts and vars


def _values(spec: Node, group: _Group, ctx: FileContext, directives: _DirectiveReader) -> list[ValueDecl]:
    """One ValueDecl per name of a const/var spec.

    ``value`` is the matching expression of ``a, b = 1, 2``; when the counts differ
    (``a, b = f()``) each name gets the whole expression list's text. A const without a
    value (implicit repetition inside a group) has ``value=None`` for the resolver to fill.
    """
    doc_group, directive_groups = group.comments_for(spec, ctx)
    if spec.has_error:
        return []
    kind: Literal["const", "var"] = "const" if spec.type == "const_spec" else "var"
    names = named_fields(spec, "name")
    type_node = spec.child_by_field_name("type")
    value_node = spec.child_by_field_name("value")
    exprs = [c for c in value_node.named_children if c.type != "comment"] if value_node else []
    inits: list[ValueInit | None] = [None] * len(names)
    if len(exprs) == len(names):
        values: list[str | None] = [node_text(e) for e in exprs]
        if kind == "var" and type_node is None:
            inits = [_value_init(e, ctx) for e in exprs]
    else:
        values = [node_text(value_node) if value_node else None] * len(names)
    doc = doc_group.text() if doc_group else ctx.comments.trailing_for(spec)
    spec_directives = directives.read(*directive_groups)
    return [
        ValueDecl(
            kind=kind,
            name=node_text(name),
            type=go_type(type_node, ctx) if type_node else None,
            value=value,
            doc=doc,
            directives=spec_directives,
            span=node_span(name, ctx.path),
            iota_index=group.spec_index[spec.start_byte],
            group=group.number,
            init=init,
        )
        for name, value, init in zip(names, values, inits)
    ]


def _value_init(expr: Node, ctx: FileContext) -> ValueInit | None:
    """The shape of a var initialiser that tells its type (see :class:`~bindc.ir.ValueInit`)."""
    if expr.type == "composite_literal":
        type_node = expr.child_by_field_name("type")
        if type_node is None or type_node.type == "implicit_length_array_type":
            return None
        return ValueInit(literal=go_type(type_node, ctx))
    operator, operand = expr.child_by_field_name("operator"), expr.child_by_field_name("operand")
    if expr.type == "unary_expression" and operator is not None and node_text(operator) == "&" and operand:
        inner = _value_init(operand, ctx)
        return ValueInit(literal=PointerType(inner.literal)) if inner is not None and inner.literal else None
    if expr.type == "call_expression":
        callee = expr.child_by_field_name("function")
        if callee is not None and callee.type == "identifier":
            return ValueInit(call=(None, node_text(callee)))
        if callee is not None and callee.type == "selector_expression":
            operand, field_node = callee.child_by_field_name("operand"), callee.child_by_field_name("field")
            if operand is not None and operand.type == "identifier" and field_node is not None:
                return ValueInit(call=(node_text(operand), node_text(field_node)))
            receiver = _made_in_place(operand, ctx) if operand is not None else None
            if receiver is not None and field_node is not None:
                return ValueInit(method=(receiver, node_text(field_node)))
    if expr.type == "parenthesized_expression" and expr.named_child_count == 1:
        return _value_init(expr.named_children[0], ctx)
    return None


def _made_in_place(expr: Node, ctx: FileContext) -> GoType | None:
    """The type of a receiver made where a method is called on it: ``T{}``, ``&T{}`` (``*T``),
    ``new(T)`` (``*T``), each possibly parenthesized; None for anything else."""
    if expr.type == "parenthesized_expression" and expr.named_child_count == 1:
        return _made_in_place(expr.named_children[0], ctx)
    if expr.type == "call_expression":
        callee, args = expr.child_by_field_name("function"), expr.child_by_field_name("arguments")
        if callee is not None and node_text(callee) == "new" and args is not None and args.named_child_count == 1:
            return PointerType(go_type(args.named_children[0], ctx))
        return None
    init = _value_init(expr, ctx)
    return init.literal if init is not None else None
