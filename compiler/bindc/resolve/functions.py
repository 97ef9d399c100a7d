"""Deciding what to bind: from a parsed :class:`~bindc.ir.Package` to a :class:`BoundModule`.

The resolver applies the binding rules (exported API, ``//py4go:export`` and ``//py4go:skip``),
gives every declaration its Python name, picks a type mapping for every parameter and
result, and reports everything it cannot honour as a positioned diagnostic. It never stops at
the first problem, and it never changes the IR: it wraps it.

A declaration that was asked for explicitly (``//py4go:export``) but cannot be bound is an
error; one that is merely exported is skipped with a warning naming the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

from bindc.diagnostics import DiagnosticSink
from bindc.ir import Func, NamedType, Package, Param, Span
from bindc.naming import is_valid_python_identifier, python_safe, snake_case
from bindc.typemap import MappingError, TypeMapping, lookup_mapping
from bindc.typemap.env import TypeEnv
from bindc.typemap.registry import is_error_type
from bindc.resolve.values import ModuleValues, resolve_values

if TYPE_CHECKING:
    from bindc.resolve.classes import BoundClass

#: Names every generated module defines itself; a bound declaration may not take them.
RESERVED_MODULE_NAMES = frozenset({"GoError", "GoPanic"})


@dataclass(frozen=True)
class BoundParam:
    """A Go parameter with its Python name, its mapping and its C variable name."""

    param: Param
    py_name: str
    mapping: TypeMapping
    var: str


@dataclass(frozen=True)
class BoundResult:
    """A Go result (not the trailing ``error``) with its mapping and C variable name."""

    param: Param
    mapping: TypeMapping
    var: str


@dataclass(frozen=True)
class BoundReceiver:
    """The class a bound method belongs to. ``value`` is set for an enum's methods: ``self`` is
    an ``IntEnum`` member (a Python int), converted with that mapping and passed by value,
    instead of a bound instance holding a ``*T``."""

    py_class: str
    named: NamedType
    value: TypeMapping | None = None


@dataclass(frozen=True)
class BoundFunction:
    """A Go function (or method, with ``receiver``) as Python will see it."""

    func: Func
    py_name: str
    params: tuple[BoundParam, ...]
    variadic: BoundParam | None
    results: tuple[BoundResult, ...]
    returns_error: bool
    receiver: BoundReceiver | None = None
    local: bool = False  # the Go function is generated into the output file (variable accessors)

    @property
    def display_name(self) -> str:
        """The name error messages use: ``concat`` or ``Point.scale``."""
        return f"{self.receiver.py_class}.{self.py_name}" if self.receiver else self.py_name

    @property
    def c_name(self) -> str:
        """A C-identifier-safe unique name within the module: ``concat`` or ``Point_scale``."""
        return f"{self.receiver.py_class}_{self.py_name}" if self.receiver else self.py_name

    @property
    def go_name(self) -> str:
        """The Go identifier of the function."""
        return self.func.name

    @property
    def doc(self) -> str:
        """The Go doc comment, used as the Python docstring."""
        return self.func.doc

    @property
    def returns_str_only(self) -> bool:
        """No parameters, one ``str`` result and no error: a ``String()``-shaped method."""
        return (not self.params and not self.variadic and len(self.results) == 1
                and self.results[0].mapping.py_annotation == "str" and not self.returns_error)

    @property
    def py_annotation(self) -> str:
        """The Python return annotation."""
        if not self.results:
            return "None"
        if len(self.results) == 1:
            return self.results[0].mapping.py_annotation
        return "tuple[" + ", ".join(r.mapping.py_annotation for r in self.results) + "]"


@dataclass(frozen=True)
class BoundModule:
    """Everything the emitters need to generate one Python module from one Go package.

    ``target_import`` is ``None`` when the files are generated into the bound package
    itself; otherwise it is the import path of the package the wrapper package calls.
    """

    name: str
    go_package: str
    package: Package
    functions: tuple[BoundFunction, ...]
    target_import: str | None = None
    classes: tuple["BoundClass", ...] = ()
    values: ModuleValues = ModuleValues()

    @property
    def doc(self) -> str:
        """The module docstring: the package's doc comment."""
        return self.package.doc


def resolve(package: Package, module_name: str, sink: DiagnosticSink, *,
            target_import: str | None = None) -> BoundModule:
    """Build the binding plan for ``package`` as Python module ``module_name``.

    With ``target_import`` (``bindc generate --out``) only the exported API is bound and the
    generated package calls it through that import path.
    """
    # resolve_classes builds on this module's function binding, hence the local import.
    from bindc.resolve.classes import bind_classes, select_classes
    from bindc.typemap.classes import CLASSES_KEY, MODULE_KEY
    from bindc.typemap.interfaces import IN_PACKAGE_KEY

    env = TypeEnv.for_package(package)
    in_package = target_import is None
    env.extra[MODULE_KEY] = module_name
    env.extra[CLASSES_KEY] = select_classes(package, env, in_package, sink)
    env.extra[IN_PACKAGE_KEY] = in_package
    functions: list[BoundFunction] = []
    for func in package.functions:
        if not wanted(func, in_package, sink):
            continue
        bound = bind_function(func, env, sink)
        if bound is not None:
            functions.append(bound)
    from bindc.resolve.variables import variable_accessors  # it builds BoundFunctions: imported late

    functions += variable_accessors(env, sink, {f.py_name for f in functions})
    classes = bind_classes(package, env.extra[CLASSES_KEY], env, in_package, sink)  # type: ignore[arg-type]
    _check_unique_names(functions, classes, sink)
    _warn_unimplementable_interfaces(functions, classes, env, sink)
    taken = {f.py_name for f in functions} | {c.py_name for c in classes} | set(RESERVED_MODULE_NAMES)
    values = resolve_values(env, sink, taken, in_package, _used_mappings(functions, classes))
    return BoundModule(
        name=module_name,
        go_package=package.name if in_package else module_name,
        package=package,
        functions=tuple(sorted(functions, key=lambda f: f.func.span)),
        target_import=target_import,
        classes=tuple(classes),
        values=values,
    )


def _used_mappings(functions: list[BoundFunction], classes: list["BoundClass"]) -> list[tuple[TypeMapping, Span]]:
    """Every mapping the module's functions, methods and fields use, with its declaration's
    span, in declaration order (functions first)."""
    out: list[tuple[TypeMapping, Span]] = []
    for fn in functions + [m for c in classes for m in c.methods]:
        params = list(fn.params) + ([fn.variadic] if fn.variadic else [])
        out += [(bp.mapping, fn.func.span) for bp in params] + [(r.mapping, fn.func.span) for r in fn.results]
    for cls in classes:
        out += [(f.mapping, f.span or cls.decl.span) for f in cls.fields]
    return out


def wanted(func: Func, in_package: bool, sink: DiagnosticSink) -> bool:
    """Whether the binding rules select ``func`` (before looking at its types)."""
    export, skip = func.directive("export"), func.directive("skip")
    if skip is not None:
        if export is not None:
            sink.warning(f"{func.name} has both //py4go:export and //py4go:skip; skipping it", skip.span)
        return False
    if func.name in ("init", "main") and func.receiver is None:
        if export is not None:
            sink.error(f"{func.name} cannot be exported to Python: Go reserves it", export.span)
        return False
    if export is not None and not in_package and not func.exported:
        sink.warning(f"//py4go:export on unexported {func.name} is ignored with --out: a wrapper "
                     f"package can only call exported functions", export.span)
        return False
    if export is None and not func.exported:
        return False
    if func.is_generic:
        # The frontend already warned about generic functions; an explicit export is an error.
        if export is not None:
            sink.error(f"generic function {func.name} cannot be exported to Python", export.span)
        return False
    return True


def bind_function(func: Func, env: TypeEnv, sink: DiagnosticSink,
                  receiver: BoundReceiver | None = None) -> BoundFunction | None:
    """Map one function's (or method's) parameters and results, or report why it cannot be
    bound: an error when it was exported explicitly, a warning otherwise."""
    explicit = func.directive("export") is not None
    report = sink.error if explicit else sink.warning
    problems: list[tuple[str, Span]] = []

    py_name = _python_name(func, sink)
    if py_name is None:
        return None

    params: list[BoundParam] = []
    variadic: BoundParam | None = None
    used: set[str] = set()
    for i, p in enumerate(func.params):
        last_variadic = func.variadic and i == len(func.params) - 1
        go_type = p.type.elem if last_variadic else p.type  # type: ignore[attr-defined]
        try:
            mapping = lookup_mapping(go_type, env)
        except MappingError as e:
            problems.append((f"parameter {p.name or i + 1}: {e}", p.span or func.span))
            continue
        if last_variadic and not mapping.variadic_ok:
            problems.append((f"variadic parameter ...{go_type.go_syntax()} is not supported", p.span or func.span))
            continue
        bp = BoundParam(p, _param_name(p, i, used), mapping, f"a{i}")
        if last_variadic:
            variadic = bp
        else:
            params.append(bp)

    results: list[BoundResult] = []
    returns_error = False
    for i, r in enumerate(func.results):
        if is_error_type(r.type, env):
            if i == len(func.results) - 1:
                returns_error = True
                continue
            problems.append(("an error result is supported only in the last position", r.span or func.span))
            continue
        try:
            mapping = lookup_mapping(r.type, env)
        except MappingError as e:
            problems.append((f"result {r.name or i + 1}: {e}", r.span or func.span))
            continue
        results.append(BoundResult(r, mapping, f"r{i}"))

    if problems:
        verb = "cannot be exported" if explicit else "skipped"
        go_name = f"{receiver.named.name}.{func.name}" if receiver else func.name
        for message, span in problems:
            report(f"{go_name} {verb}: {message}", span)
        return None
    return BoundFunction(func, py_name, tuple(params), variadic, tuple(results), returns_error, receiver)


def _python_name(func: Func, sink: DiagnosticSink) -> str | None:
    """The Python name: the directive's argument, else the snake_case of the Go name."""
    export = func.directive("export")
    if export is not None and export.arg:
        if not is_valid_python_identifier(export.arg):
            sink.error(f"//py4go:export name {export.arg!r} is not a valid Python identifier", export.span)
            return None
        return export.arg
    return python_safe(snake_case(func.name))


def _param_name(p: Param, index: int, used: set[str]) -> str:
    """A unique, valid Python name for a parameter (positional-only, so only for reading)."""
    base = python_safe(snake_case(p.name)) if p.name and p.name != "_" else f"arg{index}"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}{n}"
    used.add(name)
    return name


def _check_unique_names(functions: list[BoundFunction], classes: "list[BoundClass]", sink: DiagnosticSink) -> None:
    """Two Go declarations must not land on one Python name (e.g. ``ToUpper`` and ``toUpper``)."""
    seen: dict[str, BoundFunction] = {}
    class_names = {c.py_name: c for c in classes}
    for name, c in class_names.items():
        if name in RESERVED_MODULE_NAMES:
            sink.error(f"Python name {name!r} of type {c.decl.name} is reserved by bindc", c.decl.span)
    for f in sorted(functions, key=lambda f: f.func.span):
        if f.py_name in class_names:
            sink.error(f"{f.go_name} and type {class_names[f.py_name].decl.name} both become Python name "
                       f"{f.py_name!r}; rename one with //py4go:export <name>", f.func.span)
            continue
        if f.py_name in RESERVED_MODULE_NAMES:
            sink.error(f"Python name {f.py_name!r} of {f.go_name} is reserved by bindc", f.func.span)
        elif f.py_name in seen:
            first = seen[f.py_name]
            sink.error(
                f"{f.go_name} and {first.go_name} (at {first.func.span}) both become Python name "
                f"{f.py_name!r}; rename one with //py4go:export <name>",
                f.func.span,
            )
        else:
            seen[f.py_name] = f
    functions[:] = [f for f in functions if seen.get(f.py_name) is f]


def _warn_unimplementable_interfaces(functions: list[BoundFunction], classes: "list[BoundClass]", env: TypeEnv,
                                     sink: DiagnosticSink) -> None:
    """Once per interface the module uses: say why Python objects cannot implement it (its
    parameters then take bound instances only)."""
    from bindc.typemap.interfaces import interfaces_in

    mappings: list[TypeMapping] = []
    for fn in functions + [m for c in classes for m in c.methods]:
        mappings += [bp.mapping for bp in fn.params] + ([fn.variadic.mapping] if fn.variadic else [])
    mappings += [f.mapping for c in classes for f in c.fields]
    warned: set[str] = set()
    for iface in (i for m in mappings for i in interfaces_in(m)):
        if not iface.proxy and iface.named.name not in warned:
            warned.add(iface.named.name)
            decl = env.local_types[iface.named.name]
            sink.warning(f"Python objects cannot implement interface {iface.named.name} ({iface.no_proxy_reason}); "
                         f"its parameters accept instances of bound Go types only", decl.span)
