"""Pass 4b, instances: generic functions bound once per requested instantiation.

A generic function is bound only for the type arguments someone asked for:

* ``//py4go:instantiate Map[int, string] [python_name]`` in any doc comment of the package
  (normally the generic function's own);
* ``--instantiate 'pkg.Map[int,string][=python_name]'`` on the command line, for packages one
  cannot edit (the requests arrive in ``state.requests``);
* for ``slices``, ``maps`` and ``cmp`` without command-line requests, the default list of
  :mod:`bindc.resolve.stdlib_instances`.

Each request is checked (arity, constraint type inference for the trailing arguments, every
constraint satisfied, every type argument spelled with a name the package can see) and then
becomes an ordinary function: the type parameters are substituted into the signature
(:func:`bindc.resolve.generics.substitute`) and :func:`bind_function` maps it with the same
type mappings as every other function. The result is a :class:`BoundFunction` whose
``type_args`` the Go emitter writes into the call (``pkg.Map[int, string](...)``). Its Python
name comes from :mod:`bindc.resolve.instance_names` and is claimed in the module's symbol table
like any function's. Problems are errors at the directive (or naming the command-line option).
"""

from __future__ import annotations

from dataclasses import replace

from bindc.ir import Directive, Func, GoType, NamedType
from bindc.resolve.functions import bind_function
from bindc.resolve.generics import substitute
from bindc.resolve.instance_names import instance_name
from bindc.resolve.instance_requests import Request, rename_instances, requests_of, type_arguments
from bindc.resolve.state import ResolveState


def run(state: ResolveState) -> None:
    """Bind every requested instantiation into ``state.functions``; warn about exported generic
    functions nobody instantiated."""
    generic = {f.name: f for f in state.package.functions if f.is_generic}
    generic_types = {t.name for t in state.package.types if t.type_params}
    requested: set[str] = set()  # a failed request was an error already: no warning on top
    for req in requests_of(state.package, state.requests):
        func = generic.get(req.request.name)
        if req.request.name in generic_types:
            continue  # the generic-types pass bound it
        if func is None:
            _report_unknown(req, state)
            continue
        requested.add(func.name)
        _bind_instance(func, req, state)
    for func in generic.values():
        # An explicit //py4go:export on a generic function is an error of the functions pass.
        if func.name in requested or not func.exported or func.directive("skip") or func.directive("export"):
            continue
        state.sink.skipped(func.name, "generic")
        state.sink.warning(f"generic function {func.name} skipped: not instantiated (bind it with "
                           f"//py4go:instantiate {func.name}[...] or --instantiate "
                           f"'{state.package.name}.{func.name}[...]')", func.span)


def _report_unknown(req: Request, state: ResolveState) -> None:
    name = req.request.name
    decl = next((t for t in state.package.types if t.name == name), None)
    func = next((f for f in state.package.functions if f.name == name), None)
    if decl is not None or func is not None:
        message = f"{name} is not generic; it needs no instantiation"
    else:
        message = f"package {state.package.name} has no generic function or type {name}"
    state.sink.error(req.where() + message, req.span)


def _bind_instance(func: Func, req: Request, state: ResolveState) -> bool:
    """Check ``req`` against ``func``'s type parameters and bind the instantiation."""
    sink, env, r = state.sink, state.env, req.request
    shown = r.go_syntax()
    if not func.exported and not state.in_package:
        sink.error(f"{req.where()}{func.name} is not exported: a wrapper package (--out) cannot call it", req.span)
        return False
    if func.directive("skip") is not None:
        sink.error(f"{req.where()}{shown}: {func.name} is marked //py4go:skip", req.span)
        return False
    params = func.type_params
    args = type_arguments(func.name, params, func.type_constraints, req, env, sink)
    if args is None:
        return False
    bindings = dict(zip(params, args))
    instances = frozenset(t.name for t in state.package.types if "[" in t.name)

    def concrete(t: GoType) -> GoType:
        return rename_instances(substitute(t, bindings), instances)

    py_name = r.py_name or instance_name(func.name, r.type_args)
    full = NamedType(func.name, None, args).go_syntax()
    instance = replace(
        func,
        params=tuple(replace(p, type=concrete(p.type)) for p in func.params),
        results=tuple(replace(p, type=concrete(p.type)) for p in func.results),
        type_params=(), type_constraints=(),
        doc=(func.doc.rstrip() + "\n\n" if func.doc.strip() else "") + f"Go: {full}.",
        # Asked for explicitly: bound under this name, and a mapping problem is an error.
        directives=(Directive("export", py_name, req.span or func.span),)
                   + tuple(d for d in func.directives if d.kind in ("gil", "nogil")),
    )
    errors_before = sum(1 for d in sink.items if d.severity.name == "ERROR")
    bound = bind_function(instance, env, sink)
    if bound is None:
        if sum(1 for d in sink.items if d.severity.name == "ERROR") > errors_before:
            sink.note(f"{req.where()}in the instantiation {full} requested here", req.span)
        return False
    bound = replace(bound, type_args=args)
    holder = state.symbols.claim(py_name, f"{full} (at {req.span or req.origin})")
    if holder is not None:
        sink.skipped(func.name, "name clash")
        sink.error(f"{req.where()}{shown} would be Python name {py_name!r}, which "
                   f"{'bindc reserves' if holder == 'bindc' else holder + ' has'}; give the instantiation "
                   f"another name (//py4go:instantiate {shown} <name>, or --instantiate "
                   f"'{state.package.name}.{shown}=<name>')", req.span)
        return False
    state.functions.append(bound)
    return True
