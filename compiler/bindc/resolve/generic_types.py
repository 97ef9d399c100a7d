"""Pass 0, generic types: one concrete declaration per requested instantiation of a generic type.

``type Set[T comparable] struct{ m map[T]struct{} }`` instantiated as ``Set[string]``
(``//py4go:instantiate Set[string]`` or ``--instantiate 'pkg.Set[string]'``) becomes, in the
package every later pass reads (``state.package``), a declaration named ``Set[string]`` whose
type and methods have ``T`` replaced by ``string``, with an ``export`` directive carrying its
Python class name (``SetStr``, see :func:`class_name`). Every later pass treats it as an ordinary
struct type: the types pass selects it as a class, the classes pass binds its fields and
methods, the mappings convert it, and the generated Go code spells it ``pkg.Set[string]`` (the
name is valid Go as written). Uses of an instantiated type in the instantiated declarations and
in instantiated functions (``NewSet[string]() *Set[string]``) are rewritten to that
declaration (:func:`~bindc.resolve.instance_requests.rename_instances`), so a constructor
returns the class. A type argument is checked as for functions; problems are errors at the
request. The generic declaration itself stays in the package and is never bound.
"""

from __future__ import annotations

from dataclasses import replace

from bindc.ir import Directive, Func, GoType, NamedType, Package, Receiver, TypeDecl
from bindc.naming import is_valid_python_identifier
from bindc.diagnostics import DiagnosticSink
from bindc.frontend.instances import InstanceRequest
from bindc.resolve.generics import map_types, mentions, substitute
from bindc.resolve.instance_names import type_token
from bindc.resolve.instance_requests import Request, rename_instances, requests_of, type_arguments
from bindc.resolve.state import ResolveState
from bindc.typemap.env import TypeEnv


def class_name(go_name: str, type_args: tuple[GoType, ...]) -> str:
    """The default Python class of ``go_name[type_args...]``: the Go name followed by each type
    argument's token (:mod:`bindc.resolve.instance_names`) in CamelCase: ``Set[string]`` is
    ``SetStr``, ``Pair[int, []string]`` is ``PairIntListStr``."""
    return go_name + "".join(part[:1].upper() + part[1:] for a in type_args for part in type_token(a).split("_"))


def run(state: ResolveState) -> None:
    """Add a concrete declaration (with its methods) per requested generic-type instantiation to
    ``state.package``; warn about exported generic types nobody instantiated."""
    package = state.package
    generic = {t.name: t for t in package.types if t.type_params and not t.alias}
    env = TypeEnv.for_package(package)
    made: dict[str, tuple[TypeDecl, dict[str, GoType]]] = {}
    requested: set[str] = set()
    for req in requests_of(package, state.requests):
        decl = generic.get(req.request.name)
        if decl is None:
            continue  # a function's, or unknown: the instances pass reports it
        requested.add(decl.name)
        found = _instantiate(decl, req, env, state)
        if found is not None and found[0].name not in made:
            made[found[0].name] = found
        elif found is not None:
            state.sink.error(f"{req.where()}{found[0].name} is instantiated twice", req.span)
    for req in _implied_requests(package, state, env, generic):
        # New[K, V](size) (*Cache[K, V], error): the function's instantiation needs the type's.
        requested.add(req.request.name)
        found = _instantiate(generic[req.request.name], req, env, state)
        if found is not None and found[0].name not in made:
            made[found[0].name] = found
    for decl in generic.values():
        skip, export = decl.directive("skip"), decl.directive("export")
        if decl.name in requested or not decl.exported or skip or export:
            if export is not None and decl.name not in requested:
                state.sink.error(f"generic type {decl.name} cannot be exported to Python as it is; bind an "
                                 f"instantiation with //py4go:instantiate {decl.name}[...]", export.span)
            continue
        state.sink.skipped(f"type {decl.name}", "generic")
        state.sink.warning(f"generic type {decl.name} skipped: not instantiated (bind it with "
                           f"//py4go:instantiate {decl.name}[...] or --instantiate "
                           f"'{package.name}.{decl.name}[...]')", decl.span)
    if not made:
        return
    names = frozenset(made)
    types = [_concrete_decl(decl, bindings, names) for decl, bindings in made.values()]
    methods = [m for decl, bindings in made.values() for m in _methods(decl, bindings, names, package.funcs)]
    state.package = replace(package, types=package.types + tuple(types), funcs=package.funcs + tuple(methods))


def _implied_requests(package: Package, state: ResolveState, env: TypeEnv,
                      generic: dict[str, TypeDecl]) -> list[Request]:
    """Instantiations of the package's generic types that requested generic *functions* name in
    their signatures (``New[string, int]`` returns ``*Cache[string, int]``), not requested
    themselves: a generic constructor is how Go code makes such a type, so asking for it asks
    for the type too (its class gets the default name; request the type to name it). A request
    bindc cannot check here is left to the instances pass, which reports it."""
    funcs = {f.name: f for f in package.funcs if f.is_generic and f.receiver is None}
    asked = {r.request.go_syntax() for r in requests_of(package, state.requests) if r.request.name in generic}
    implied: dict[str, Request] = {}
    quiet = DiagnosticSink()  # the instances pass reports a bad function request once
    for req in requests_of(package, state.requests):
        func = funcs.get(req.request.name)
        if func is None:
            continue
        args = type_arguments(func.name, func.type_params, func.type_constraints, req, env, quiet)
        if args is None:
            continue
        bindings = dict(zip(func.type_params, args))
        for p in func.params + func.results:
            for t in _generic_uses(substitute(p.type, bindings), generic):
                key = t.go_syntax()
                if key not in asked and key not in implied and not mentions(t, frozenset(func.type_params)):
                    origin = f"{req.origin} (its signature names {key})"
                    implied[key] = Request(InstanceRequest(t.name, t.type_args), req.span, origin)
    return list(implied.values())


def _generic_uses(t: GoType, generic: dict[str, TypeDecl]) -> list[NamedType]:
    """The instantiations of the package's generic types ``t`` mentions (``*Cache[string, int]``)."""
    found: list[NamedType] = []

    def visit(x: GoType) -> GoType:
        if isinstance(x, NamedType) and x.package is None and x.type_args and x.name in generic:
            found.append(x)
        return map_types(x, visit)

    visit(t)
    return found


def _instantiate(decl: TypeDecl, req: Request, env: TypeEnv,
                 state: ResolveState) -> tuple[TypeDecl, dict[str, GoType]] | None:
    """The concrete declaration for one request (type parameters still to substitute), or None
    after reporting why not."""
    sink = state.sink
    if not decl.exported and not state.in_package:
        sink.error(f"{req.where()}{decl.name} is not exported: a wrapper package (--out) cannot use it", req.span)
        return None
    args = type_arguments(decl.name, decl.type_params, decl.type_constraints, req, env, sink)
    if args is None:
        return None
    py_name = req.request.py_name or class_name(decl.name, req.request.type_args)
    if not is_valid_python_identifier(py_name):
        sink.error(f"{req.where()}{py_name!r} is not a valid Python class name", req.span)
        return None
    go_name = NamedType(decl.name, None, args).go_syntax()
    doc = (decl.doc.rstrip() + "\n\n" if decl.doc.strip() else "") + f"Go: {go_name}."
    concrete = replace(decl, name=go_name, doc=doc, type_params=(), type_constraints=(),
                       directives=(Directive("export", py_name, req.span or decl.span),))
    return concrete, dict(zip(decl.type_params, args))


def _concrete_decl(decl: TypeDecl, bindings: dict[str, GoType], names: frozenset[str]) -> TypeDecl:
    return replace(decl, type=rename_instances(substitute(decl.type, bindings), names))


def _methods(decl: TypeDecl, bindings: dict[str, GoType], names: frozenset[str],
             funcs: tuple[Func, ...]) -> list[Func]:
    """The generic type's methods for this instantiation: the receiver's own names for the type
    parameters (``(s *Set[E])``) bound to the type arguments, in order."""
    generic_name = decl.name.split("[", 1)[0]
    args = list(bindings.values())
    out: list[Func] = []
    for m in funcs:
        if m.receiver is None or m.receiver.type_name != generic_name:
            continue
        own = dict(zip(m.receiver.type_params, args))

        def concrete(t: GoType) -> GoType:
            return rename_instances(substitute(t, own), names)

        out.append(replace(
            m,
            params=tuple(replace(p, type=concrete(p.type)) for p in m.params),
            results=tuple(replace(p, type=concrete(p.type)) for p in m.results),
            receiver=Receiver(m.receiver.name, decl.name, m.receiver.pointer),
            directives=tuple(d for d in m.directives if d.kind != "instantiate"),
        ))
    return out
