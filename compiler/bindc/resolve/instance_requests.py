"""Instantiation requests, gathered and checked once for both kinds of generic declaration.

Shared by the passes that bind instantiations (:mod:`bindc.resolve.generic_types` for types,
:mod:`bindc.resolve.instances` for functions): where the requests come from (directives,
``--instantiate``, the standard library's defaults), how one is checked against the type
parameters it fills (arity, inference, constraints, visible qualifiers), and how a type that
names an instantiated generic type (``*Set[string]``) is rewritten to the declaration the
generic-types pass made for it (``Set[string]``).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.diagnostics import DiagnosticSink
from bindc.frontend.instances import InstanceRequest, InstanceSyntaxError, parse_instance
from bindc.ir import Directive, GoType, NamedType, Package, Span
from bindc.resolve.generics import infer, map_types, substitute, unsatisfied
from bindc.resolve.stdlib_instances import default_instances
from bindc.typemap.env import TypeEnv


@dataclass(frozen=True)
class Request:
    """A parsed request and where it came from (``span`` for a directive, ``origin`` text)."""

    request: InstanceRequest
    span: Span | None
    origin: str

    def where(self) -> str:
        """How a message names the request when it has no position."""
        return "" if self.span is not None else f"{self.origin}: "


def requests_of(package: Package, cli: tuple[InstanceRequest, ...]) -> list[Request]:
    """The package's directives, then the command line's requests (or the stdlib defaults)."""
    found: list[Request] = []
    decls: list[tuple[Directive, ...]] = [f.directives for f in package.funcs]
    decls += [t.directives for t in package.types] + [v.directives for v in package.values]
    seen: set[Span] = set()  # a directive above `const ( ... )` is shared by every spec
    for directives in decls:
        for d in directives:
            if d.kind == "instantiate" and d.arg and d.span not in seen:
                seen.add(d.span)
                try:
                    found.append(Request(parse_instance(d.arg), d.span, f"//py4go:instantiate {d.arg}"))
                except InstanceSyntaxError:
                    pass  # the frontend reported it
    mine = [r for r in cli if r.qualifier in (None, package.name)]
    for r in mine:
        found.append(Request(r, None, f"--instantiate {_cli_text(r)}"))
    if not mine:
        for text in default_instances(package.import_path):
            found.append(Request(parse_instance(text), None, f"default instantiation {text}"))
    return found


def _cli_text(r: InstanceRequest) -> str:
    text = (f"{r.qualifier}." if r.qualifier else "") + r.go_syntax()
    return text + (f"={r.py_name}" if r.py_name else "")


def type_arguments(name: str, params: tuple[str, ...], constraints: tuple[GoType, ...], req: Request,
                   env: TypeEnv, sink: DiagnosticSink) -> tuple[GoType, ...] | None:
    """The full type arguments ``req`` gives generic ``name``, or None after reporting why it
    cannot: too many, a qualifier the package does not import, not inferable, a constraint
    not satisfied (each at the request)."""
    r = req.request
    shown = r.go_syntax()
    if len(r.type_args) > len(params):
        sink.error(f"{req.where()}{shown}: {name} has {len(params)} type parameter"
                   f"{'s' if len(params) != 1 else ''} ({', '.join(params)}), got {len(r.type_args)}", req.span)
        return None
    unknown = [q for a in r.type_args for q in qualifiers(a) if q not in env.imports]
    if unknown:
        sink.error(f"{req.where()}{shown}: package {unknown[0]} is not imported by package {env.package.name}; "
                   f"a type argument may name only types its files can see", req.span)
        return None
    args = infer(params, constraints, r.type_args, env)
    if isinstance(args, str):
        sink.error(f"{req.where()}{shown}: {args}", req.span)
        return None
    bindings = dict(zip(params, args))
    problems = [f"{p}: {reason}" for p, c, a in zip(params, constraints, args)
                for reason in [unsatisfied(a, substitute(c, bindings), env)] if reason]
    for problem in problems:
        sink.error(f"{req.where()}{shown} does not satisfy the constraints of {name}: type parameter {problem}",
                   req.span)
    return None if problems else args


def qualifiers(t: GoType) -> list[str]:
    """Import qualifiers a type expression uses (``url`` in ``map[string]*url.URL``)."""
    found: list[str] = []

    def visit(x: GoType) -> GoType:
        if isinstance(x, NamedType) and x.package is not None:
            found.append(x.package)
        return map_types(x, visit)

    visit(t)
    return found


def rename_instances(t: GoType, instances: frozenset[str]) -> GoType:
    """``t`` with every use of an instantiated generic type of the package (``*Set[string]``)
    naming the declaration made for that instantiation (a type named ``Set[string]``)."""
    if isinstance(t, NamedType) and t.package is None and t.type_args:
        args = tuple(rename_instances(a, instances) for a in t.type_args)
        spelled = NamedType(t.name, None, args).go_syntax()
        if spelled in instances:
            return NamedType(spelled)
        return NamedType(t.name, None, args)
    return map_types(t, lambda child: rename_instances(child, instances))
