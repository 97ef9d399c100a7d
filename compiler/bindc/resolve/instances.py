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

from dataclasses import dataclass, replace

from bindc.frontend.instances import InstanceRequest, InstanceSyntaxError, parse_instance
from bindc.ir import Directive, Func, GoType, NamedType, Span
from bindc.resolve.functions import bind_function
from bindc.resolve.generics import infer, substitute, unsatisfied
from bindc.resolve.instance_names import instance_name
from bindc.resolve.state import ResolveState
from bindc.resolve.stdlib_instances import default_instances


@dataclass(frozen=True)
class _Request:
    """A parsed request and where it came from (``span`` for a directive, ``origin`` text)."""

    request: InstanceRequest
    span: Span | None
    origin: str

    def where(self) -> str:
        """How a message names the request when it has no position."""
        return "" if self.span is not None else f"{self.origin}: "


def run(state: ResolveState) -> None:
    """Bind every requested instantiation into ``state.functions``; warn about exported generic
    functions nobody instantiated."""
    generic = {f.name: f for f in state.package.functions if f.is_generic}
    requested: set[str] = set()  # a failed request was an error already: no warning on top
    for req in _requests(state):
        func = generic.get(req.request.name)
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


def _requests(state: ResolveState) -> list[_Request]:
    """The package's directives, then the command line's requests (or the stdlib defaults)."""
    found: list[_Request] = []
    decls: list[tuple[Directive, ...]] = [f.directives for f in state.package.funcs]
    decls += [t.directives for t in state.package.types] + [v.directives for v in state.package.values]
    seen: set[Span] = set()  # a directive above `const ( ... )` is shared by every spec
    for directives in decls:
        for d in directives:
            if d.kind == "instantiate" and d.arg and d.span not in seen:
                seen.add(d.span)
                try:
                    found.append(_Request(parse_instance(d.arg), d.span, f"//py4go:instantiate {d.arg}"))
                except InstanceSyntaxError:
                    pass  # the frontend reported it
    cli = [r for r in state.requests if r.qualifier in (None, state.package.name)]
    for r in cli:
        found.append(_Request(r, None, f"--instantiate {_cli_text(r)}"))
    if not cli:
        for text in default_instances(state.package.import_path):
            found.append(_Request(parse_instance(text), None, f"default instantiation {text}"))
    return found


def _cli_text(r: InstanceRequest) -> str:
    text = (f"{r.qualifier}." if r.qualifier else "") + r.go_syntax()
    return text + (f"={r.py_name}" if r.py_name else "")


def _report_unknown(req: _Request, state: ResolveState) -> None:
    name = req.request.name
    decl = next((t for t in state.package.types if t.name == name), None)
    func = next((f for f in state.package.functions if f.name == name), None)
    if decl is not None and decl.type_params:
        message = f"generic type {name} cannot be instantiated yet (only generic functions can)"
    elif decl is not None or func is not None:
        message = f"{name} is not generic; it needs no instantiation"
    else:
        message = f"package {state.package.name} has no generic function {name}"
    state.sink.error(req.where() + message, req.span)


def _bind_instance(func: Func, req: _Request, state: ResolveState) -> bool:
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
    if len(r.type_args) > len(params):
        sink.error(f"{req.where()}{shown}: {func.name} has {len(params)} type parameter"
                   f"{'s' if len(params) != 1 else ''} ({', '.join(params)}), got {len(r.type_args)}", req.span)
        return False
    unknown = [q for a in r.type_args for q in _qualifiers(a) if q not in env.imports]
    if unknown:
        sink.error(f"{req.where()}{shown}: package {unknown[0]} is not imported by package {state.package.name}; "
                   f"a type argument may name only types its files can see", req.span)
        return False
    args = infer(params, func.type_constraints, r.type_args, env)
    if isinstance(args, str):
        sink.error(f"{req.where()}{shown}: {args}", req.span)
        return False
    bindings = dict(zip(params, args))
    problems = [f"{p}: {reason}" for p, c, a in zip(params, func.type_constraints, args)
                for reason in [unsatisfied(a, substitute(c, bindings), env)] if reason]
    if problems:
        for problem in problems:
            sink.error(f"{req.where()}{shown} does not satisfy the constraints of {func.name}: type parameter {problem}",
                       req.span)
        return False
    py_name = r.py_name or instance_name(func.name, r.type_args)
    full = NamedType(func.name, None, args).go_syntax()
    instance = replace(
        func,
        params=tuple(replace(p, type=substitute(p.type, bindings)) for p in func.params),
        results=tuple(replace(p, type=substitute(p.type, bindings)) for p in func.results),
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


def _qualifiers(t: GoType) -> list[str]:
    """Import qualifiers a type expression uses (``url`` in ``map[string]*url.URL``)."""
    found: list[str] = []

    def visit(x: object) -> None:
        if isinstance(x, NamedType) and x.package is not None:
            found.append(x.package)
        if isinstance(x, tuple):
            for v in x:
                visit(v)
        elif hasattr(x, "__dataclass_fields__"):
            for f in x.__dataclass_fields__:
                visit(getattr(x, f))

    visit(t)
    return found
