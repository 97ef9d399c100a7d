"""The ``.go`` file: ``//export`` trampolines, compile-time guards and module registration.

A trampoline receives C values from its wrapper, converts them with the mappings, calls the
user's function, stores results through out-pointers and returns 0, or -1 with a Python
exception set (a returned ``error`` becomes GoError, a panic becomes GoPanic).
"""

from __future__ import annotations

import re

from bindc.emit.aio import emit_go_aio
from bindc.emit.funcs import emit_go_func_list_externs, emit_go_func_support
from bindc.emit.go_types import type_qualifier
from bindc.emit.go_values import emit_value_guards
from bindc.emit.names import go_init_name, go_trampoline_name
from bindc.emit.printer import GENERATED_HEADER, GoImports, LinePrinter
from bindc.emit.proxies import emit_go_proxies, proxy_interfaces
from bindc.emit.sentinels import emit_go_externs, emit_go_registration
from bindc.emit.vec import emit_go_vec
from bindc.gil import releases_gil
from bindc.ir import FuncType, NamedType, Param, PointerType
from bindc.resolve import BoundFunction, BoundModule
from bindc.resolve.types import package_level_names
from bindc.resources import BINDCRT_IMPORT_PATH, RUNTIME_IMPORT_PATH
from bindc.typemap.base import ArgSite, GoRefs, go_string
from bindc.typemap.classes import class_type_var
from bindc.typemap.env import TypeEnv
from bindc.emit.go_variables import emit_variable_helpers

#: Top-level names the generated Go file declares in the bound package.
GENERATED_GO_NAMES = ("RegisterPythonModule", "PythonModuleName")


def emit_go_file(module: BoundModule, source_note: str) -> str:
    """Render the Go source for ``module`` (gofmt is applied by the caller)."""
    in_package = module.target_import is None
    imports = GoImports(reserved=package_level_names(module.package) if in_package else frozenset())
    rt = imports.use(BINDCRT_IMPORT_PATH, "py4go")
    unsafe = imports.use("unsafe")
    target = imports.use(module.target_import, module.package.name) if module.target_import else None

    refs = GoRefs(rt=rt, unsafe=unsafe,
                  type_syntax=type_qualifier(_type_env(module), imports, target))
    body = LinePrinter(indent="\t")
    _emit_guards(body, module, refs, target)
    emit_value_guards(body, module, target)
    _emit_register(body, module, rt, unsafe)
    emit_go_registration(body, module, rt, unsafe, target)
    for fn in module.functions:
        body.P()
        emit_trampoline(body, module, fn, refs, target)
    emit_go_aio(body, module, refs, target)
    emit_go_vec(body, module, refs, target)
    emit_variable_helpers(body, module, refs, target)
    emit_go_func_support(body, module, refs)
    emit_go_proxies(body, module, refs, imports.use("reflect") if proxy_interfaces(module) else "reflect")
    # go_classes reuses this module's trampoline emitter for methods, hence the local import.
    from bindc.emit.go_classes import emit_class_registration, emit_go_class

    for cls in module.classes:
        emit_go_class(body, module, cls, refs, target)
    for enum in module.values.enums:
        for method in enum.all_methods:
            body.P()
            emit_trampoline(body, module, method, refs, target)
    if module.classes:
        emit_class_registration(body, module, refs, imports.use("reflect"), unsafe)
    if target and module.target_import and not re.search(rf"\b{re.escape(target)}\.", body.text()):
        # Nothing of the package could be bound: Go rejects an unused import, and a blank
        # one still links the package into the module (its init runs, as the user asked).
        imports.blank(module.target_import)
    # Package python's init makes the objects the runtime puts into an any (a Go func's any
    # parameter, an element of []any) *python.Object, the type the bound code can name.
    imports.ensure_linked(RUNTIME_IMPORT_PATH)

    p = LinePrinter(indent="\t")
    p.P(GENERATED_HEADER)
    p.P(f"// source: {source_note}")
    p.P()
    p.P(f"package {module.go_package}")
    p.P()
    p.P("/*")
    p.P('#include "py4go.h"')
    p.P(f"PyObject *PyInit_{module.name}(void);")
    for cls in module.classes:
        p.P(f"extern PyTypeObject *{class_type_var(module.name, cls.py_name)};")
    emit_go_externs(p, module)
    emit_go_func_list_externs(p, module)
    p.P("*/")
    p.P('import "C"')
    p.P()
    for line in imports.render():
        p.P(line)
    return p.text() + "\n" + body.text()


def _emit_guards(p: LinePrinter, module: BoundModule, refs: GoRefs, target: str | None) -> None:
    p.P("// Compile-time guards: a runtime with another wrapper ABI, a platform whose int is not")
    p.P("// 64-bit, or a Go signature that changed since generation fails the build here.")
    p.P(f"const _ = {refs.rt}.BindcRuntimeV1")
    p.P()
    p.P(f"var _ [{refs.unsafe}.Sizeof(int(0)) - 8]struct{{}}")
    methods = [(cls, m) for cls in module.classes for m in ([cls.str_method] if cls.str_method else []) + list(cls.methods)]
    enum_methods = [(e, m) for e in module.values.enums for m in e.all_methods]
    if any(not fn.local for fn in module.functions) or methods or enum_methods:
        p.P()
        p.P("var (")
        for fn in (f for f in module.functions if not f.local):
            ref = function_ref(fn, refs, target)
            p.P(f"_ {refs.type_syntax(fn.func.go_signature())} = {ref}")
        for cls, m in methods:
            # Method expressions: (*T).M has type func(*T, params) results; an interface's
            # I.M has type func(I, params) results.
            interface = m.receiver is not None and m.receiver.interface
            recv = cls.named if interface else PointerType(cls.named)
            sig = m.func.go_signature()
            with_recv = FuncType((Param(None, recv),) + sig.params, sig.results, sig.variadic)
            expr = refs.type_syntax(cls.named) if interface else f"(*{refs.type_syntax(cls.named)})"
            p.P(f"_ {refs.type_syntax(with_recv)} = {expr}.{m.go_name}")
        for enum, m in enum_methods:
            # Value receiver: T.M has type func(T, params) results.
            sig = m.func.go_signature()
            with_recv = FuncType((Param(None, enum.mapping.named),) + sig.params, sig.results, sig.variadic)
            p.P(f"_ {refs.type_syntax(with_recv)} = {refs.type_syntax(enum.mapping.named)}.{m.go_name}")
        p.P(")")


def _emit_register(p: LinePrinter, module: BoundModule, rt: str, unsafe: str) -> None:
    p.P()
    p.P("// PythonModuleName is the name Python code imports these bindings as.")
    p.P(f"const PythonModuleName = {go_string(module.name)}")
    p.P()
    p.P(f"// RegisterPythonModule makes `import {module.name}` work in the embedded interpreter.")
    p.P("// Call it before or after python.Initialize.")
    p.P("func RegisterPythonModule() error {")
    p.P(f"return {rt}.Register(PythonModuleName, {unsafe}.Pointer(C.PyInit_{module.name}))")
    p.P("}")
    p.P()
    # A c-shared library starts the Go runtime on a thread of its own when it is loaded, and
    # runs the packages' init() there: a call into Go waits for it, so PyInit calling this
    # makes `import` return only once init() has run, as a Go program's main would see it.
    p.P(f"//export {go_init_name(module)}")
    p.P(f"func {go_init_name(module)}() {{}}")


def function_ref(fn: BoundFunction, refs: GoRefs, target: str | None) -> str:
    """How the generated file names a package function: ``F``, ``pkg.F``, and for an
    instantiation of a generic one ``pkg.Map[int, string]`` (the type arguments qualified too)."""
    ref = f"{target}.{fn.go_name}" if target and not fn.local else fn.go_name
    if fn.type_args:
        ref += "[" + ", ".join(refs.type_syntax(t) for t in fn.type_args) + "]"
    return ref


def receiver_value(named: NamedType, refs: GoRefs, interface: bool = False) -> str:
    """The Go expression for the ``*T`` behind the trampoline's ``c_self`` handle (for an
    interface's class, the interface value the ``*I`` points to)."""
    value = f"{refs.rt}.BindcValue(uintptr(c_self)).(*{refs.type_syntax(named)})"
    return f"(*{value})" if interface else value


def emit_trampoline(p: LinePrinter, module: BoundModule, fn: BoundFunction, refs: GoRefs, target: str | None) -> None:
    """One ``//export`` function. Its locals are prefixed (``c_``, ``v_``) so they cannot
    shadow a function of the bound package that the call refers to."""
    name = go_trampoline_name(module, fn)
    by_value = fn.receiver.value if fn.receiver else None
    params = [f"c_self {by_value.cgo_arg_type if by_value else 'C.uintptr_t'}"] if fn.receiver else []
    params += [f"c_{bp.var} {bp.mapping.cgo_arg_type}" for bp in fn.params]
    if fn.variadic:
        v = fn.variadic
        params += [f"c_{v.var} *{v.mapping.cgo_arg_type}", f"c_{v.var}_n C.Py_ssize_t"]
    if fn.context is not None:
        params.append("c_timeout C.double")
    params += [f"c_{r.var} *{r.mapping.cgo_result_type}" for r in fn.results]

    p.P(f"//export {name}")
    p.P(f"func {name}({', '.join(params)}) (c_status C.int) {{")
    nogil = releases_gil(fn) and fn.context is None  # BindcContextCall's Run releases it itself
    if nogil:
        p.P(f"var v_gil {refs.rt}.BindcThreadState")
    p.P("defer func() {")
    p.P("if v_panic := recover(); v_panic != nil {")
    if nogil:
        p.P("v_gil.Restore() // a panic may leave the GIL released")
    p.P(f"c_status = C.int({refs.rt}.BindcPanic({go_string(fn.display_name)}, v_panic))")
    p.P("}")
    p.P("}()")

    for i, bp in enumerate(fn.params):
        for line in bp.mapping.go_arg_prepare(f"c_{bp.var}", ArgSite(fn.display_name, i + 1), refs):
            p.P(line)
    args = [bp.mapping.go_arg_value(f"c_{bp.var}", refs) for bp in fn.params]
    if fn.variadic:
        v = fn.variadic
        go_elem = refs.type_syntax(v.param.type.elem)  # type: ignore[attr-defined]
        p.P(f"v_{v.var} := make([]{go_elem}, int(c_{v.var}_n))")
        p.P(f"for i, x := range {refs.unsafe}.Slice(c_{v.var}, int(c_{v.var}_n)) {{")
        # Elements the runtime decodes (...any, ...error) are converted here, one by one.
        for line in v.mapping.go_arg_prepare("x", ArgSite(fn.display_name, f"{len(fn.params) + 1}+i"), refs):
            p.P(line)
        p.P(f"v_{v.var}[i] = {v.mapping.go_arg_value('x', refs)}")
        p.P("}")
        args.append(f"v_{v.var}...")

    if by_value is not None:
        ref = f"{by_value.go_arg_value('c_self', refs)}.{fn.go_name}"
    elif fn.receiver:
        ref = f"{receiver_value(fn.receiver.named, refs, fn.receiver.interface)}.{fn.go_name}"
    else:
        ref = function_ref(fn, refs, target)
    outs = [f"v_{r.var}" for r in fn.results] + (["v_err"] if fn.returns_error else [])
    if fn.context is not None:
        _emit_context_call(p, fn, ref, args, outs, refs)
        _emit_results(p, fn, refs)
        return
    if nogil:
        # Arguments are converted holding the GIL (a callback takes its reference then).
        for bp, arg in zip(fn.params, list(args)):
            p.P(f"v_{bp.var} := {arg}")
        args[:len(fn.params)] = [f"v_{bp.var}" for bp in fn.params]
        p.P(f"v_gil = {refs.rt}.BindcReleaseGIL()")
    call = f"{ref}({', '.join(args)})"
    p.P(f"{', '.join(outs)} := {call}" if outs else call)
    if nogil:
        p.P("v_gil.Restore()")
    _emit_write_back(p, fn, refs)
    if fn.returns_error:
        if fn.eof_ends:  # io.Reader's contract: io.EOF is the end of input, n the last bytes
            p.P(f"if v_err != nil && !{refs.rt}.BindcIsEOF(v_err) {{")
        else:
            p.P("if v_err != nil {")
        p.P(f"return C.int({refs.rt}.BindcError(v_err))")
        p.P("}")
    _emit_results(p, fn, refs)


def _emit_write_back(p: LinePrinter, fn: BoundFunction, refs: GoRefs) -> None:
    """What Go stored into its arguments, back into Python's (before an error raises)."""
    for i, bp in enumerate(fn.params):
        for line in bp.mapping.go_arg_finish(f"c_{bp.var}", ArgSite(fn.display_name, i + 1), refs):
            p.P(line)


def _emit_results(p: LinePrinter, fn: BoundFunction, refs: GoRefs) -> None:
    """The results, then the end of the trampoline."""
    for r in fn.results:
        for line in r.mapping.go_result_store(f"c_{r.var}", f"v_{r.var}", fn.display_name, refs):
            p.P(line)
    p.P("return 0")
    p.P("}")


def _emit_context_call(p: LinePrinter, fn: BoundFunction, ref: str, args: list[str], outs: list[str],
                       refs: GoRefs) -> None:
    """The call of a function taking a ``context.Context`` (:mod:`bindc.typemap.contexts`): the
    runtime makes the context, runs the call on a goroutine with the GIL released and waits,
    watching for Ctrl-C; a KeyboardInterrupt, a deadline or a returned error then raises."""
    rt = refs.rt
    p.P(f"v_call := {rt}.BindcContextCall({go_string(fn.display_name)}, float64(c_timeout))")
    # Arguments are converted here, holding the GIL, and so is the receiver: the goroutine
    # running the call touches no Python object.
    for bp, arg in zip(fn.params, list(args)):
        p.P(f"v_{bp.var} := {arg}")
    args[:len(fn.params)] = [f"v_{bp.var}" for bp in fn.params]
    p.P(f"v_fn := {ref}")
    for r in fn.results:
        p.P(f"var v_{r.var} {refs.type_syntax(r.param.type)}")
    if fn.returns_error:
        p.P("var v_err error")
    call = f"v_fn({', '.join(['v_ctx'] + args)})"
    p.P(f"if v_call.Run(func(v_ctx {rt}.BindcContext) {{")
    p.P(f"{', '.join(outs)} = {call}" if outs else call)
    p.P("}) < 0 {")
    p.P("return -1")
    p.P("}")
    _emit_write_back(p, fn, refs)
    p.P(f"if v_call.Finish({'v_err' if fn.returns_error else 'nil'}, {'true' if fn.returns_error else 'false'}) < 0 {{")
    p.P("return -1")
    p.P("}")


def _type_env(module: BoundModule) -> TypeEnv:
    """The names the plan's types are written with: the package's imports, plus the import
    names resolve added for packages whose types it reached through other packages' classes."""
    env = TypeEnv.for_package(module.package)
    env.imports.update(dict(module.imports))
    return env
