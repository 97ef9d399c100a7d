"""The abi3 proof (bindc.capi.limited, bindc.limited_check): C parsed with Py_LIMITED_API, every
use outside the limited API attributed to its function, and through the call graph to the
mapping that needs it; the runtime itself is clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bindc.capi import CApiModel, CSignature, load_model, verify
from bindc.capi.limited import LIMITED_API_3_11, check_go_calls, go_c_calls, runtime_scan, scan_sources
from bindc.interpreter import Interpreter
from bindc.resources import runtime_c_dir

KITCHEN = Path(__file__).parents[1] / "e2e" / "kitchen"


@pytest.fixture(scope="module")
def full(interp: Interpreter, model_cache: Path) -> CApiModel:
    return load_model(interp, include_runtime=True, cache_dir=model_cache)


@pytest.fixture(scope="module")
def limited(interp: Interpreter, model_cache: Path) -> CApiModel:
    return load_model(interp, include_runtime=True, cache_dir=model_cache, limited_api=LIMITED_API_3_11)


def names(model: CApiModel) -> frozenset[str]:
    return frozenset(model.functions) | model.function_macros


def test_limited_model_lacks_the_full_api(full: CApiModel, limited: CApiModel) -> None:
    assert limited.limited_api == LIMITED_API_3_11
    for name in ("PyObject_Vectorcall", "PyConfig_InitPythonConfig", "_PyType_Name", "PyUnicode_AsUTF8"):
        assert name in names(full) and limited.lookup(name) is None
    for name in ("PyType_FromModuleAndSpec", "PyType_GetSlot", "PyUnicode_AsUTF8AndSize", "py4go_bind_int"):
        assert limited.lookup(name) is not None, name


def test_missing_function_names_the_limited_api_and_the_mapping(limited: CApiModel) -> None:
    sig = CSignature("PyDict_SetDefault", "PyObject *", ("PyObject *", "PyObject *", "PyObject *"),
                     needed_by="the func() mapping")
    message, = [d.message for d in verify(limited, [sig])]
    assert message.startswith("PyDict_SetDefault is not declared by the limited API (Py_LIMITED_API=0x030b0000) "
                              "of the Python 3.11 headers")
    assert message.endswith("(needed by the func() mapping)")


SNIPPET = """\
#include <Python.h>
int go_export(int);  /* declared by _cgo_export.h in a real build */
static Py_ssize_t first_size(PyObject *t) { return PyTuple_GET_SIZE(PyTuple_GET_ITEM(t, 0)); }
static const char *type_name(PyObject *o) { return Py_TYPE(o)->tp_name; }
Py_ssize_t caller(PyObject *t) { return first_size(t) + go_export(1) + undeclared_go_export(2); }
long clean(PyObject *o) { return PyLong_AsLong(o) + (long)PyTuple_Size(o); }
"""


def test_scan_attributes_each_violation_and_follows_calls(tmp_path: Path, interp: Interpreter, full: CApiModel) -> None:
    scan = scan_sources([("snippet.c", SNIPPET)], tmp_path, interp.include_dir, names(full))
    assert {u.what for u in scan.uses["first_size"]} >= {"PyTuple_GET_ITEM (not in the limited API)"}
    assert all(u.where.startswith("snippet.c:3") for u in scan.uses["first_size"])
    assert any("incomplete" in u.what and u.where == "snippet.c:4" for u in scan.uses["type_name"])
    assert "caller" not in scan.uses and "clean" not in scan.uses  # Go exports are not C API
    unclean = scan.unclean()
    assert set(unclean) == {"first_size", "type_name", "caller"}
    assert unclean["caller"].what.startswith("first_size (snippet.c:3), which uses PyTuple_GET")


def test_runtime_is_limited_api_clean(interp: Interpreter, full: CApiModel, limited: CApiModel) -> None:
    """Every runtime C file and cgo preamble compiles with Py_LIMITED_API using only it, and the
    Go files call no C-API function the limited headers lack."""
    scan = runtime_scan(runtime_c_dir(), interp.include_dir, names(full), cache_dir=None)
    assert scan.uses == {} and scan.outside == []
    assert "py4go_bind_int_range" in scan.calls and "py4go_bind_new_datetime" in scan.calls
    assert len(scan.calls) > 150  # the preambles and the .c files were all read
    assert check_go_calls(go_c_calls(runtime_c_dir()), names(full), frozenset(limited.functions)) == []


def test_go_call_of_a_macro_is_reported(full: CApiModel, limited: CApiModel) -> None:
    uses = check_go_calls([("PyUnicode_AsUTF8", "x.go:3"), ("PyErr_Clear", "x.go:4"), ("Py_ssize_t", "x.go:5")],
                          names(full), frozenset(limited.functions))
    assert [(u.what, u.where) for u in uses] == [("C.PyUnicode_AsUTF8 (not a function of the limited API)", "x.go:3")]


@pytest.mark.go
def test_abi3_error_names_function_mapping_and_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A runtime function a mapping reaches that leaves the limited API makes --abi3 an error
    naming the mapping's function, the mapping, the use and where it is."""
    import bindc.driver
    import bindc.limited_check
    from bindc.driver import Request, generate_files

    runtime = tmp_path / "runtime"
    shutil.copytree(runtime_c_dir(), runtime)
    source = (runtime / "py4go_bind.c").read_text()
    marker = "int py4go_bind_int_range(const char *fn, int pos, const char *gotype, PyObject *got)\n{\n"
    assert marker in source
    (runtime / "py4go_bind.c").write_text(source.replace(marker, marker + "    (void)Py_TYPE(got)->tp_flags;\n"))
    monkeypatch.setattr(bindc.driver, "runtime_c_dir", lambda: runtime)
    monkeypatch.setattr(bindc.limited_check, "runtime_c_dir", lambda: runtime)
    result = generate_files(Request(package=str(KITCHEN), out=tmp_path / "out", cwd=KITCHEN, abi3=True))
    errors = [d.message for d in result.sink.items if d.severity.name == "ERROR"]
    assert result.files == []
    mapping_error = next(e for e in errors if e.startswith("--abi3: py4go_bind_int (py4go_bind.h:"))
    assert "needed by the int mapping" in mapping_error
    assert "py4go_bind_int_range (py4go_bind.c:" in mapping_error
    assert "incomplete definition of type 'struct _typeobject'" in mapping_error
    assert "not part of the limited API of CPython 3.11 (Py_LIMITED_API=0x030b0000)" in mapping_error
    assert any(e.startswith("--abi3: the py4go runtime's py4go_bind_int_range (py4go_bind.c:") for e in errors)
    assert not any(e.startswith("--abi3: generated py4go_") for e in errors)  # runtime functions are not generated
