"""C for the methods of enum types: wrappers, and a method table attached to the ``IntEnum``.

The enum class is made by ``enum.IntEnum(...)`` at import, so its methods cannot come from a
``PyType_Spec``: each becomes a method descriptor (``PyDescr_NewMethod``) set on the class.
``String()`` becomes ``__str__``, and ``__format__`` follows it for an empty format spec, so
``f"{suit}"`` and ``str(suit)`` agree as they do for Go's ``fmt``; a non-empty spec formats the
integer (``f"{suit:03d}"``).
"""

from __future__ import annotations

from bindc.capi import CSignature
from bindc.emit.names import c_wrapper_name, doc_name
from bindc.emit.printer import LinePrinter
from bindc.emit.signature import call_flags
from bindc.resolve import BoundModule
from bindc.typemap.base import c_string
from bindc.resolve.model import BoundEnum

_OBJ = "PyObject *"

#: C functions the enum-method support calls.
ENUM_METHODS_CAPI: tuple[CSignature, ...] = (
    CSignature("PyDescr_NewMethod", _OBJ, ("PyTypeObject *", "PyMethodDef *")),
    CSignature("PyObject_SetAttrString", "int", (_OBJ, "const char *", _OBJ)),
    CSignature("PyObject_GetAttrString", _OBJ, (_OBJ, "const char *")),
    CSignature("PyObject_Str", _OBJ, (_OBJ,)),
    CSignature("PyObject_Format", _OBJ, (_OBJ, _OBJ)),
    CSignature("PyNumber_Index", _OBJ, (_OBJ,)),
)


def enum_methods_table(enum: BoundEnum) -> str:
    """The C name of an enum's ``PyMethodDef`` table."""
    return f"bindc_enum_{enum.decl.name}_methods"


def emit_enum_methods(p: LinePrinter, module: BoundModule) -> None:
    """Wrappers and method tables of every enum that has methods, plus the shared helpers."""
    from bindc.emit.c_wrappers import emit_wrapper  # c_wrappers imports this module

    enums = [e for e in module.values.enums if e.all_methods]
    if not enums:
        return
    p.P()
    _emit_helpers(p)
    for enum in enums:
        for method in enum.all_methods:
            p.P()
            emit_wrapper(p, module, method)
        p.P()
        p.P(f"static PyMethodDef {enum_methods_table(enum)}[] = {{")
        with p.indent():
            if enum.str_method is not None:
                m = enum.str_method
                p.P(f'{{"__str__", (PyCFunction)(void (*)(void)){c_wrapper_name(module, m)}, METH_FASTCALL, '
                    f"{doc_name(module, m)}}},")
                p.P('{"__format__", (PyCFunction)bindc_enum_format, METH_O, '
                    f'{c_string("Format the member: str(self) for an empty spec, else the integer.")}}},')
            for m in enum.methods:
                p.P(f"{{{c_string(m.py_name)}, (PyCFunction)(void (*)(void)){c_wrapper_name(module, m)}, "
                    f"{call_flags(m)}, {doc_name(module, m)}}},")
            p.P("{NULL, NULL, 0, NULL},")
        p.P("};")


def emit_attach_call(p: LinePrinter, enum: BoundEnum) -> None:
    """The statement (inside the values initialiser) that attaches ``enum``'s methods."""
    if enum.all_methods:
        p.P(f"if (bindc_enum_attach(m, {c_string(enum.py_name)}, {enum_methods_table(enum)}) < 0)")
        with p.indent():
            p.P("return -1;")


def _emit_helpers(p: LinePrinter) -> None:
    p.P("/* __format__ of an enum whose Go type has String(): str(self) for an empty spec (as")
    p.P("   Go's fmt prints it), the integer formatted otherwise. */")
    p.P("static PyObject *")
    p.P("bindc_enum_format(PyObject *self, PyObject *spec)")
    p.P("{")
    with p.indent():
        p.P("if (PyUnicode_Check(spec) && PyUnicode_GetLength(spec) == 0)")
        with p.indent():
            p.P("return PyObject_Str(self);")
        p.P("PyObject *i = PyNumber_Index(self);")
        p.P("if (i == NULL)")
        with p.indent():
            p.P("return NULL;")
        p.P("PyObject *r = PyObject_Format(i, spec);")
        p.P("Py_DECREF(i);")
        p.P("return r;")
    p.P("}")
    p.P()
    p.P("/* Set each method of `defs` on the module's enum class `name` as a method descriptor. */")
    p.P("static int")
    p.P("bindc_enum_attach(PyObject *m, const char *name, PyMethodDef *defs)")
    p.P("{")
    with p.indent():
        p.P("PyObject *cls = PyObject_GetAttrString(m, name);")
        p.P("if (cls == NULL)")
        with p.indent():
            p.P("return -1;")
        p.P("int rc = PyType_Check(cls) ? 0 : -1;")
        p.P("if (rc < 0)")
        with p.indent():
            p.P('PyErr_Format(PyExc_TypeError, "%s is not a class", name);')
        p.P("for (PyMethodDef *d = defs; rc == 0 && d->ml_name != NULL; d++) {")
        with p.indent():
            p.P("PyObject *descr = PyDescr_NewMethod((PyTypeObject *)cls, d);")
            p.P("rc = descr != NULL ? PyObject_SetAttrString(cls, d->ml_name, descr) : -1;")
            p.P("Py_XDECREF(descr);")
        p.P("}")
        p.P("Py_DECREF(cls);")
        p.P("return rc;")
    p.P("}")
