"""The end-of-run account: every exported declaration is bound or named with a reason.

Runs after the passes and only reads them. A declaration counts when the binding rules look
at it: exported functions, methods of exported types, exported types (aliases are other
names of a type, not counted), constants and variables; in-package also the unexported ones
marked ``//py4go:export``. ``//py4go:skip`` takes a declaration out of the count (the user
asked). The reason a declaration was not bound is the short one a pass recorded with
:meth:`~bindc.diagnostics.DiagnosticSink.skipped` next to its full diagnostic.
"""

from __future__ import annotations

from bindc.ir import Func, InterfaceType, NamedType, Span, TildeType, TypeDecl, UnionType, ValueDecl
from bindc.resolve.functions import method_key, skip_reason
from bindc.resolve.model import BindingSummary, BoundFunction, Skip
from bindc.resolve.state import ResolveState
from bindc.resolve.values import used_mappings
from bindc.typemap import MappingError, lookup_mapping
from bindc.typemap.imported import constants_of
from bindc.typemap.interfaces import interface_of, interfaces_in


def summarize(state: ResolveState) -> BindingSummary:
    """Count what ``state`` binds against what the package exports."""
    counted = 0
    skipped: list[Skip] = []

    def account(key: str, bound: bool, span: Span | None, fallback: str = "not bound") -> None:
        nonlocal counted
        counted += 1
        if not bound:
            skipped.append(Skip(key, state.sink.skips.get(key, fallback), span))

    bound_funcs = {f.go_name for f in state.functions if not f.local}
    # Keyed by the declaring type: a promoted method bound on an outer class counts for it.
    # A method of an instantiated generic type (receiver ``Set[string]``) counts for the generic
    # type's method (``Set.Add``); the instantiated declarations themselves are not counted.
    bound_methods = {method_key(m.func.receiver.type_name.split("[", 1)[0], m.go_name)
                     for m in _all_methods(state) if m.func.receiver is not None}
    for func in state.package.functions:
        if _counted(func.exported, func, state) and func.name not in ("init", "main"):
            account(func.name, func.name in bound_funcs, func.span, "generic" if func.is_generic else "not bound")
    used_interfaces = _used_interfaces(state)
    for decl in state.package.types:
        if decl.alias or not _counted(decl.exported, decl, state) or is_constraint(decl.type) or "[" in decl.name:
            continue  # a constraint (type set) exists only at compile time: nothing to bind
        bound = _type_bound(decl, state, used_interfaces)
        account(f"type {decl.name}", bound, decl.span,
                state.sink.skips.get(f"type {decl.name}", "generic") if decl.type_params else _type_reason(decl, state))
        if not bound and interface_of(decl.type, state.env) is not None and not decl.type_params:
            state.sink.note(f"interface {decl.name} is not bound: no bound function, method, field or variable "
                            f"uses it, so it has no Protocol class", decl.span)
        for m in state.package.methods_of(decl.name):
            if _counted(m.exported, m, state):
                key = method_key(decl.name, m.name)
                account(key, key in bound_methods, m.span, "generic" if decl.type_params else "not bound")
    bound_consts = {c.decl.name for c in state.constants}
    for name, spec in constants_of(state.env).specs.items():
        if _counted(spec.decl.exported, spec.decl, state):
            account(f"const {name}", name in bound_consts, spec.decl.span)
    bound_vars = {f.variable for f in state.functions if f.local} | {s.decl.name for s in state.sentinels}
    for value in state.package.values:
        if value.kind == "var" and _counted(value.exported, value, state):
            account(f"var {value.name}", value.name in bound_vars, value.span)
    foreign = [c for c in state.classes if c.foreign]
    foreign_total = sum(len(shape.method_set) for shape in state.shapes if shape.origin)
    foreign_bound = sum(len(c.methods) + (c.str_method is not None) for c in foreign)
    return BindingSummary(counted, counted - len(skipped), tuple(skipped), len(foreign), foreign_bound, foreign_total)


def is_constraint(t: object) -> bool:
    """An interface with type terms (``~int | ~float64``, ``comparable``): usable only as a
    type parameter's constraint, never as the type of a value."""
    return isinstance(t, InterfaceType) and any(
        isinstance(e, (UnionType, TildeType)) or (isinstance(e, NamedType) and e.package is None
                                                  and e.name == "comparable") or
        not isinstance(e, (NamedType, InterfaceType)) for e in t.embeds)


def _counted(exported: bool, decl: Func | TypeDecl | ValueDecl, state: ResolveState) -> bool:
    """Whether the binding rules consider ``decl`` (exported, or explicitly in-package) and
    the user did not skip it."""
    kinds = {d.kind for d in decl.directives}
    if "skip" in kinds:
        return False
    return exported or (state.in_package and "export" in kinds)


def _all_methods(state: ResolveState) -> list[BoundFunction]:
    """Every bound method: of classes (``__str__`` included) and of enums."""
    out = [m for c in state.classes if not c.foreign for m in ([c.str_method] if c.str_method else []) + list(c.methods)]
    return out + [m for e in state.enums for m in e.all_methods]


def _type_bound(decl: TypeDecl, state: ResolveState, used_interfaces: set[str]) -> bool:
    """A class, an enum, an interface some bound declaration uses (its Protocol class exists
    only then), or a type every function can take and return (crossing as its underlying type)."""
    if any(c.decl.name == decl.name and not c.foreign for c in state.classes) or any(
            e.decl.name == decl.name and e.mapping.named.package is None for e in state.enums):
        return True
    if decl.type_params:  # bound when one of its instantiations is a class
        return any(c.decl.name.startswith(decl.name + "[") and not c.foreign for c in state.classes)
    if interface_of(decl.type, state.env) is not None:  # also type TextMarshaler encoding.TextMarshaler
        return decl.name in used_interfaces
    try:
        lookup_mapping(NamedType(decl.name), state.env)
    except MappingError:
        return False
    return True


def _used_interfaces(state: ResolveState) -> set[str]:
    """Interfaces of the bound package that a bound function, method, field or variable uses."""
    used = used_mappings(state.functions, state.classes)
    return {i.named.name for m, _ in used for i in interfaces_in(m) if i.named.package is None}


def _type_reason(decl: TypeDecl, state: ResolveState) -> str:
    """Why a type is neither a class, an enum nor usable as a parameter."""
    if f"type {decl.name}" in state.sink.skips:
        return state.sink.skips[f"type {decl.name}"]
    if interface_of(decl.type, state.env) is not None and not decl.type_params:
        return "unused interface"
    try:
        lookup_mapping(NamedType(decl.name), state.env)
    except MappingError as e:
        return skip_reason(str(e))
    return "not bound"


__all__ = ["summarize"]
