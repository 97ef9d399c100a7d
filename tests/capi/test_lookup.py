"""Lookups in the model of the running interpreter's headers: what is a function, with which types."""

from __future__ import annotations

import sys

from bindc.capi import CApiModel, CType
from bindc.interpreter import Interpreter


def test_model_knows_its_python_version(model: CApiModel, interp: Interpreter) -> None:
    assert model.python_version == interp.version  # from the headers' PY_VERSION
    assert model.include_dir == interp.include_dir
    assert model.python_minor == "%d.%d" % sys.version_info[:2]


def test_pylong_from_long_long(model: CApiModel) -> None:
    f = model.lookup("PyLong_FromLongLong")
    assert f is not None
    assert f.returns == CType("struct _object *")
    assert f.returns.spelling == "PyObject *"
    assert f.params == (CType("long long"),)
    assert not f.variadic and not f.inline
    assert f.file.endswith("longobject.h") and f.line > 0
    assert f.c_decl() == "PyObject *PyLong_FromLongLong(long long)"
    assert f.c_decl(canonical=True) == "struct _object *PyLong_FromLongLong(long long)"


def test_canonical_types_give_widths(model: CApiModel) -> None:
    def params(name: str) -> list[str]:
        f = model.lookup(name)
        assert f is not None, name
        return [p.canonical for p in f.params]

    assert params("PyLong_FromLong") == ["long"]
    assert params("PyLong_FromLongLong") == ["long long"]
    assert params("PyLong_FromSsize_t") == ["long"]  # Py_ssize_t on LP64
    assert params("PyLong_FromSize_t") == ["unsigned long"]
    assert params("PyLong_FromUnsignedLongLong") == ["unsigned long long"]
    ssize = model.lookup("PyLong_FromSsize_t")
    assert ssize is not None and ssize.params[0].spelling == "Py_ssize_t"
    assert model.typedefs["Py_ssize_t"] == "long"
    assert model.typedefs["PyObject"] == "struct _object"


def test_pyunicode_as_utf8_and_size(model: CApiModel) -> None:
    f = model.lookup("PyUnicode_AsUTF8AndSize")
    assert f is not None
    assert f.returns.canonical == "const char *"
    assert [p.canonical for p in f.params] == ["struct _object *", "long *"]
    assert [p.spelling for p in f.params] == ["PyObject *", "Py_ssize_t *"]
    assert f.param_names == ("unicode", "size")


def test_pyobject_vectorcall_is_an_exported_function(model: CApiModel) -> None:
    # Checked against 3.11.7: a PyAPI_FUNC (an exported symbol, not static inline and not a
    # macro) declared in cpython/abstract.h, i.e. outside the limited API.
    f = model.lookup("PyObject_Vectorcall")
    assert f is not None
    assert not f.inline
    assert [p.canonical for p in f.params] == [
        "struct _object *", "struct _object *const *", "unsigned long", "struct _object *",
    ]  # fmt: skip
    assert f.params[2].spelling == "size_t"


def test_pyerr_set_string_and_variadic_format(model: CApiModel) -> None:
    f = model.lookup("PyErr_SetString")
    assert f is not None and f.returns.canonical == "void"
    assert [p.canonical for p in f.params] == ["struct _object *", "const char *"]
    fmt = model.lookup("PyErr_Format")
    assert fmt is not None and fmt.variadic
    assert fmt.c_decl() == "PyObject *PyErr_Format(PyObject *, const char *, ...)"


def test_static_inline_functions_are_functions(model: CApiModel) -> None:
    incref = model.lookup("Py_INCREF")
    assert incref is not None and incref.inline
    assert [p.canonical for p in incref.params] == ["struct _object *"]
    nargs = model.lookup("PyVectorcall_NARGS")
    assert nargs is not None and nargs.inline and nargs.returns.canonical == "long"


def test_macros_are_not_functions(model: CApiModel) -> None:
    assert model.lookup("PyTuple_GET_ITEM") is None
    assert model.is_macro("PyTuple_GET_ITEM")
    assert model.is_macro("Py_RETURN_NONE") is False  # object-like, not function-like
    assert model.lookup("PyNoSuch_Function") is None and not model.is_macro("PyNoSuch_Function")


def test_function_pointer_return_renders_as_c(model: CApiModel) -> None:
    f = model.lookup("PyVectorcall_Function")
    assert f is not None
    assert f.c_decl() == "vectorcallfunc PyVectorcall_Function(PyObject *)"
    assert f.c_decl(canonical=True) == (
        "struct _object *(*PyVectorcall_Function(struct _object *))"
        "(struct _object *, struct _object *const *, unsigned long, struct _object *)"
    )


def test_equality_is_by_signature_not_location(model: CApiModel) -> None:
    f = model.lookup("PyErr_SetString")
    assert f is not None
    from dataclasses import replace

    moved = replace(f, file="elsewhere.h", line=1, param_names=())
    assert moved == f and hash(moved) == hash(f)
    assert replace(f, variadic=True) != f
