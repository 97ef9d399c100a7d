"""The ``aio`` namespace: awaitable forms of the bound functions that release the GIL.

``await mod.aio.fetch(url, timeout=2)`` runs the same Go function as ``mod.fetch(url,
timeout=2)`` on a goroutine and returns an ``asyncio.Future`` of the running loop, which the
runtime completes with ``loop.call_soon_threadsafe`` (``runtime/bindcrt/bindc_aio.go``): no Python
thread pool. Cancelling the awaiting task cancels the future, which cancels the Go context of
a function taking one (:mod:`bindc.typemap.contexts`).

Which functions get one (:func:`aio_functions`): module-level functions whose call releases
the GIL (:mod:`bindc.gil`: those taking a context, a callback, or marked ``//py4go:nogil``),
without a variadic parameter or an argument Go writes back into (a ``bytearray`` filled by
``Read``: the buffer is released when the future is returned), and whose results the
runtime converts by reflection (``BindcFromGo``: the container elements; not iterators,
funcs or enums). ``aio`` is a class used as a namespace (never instantiated): each form is
a ``staticmethod`` of a builtin function, so its ``__text_signature__`` reaches stubtest.

Generated per function: a C wrapper (the argument conversion of the synchronous wrapper:
:func:`bindc.emit.c_wrappers.emit_wrapper` with ``aio=True``), a Go trampoline converting
the arguments and calling ``BindcAioStart`` with a closure over the call, a stub method.
"""

from __future__ import annotations

from bindc.capi import CSignature
from bindc.emit.printer import LinePrinter
from bindc.emit.stubs import function_stub
from bindc.gil import releases_gil
from bindc.resolve import BoundFunction, BoundModule
from bindc.stubmodel import Class, Function, StubModule
from bindc.typemap.base import ArgSite, GoRefs, c_string, go_string
from bindc.typemap.containers import _element
from bindc.typemap.env import TypeEnv

#: The runtime's C helper PyInit calls to make the namespace (checked by libclang).
AIO_CAPI: tuple[CSignature, ...] = (CSignature("py4go_bind_exec", "int", ("PyObject *", "const char *")),
                                    CSignature("py4go_bind_add_aio", "int", ("PyObject *", "PyMethodDef *")))
#: The module attribute holding the awaitable forms.
AIO_NAMESPACE = "aio"
#: The private module attribute each form's builtin is registered under before ``aio`` takes
#: it (and the module forgets it): ``_aio_<name>``.
AIO_PRIVATE = "_aio_"


def aio_functions(module: BoundModule) -> list[BoundFunction]:
    """The module functions that get an awaitable form, in module order."""
    env = TypeEnv.for_package(module.package)
    env.imports.update(dict(module.imports))
    plain = GoRefs(type_syntax=lambda t: t.go_syntax())
    found = []
    for fn in module.functions:
        if fn.receiver is not None or fn.variadic is not None or fn.local or not releases_gil(fn):
            continue
        if any(bp.mapping.go_arg_finish("c", ArgSite(fn.py_name, 1), plain) for bp in fn.params):
            continue
        if all(_element(r.param.type, env) is not None for r in fn.results):
            found.append(fn)
    return found


def aio_c_name(module: BoundModule, fn: BoundFunction) -> str:
    """The C wrapper of the awaitable form (the stem is unique: so is this)."""
    return f"bindcpyaio_{module.stem(fn)}"


def aio_go_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``//export``-ed Go trampoline starting the awaited call."""
    return f"bindcaio_{module.stem(fn)}"


def aio_doc_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``PyDoc_STRVAR`` of the awaitable form."""
    return f"bindcdocaio_{module.stem(fn)}"


def aio_result_annotation(fn: BoundFunction, module: BoundModule) -> str:
    """What the future holds: the results as ``BindcFromGo`` converts them."""
    env = TypeEnv.for_package(module.package)
    env.imports.update(dict(module.imports))
    anns = []
    for r in fn.results:
        element = _element(r.param.type, env)
        assert element is not None
        anns.append(element.py_annotation)
    if not anns:
        return "None"
    return anns[0] if len(anns) == 1 else f"tuple[{', '.join(anns)}]"


# --------------------------------------------------------------------------- Go


def emit_go_aio(p: LinePrinter, module: BoundModule, refs: GoRefs, target: str | None) -> None:
    """One trampoline per awaitable form: arguments converted holding the GIL (on the loop's
    thread), then ``BindcAioStart`` with a closure the goroutine runs."""
    for fn in aio_functions(module):
        p.P()
        _emit_go_trampoline(p, module, fn, refs, target)


def _emit_go_trampoline(p: LinePrinter, module: BoundModule, fn: BoundFunction, refs: GoRefs,
                        target: str | None) -> None:
    name, rt = aio_go_name(module, fn), refs.rt
    params = [f"c_{bp.var} {bp.mapping.cgo_arg_type}" for bp in fn.params]
    if fn.context is not None:
        params.append("c_timeout C.double")
    params.append("c_future **C.PyObject")
    p.P(f"//export {name}")
    p.P(f"func {name}({', '.join(params)}) (c_status C.int) {{")
    p.P("defer func() {")
    p.P("if v_panic := recover(); v_panic != nil {")
    p.P(f"c_status = C.int({rt}.BindcPanic({go_string(fn.display_name)}, v_panic))")
    p.P("}")
    p.P("}()")
    for i, bp in enumerate(fn.params):
        for line in bp.mapping.go_arg_prepare(f"c_{bp.var}", ArgSite(fn.display_name, i + 1), refs):
            p.P(line)
    for bp in fn.params:
        p.P(f"v_{bp.var} := {bp.mapping.go_arg_value(f'c_{bp.var}', refs)}")
    ref = f"{target}.{fn.go_name}" if target else fn.go_name
    args = (["v_ctx"] if fn.context is not None else []) + [f"v_{bp.var}" for bp in fn.params]
    outs = [f"v_{r.var}" for r in fn.results] + (["v_err"] if fn.returns_error else [])
    timeout = "float64(c_timeout)" if fn.context is not None else "-1"
    ctx = "v_ctx" if fn.context is not None else "_"
    p.P(f"*c_future = (*C.PyObject)({rt}.BindcAioStart({go_string(fn.display_name)}, {timeout}, "
        f"{'true' if fn.returns_error else 'false'}, func({ctx} {rt}.BindcContext) ([]any, error) {{")
    call = f"{ref}({', '.join(args)})"
    p.P(f"{', '.join(outs)} := {call}" if outs else call)
    results = ", ".join(f"v_{r.var}" for r in fn.results)
    p.P(f"return []any{{{results}}}, {'v_err' if fn.returns_error else 'nil'}")
    p.P("}))")
    p.P("if *c_future == nil {")
    p.P("return -1")
    p.P("}")
    p.P("return 0")
    p.P("}")


# --------------------------------------------------------------------------- C


def emit_c_aio(p: LinePrinter, module: BoundModule) -> None:
    """The C wrapper of every awaitable form."""
    from bindc.emit.c_wrappers import emit_wrapper  # c_wrappers calls back here for the table

    for fn in aio_functions(module):
        p.P()
        emit_wrapper(p, module, fn, aio=True)


def aio_table_name(module: BoundModule) -> str:
    """The ``PyMethodDef`` array of the awaitable forms."""
    return f"bindc_{module.name}_aio_methods"


def emit_c_aio_table(p: LinePrinter, module: BoundModule) -> bool:
    """The method table of the forms, under their own names; ``PyInit`` adds them to the
    module as ``_aio_<name>`` (``py4go_bind_add_aio``) for :func:`aio_source`. False: none."""
    from bindc.emit.signature import call_flags

    fns = aio_functions(module)
    if not fns:
        return False
    p.P(f"static PyMethodDef {aio_table_name(module)}[] = {{")
    with p.indent():
        for fn in fns:
            p.P(f"{{{c_string(fn.py_name)}, (PyCFunction)(void (*)(void)){aio_c_name(module, fn)}, "
                f"{call_flags(fn)}, {aio_doc_name(module, fn)}}},")
        p.P("{NULL, NULL, 0, NULL},")
    p.P("};")
    p.P()
    return True


def aio_source(module: BoundModule) -> str | None:
    """Python source run by ``PyInit`` making the ``aio`` namespace class, or None."""
    fns = aio_functions(module)
    if not fns:
        return None
    lines = [f"class {AIO_NAMESPACE}:",
             f"    {_AIO_DOC!r}",
             "    __slots__ = ()"]
    lines += [f"    {fn.py_name} = staticmethod({AIO_PRIVATE}{fn.py_name})" for fn in fns]
    lines.append("del " + ", ".join(AIO_PRIVATE + fn.py_name for fn in fns))
    return "\n".join(lines) + "\n"


_AIO_DOC = ("Awaitable forms of the functions that release the GIL: `await aio.f(...)` runs the Go call on a "
            "goroutine and returns an asyncio.Future of the running loop; cancelling it cancels the Go context.")


# --------------------------------------------------------------------------- stub


def aio_stub(module: BoundModule, stub: StubModule) -> Class | None:
    """``class aio`` with one ``@staticmethod`` returning ``Future[...]`` per form."""
    fns = aio_functions(module)
    if not fns:
        return None
    future = stub.need("asyncio", "Future as _Future").split(" as ")[-1]  # private: a Go type may be Future
    body: list[Function] = []
    for fn in fns:
        sync = function_stub(fn, stub)
        body.append(Function(fn.py_name, sync.arguments, f"{future}[{aio_result_annotation(fn, module)}]",
                             sync.doc, decorators=("staticmethod",)))
    return Class(AIO_NAMESPACE, (), tuple(body), doc=_AIO_DOC)
