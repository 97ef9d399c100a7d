"""Per-signature support code for Go func types (see :mod:`bindc.typemap.funcs`).

For a func type used as a *parameter*, the Go file gets a closure builder
``bindcFunc_<id>(*python.Callback) func(...)``. For one used as a *result*, the C file gets a
METH_FASTCALL function and its ``PyMethodDef`` (``self`` is the capsule holding the Go func's
handle) and the Go file an ``//export`` trampoline that looks the func up and calls it.
"""

from __future__ import annotations

from collections.abc import Callable

from bindc.emit.printer import LinePrinter
from bindc.ir import FuncType
from bindc.resolve import BoundModule
from bindc.typemap.base import ArgSite, GoRefs, c_string, go_string
from bindc.typemap.funcs import FuncMapping, callback_builder_name, func_mappings_in, method_def_name

#: The name Python shows for a Go func returned to it (messages say "go_func() argument 1...").
PY_FUNC_NAME = "go_func"


def func_mappings(module: BoundModule) -> tuple[list[FuncMapping], list[FuncMapping]]:
    """The distinct func signatures ``module`` uses as parameters and as results."""
    params: dict[str, FuncMapping] = {}
    results: dict[str, FuncMapping] = {}
    functions = list(module.functions) + [m for cls in module.classes for m in cls.methods]
    functions += [m for enum in module.values.enums for m in enum.all_methods]
    for fn in functions:
        for bp in fn.params + ((fn.variadic,) if fn.variadic else ()):
            for m in func_mappings_in(bp.mapping):
                # One builder per signature; it checks for nil when any use takes None.
                if m.none_ok or m.sig_id not in params:
                    params[m.sig_id] = m
        for r in fn.results:
            for m in func_mappings_in(r.mapping):
                results.setdefault(m.sig_id, m)
    # A field of func type is set from Python (a parameter) and read back (a result).
    for field in (f for cls in module.classes for f in cls.fields):
        for m in func_mappings_in(field.mapping):
            params.setdefault(m.sig_id, m)
            results.setdefault(m.sig_id, m)
    return list(params.values()), list(results.values())


def listed_results(module: BoundModule) -> list[FuncMapping]:
    """The func signatures ``module`` returns inside a slice of funcs (a result or a field of
    type ``[]F``): the C file exports their method tables for the Go file, which builds the
    list (:mod:`bindc.typemap.funclists`)."""
    from bindc.typemap.funclists import FuncList
    from bindc.typemap.named import NamedMapping

    found: dict[str, FuncMapping] = {}
    functions = list(module.functions) + [m for cls in module.classes for m in cls.methods]
    mappings = [r.mapping for fn in functions for r in fn.results]
    mappings += [f.mapping for cls in module.classes for f in cls.fields]
    for mapping in mappings:
        if isinstance(mapping, NamedMapping):
            mapping = mapping.inner
        if isinstance(mapping, FuncList):
            found.setdefault(mapping.elem.sig_id, mapping.elem)
    return list(found.values())


def emit_go_func_list_externs(p: LinePrinter, module: BoundModule) -> None:
    """cgo preamble declarations of the method tables :func:`listed_results` exports."""
    from bindc.typemap.funclists import method_def_pointer

    for m in listed_results(module):
        p.P(f"extern PyMethodDef *const {method_def_pointer(module.name, m)};")


def func_trampoline_name(module: BoundModule, m: FuncMapping) -> str:
    """The ``//export``-ed Go function calling a Go func of signature ``m`` (a global symbol)."""
    return f"bindcgofn_{module.name}_{m.sig_id}"


# --------------------------------------------------------------------------- Go


def emit_go_func_support(p: LinePrinter, module: BoundModule, refs: GoRefs) -> None:
    """Closure builders and func-calling trampolines for every signature ``module`` uses."""
    params, results = func_mappings(module)
    for m in params:
        p.P()
        _emit_callback_builder(p, m, refs)
    for m in results:
        p.P()
        _emit_func_trampoline(p, module, m, refs)


def _emit_callback_builder(p: LinePrinter, m: FuncMapping, refs: GoRefs) -> None:
    head, result_types = go_func_head(m.func, refs)
    name = callback_builder_name(m)
    p.P(f"// {name} wraps a Python callable as a Go {m.func.go_syntax()}.")
    p.P(f"func {name}(cb *{refs.rt}.Callback) {refs.type_syntax(m.func)} {{")
    if m.none_ok:  # None passed for a parameter the function compares with nil (or ignores)
        p.P("if cb == nil {")
        p.P("return nil")
        p.P("}")
    p.P(f"return func{head} {{")
    emit_python_call(p, m, result_types, lambda args: f"cb.Invoke({args})",
                     lambda args: f"{refs.rt}.BindcMust(cb.Invoke({args}))")
    p.P("}")
    p.P("}")


def go_func_head(sig: FuncType, refs: GoRefs) -> tuple[str, list[str]]:
    """The parameters and results of a Go func of signature ``sig``, parameters named p0,
    p1...: ``"(p0 int, p1 string) (int, error)"``, and the result types."""
    params = [f"p{i} {refs.type_syntax(prm.type)}" for i, prm in enumerate(sig.params)]
    result_types = [refs.type_syntax(r.type) for r in sig.results]
    ret = ""
    if len(result_types) == 1:
        ret = " " + result_types[0]
    elif result_types:
        ret = " (" + ", ".join(result_types) + ")"
    return f"({', '.join(params)}){ret}", result_types


def emit_python_call(p: LinePrinter, m: FuncMapping, result_types: list[str], call: Callable[[str], str],
                     call_must: Callable[[str], str]) -> None:
    """The body of a Go func (head from :func:`go_func_head`) that calls into Python: ``call``
    and ``call_must`` turn the runtime call's arguments (``[]any{p0}, &r0``) into the call
    returning an error (for a signature with an error result) or panicking on one."""
    outs = [f"r{i}" for i in range(len(m.results))]
    for i, r in enumerate(outs):
        p.P(f"var {r} {result_types[i]}")
    args = "[]any{" + ", ".join(f"p{i}" for i in range(len(m.params))) + "}" if m.params else "nil"
    call_args = ", ".join([args] + ["&" + r for r in outs])
    if m.returns_error:
        p.P(f"err := {call(call_args)}")
        p.P(f"return {', '.join(outs + ['err'])}")
    else:
        p.P(call_must(call_args))
        if outs:
            p.P(f"return {', '.join(outs)}")


def _emit_func_trampoline(p: LinePrinter, module: BoundModule, m: FuncMapping, refs: GoRefs) -> None:
    name = func_trampoline_name(module, m)
    params = ["c_h C.uintptr_t"] + [f"c_a{i} {pm.cgo_arg_type}" for i, pm in enumerate(m.params)]
    params += [f"c_r{i} *{rm.cgo_result_type}" for i, rm in enumerate(m.results)]
    p.P(f"//export {name}")
    p.P(f"func {name}({', '.join(params)}) (c_status C.int) {{")
    p.P("defer func() {")
    p.P("if v_panic := recover(); v_panic != nil {")
    p.P(f"c_status = C.int({refs.rt}.BindcPanic({go_string(PY_FUNC_NAME)}, v_panic))")
    p.P("}")
    p.P("}()")
    p.P(f"v_fn := {refs.rt}.BindcFuncValue(uintptr(c_h)).({refs.type_syntax(m.func)})")
    for i, pm in enumerate(m.params):
        for line in pm.go_arg_prepare(f"c_a{i}", ArgSite(PY_FUNC_NAME, i + 1), refs):
            p.P(line)
    args = [pm.go_arg_value(f"c_a{i}", refs) for i, pm in enumerate(m.params)]
    outs = [f"v_r{i}" for i in range(len(m.results))] + (["v_err"] if m.returns_error else [])
    call = f"v_fn({', '.join(args)})"
    p.P(f"{', '.join(outs)} := {call}" if outs else call)
    for i, pm in enumerate(m.params):
        for line in pm.go_arg_finish(f"c_a{i}", ArgSite(PY_FUNC_NAME, i + 1), refs):
            p.P(line)
    if m.returns_error:
        p.P("if v_err != nil {")
        p.P(f"return C.int({refs.rt}.BindcError(v_err))")
        p.P("}")
    for i, rm in enumerate(m.results):
        for line in rm.go_result_store(f"c_r{i}", f"v_r{i}", PY_FUNC_NAME, refs):
            p.P(line)
    p.P("return 0")
    p.P("}")


# --------------------------------------------------------------------------- C


def emit_c_func_support(p: LinePrinter, module: BoundModule) -> None:
    """The C side of every Go func signature ``module`` returns to Python."""
    _, results = func_mappings(module)
    for m in results:
        p.P()
        _emit_func_wrapper(p, module, m)


def _emit_func_wrapper(p: LinePrinter, module: BoundModule, m: FuncMapping) -> None:
    """Like a function wrapper, but the Go func comes from ``self``'s handle."""
    cname = f"bindcfn_{m.sig_id}"
    n = len(m.params)
    p.P(f"/* A Go {m.func.go_syntax()} called from Python. */")
    p.P("static PyObject *")
    p.P(f"{cname}(PyObject *self, PyObject *const *args, Py_ssize_t nargs)")
    p.P("{")
    with p.indent():
        p.P(f"if (py4go_bind_nargs({c_string(PY_FUNC_NAME)}, nargs, {n}, {n}) < 0)")
        with p.indent():
            p.P("return NULL;")
        p.P("PyObject *result = NULL;")
        for i, pm in enumerate(m.params):
            for decl in pm.c_arg_locals(f"a{i}"):
                p.P(decl)
        for i, rm in enumerate(m.results):
            for decl in rm.c_result_locals(f"r{i}"):
                p.P(decl)
        for i, pm in enumerate(m.params):
            conv = pm.c_arg_convert(f"args[{i}]", f"&a{i}", ArgSite(PY_FUNC_NAME, i + 1))
            p.P(f"if ({conv} < 0)")
            with p.indent():
                p.P("goto done;")
        call_args = ["py4go_bind_func_handle(self)"] + [f"a{i}" for i in range(n)]
        call_args += [f"&r{i}" for i in range(len(m.results))]
        p.P(f"if ({func_trampoline_name(module, m)}({', '.join(call_args)}) < 0)")
        with p.indent():
            p.P("goto done;")
        if not m.results:
            p.P("result = Py_NewRef(Py_None);")
        elif len(m.results) == 1:
            p.P(f"result = {m.results[0].c_result_object('r0')};")
            if m.results[0].c_result_release("r0"):
                p.P(f"r0 = {_moved(m.results[0])};  /* owned by result now */")
        else:
            items = ", ".join(rm.c_result_object(f"r{i}") for i, rm in enumerate(m.results))
            p.P(f"PyObject *items[{len(m.results)}] = {{{items}}};")
            for i, rm in enumerate(m.results):
                if rm.c_result_release(f"r{i}"):
                    p.P(f"r{i} = {_moved(rm)};  /* owned by items now */")
            p.P(f"result = py4go_bind_tuple({len(m.results)}, items);")
    p.P("done:")
    with p.indent():
        for i, pm in enumerate(m.params):
            release = pm.c_arg_release(f"a{i}")
            if release:
                p.P(release)
        for i, rm in enumerate(m.results):
            release = rm.c_result_release(f"r{i}")
            if release:
                p.P(release)
        p.P("return result;")
    p.P("}")
    p.P()
    doc = f"A Go {m.func.go_syntax()}."
    p.P(f"static PyMethodDef {method_def_name(m)} = {{{c_string(PY_FUNC_NAME)}, "
        f"(PyCFunction)(void (*)(void)){cname}, METH_FASTCALL, {c_string(doc)}}};")
    if m.sig_id in {x.sig_id for x in listed_results(module)}:
        from bindc.typemap.funclists import method_def_pointer

        p.P(f"PyMethodDef *const {method_def_pointer(module.name, m)} = &{method_def_name(m)};  /* for the Go file */")


def _moved(mapping: object) -> str:
    """What a result variable is reset to once Python owns what it held: NULL for a pointer,
    0 for a handle (a class instance's ``uintptr_t``: assigning NULL to it warns in C)."""
    return "NULL" if getattr(mapping, "c_result_type", "").endswith("*") else "0"
