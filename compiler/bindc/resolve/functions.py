"""Pass 4, functions and methods: signatures of package functions and of class methods.

This pass applies the binding rules (exported API, ``//py4go:export`` and ``//py4go:skip``),
gives every function its Python name (claimed in the module's symbol table), picks a type
mapping for every parameter and result, and reports everything it cannot honour as a
positioned diagnostic. It never stops at the first problem, and it never changes the IR: it
wraps it. It also binds the methods of the classes the classes pass shaped.

A declaration that was asked for explicitly (``//py4go:export``) but cannot be bound is an
error; one that is merely exported is skipped with a warning naming the reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bindc.diagnostics import DiagnosticSink
from bindc.ir import (ArrayType, ChanType, Func, FuncType, GoType, InterfaceType, MapType, NamedType, Param,
                      PointerType, SliceType, Span, StructType, TypeDecl)
from bindc.naming import STR_METHODS, is_dunder, is_valid_python_identifier, python_safe, snake_case
from bindc.resolve.go_protocols import competing_protocols
from bindc.resolve.model import BoundClass, BoundFunction, BoundParam, BoundReceiver, BoundResult
from bindc.resolve.state import ClassShape, ResolveState
from bindc.typemap import MappingError, TypeMapping, lookup_mapping
from bindc.typemap.buffers import array_result
from bindc.typemap.contexts import TIMEOUT_KEYWORD, is_context
from bindc.typemap.env import TypeEnv
from bindc.typemap.funcs import accepting_none
from bindc.typemap.registry import is_error_type


def run(state: ResolveState) -> None:
    """Bind every wanted package function (``state.functions``) and every class's methods
    (``state.classes``); warn once per interface Python objects cannot implement."""
    for func in state.package.functions:
        if not wanted(func, state.in_package, state.sink):
            continue
        bound = bind_function(func, state.env, state.sink)
        if bound is not None:
            bound = _step_aside(bound, state)
        if bound is not None and claim_function(bound, state):
            state.functions.append(bound)
    state.classes = [_bind_methods(shape, state) for shape in state.shapes]
    _warn_unimplementable_interfaces(state.functions, state.classes, state.env, state.sink)


#: The module attributes holding bindc's namespaces of other forms of the functions
#: (:mod:`bindc.emit.aio`, :mod:`bindc.emit.vec`): a function whose derived name is one of
#: them (``func Vec``) steps aside to ``vec_``, as a keyword does.
NAMESPACE_NAMES = frozenset({"aio", "vec"})


def _step_aside(f: BoundFunction, state: ResolveState) -> BoundFunction:
    """``f`` renamed ``<name>_`` when its snake_case name is a namespace's (a warning says so);
    a name given with ``//py4go:export <name>`` stays, and its clash is an error."""
    export = f.func.directive("export")
    if f.py_name not in NAMESPACE_NAMES or (export is not None and export.arg):
        return f
    state.sink.warning(f"Python name {f.py_name!r} of {f.go_name} is bindc's namespace {f.py_name!r}; "
                       f"bound as {f.py_name + '_'!r} (choose another with //py4go:export <name>)", f.func.span)
    return replace(f, py_name=f.py_name + "_")


def claim_function(f: BoundFunction, state: ResolveState) -> bool:
    """Claim the function's Python name; two Go declarations must not land on one name
    (e.g. ``ToUpper`` and ``toUpper``)."""
    holder = state.symbols.claim(f.py_name, f"{f.go_name} (at {f.func.span})")
    if holder is None:
        return True
    state.sink.skipped(f.go_name, "name clash")
    if holder == "bindc":
        state.sink.error(f"Python name {f.py_name!r} of {f.go_name} is reserved by bindc", f.func.span)
    else:
        state.sink.error(f"{f.go_name} and {holder} both become Python name {f.py_name!r}; "
                         f"rename one with //py4go:export <name>", f.func.span)
    return False


def keeps_callbacks(t: GoType, types: dict[str, TypeDecl], visiting: set[str]) -> bool:
    """Whether a value of ``t`` (a type of the bound package) holds, in any field, element or
    pointee, exported or not, a func or an interface with methods: what Python may pass in
    (a callable, an object implementing ``Job``) and Go goroutines may call later."""
    if isinstance(t, FuncType):
        return True
    if isinstance(t, InterfaceType):
        return bool(t.methods or t.embeds)
    if isinstance(t, (SliceType, ArrayType, PointerType, ChanType)):
        return keeps_callbacks(t.elem, types, visiting)
    if isinstance(t, MapType):
        return keeps_callbacks(t.key, types, visiting) or keeps_callbacks(t.value, types, visiting)
    if isinstance(t, StructType):
        return any(keeps_callbacks(f.type, types, visiting) for f in t.fields)
    if isinstance(t, NamedType) and t.package is None and t.name in types and t.name not in visiting:
        return keeps_callbacks(types[t.name].type, types, visiting | {t.name})
    return False


def _bind_methods(shape: ClassShape, state: ResolveState) -> BoundClass:
    """The class with its methods: ``String()``/``Error()`` as ``__str__``, the others by name."""
    decl, sink = shape.decl, state.sink
    types = {t.name: t for t in state.package.types}
    receiver = BoundReceiver(shape.py_name, shape.named or NamedType(decl.name),
                             interface=isinstance(decl.type, InterfaceType),
                             keeps_callbacks=not shape.origin and not isinstance(decl.type, InterfaceType)
                             and keeps_callbacks(decl.type, types, set()))
    used = {f.py_name for f in shape.fields}
    methods: list[BoundFunction] = []
    # A method of another package's type is called from outside it: exported ones only.
    in_package = state.in_package and not shape.origin
    bound = [bf for func in shape.method_set if wanted(func, in_package, sink)
             for bf in [bind_function(func, state.env, sink, receiver, foreign=bool(shape.origin))] if bf is not None]
    # String() is __str__, else Error(); with both, Error stays an ordinary method.
    str_shaped = [bf for bf in bound if bf.go_name in STR_METHODS and bf.returns_str_only]
    str_method = min(str_shaped, key=lambda bf: STR_METHODS.index(bf.go_name), default=None)
    for bf in bound:
        func = bf.func
        if bf is str_method:
            continue
        if bf.py_name in used:
            sink.skipped(method_key(receiver.named.go_syntax(), func.name), "name clash")
            # Another package's type cannot be renamed by the user: a note, and the method is left out.
            report = sink.note if shape.origin else sink.error
            report(f"{receiver.named.go_syntax()}.{func.name} and a field or method of {decl.name} both become "
                   f"Python name {bf.py_name!r}; rename one with //py4go:export <name>", func.span)
            continue
        used.add(bf.py_name)
        methods.append(bf)
    cls = BoundClass(decl, shape.py_name, shape.fields, shape.init_fields, tuple(methods), str_method,
                     shape.comparable, shape.is_error, shape.is_value, shape.named, shape.origin,
                     shape.constructible, shape.frozen)
    if not shape.origin:
        for protocol, chosen, others in competing_protocols(cls):
            names = " and ".join(m.go_name for m in others)
            sink.warning(f"{decl.name}.{chosen.go_name} gives {shape.py_name} its {protocol}; {names} also "
                         f"could, and {'stays a method' if len(others) == 1 else 'stay methods'} only",
                         chosen.func.span)
    return cls


#: The unsupported type named in a mapping error (``type *big.Int is not supported``).
_UNSUPPORTED_TYPE = re.compile(r"type (.+?)(?: is not supported| cannot cross|: )")


def skip_reason(message: str) -> str:
    """The short reason the summary groups a skip by: the unsupported type when the message
    names one (``*big.Int``), else the message's last clause (after the last ``: ``)."""
    m = _UNSUPPORTED_TYPE.search(message)
    if m:
        return m.group(1)
    variadic = re.match(r"variadic parameter (\S+) is not supported", message)
    if variadic:
        return f"variadic {variadic.group(1)}"
    return message.split(": ")[-1]


def method_key(type_name: str, method: str) -> str:
    """How a method is named in the skip log and the summary: ``T.M``."""
    return f"{type_name}.{method}"


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
            sink.error(f"generic function {func.name} cannot be exported to Python as it is; bind an "
                       f"instantiation with //py4go:instantiate {func.name}[...]", export.span)
        return False
    return True


def bind_function(func: Func, env: TypeEnv, sink: DiagnosticSink,
                  receiver: BoundReceiver | None = None, *, foreign: bool = False) -> BoundFunction | None:
    """Map one function's (or method's) parameters and results, or report why it cannot be
    bound: an error when it was exported explicitly, a warning otherwise, a note for a method
    of another package's type (``foreign``: the user cannot change it)."""
    # Asked for explicitly (a name, or a result as array.array): what cannot be honoured is an error.
    explicit = func.directive("export") is not None or func.directive("buffer") is not None
    report = sink.error if explicit else sink.note if foreign else sink.warning
    problems: list[tuple[str, Span]] = []

    py_name = _python_name(func, sink)
    if py_name is None:
        return None

    params: list[BoundParam] = []
    variadic: BoundParam | None = None
    used: set[str] = set()
    # Go's convention: a context comes first. bindc makes it per call (bindc.typemap.contexts).
    context = func.params[0] if func.params and not (func.variadic and len(func.params) == 1) \
        and is_context(func.params[0].type, env) else None
    if context is not None:
        used.add(TIMEOUT_KEYWORD)  # the keyword-only timeout= is taken: a Go `timeout` becomes timeout2
    for i, p in enumerate(func.params):
        if i == 0 and context is not None:
            continue
        last_variadic = func.variadic and i == len(func.params) - 1
        go_type = p.type.elem if last_variadic else p.type  # type: ignore[attr-defined]
        try:
            mapping = lookup_mapping(go_type, env)
        except MappingError as e:
            problems.append((f"parameter {p.name or i + 1}: {e}", p.span or func.span))
            continue
        if p.name in func.nil_checked and not last_variadic:
            mapping = accepting_none(mapping)  # the function handles nil: None passes it
        if last_variadic:
            # ...[]float64: each element is decoded in the trampoline's loop, element-wise.
            mapping = getattr(mapping, "element_form", mapping)
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
        if func.directive("buffer") is not None:
            as_array = array_result(r.type, getattr(mapping, "element_form", mapping), env)
            if as_array is None:
                problems.append((f"//py4go:buffer: result {r.name or i + 1} is {r.type.go_syntax()}, not a slice of "
                                 f"numbers array.array can hold ([]float64, []int32...)", r.span or func.span))
                continue
            mapping = as_array
        results.append(BoundResult(r, mapping, f"r{i}"))

    if problems:
        verb = "cannot be exported" if explicit else "skipped"
        go_name = f"{receiver.named.go_syntax()}.{func.name}" if receiver else func.name
        for message, span in problems:
            report(f"{go_name} {verb}: {message}", span)
        sink.skipped(method_key(receiver.named.go_syntax(), func.name) if receiver else func.name,
                     skip_reason(problems[0][0]))
        return None
    return BoundFunction(func, py_name, tuple(params), variadic, tuple(results), returns_error, receiver,
                         context=context, eof_ends=receiver is not None and _reads_like_io(func, env))


def _reads_like_io(func: Func, env: TypeEnv) -> bool:
    """Whether method ``func`` is io.Reader's ``Read(p []byte) (n int, err error)`` or
    io.ReaderAt's ``ReadAt(p []byte, off int64) (n int, err error)``: their contract makes
    ``io.EOF`` the end of input, returned with the last ``n`` bytes (``gzip.Reader.Read``)."""
    want = {"Read": ("[]byte",), "ReadAt": ("[]byte", "int64")}.get(func.name)
    if want is None or func.variadic or len(func.params) != len(want) or len(func.results) != 2:
        return False
    if tuple(p.type.go_syntax() for p in func.params) != want:
        return False
    return func.results[0].type.go_syntax() == "int" and is_error_type(func.results[1].type, env)


def _python_name(func: Func, sink: DiagnosticSink) -> str | None:
    """The Python name: the directive's argument, else the snake_case of the Go name."""
    export = func.directive("export")
    if export is not None and export.arg:
        if not is_valid_python_identifier(export.arg):
            sink.error(f"//py4go:export name {export.arg!r} is not a valid Python identifier", export.span)
            return None
        if is_dunder(export.arg):
            sink.error(f"//py4go:export name {export.arg!r} is a Python special-method name; bindc defines "
                       f"those itself (String() is __str__, == is __eq__)", export.span)
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


def _warn_unimplementable_interfaces(functions: list[BoundFunction], classes: list[BoundClass], env: TypeEnv,
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
        if not iface.proxy and iface.named.package is None and iface.named.name not in warned:
            # (Another package's interface, hash.Hash: its parameters take bound instances,
            # and the stub's annotation, its Go<Name> class, says so; nothing to warn about.)
            warned.add(iface.named.name)
            decl = env.local_types[iface.named.name]
            sink.warning(f"Python objects cannot implement interface {iface.named.name} ({iface.no_proxy_reason}); "
                         f"its parameters accept instances of bound Go types only", decl.span)
