"""The ``vec`` namespace: vectorized forms of the bound functions over numbers, strings and bools.

``mod.vec.add(xs, ys)`` is ``list(map(mod.add, xs, ys))`` with one C→Go transition per
4,096 elements instead of one per element: the C wrapper converts item ``i`` of every iterable
into C arrays (the converters of the scalar wrapper: same range checks, same messages with the
element named, ``vec.add() argument 2[5] must be int, not str``), calls one Go trampoline
that loops over the arrays calling the Go function, and builds the results.

Which functions get one (:func:`vec_functions`): package functions (not methods, not the
accessors of package variables) with at least one parameter, no variadic and no
``context.Context``, whose parameters are all numbers, bools or strings (named ones too:
``type Celsius float64``, enums), and whose results are at most one such value, optionally
followed by ``error``. Others are skipped silently: the namespace lists only what it can run.

Semantics (documented in docs/buffers.md, "Vectorized calls"):

* Python's ``map``: the shortest iterable decides the number of calls. Lists and tuples are
  read in place; any other iterable is read into a list first (at most as many items as the
  shortest list or tuple argument, when there is one).
* results: ints and floats (also named ones, not enums) come back as an ``array.array``
  (typecode ``q`` for signed integers, ``Q`` unsigned, ``d`` floats: every value exact);
  bools, complex numbers, strings and enum members as a ``list``; no result: ``None``.
* a Go error (or panic) at element ``i`` stops the run and raises what the single call would
  raise (GoError, the error's class, GoPanic) with ``vec.add() element i`` in the message.
* the elements go to Go a chunk (``PY4GO_VEC_CHUNK``, 4,096) at a time: the C arrays stay in
  the CPU cache and are allocated once, and one transition per 4,096 calls costs nothing
  measurable; int and float results are written by Go straight into the returned array.
* the GIL is held, as by the single call, unless the function releases it (``//py4go:nogil``):
  then the whole run is converted first and the Go loop runs once without it
  (:func:`vec_releases_gil`).

Names: ``bindcpyvec_<stem>`` (C wrapper), ``bindcvec_<stem>`` (Go trampoline),
``bindcdocvec_<stem>``: the stem is the function's own, unique in the symbol table, whose
function templates reserve these spellings too (:mod:`bindc.resolve.names`).
"""

from __future__ import annotations

from bindc.capi import CSignature
from bindc.emit.printer import LinePrinter
from bindc.emit.stubs import function_stub
from bindc.gil import releases_gil
from bindc.resolve import BoundFunction, BoundModule, BoundParam, BoundResult
from bindc.stubmodel import Argument, Arguments, Class, Function, StubModule
from bindc.typemap.base import ArgSite, GoRefs, NewReferenceResult, TypeMapping, c_string, go_string
from bindc.typemap.named import EnumMapping, NamedMapping
from bindc.typemap.numbers import Bool, Complex, Float, SignedInt, UnsignedInt
from bindc.typemap.text import String

#: The runtime's C helpers the vectorized wrappers and ``PyInit`` call (checked by libclang).
VEC_CAPI: tuple[CSignature, ...] = (
    CSignature("py4go_bind_vec_begin", "Py_ssize_t", ("const char *", "PyObject *const *", "Py_ssize_t",
                                                      "PyObject **", "unsigned long long", "const char *const *",
                                                      "Py_buffer *")),
    CSignature("py4go_bind_vec_item", "PyObject *", ("PyObject *", "Py_ssize_t", "const char *", "int", "int *")),
    CSignature("py4go_bind_vec_error", "int", ("const char *", "int", "Py_ssize_t")),
    CSignature("py4go_bind_add_vec", "int", ("PyObject *", "PyMethodDef *")),
    CSignature("py4go_bind_exec", "int", ("PyObject *", "const char *")),
    CSignature("py4go_bind_vec_array", "PyObject *", ("const char *", "Py_ssize_t", "Py_buffer *")),
    CSignature("py4go_bind_vec_release", "void", ("Py_buffer *",)),
    CSignature("PyList_New", "PyObject *", ("Py_ssize_t",)),
    CSignature("PyList_SetItem", "int", ("PyObject *", "Py_ssize_t", "PyObject *")),
)
#: The module attribute holding the vectorized forms.
VEC_NAMESPACE = "vec"
#: The private module attribute each form is registered under before ``vec`` takes it.
VEC_PRIVATE = "_vec_"
#: The most parameters a vectorized form takes (one bit each in the snapshot mask).
_MAX_PARAMS = 64

_SCALARS = (SignedInt, UnsignedInt, Float, Complex, Bool, String)


def _scalar(mapping: TypeMapping) -> TypeMapping | None:
    """The predeclared mapping behind ``mapping`` when it is a number, bool or string."""
    inner = mapping.inner if isinstance(mapping, NamedMapping) else mapping
    return inner if isinstance(inner, _SCALARS) else None


def vec_functions(module: BoundModule) -> list[BoundFunction]:
    """The module functions that get a vectorized form, in module order."""
    found = []
    for fn in module.functions:
        if fn.receiver is not None or fn.variadic is not None or fn.context is not None or fn.local:
            continue
        if not fn.params or len(fn.params) > _MAX_PARAMS or len(fn.results) > 1:
            continue
        if all(_scalar(bp.mapping) for bp in fn.params) and all(_scalar(r.mapping) for r in fn.results):
            found.append(fn)
    return found


def array_typecode(fn: BoundFunction) -> str | None:
    """The ``array.array`` typecode the results come back in, or None for a list (or None)."""
    if len(fn.results) != 1 or isinstance(fn.results[0].mapping, EnumMapping):
        return None
    inner = _scalar(fn.results[0].mapping)
    if isinstance(inner, SignedInt):
        return "q"
    if isinstance(inner, UnsignedInt):
        return "Q"
    if isinstance(inner, Float):
        return "d"
    return None


def buffer_codes(mapping: TypeMapping) -> str | None:
    """The struct codes of a buffer read in place for a parameter of ``mapping``: those of the
    8-byte C array it is converted into (``long long``, ``unsigned long long``, ``double``),
    when every value of that type is valid for the Go type (64-bit integers, ``float64``)."""
    inner = _scalar(mapping)
    if isinstance(inner, SignedInt) and inner.bits == 64:
        return "q,l"
    if isinstance(inner, UnsignedInt) and inner.bits == 64:
        return "Q,L"
    if isinstance(inner, Float) and inner.bits == 64:
        return "d"
    return None


def vec_releases_gil(fn: BoundFunction) -> bool:
    """Whether the Go loop runs without the GIL: for a function that releases it
    (``//py4go:nogil``, :mod:`bindc.gil`) whose result is not made as a Python object in Go
    (a string). Such a form converts the whole run first and releases the GIL once (one chunk
    of n): released per chunk, the GIL would change hands at every chunk, and a thread that
    wants it keeps it for up to ``sys.getswitchinterval()`` (5 ms) each time. Not by default:
    a scalar function is fast, as for the single call."""
    return releases_gil(fn) and not any(isinstance(_scalar(r.mapping), NewReferenceResult) for r in fn.results)


def vec_display_name(fn: BoundFunction) -> str:
    """The name messages use: ``vec.add``, as the call is written."""
    return f"{VEC_NAMESPACE}.{fn.py_name}"


def vec_c_name(module: BoundModule, fn: BoundFunction) -> str:
    """The C wrapper of the vectorized form."""
    return f"bindcpyvec_{module.stem(fn)}"


def vec_go_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``//export``-ed Go trampoline running the loop."""
    return f"bindcvec_{module.stem(fn)}"


def vec_doc_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``PyDoc_STRVAR`` of the vectorized form."""
    return f"bindcdocvec_{module.stem(fn)}"


def vec_table_name(module: BoundModule) -> str:
    """The ``PyMethodDef`` array of the vectorized forms."""
    return f"bindc_{module.name}_vec_methods"


# --------------------------------------------------------------------------- Go


def emit_go_vec(p: LinePrinter, module: BoundModule, refs: GoRefs, target: str | None) -> None:
    """One trampoline per vectorized form."""
    for fn in vec_functions(module):
        p.P()
        _emit_go_trampoline(p, module, fn, refs, target)


def _emit_go_trampoline(p: LinePrinter, module: BoundModule, fn: BoundFunction, refs: GoRefs,
                        target: str | None) -> None:
    from bindc.emit.go_trampolines import function_ref  # go_trampolines calls back here

    name, rt, display = vec_go_name(module, fn), refs.rt, vec_display_name(fn)
    params = ["c_n C.Py_ssize_t"] + [f"c_{bp.var} *{bp.mapping.cgo_arg_type}" for bp in fn.params]
    params += [f"c_{r.var} *{r.mapping.cgo_result_type}" for r in fn.results] + ["c_fail *C.Py_ssize_t"]
    nogil = vec_releases_gil(fn)
    p.P(f"//export {name}")
    p.P(f"func {name}({', '.join(params)}) (c_status C.int) {{")
    if nogil:
        p.P(f"var v_gil {rt}.BindcThreadState")
    # The element being called: the deferred function names it for an error or a panic.
    p.P("v_i := 0")
    p.P("defer func() {")
    p.P("if v_panic := recover(); v_panic != nil {")
    if nogil:
        p.P("v_gil.Restore() // a panic leaves the GIL released")
    p.P(f"c_status = C.int({rt}.BindcPanic({go_string(display)}, v_panic))")
    p.P("}")
    p.P("if c_status < 0 {")
    p.P("*c_fail = C.Py_ssize_t(v_i)")
    p.P("}")
    p.P("}()")
    p.P("v_n := int(c_n)")
    for bp in fn.params:
        p.P(f"v_{bp.var} := {refs.unsafe}.Slice(c_{bp.var}, v_n)")
    for r in fn.results:
        p.P(f"v_{r.var} := {refs.unsafe}.Slice(c_{r.var}, v_n)")
    if nogil:
        p.P(f"v_gil = {rt}.BindcReleaseGIL()")
    p.P("for ; v_i < v_n; v_i++ {")
    args = [bp.mapping.go_arg_value(f"v_{bp.var}[v_i]", refs) for bp in fn.params]
    outs = [f"v_{r.var}_i" for r in fn.results] + (["v_err"] if fn.returns_error else [])
    call = f"{function_ref(fn, refs, target)}({', '.join(args)})"
    p.P(f"{', '.join(outs)} := {call}" if outs else call)
    if fn.returns_error:
        p.P("if v_err != nil {")
        if nogil:
            p.P("v_gil.Restore()")
        p.P(f"return C.int({rt}.BindcError(v_err))")
        p.P("}")
    for r in fn.results:
        for line in r.mapping.go_result_store(f"(&v_{r.var}[v_i])", f"v_{r.var}_i", display, refs):
            p.P(line)
    p.P("}")
    if nogil:
        p.P("v_gil.Restore()")
    p.P("return 0")
    p.P("}")


# --------------------------------------------------------------------------- C


def emit_c_vec(p: LinePrinter, module: BoundModule) -> None:
    """The C wrapper of every vectorized form."""
    for fn in vec_functions(module):
        p.P()
        _emit_c_wrapper(p, module, fn)


def vec_text_signature(fn: BoundFunction) -> str:
    """``add($module, a, b, /)``: the parameters keep their names, each now an iterable."""
    return f"{fn.py_name}({', '.join(['$module'] + [bp.py_name for bp in fn.params] + ['/'])})"


def _emit_c_wrapper(p: LinePrinter, module: BoundModule, fn: BoundFunction) -> None:
    display = vec_display_name(fn)
    fn_c = c_string(display)
    doc = (vec_text_signature(fn) + "\n--\n\n" + f"Vectorized {fn.py_name}: one call per element of the "
           "iterables, the loop run in Go (map semantics: the shortest iterable decides).\n\n" + fn.doc)
    p.P(f"PyDoc_STRVAR({vec_doc_name(module, fn)}, {c_string(doc.rstrip())});")
    p.P()
    p.P("static PyObject *")
    p.P(f"{vec_c_name(module, fn)}(PyObject *module, PyObject *const *args, Py_ssize_t nargs)")
    p.P("{")
    k = len(fn.params)
    code = array_typecode(fn)
    with p.indent():
        p.P(f"if (py4go_bind_nargs({fn_c}, nargs, {k}, {k}) < 0)")
        with p.indent():
            p.P("return NULL;")
        p.P("PyObject *result = NULL;")
        p.P(f"PyObject *items[{k}] = {{{', '.join(['NULL'] * k)}}};")
        codes = [buffer_codes(bp.mapping) for bp in fn.params]
        p.P(f"static const char *const formats[{k}] = {{{', '.join(c_string(c) if c else 'NULL' for c in codes)}}};")
        p.P(f"Py_buffer views[{k}] = {{{{0}}}};")
        for bp in fn.params:
            p.P(f"{bp.mapping.c_arg_type} *{bp.var} = NULL;")
            p.P(f"{bp.mapping.c_arg_type} *{bp.var}_in = NULL;  /* what Go reads: {bp.var}, or a buffer's items */")
        for r in fn.results:
            p.P(f"{_pointer(r.mapping.c_result_type)}{r.var} = NULL;")
        if code is not None:
            p.P("Py_buffer out = {0};")
        p.P("Py_ssize_t fail = -1, base = 0, m = 0;")
        # A str argument is copied into a tuple when given as a list: its UTF-8 buffers are
        # borrowed until the Go loop ends, and another argument's conversion may run Python.
        mask = sum(1 << i for i, bp in enumerate(fn.params) if isinstance(_scalar(bp.mapping), String))
        p.P(f"Py_ssize_t n = py4go_bind_vec_begin({fn_c}, args, {k}, items, {mask}ULL, formats, views);")
        p.P("if (n < 0)")
        with p.indent():
            p.P("goto done;")
        if vec_releases_gil(fn):
            # One chunk: the GIL changes hands once, not at every chunk (a waiting thread keeps
            # it for up to the switch interval each time; measured in docs/buffers.md).
            p.P("Py_ssize_t chunk = n;  /* //py4go:nogil: the whole run converted, then one Go loop */")
        else:
            # The elements go to Go a chunk at a time: the C arrays stay in the CPU's cache and
            # are allocated once, whatever n is (measured in docs/buffers.md).
            p.P("Py_ssize_t chunk = n < PY4GO_VEC_CHUNK ? n : PY4GO_VEC_CHUNK;")
        for bp in fn.params:
            p.P(f"if (({bp.var} = py4go_bind_alloc(chunk, sizeof(*{bp.var}))) == NULL)")
            with p.indent():
                p.P("goto done;")
        for r in fn.results:
            if code is not None:
                # Go writes straight into the array.array returned.
                p.P(f"if ((result = py4go_bind_vec_array({c_string(code)}, n, &out)) == NULL)")
                with p.indent():
                    p.P("goto done;")
            else:
                p.P(f"if (({r.var} = py4go_bind_alloc(chunk, sizeof(*{r.var}))) == NULL || "
                    "(result = PyList_New(n)) == NULL)")
                with p.indent():
                    p.P("goto done;")
        p.P("for (; base < n; base += m) {")
        with p.indent():
            p.P("m = n - base < chunk ? n - base : chunk;")
            for i, bp in enumerate(fn.params):
                if codes[i] is None:
                    _emit_c_conversion(p, bp, i, display)
                    continue
                p.P(f"if (items[{i}] == NULL) {{  /* a buffer of the array's own type: read in place */")
                with p.indent():
                    p.P(f"{bp.var}_in = ({_pointer(bp.mapping.c_arg_type)})views[{i}].buf + base;")
                p.P("} else {")
                with p.indent():
                    _emit_c_conversion(p, bp, i, display)
                p.P("}")
            outs = [f"({_pointer(r.mapping.c_result_type)})out.buf + base" if code is not None else r.var
                    for r in fn.results]
            call_args = ["m"] + [f"{bp.var}_in" for bp in fn.params] + outs + ["&fail"]
            p.P(f"if ({vec_go_name(module, fn)}({', '.join(call_args)}) < 0) {{")
            with p.indent():
                p.P("if (fail >= 0)")
                with p.indent():
                    p.P(f"py4go_bind_vec_error({fn_c}, 0, base + fail);")
                p.P("goto fail;")
            p.P("}")
            if fn.results and code is None:
                _emit_list_items(p, fn.results[0])
        p.P("}")
        if not fn.results:
            p.P("result = Py_NewRef(Py_None);")
        p.P("goto done;")
    p.P("fail:")
    with p.indent():
        p.P("Py_CLEAR(result);")
    p.P("done:")
    with p.indent():
        if code is not None:
            p.P("py4go_bind_vec_release(&out);")
        p.P(f"for (int k = 0; k < {k}; k++) {{")
        with p.indent():
            p.P("Py_XDECREF(items[k]);")
            p.P("py4go_bind_vec_release(&views[k]);")
        p.P("}")
        for bp in fn.params:
            p.P(f"py4go_bind_free({bp.var});")
        for r in fn.results:
            release = r.mapping.c_result_release(f"{r.var}[i]")
            if release:
                # Results of a failed chunk not handed to the list: the loop filled them in
                # order and the rest are still zero (calloc), which the release skips.
                p.P(f"if ({r.var} != NULL)")
                with p.indent():
                    p.P("for (Py_ssize_t i = 0; i < m; i++)")
                    with p.indent():
                        p.P(release)
            if code is None:
                p.P(f"py4go_bind_free({r.var});")
        p.P("return result;")
    p.P("}")


def _emit_c_conversion(p: LinePrinter, bp: BoundParam, i: int, display: str) -> None:
    """Convert one chunk of argument ``i + 1``'s items into its C array, naming the index on failure."""
    fn_c = c_string(display)
    p.P(f"{bp.var}_in = {bp.var};")
    p.P("for (Py_ssize_t i = 0; i < m; i++) {")
    with p.indent():
        p.P("int owned = 0;")
        p.P(f"PyObject *item = py4go_bind_vec_item(items[{i}], base + i, {fn_c}, {i + 1}, &owned);")
        p.P("if (item == NULL)")
        with p.indent():
            p.P("goto fail;")
        conv = bp.mapping.c_arg_convert("item", f"&{bp.var}[i]", ArgSite(display, i + 1))
        p.P(f"int rc = {conv};")
        p.P("if (owned)")
        with p.indent():
            p.P("Py_DECREF(item);")
        p.P("if (rc < 0) {")
        with p.indent():
            p.P(f"py4go_bind_vec_error({fn_c}, {i + 1}, base + i);")
            p.P("goto fail;")
        p.P("}")
    p.P("}")


def _pointer(c_type: str) -> str:
    """``long long`` -> ``long long *``; ``PyObject *`` -> ``PyObject **``."""
    return f"{c_type}*" if c_type.endswith("*") else f"{c_type} *"


def _emit_list_items(p: LinePrinter, r: BoundResult) -> None:
    """Move one chunk's results into the list (a bool, complex, str or enum member each)."""
    p.P("for (Py_ssize_t i = 0; i < m; i++) {")
    with p.indent():
        p.P(f"PyObject *o = {r.mapping.c_result_object(f'{r.var}[i]')};")
        if r.mapping.c_result_release("x"):
            p.P(f"{r.var}[i] = NULL;  /* owned by o now */")
        p.P("if (o == NULL)")
        with p.indent():
            p.P("goto fail;")
        p.P("PyList_SetItem(result, base + i, o);  /* steals o; cannot fail: in range */")
    p.P("}")


def emit_c_vec_table(p: LinePrinter, module: BoundModule) -> bool:
    """The method table of the forms; ``PyInit`` adds them to the module as ``_vec_<name>``
    (``py4go_bind_add_vec``) for :func:`vec_source`. False: none."""
    fns = vec_functions(module)
    if not fns:
        return False
    p.P(f"static PyMethodDef {vec_table_name(module)}[] = {{")
    with p.indent():
        for fn in fns:
            p.P(f"{{{c_string(fn.py_name)}, (PyCFunction)(void (*)(void)){vec_c_name(module, fn)}, "
                f"METH_FASTCALL, {vec_doc_name(module, fn)}}},")
        p.P("{NULL, NULL, 0, NULL},")
    p.P("};")
    p.P()
    return True


def vec_source(module: BoundModule) -> str | None:
    """Python source run by ``PyInit`` making the ``vec`` namespace class, or None."""
    fns = vec_functions(module)
    if not fns:
        return None
    lines = [f"class {VEC_NAMESPACE}:",
             f"    {_VEC_DOC!r}",
             "    __slots__ = ()"]
    lines += [f"    {fn.py_name} = staticmethod({VEC_PRIVATE}{fn.py_name})" for fn in fns]
    lines.append("del " + ", ".join(VEC_PRIVATE + fn.py_name for fn in fns))
    return "\n".join(lines) + "\n"


_VEC_DOC = ("Vectorized forms of the functions over numbers, strings and bools: `vec.f(xs, ys)` is "
            "`list(map(f, xs, ys))` with the loop run in Go; int and float results come back as an array.array.")


# --------------------------------------------------------------------------- stub


def vec_result_annotation(fn: BoundFunction, stub: StubModule) -> str:
    """``array[int]``, ``list[str]`` or ``None``."""
    if not fn.results:
        return "None"
    ann = fn.results[0].mapping.py_annotation
    if array_typecode(fn) is not None:
        return f"{stub.need('array', 'array as _array').split(' as ')[-1]}[{ann}]"
    return f"list[{ann}]"


def vec_stub(module: BoundModule, stub: StubModule) -> Class | None:
    """``class vec`` with one ``@staticmethod`` per form taking an iterable per parameter."""
    fns = vec_functions(module)
    if not fns:
        return None
    iterable = stub.need("collections.abc", "Iterable as _Iterable").split(" as ")[-1]
    body: list[Function] = []
    for fn in fns:
        sync = function_stub(fn, stub)  # records the imports of the element annotations
        args = tuple(Argument(a.name, f"{iterable}[{a.annotation}]") for a in sync.arguments.posonly)
        body.append(Function(fn.py_name, Arguments(posonly=args), vec_result_annotation(fn, stub),
                             sync.doc, decorators=("staticmethod",)))
    return Class(VEC_NAMESPACE, (), tuple(body), doc=_VEC_DOC)
