"""Type parameters: substitution, constraint type inference, and constraint satisfaction.

What :mod:`bindc.resolve.instances` needs to turn ``func Map[T, U any](s []T, f func(T) U) []U``
instantiated with ``[int, string]`` into the ordinary function ``func(s []int, f func(int) string)
[]string``, which the type mappings then bind like any other. Only the parts of Go's rules a
binding needs are implemented, from the syntax (bindc does not type-check bodies):

* **substitution** of type parameters anywhere in a type expression;
* **constraint type inference** (``slices.Sort[[]int]`` gives ``E = int`` because ``S``'s
  constraint is ``~[]E``), so the trailing type arguments Go would infer may be left out;
* **satisfaction**: ``any``, ``comparable``, unions of exact and ``~`` terms (``int | ~float64``),
  interfaces (their embedded constraints and methods), named constraints of the package and of
  packages it imports (``cmp.Ordered``, read from their source). What bindc cannot see (a method
  set of a type it cannot read) is accepted: ``go build`` remains the final judge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

from bindc.ir import (ArrayType, ChanType, FuncType, GoType, InterfaceType, MapType, NamedType, PointerType,
                      SliceType, StructType, TildeType, TypeDecl, UnionType)
from bindc.typemap.env import PREDECLARED_TYPES, TypeEnv
from bindc.typemap.imported import imported_env

_T = TypeVar("_T")

#: Predeclared aliases: the same type under two names.
_ALIASES = {"byte": NamedType("uint8"), "rune": NamedType("int32"), "any": InterfaceType()}


def substitute(t: GoType, bindings: dict[str, GoType]) -> GoType:
    """``t`` with every unqualified name in ``bindings`` (a type parameter) replaced."""
    if isinstance(t, NamedType) and t.package is None and not t.type_args and t.name in bindings:
        return bindings[t.name]
    return _map_children(t, lambda child: substitute(child, bindings))


def _map_children(value: _T, each: Callable[[GoType], GoType]) -> _T:
    """A copy of dataclass ``value`` with ``each`` applied to every GoType inside it (through
    tuples and nested dataclasses such as Param and StructField)."""
    if isinstance(value, tuple):
        return tuple(_map_child(v, each) for v in value)  # type: ignore[return-value]
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes = {f.name: _map_child(getattr(value, f.name), each) for f in fields(value)}
    return replace(value, **changes)


def _map_child(v: object, each: Callable[[GoType], GoType]) -> object:
    if isinstance(v, GoType):
        return each(v)
    if isinstance(v, tuple) or is_dataclass(v):
        return _map_children(v, each)
    return v


def map_types(t: GoType, each: Callable[[GoType], GoType]) -> GoType:
    """A copy of ``t`` with ``each`` applied to its directly nested types (the children of a
    pointer, slice, map, func signature, struct, interface or type-argument list)."""
    return _map_children(t, each)


def mentions(t: GoType, names: set[str] | frozenset[str]) -> bool:
    """Whether ``t`` mentions one of ``names`` (unqualified), e.g. a type parameter."""
    found = False

    def visit(x: GoType) -> GoType:
        nonlocal found
        if isinstance(x, NamedType) and x.package is None and not x.type_args and x.name in names:
            found = True
            return x
        return _map_children(x, visit)

    visit(t)
    return found


# --------------------------------------------------------------------------- inference


def core_term(constraint: GoType) -> GoType | None:
    """The single term of a constraint such as ``~[]E`` or ``map[K]V`` (its core type), else None."""
    if isinstance(constraint, TildeType):
        return constraint.elem
    if isinstance(constraint, InterfaceType) and not constraint.methods and len(constraint.embeds) == 1:
        return core_term(constraint.embeds[0])
    if isinstance(constraint, (SliceType, MapType, ArrayType, ChanType, PointerType, FuncType)):
        return constraint
    return None


def infer(params: tuple[str, ...], constraints: tuple[GoType, ...], given: tuple[GoType, ...],
          env: TypeEnv) -> tuple[GoType, ...] | str:
    """Complete a prefix of type arguments with constraint type inference (Go spec, "Type
    inference"): unify each known argument's underlying type with its parameter's core type, and
    give an unknown parameter its core type once that no longer mentions unknowns. Returns the
    full argument list, or a message naming the parameters left unknown."""
    known: dict[str, GoType] = dict(zip(params, given))
    names = set(params)
    progress = True
    while progress and len(known) < len(params):
        progress = False
        for name, constraint in zip(params, constraints):
            core = core_term(constraint)
            if core is None or not mentions(core, names):
                continue
            if name in known:
                before = len(known)
                _unify(core, underlying(known[name], env), names, known)
                progress = progress or len(known) > before
            elif not mentions(core, names - set(known)):
                known[name] = substitute(core, known)
                progress = True
    missing = [p for p in params if p not in known]
    if missing:
        return f"cannot infer {', '.join(missing)}: give every type argument"
    return tuple(known[p] for p in params)


def _unify(pattern: GoType, actual: GoType, names: set[str], known: dict[str, GoType]) -> None:
    """Bind the type parameters of ``pattern`` that line up with parts of ``actual``."""
    if isinstance(pattern, NamedType) and pattern.package is None and not pattern.type_args and pattern.name in names:
        known.setdefault(pattern.name, actual)
        return
    if type(pattern) is not type(actual):
        return
    if isinstance(pattern, (SliceType, PointerType, ChanType)):
        _unify(pattern.elem, actual.elem, names, known)  # type: ignore[attr-defined]
    elif isinstance(pattern, ArrayType):
        _unify(pattern.elem, actual.elem, names, known)  # type: ignore[attr-defined]
    elif isinstance(pattern, MapType):
        _unify(pattern.key, actual.key, names, known)  # type: ignore[attr-defined]
        _unify(pattern.value, actual.value, names, known)  # type: ignore[attr-defined]
    elif isinstance(pattern, NamedType) and isinstance(actual, NamedType) and len(pattern.type_args) == len(actual.type_args):
        for p, a in zip(pattern.type_args, actual.type_args):
            _unify(p, a, names, known)
    elif isinstance(pattern, FuncType) and isinstance(actual, FuncType):
        for pp, ap in zip(pattern.params + pattern.results, actual.params + actual.results):
            _unify(pp.type, ap.type, names, known)


# --------------------------------------------------------------------------- satisfaction


def canonical(t: GoType) -> GoType:
    """``t`` with predeclared aliases spelled one way (``byte`` is ``uint8``), parameter names
    dropped, so identical types compare equal."""
    if isinstance(t, NamedType) and t.package is None and not t.type_args and t.name in _ALIASES:
        return _ALIASES[t.name]
    if isinstance(t, FuncType):
        return FuncType(tuple(replace(p, name=None, span=None, type=canonical(p.type)) for p in t.params),
                        tuple(replace(p, name=None, span=None, type=canonical(p.type)) for p in t.results),
                        t.variadic)
    return _map_children(t, canonical)


def _decl_of(t: NamedType, env: TypeEnv) -> tuple[TypeDecl, TypeEnv] | None:
    """The declaration behind a defined type (of the package or of one it imports)."""
    if t.package is None:
        decl = env.local_types.get(t.name)
        return (decl, env) if decl is not None else None
    other = imported_env(env, t.package)
    if other is None:
        return None
    decl = other.local_types.get(t.name)
    return (decl, other) if decl is not None else None


def underlying(t: GoType, env: TypeEnv, depth: int = 0) -> GoType:
    """The underlying type of ``t`` as far as bindc can read it (a type it cannot find is its own)."""
    if not isinstance(t, NamedType) or env.is_predeclared(t) or depth > 20:
        return canonical(t)
    found = _decl_of(t, env)
    if found is None or found[0].type_params:
        return canonical(t)
    decl, decl_env = found
    return underlying(decl.type, decl_env, depth + 1)


def comparable_reason(t: GoType, env: TypeEnv, depth: int = 0) -> str | None:
    """Why ``t`` is not comparable (slices, maps and funcs, also inside structs and arrays), or None."""
    u = underlying(t, env)
    if isinstance(u, SliceType):
        return f"{t.go_syntax()} is a slice"
    if isinstance(u, MapType):
        return f"{t.go_syntax()} is a map"
    if isinstance(u, FuncType):
        return f"{t.go_syntax()} is a func"
    if depth < 10 and isinstance(u, ArrayType):
        return comparable_reason(u.elem, env, depth + 1)
    if depth < 10 and isinstance(u, StructType):
        for f in u.fields:
            reason = comparable_reason(f.type, env, depth + 1)
            if reason:
                return f"field {f.name or f.type.go_syntax()} of {t.go_syntax()}: {reason}"
    return None


def unsatisfied(arg: GoType, constraint: GoType, env: TypeEnv, depth: int = 0) -> str | None:
    """Why type argument ``arg`` does not satisfy ``constraint`` (already substituted), or None.
    ``env`` is the environment the constraint is written in; ``arg`` must be spelled for it too
    (bindc only reads constraints of other packages that name predeclared types and their own)."""
    if depth > 10:
        return None
    if isinstance(constraint, NamedType):
        if env.is_predeclared(constraint, "any"):
            return None
        if env.is_predeclared(constraint, "comparable"):
            reason = comparable_reason(arg, env)
            return f"{arg.go_syntax()} does not satisfy comparable ({reason})" if reason else None
        found = _decl_of(constraint, env)
        if found is not None and isinstance(found[0].type, InterfaceType) and not found[0].type_params:
            decl, decl_env = found
            reason = unsatisfied(arg, decl.type, decl_env, depth + 1)
            return f"{arg.go_syntax()} does not satisfy {constraint.go_syntax()}" + _because(reason) if reason else None
        if found is None and (constraint.package is not None or constraint.name not in PREDECLARED_TYPES):
            return None  # a constraint bindc cannot read: go build decides
    if isinstance(constraint, InterfaceType):
        for embed in constraint.embeds:
            reason = unsatisfied(arg, embed, env, depth + 1)
            if reason:
                return reason
        missing = [m.name for m in constraint.methods if not _has_method(arg, m.name, env)]
        if missing:
            return f"{arg.go_syntax()} has no method {missing[0]}"
        return None
    if isinstance(constraint, UnionType):
        if any(unsatisfied(arg, term, env, depth + 1) is None for term in constraint.terms):
            return None
        return f"{arg.go_syntax()} is not in the type set {constraint.go_syntax()}"
    if isinstance(constraint, TildeType):
        if underlying(arg, env) == canonical(constraint.elem):
            return None
        return f"the underlying type of {arg.go_syntax()} is not {constraint.elem.go_syntax()}"
    if canonical(arg) == canonical(constraint):
        return None
    return f"{arg.go_syntax()} is not {constraint.go_syntax()}"


def _because(reason: str) -> str:
    return f" ({reason})"


def _has_method(t: GoType, name: str, env: TypeEnv) -> bool:
    """Whether ``t`` (or ``*T`` for a defined ``T``) declares method ``name``; True when bindc
    cannot read the type's declaration."""
    base = t.elem if isinstance(t, PointerType) else t
    if not isinstance(base, NamedType):
        return isinstance(underlying(t, env), InterfaceType) and _interface_has(underlying(t, env), name)
    if env.is_predeclared(base):
        return base.name == "error" and name == "Error"
    found = _decl_of(base, env)
    if found is None:
        return True
    decl, decl_env = found
    if isinstance(decl.type, InterfaceType):
        return _interface_has(decl.type, name) or bool(decl.type.embeds)
    return any(m.name == name for m in decl_env.package.methods_of(decl.name))


def _interface_has(t: GoType, name: str) -> bool:
    return isinstance(t, InterfaceType) and any(m.name == name for m in t.methods)
