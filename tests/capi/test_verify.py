"""verify(): expected C-API signatures against the headers, with messages that say what differs."""

from __future__ import annotations

import sys

import pytest

from bindc.capi import CApiModel, CMacro, CSignature, verify
from bindc.diagnostics import Severity


def test_matching_signatures_give_no_diagnostics(model: CApiModel) -> None:
    # Spelled in every way that is the same type: typedefs, struct tags, size_t, const placement.
    ok = [
        CSignature("PyLong_FromLongLong", "PyObject *", ("long long",)),
        CSignature("PyLong_FromSsize_t", "struct _object *", ("long",)),
        CSignature("PyUnicode_AsUTF8AndSize", "const char *", ("PyObject *", "Py_ssize_t *")),
        CSignature("PyUnicode_AsUTF8AndSize", "char const *", ("struct _object *", "long *")),
        CSignature("PyObject_Vectorcall", "PyObject *", ("PyObject *", "PyObject *const *", "size_t", "PyObject *")),
        CSignature("PyErr_SetString", "void", ("PyObject *", "const char *")),
        CSignature("PyErr_Format", "PyObject *", ("PyObject *", "const char *"), variadic=True),
        CSignature("PyVectorcall_Function", "vectorcallfunc", ("PyObject *",)),
        CSignature("PyGILState_Ensure", "PyGILState_STATE"),  # an anonymous enum typedef
        CSignature("PyLong_AsLongLong", "long long", ("PyObject *",)),
        CSignature("Py_INCREF", "void", ("PyObject *",)),  # static inline
        CMacro("PyTuple_GET_ITEM"),
        CMacro("Py_INCREF"),  # a macro and a function at once in 3.11
    ]
    assert verify(model, ok) == []
    assert model.check(ok[0]) == []


def test_int64_t_is_long_not_long_long_on_lp64(model: CApiModel) -> None:
    # The trap canonical types exist for: int64_t and long long are both 64 bits here, but are
    # different C types, so a Go int64 mapping must pick PyLong_FromLong, not ...FromLongLong.
    if model.sizes["long"] != 8:
        pytest.skip("LP64 only")
    [d] = verify(model, [CSignature("PyLong_FromLongLong", "PyObject *", ("int64_t",), needed_by="the int64 mapping")])
    assert "parameter 1: expected `int64_t` (= `long`), found `long long`" in d.message


def test_wrong_width_names_expected_found_and_header(model: CApiModel) -> None:
    sig = CSignature("PyLong_FromLongLong", "PyObject *", ("long",), needed_by="the int64 mapping")
    [d] = verify(model, [sig])
    assert d.severity is Severity.ERROR
    f = model.lookup("PyLong_FromLongLong")
    assert f is not None
    assert d.message == (
        f"PyLong_FromLongLong does not match Python {model.python_minor} headers at {model.include_dir}"
        " (needed by the int64 mapping):\n"
        "    expected: PyObject *PyLong_FromLongLong(long)\n"
        f"    found:    PyObject *PyLong_FromLongLong(long long)  ({f.file}:{f.line})\n"
        "    - parameter 1: expected `long`, found `long long`"
    )
    assert model.check(sig) == [d.message]


def test_every_difference_is_listed(model: CApiModel) -> None:
    sig = CSignature("PyUnicode_AsUTF8AndSize", "char *", ("PyObject *", "long long *", "int"))
    [d] = verify(model, [sig])
    assert "- return type: expected `char *`, found `const char *`" in d.message
    assert "- expected 3 parameter(s), found 2" in d.message
    assert "- parameter 2 (size): expected `long long *`, found `Py_ssize_t *` (= `long *`)" in d.message


def test_variadic_mismatch(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("PyErr_Format", "PyObject *", ("PyObject *", "const char *"))])
    assert "- found a variadic function" in d.message


def test_missing_function(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("PyFoo_Bar", "PyObject *", ("long long",), needed_by="the int64 mapping")])
    assert d.severity is Severity.ERROR
    assert d.message == (
        f"PyFoo_Bar is not declared by Python {model.python_minor} headers at {model.include_dir}"
        " (needed by the int64 mapping)"
    )
    [m] = verify(model, [CMacro("PyFoo_BAR", needed_by="the tuple mapping")])
    assert m.message.startswith("PyFoo_BAR is not declared by Python")


def test_runtime_function_hint_when_model_lacks_py4go_h(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("py4go_bind_nargs", "int", ())])
    assert "built without py4go.h" in d.message


def test_macro_checked_as_function(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("PyTuple_GET_ITEM", "PyObject *", ("PyObject *", "Py_ssize_t"), needed_by="tuples")])
    assert d.message.startswith(f"PyTuple_GET_ITEM is a function-like macro in Python {model.python_minor} headers")
    assert "CMacro('PyTuple_GET_ITEM')" in d.message and d.message.endswith("(needed by tuples)")


def test_unreadable_expected_type(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("PyErr_SetString", "void", ("PyObjct *", "const char *"))])
    assert "clang cannot read the expected signature" in d.message and "PyObjct" in d.message


def test_bool_spelling_is_understood(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("PyObject_IsTrue", "bool", ("PyObject *",))])
    assert "return type: expected `bool` (= `_Bool`), found `int`" in d.message


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="PyUnicode_AS_UNICODE was removed in 3.12")
def test_deprecated_function_warns(model: CApiModel) -> None:
    [d] = verify(model, [CSignature("PyUnicode_AS_UNICODE", "Py_UNICODE *", ("PyObject *",))])
    assert d.severity is Severity.WARNING and "is deprecated" in d.message


def test_all_problems_reported_in_order(model: CApiModel) -> None:
    diags = verify(model, [
        CSignature("PyA_Missing", "int"),
        CSignature("PyLong_FromLongLong", "PyObject *", ("long long",)),
        CMacro("PyB_MISSING"),
        CSignature("PyLong_FromLong", "PyObject *", ("long long",)),
    ])  # fmt: skip
    assert [d.message.split()[0] for d in diags] == ["PyA_Missing", "PyB_MISSING", "PyLong_FromLong"]
