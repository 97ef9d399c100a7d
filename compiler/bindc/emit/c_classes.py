"""C for bound classes: tp_new/tp_init, field getters and setters, methods, dunders, the spec.

Every class is a heap type built from a ``PyType_Spec`` at module init. Instances use the
runtime's ``py4go_goobject`` layout (a handle to a Go ``*T``); Python subclasses are allowed.
"""

from __future__ import annotations

from bindc.emit.c_wrappers import emit_wrapper
from bindc.emit.names import c_wrapper_name, class_stem, doc_name, field_stem
from bindc.emit.ordering import emit_c_richcompare
from bindc.emit.printer import LinePrinter
from bindc.emit.protocols import class_protocols, zero_literal
from bindc.emit.signature import call_flags
from bindc.ordering import class_ordering
from bindc.resolve import BoundModule
from bindc.resolve.model import BoundClass, BoundField, BoundFunction
from bindc.typemap.base import ArgSite, c_string
from bindc.typemap.classes import ClassMapping, class_type_var
from bindc.typemap.interfaces import InterfaceMapping


def prefix(module: BoundModule, cls: BoundClass) -> str:
    """Common prefix of the C and Go identifiers generated for ``cls``."""
    return class_stem(module, cls)


def emit_class_declarations(p: LinePrinter, module: BoundModule) -> None:
    """The type-object variables, declared first: any wrapper may convert to any class. They
    are not static: the Go side registers the classes by them (names carry the module)."""
    for cls in module.classes:
        p.P(f"PyTypeObject *{class_type_var(module.name, cls.py_name)};")
    for sibling in module.sibling_classes:  # defined by another module of the same library
        p.P(f"extern PyTypeObject *{sibling.type_var};")


def emit_class(p: LinePrinter, module: BoundModule, cls: BoundClass) -> None:
    """Everything for one class, ending with its ``PyType_Spec``."""
    pre = prefix(module, cls)
    p.P(f"/* ---- class {cls.py_name} (Go type {cls.go_display}) ---- */")
    p.P()
    p.P("static PyObject *")
    p.P(f"bindcpy_{pre}_new(PyTypeObject *type, PyObject *args, PyObject *kwds)")
    p.P("{")
    with p.indent():
        p.P("(void)args;")
        p.P("(void)kwds;")
        if cls.constructible:
            p.P(f"return py4go_bind_wrap(type, bindcgo_{pre}_new());")
        else:
            p.P("(void)type;")
            p.P(f"PyErr_SetString(PyExc_TypeError, {c_string(no_constructor_message(module, cls))});")
            p.P("return NULL;")
    p.P("}")
    for field in cls.fields:
        p.P()
        _emit_getter(p, module, cls, field)
        p.P()
        _emit_setter(p, module, cls, field)
    p.P()
    _emit_init(p, module, cls, pre)
    p.P()
    _emit_repr(p, module, cls, pre)
    if cls.str_method is not None:
        p.P()
        emit_wrapper(p, module, cls.str_method)
        p.P()
        p.P("static PyObject *")
        p.P(f"bindcpy_{pre}_str(PyObject *self)")
        p.P("{")
        with p.indent():
            p.P(f"return {c_wrapper_name(module, cls.str_method)}(self, NULL, 0);")
        p.P("}")
    if _own_richcompare(cls):
        p.P()
        _emit_richcompare(p, module, cls, pre)
    protocols = class_protocols(cls)
    if protocols.len_method is not None:
        p.P()
        _emit_len(p, module, protocols.len_method, pre)
    if protocols.iter_method is not None:
        p.P()
        _emit_iter(p, module, protocols.iter_method, pre)
    if protocols.contains_method is not None:
        p.P()
        _emit_contains(p, module, protocols.contains_method, pre)
    for method in cls.methods:
        p.P()
        emit_wrapper(p, module, method)
    p.P()
    _emit_tables(p, module, cls, pre)


def no_constructor_message(module: BoundModule, cls: BoundClass) -> str:
    """The TypeError of a class Python cannot create (another package's struct whose zero value
    is not usable): it names the functions and methods of the module that return one."""
    sources = [f"{fn.display_name}()" for fn in _all_functions(module)
               if any(isinstance(r.mapping, (ClassMapping, InterfaceMapping)) and r.mapping.named == cls.named
                      for r in fn.results)]
    where = ", ".join(sources[:4]) + (", ..." if len(sources) > 4 else "")
    hint = f"; obtain one from {where}" if where else "; no function of this module returns one"
    return f"{cls.py_name} (Go type {cls.go_display}) cannot be created from Python{hint}"


def _all_functions(module: BoundModule) -> list[BoundFunction]:
    """Functions, then every class's methods, in output order."""
    return list(module.functions) + [m for c in module.classes for m in c.methods]


def _emit_getter(p: LinePrinter, module: BoundModule, cls: BoundClass, field: BoundField) -> None:
    pre = prefix(module, cls)
    m = field.mapping
    p.P("static PyObject *")
    fs = field_stem(module, cls, field)
    p.P(f"bindcpy_{pre}_get_{fs}(PyObject *self, void *closure)")
    p.P("{")
    with p.indent():
        p.P("(void)closure;")
        for decl in m.c_result_locals("r0"):
            p.P(decl)
        p.P(f"if (bindcgo_{pre}_get_{fs}(py4go_bind_self(self), &r0) < 0)")
        with p.indent():
            release = m.c_result_release("r0")
            p.P(f"{{ {release} return NULL; }}" if release else "return NULL;")
        p.P(f"return {m.c_result_object('r0')};")
    p.P("}")


def _emit_setter(p: LinePrinter, module: BoundModule, cls: BoundClass, field: BoundField) -> None:
    pre = prefix(module, cls)
    m = field.mapping
    where = f"{cls.py_name}.{field.py_name}"
    p.P("static int")
    fs = field_stem(module, cls, field)
    p.P(f"bindcpy_{pre}_set_{fs}(PyObject *self, PyObject *value, void *closure)")
    p.P("{")
    with p.indent():
        p.P("(void)closure;")
        p.P("if (value == NULL) {")
        with p.indent():
            p.P(f"PyErr_SetString(PyExc_AttributeError, {c_string(f'cannot delete Go field {where}')});")
            p.P("return -1;")
        p.P("}")
        p.P("int status = -1;")
        for decl in m.c_arg_locals("a0"):
            p.P(decl)
        p.P(f"if ({m.c_arg_convert('value', '&a0', ArgSite(where, 0))} < 0)")
        with p.indent():
            p.P("goto done;")
        p.P(f"status = bindcgo_{pre}_set_{fs}(py4go_bind_self(self), a0) < 0 ? -1 : 0;")
    p.P("done:")
    with p.indent():
        release = m.c_arg_release("a0")
        if release:
            p.P(release)
        p.P("return status;")
    p.P("}")


def _emit_init(p: LinePrinter, module: BoundModule, cls: BoundClass, pre: str) -> None:
    n = len(cls.init_fields)
    p.P("static int")
    p.P(f"bindcpy_{pre}_init(PyObject *self, PyObject *args, PyObject *kwds)")
    p.P("{")
    with p.indent():
        names = ", ".join(c_string(f.py_name) for f in cls.init_fields)
        p.P(f"static const char *const names[] = {{{names or 'NULL'}}};")
        p.P(f"PyObject *values[{max(n, 1)}] = {{NULL}};")
        p.P(f"if (py4go_bind_init_args({c_string(cls.py_name)}, args, kwds, names, {n}, values) < 0)")
        with p.indent():
            p.P("return -1;")
        for i, f in enumerate(cls.init_fields):
            p.P(f"if (values[{i}] != NULL && bindcpy_{pre}_set_{field_stem(module, cls, f)}(self, values[{i}], NULL) < 0)")
            with p.indent():
                p.P("return -1;")
        p.P("return 0;")
    p.P("}")


def _emit_repr(p: LinePrinter, module: BoundModule, cls: BoundClass, pre: str) -> None:
    n = len(cls.init_fields)
    go_string = class_protocols(cls).repr_method
    if go_string is not None:
        p.P(f"static PyObject *{c_wrapper_name(module, go_string)}(PyObject *, PyObject *const *, Py_ssize_t);")
        p.P()
    p.P("static PyObject *")
    p.P(f"bindcpy_{pre}_repr(PyObject *self)")
    p.P("{")
    with p.indent():
        if go_string is not None:
            # fmt.GoStringer: the type's own %#v text is its repr.
            p.P(f"return {c_wrapper_name(module, go_string)}(self, NULL, 0);")
        elif not cls.init_fields and cls.str_method is not None:
            # Nothing to show field by field (a struct of unexported fields): Go's own text.
            p.P("return py4go_bind_class_repr_str(self);")
        else:
            names = ", ".join(c_string(f.py_name) for f in cls.init_fields)
            p.P(f"static const char *const names[] = {{{names or 'NULL'}}};")
            p.P(f"return py4go_bind_class_repr(self, names, {n});")
    p.P("}")


def _emit_len(p: LinePrinter, module: BoundModule, method: BoundFunction, pre: str) -> None:
    """``sq_length`` calling the wrapper of Go's ``Len() int`` (declared further down)."""
    p.P(f"static PyObject *{c_wrapper_name(module, method)}(PyObject *, PyObject *const *, Py_ssize_t);")
    p.P()
    p.P("static Py_ssize_t")
    p.P(f"bindcpy_{pre}__len(PyObject *self)")
    p.P("{")
    with p.indent():
        p.P(f"PyObject *r = {c_wrapper_name(module, method)}(self, NULL, 0);")
        p.P("if (r == NULL)")
        with p.indent():
            p.P("return -1;")
        p.P("Py_ssize_t n = PyLong_AsSsize_t(r);")
        p.P("Py_DECREF(r);")
        p.P("if (n < 0 && !PyErr_Occurred())")
        with p.indent():
            msg = c_string(f"{method.display_name}() returned %zd; __len__() should return >= 0")
            p.P(f"PyErr_Format(PyExc_ValueError, {msg}, n);")
        p.P("return n;")
    p.P("}")


def _emit_iter(p: LinePrinter, module: BoundModule, method: BoundFunction, pre: str) -> None:
    """``tp_iter`` calling the wrapper of Go's ``All()``/``Values()`` (an iterator already)."""
    p.P(f"static PyObject *{c_wrapper_name(module, method)}(PyObject *, PyObject *const *, Py_ssize_t);")
    p.P()
    p.P("static PyObject *")
    p.P(f"bindcpy_{pre}__iter(PyObject *self)")
    p.P("{")
    with p.indent():
        p.P(f"return {c_wrapper_name(module, method)}(self, NULL, 0);")
    p.P("}")


def _emit_contains(p: LinePrinter, module: BoundModule, method: BoundFunction, pre: str) -> None:
    """``sq_contains`` calling the wrapper of Go's ``Contains(x) bool`` / ``Has(x) bool``; a
    value of the wrong type raises the wrapper's TypeError (as ``in`` on a set does for an
    unhashable value) rather than answering False for a question Go cannot be asked."""
    p.P(f"static PyObject *{c_wrapper_name(module, method)}(PyObject *, PyObject *const *, Py_ssize_t);")
    p.P()
    p.P("static int")
    p.P(f"bindcpy_{pre}__contains(PyObject *self, PyObject *value)")
    p.P("{")
    with p.indent():
        p.P(f"PyObject *r = {c_wrapper_name(module, method)}(self, &value, 1);")
        p.P("if (r == NULL)")
        with p.indent():
            p.P("return -1;")
        p.P("int found = PyObject_IsTrue(r);")
        p.P("Py_DECREF(r);")
        p.P("return found;")
    p.P("}")


def _own_richcompare(cls: BoundClass) -> bool:
    """Whether the class gets the generated ``==`` (and ordering) of its Go type: a container
    class compares like the list or dict it converts to instead, unless Go orders it."""
    order = class_ordering(cls)
    return order.defined and (order.has_order or not class_protocols(cls).is_container)


def _emit_richcompare(p: LinePrinter, module: BoundModule, cls: BoundClass, pre: str) -> None:
    emit_c_richcompare(p, pre, class_type_var(module.name, cls.py_name), class_ordering(cls))


def _emit_tables(p: LinePrinter, module: BoundModule, cls: BoundClass, pre: str) -> None:
    protocols = class_protocols(cls)
    p.P(f"static PyGetSetDef bindc_{pre}_getset[] = {{")
    with p.indent():
        for f in cls.fields:
            doc = c_string(f.doc.strip()) if f.doc.strip() else "NULL"
            fs = field_stem(module, cls, f)
            # A frozen class's value is read-only (its C setter still serves __init__).
            setter = "NULL" if cls.frozen else f"bindcpy_{pre}_set_{fs}"
            p.P(f"{{{c_string(f.py_name)}, bindcpy_{pre}_get_{fs}, {setter}, {doc}, NULL}},")
        p.P("{NULL, NULL, NULL, NULL, NULL},")
    p.P("};")
    p.P()
    p.P(f"static PyMethodDef bindc_{pre}_methods[] = {{")
    with p.indent():
        for m in cls.methods:
            p.P(f"{{{c_string(m.py_name)}, (PyCFunction)(void (*)(void)){c_wrapper_name(module, m)}, "
                f"{call_flags(m)}, {doc_name(module, m)}}},")
        for pm in protocols.methods:
            p.P(f"{{{c_string(pm.py_name)}, (PyCFunction)(void (*)(void)){pm.c_function}, {pm.flags}, "
                f"{c_string(pm.doc)}}},")
        p.P("{NULL, NULL, 0, NULL},")
    p.P("};")
    p.P()
    p.P(f"static PyType_Slot bindc_{pre}_slots[] = {{")
    with p.indent():
        doc = cls.doc.strip() or f"Go type {cls.go_display}."
        # A text signature first: inspect.signature(cls), IDEs and stubtest read the
        # constructor's parameters from it (the tp_init slot itself says *args, **kwargs).
        params = ", ".join(f"{f.py_name}={zero_literal(f) or '...'}" for f in cls.init_fields)
        p.P(f"{{Py_tp_doc, (void *){c_string(f'{cls.py_name}({params})' + chr(10) + '--' + chr(10) + chr(10) + doc)}}},")
        p.P(f"{{Py_tp_new, (void *)bindcpy_{pre}_new}},")
        p.P(f"{{Py_tp_init, (void *)bindcpy_{pre}_init}},")
        dealloc = "py4go_bind_exception_dealloc" if cls.is_error else "py4go_bind_class_dealloc"
        p.P(f"{{Py_tp_dealloc, (void *){dealloc}}},")
        p.P(f"{{Py_tp_getset, bindc_{pre}_getset}},")
        p.P(f"{{Py_tp_methods, bindc_{pre}_methods}},")
        p.P(f"{{Py_tp_repr, (void *)bindcpy_{pre}_repr}},")
        if cls.str_method is not None:
            p.P(f"{{Py_tp_str, (void *)bindcpy_{pre}_str}},")
        if _own_richcompare(cls):
            p.P(f"{{Py_tp_richcompare, (void *)bindcpy_{pre}_richcompare}},")
            if protocols.hashable:
                p.P("{Py_tp_hash, (void *)py4go_bind_value_hash},  /* immutable: hashed by its value */")
            else:
                p.P("{Py_tp_hash, (void *)PyObject_HashNotImplemented},  /* mutable: unhashable */")
        if protocols.len_method is not None:
            p.P(f"{{Py_sq_length, (void *)bindcpy_{pre}__len}},")
        if protocols.iter_method is not None:
            p.P(f"{{Py_tp_iter, (void *)bindcpy_{pre}__iter}},")
        if protocols.contains_method is not None:
            p.P(f"{{Py_sq_contains, (void *)bindcpy_{pre}__contains}},")
        for slot, function in protocols.slots:
            if slot == "Py_tp_richcompare" and _own_richcompare(cls):
                continue  # Go's own ordering; it includes == between instances
            if slot == "Py_tp_hash" and _own_richcompare(cls):
                continue
            p.P(f"{{{slot}, (void *){function}}},")
        p.P("{0, NULL},")
    p.P("};")
    p.P()
    p.P(f"static PyType_Spec bindc_{pre}_spec = {{")
    with p.indent():
        p.P(f".name = {c_string(module.name + '.' + cls.py_name)},")
        if cls.is_error:
            p.P(".basicsize = 0,  /* GoError's size plus the handle: set by py4go_bind_add_class */")
        else:
            p.P(".basicsize = sizeof(py4go_goobject),")
        p.P(".flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,")
        p.P(f".slots = bindc_{pre}_slots,")
    p.P("};")


def emit_class_registration(p: LinePrinter, module: BoundModule) -> None:
    """Statements for PyInit: create every class and add it to the module ``m``."""
    for cls in module.classes:
        var = class_type_var(module.name, cls.py_name)
        p.P(f"if (({var} = py4go_bind_add_class(m, &bindc_{prefix(module, cls)}_spec, {int(cls.is_error)})) == NULL) {{")
        with p.indent():
            p.P("Py_DECREF(m);")
            p.P("return NULL;")
        p.P("}")
        _emit_protocols_registration(p, cls, var)
    if module.classes:
        p.P(f"bindcgo_{module.name}_register_classes();")


def _emit_protocols_registration(p: LinePrinter, cls: BoundClass, var: str) -> None:
    """``__match_args__``, the pickle policy and the abc registration of one class."""
    protocols = class_protocols(cls)
    names = ", ".join(c_string(f.py_name) for f in cls.init_fields) or "NULL"
    refusal = c_string(protocols.pickle_refusal) if protocols.pickle_refusal else "NULL"
    p.P(f"if (py4go_bind_class_protocols({var}, (const char *const[]){{{names}}}, {len(cls.init_fields)}, "
        f"{refusal}, {protocols.container}) < 0) {{")
    with p.indent():
        p.P("Py_DECREF(m);")
        p.P("return NULL;")
    p.P("}")
