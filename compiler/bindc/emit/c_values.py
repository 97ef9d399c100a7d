"""The ``.c`` file's module values: enum classes, constants and sentinel error classes,
created in ``PyInit_<module>``.

Enum classes are made by calling ``enum.IntEnum(name, [(member, value), ...], module=...)``;
each class's ``_value2member_map_`` dict is kept in a file-static so an enum result is one
dict lookup. Constants are plain module attributes whose values bindc computed at generation.
Nothing is emitted for a module without values, so such modules' output does not change.
"""

from __future__ import annotations

from bindc.capi import CSignature
from bindc.emit.c_enums import ENUM_METHODS_CAPI, emit_attach_call
from bindc.emit.printer import LinePrinter
from bindc.emit.sentinels import emit_c_creation, emit_c_globals
from bindc.resolve import BoundModule
from bindc.typemap.base import c_string
from bindc.typemap.named import ENUM_CAPI
from bindc.resolve.model import PyValue, attr_name

_OBJ = "PyObject *"

#: C functions the value set-up code calls.
VALUES_CAPI: tuple[CSignature, ...] = ENUM_CAPI + ENUM_METHODS_CAPI + (
    CSignature("PyModule_AddObjectRef", "int", (_OBJ, "const char *", _OBJ)),
    CSignature("PyModule_GetNameObject", _OBJ, (_OBJ,)),
    CSignature("PyLong_FromLongLong", _OBJ, ("long long",)),
    CSignature("PyLong_FromString", _OBJ, ("const char *", "char **", "int")),
    CSignature("PyFloat_FromDouble", _OBJ, ("double",)),
    CSignature("PyComplex_FromDoubles", _OBJ, ("double", "double")),
    CSignature("PyUnicode_FromStringAndSize", _OBJ, ("const char *", "Py_ssize_t")),
    CSignature("PyUnicode_FromString", _OBJ, ("const char *",)),
    CSignature("PyBool_FromLong", _OBJ, ("long",)),
    CSignature("PyList_New", _OBJ, ("Py_ssize_t",)),
    CSignature("PyList_Append", "int", (_OBJ, _OBJ)),
    CSignature("PyTuple_Pack", _OBJ, ("Py_ssize_t",), variadic=True),
    CSignature("PyDict_New", _OBJ, ()),
    CSignature("PyDict_SetItemString", "int", (_OBJ, "const char *", _OBJ)),
)


def values_init_name(module: BoundModule) -> str:
    """The static function ``PyInit_<module>`` calls to add the values."""
    return f"bindc_{module.name}_add_values"


def emit_value_decls(p: LinePrinter, module: BoundModule) -> None:
    """File-statics and helpers the wrappers use (before the wrappers), and the globals
    holding sentinel error classes."""
    if module.values.sentinels:
        p.P()
        emit_c_globals(p, module)
    if not module.values.enums:
        return
    p.P()
    p.P("/* Each enum class's value -> member dict, set at import; enum results look members up here. */")
    for enum in module.values.enums:
        p.P(f"static PyObject *{enum.mapping.members_var} = NULL;")
    p.P()
    p.P("/* An enum result: the member whose value is v (v is stolen), or a pseudo-member of the class when no")
    p.P("   constant has it (py4go_bind_enum_pseudo). */")
    p.P("static PyObject *")
    p.P("bindc_enum_member(PyObject *members, PyObject *v)")
    p.P("{")
    with p.indent():
        p.P("if (v == NULL || members == NULL)")
        with p.indent():
            p.P("return v;")
        p.P("PyObject *member = PyDict_GetItemWithError(members, v);")
        p.P("if (member == NULL) {")
        with p.indent():
            p.P("if (!PyErr_Occurred())")
            with p.indent():
                p.P("return py4go_bind_enum_pseudo(members, v);  /* a member all the same */")
            p.P("Py_DECREF(v);")
            p.P("return NULL;")
        p.P("}")
        p.P("Py_DECREF(v);")
        p.P("return Py_NewRef(member);")
    p.P("}")


def emit_values_init(p: LinePrinter, module: BoundModule) -> bool:
    """The function adding enums and constants to the module; False when there are none."""
    values = module.values
    if not values:
        return False
    _emit_helpers(p, bool(values.enums))
    p.P()
    p.P("static int")
    p.P(f"{values_init_name(module)}(PyObject *m)")
    p.P("{")
    with p.indent():
        if values.enums:
            p.P("PyObject *members = NULL;")
        for enum in values.enums:
            p.P("if ((members = PyList_New(0)) == NULL)")
            with p.indent():
                p.P("return -1;")
            for name, value in enum.py_members:
                p.P(f"if (bindc_enum_add(members, {c_string(name)}, {_c_int(value)}) < 0)")
                with p.indent():
                    p.P("goto fail;")
            doc = enum.decl.doc.strip() or f"Go enum type {enum.mapping.go_type}."
            p.P(f"if (bindc_new_enum(m, {c_string(enum.py_name)}, members, &{enum.mapping.members_var}, "
                f"{c_string(doc)}) < 0)")
            with p.indent():
                p.P("return -1;")
            emit_attach_call(p, enum)
        for const in values.constants:
            if const.enum:
                p.P(f"if (bindc_add_enum_value(m, {c_string(const.py_name)}, {c_string(const.enum)}, "
                    f"{c_string(attr_name(const.decl.name))}) < 0)")
            else:
                p.P(f"if (bindc_add_value(m, {c_string(const.py_name)}, {c_value(const.value)}) < 0)")
            with p.indent():
                p.P("return -1;")
        emit_c_creation(p, module)
        p.P("return 0;")
        if values.enums:
            p.P("fail:")
            with p.indent():
                p.P("Py_DECREF(members);")
                p.P("return -1;")
    p.P("}")
    return True


def c_value(value: PyValue) -> str:
    """A C expression giving a new reference to ``value`` (NULL with an exception on failure)."""
    if isinstance(value, bool):
        return f"PyBool_FromLong({int(value)})"
    if isinstance(value, int):
        return _c_int(value)
    if isinstance(value, float):
        return f"PyFloat_FromDouble({_c_double(value)})"
    if isinstance(value, complex):
        return f"PyComplex_FromDoubles({_c_double(value.real)}, {_c_double(value.imag)})"
    data = value.encode("utf-8")
    return f"PyUnicode_FromStringAndSize({c_string(value)}, {len(data)})"


def _c_double(value: float) -> str:
    """A C double expression: repr round-trips exactly; inf and nan need macros."""
    if value != value:
        return "Py_NAN"
    if value in (float("inf"), float("-inf")):
        return "Py_HUGE_VAL" if value > 0 else "-Py_HUGE_VAL"
    return repr(value)


def _c_int(value: int) -> str:
    if value == -(1 << 63):
        return "PyLong_FromLongLong(-9223372036854775807LL - 1)"
    if -(1 << 63) < value < (1 << 63):
        return f"PyLong_FromLongLong({value}LL)"
    return f'PyLong_FromString("{value}", NULL, 10)'  # beyond 64 bits: Go's untyped constants are unbounded


def _emit_helpers(p: LinePrinter, enums: bool) -> None:
    p.P("/* Add v (stolen; NULL means its creation failed) to the module as `name`. */")
    p.P("static int")
    p.P("bindc_add_value(PyObject *m, const char *name, PyObject *v)")
    p.P("{")
    with p.indent():
        p.P("if (v == NULL)")
        with p.indent():
            p.P("return -1;")
        p.P("int rc = PyModule_AddObjectRef(m, name, v);")
        p.P("Py_DECREF(v);")
        p.P("return rc;")
    p.P("}")
    if not enums:
        return
    p.P()
    p.P("/* Append (name, v) to an IntEnum member list; v is stolen. */")
    p.P("static int")
    p.P("bindc_enum_add(PyObject *members, const char *name, PyObject *v)")
    p.P("{")
    with p.indent():
        p.P("PyObject *key = PyUnicode_FromString(name);")
        p.P("PyObject *pair = (key != NULL && v != NULL) ? PyTuple_Pack(2, key, v) : NULL;")
        p.P("Py_XDECREF(key);")
        p.P("Py_XDECREF(v);")
        p.P("int rc = pair != NULL ? PyList_Append(members, pair) : -1;")
        p.P("Py_XDECREF(pair);")
        p.P("return rc;")
    p.P("}")
    p.P()
    p.P("/* Create enum.IntEnum(name, members, module=<this module>) with the Go doc comment as its")
    p.P("   docstring, add it to the module, and keep its value -> member dict in *value_map.")
    p.P("   `members` is stolen. */")
    p.P("static int")
    p.P("bindc_new_enum(PyObject *m, const char *name, PyObject *members, PyObject **value_map, const char *doc)")
    p.P("{")
    with p.indent():
        p.P("PyObject *enum_module = NULL, *int_enum = NULL, *key = NULL, *args = NULL, *kwargs = NULL;")
        p.P("PyObject *module_name = NULL, *cls = NULL, *doc_str = NULL;")
        p.P("int rc = -1;")
        p.P('if ((enum_module = PyImport_ImportModule("enum")) == NULL ||')
        p.P('    (int_enum = PyObject_GetAttrString(enum_module, "IntEnum")) == NULL ||')
        p.P("    (key = PyUnicode_FromString(name)) == NULL ||")
        p.P("    (args = PyTuple_Pack(2, key, members)) == NULL ||")
        p.P("    (kwargs = PyDict_New()) == NULL ||")
        p.P("    (module_name = PyModule_GetNameObject(m)) == NULL ||")
        p.P('    PyDict_SetItemString(kwargs, "module", module_name) < 0 ||')
        p.P("    (cls = PyObject_Call(int_enum, args, kwargs)) == NULL ||")
        p.P("    (doc_str = PyUnicode_FromString(doc)) == NULL ||")
        p.P('    PyObject_SetAttrString(cls, "__doc__", doc_str) < 0)')
        with p.indent():
            p.P("goto done;")
        p.P('PyObject *map = PyObject_GetAttrString(cls, "_value2member_map_");')
        p.P("if (map == NULL)")
        with p.indent():
            p.P("goto done;")
        # An earlier value is not released: after a Finalize/Initialize cycle it belongs to a
        # dead interpreter. Re-running PyInit in one live interpreter leaks one dict at most.
        p.P("*value_map = map;  /* a previous value may belong to a finalized interpreter: not released */")
        p.P("rc = PyModule_AddObjectRef(m, name, cls);")
    p.P("done:")
    with p.indent():
        for var in ("enum_module", "int_enum", "key", "args", "kwargs", "module_name", "cls", "doc_str"):
            p.P(f"Py_XDECREF({var});")
        p.P("Py_DECREF(members);")
        p.P("return rc;")
    p.P("}")
    p.P()
    p.P("/* Add the member `member` of the module's enum class `cls_name` as module attribute `name`. */")
    p.P("static int")
    p.P("bindc_add_enum_value(PyObject *m, const char *name, const char *cls_name, const char *member)")
    p.P("{")
    with p.indent():
        p.P("PyObject *cls = PyObject_GetAttrString(m, cls_name);")
        p.P("if (cls == NULL)")
        with p.indent():
            p.P("return -1;")
        p.P("PyObject *v = PyObject_GetAttrString(cls, member);")
        p.P("Py_DECREF(cls);")
        p.P("return bindc_add_value(m, name, v);")
    p.P("}")
