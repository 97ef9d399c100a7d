"""The model built with py4go.h: the runtime's functions and the C API in one model."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.capi import CApiModel, CSignature, load_model, verify
from bindc.interpreter import Interpreter
from bindc.resources import runtime_c_dir


@pytest.fixture(scope="module")
def runtime_model(interp: Interpreter, tmp_path_factory: pytest.TempPathFactory) -> CApiModel:
    if not (runtime_c_dir() / "py4go_bind.h").exists():
        pytest.skip("runtime/bindcrt/py4go_bind.h not written yet")
    return load_model(interp, include_runtime=True, cache_dir=tmp_path_factory.mktemp("cache"))


def test_runtime_and_python_functions_in_one_model(runtime_model: CApiModel) -> None:
    assert runtime_model.includes_runtime
    assert runtime_model.lookup("PyLong_FromLongLong") is not None
    ours = [f for name, f in runtime_model.functions.items() if name.startswith("py4go_")]
    assert ours, "py4go.h declares no py4go_ functions"
    assert all(Path(f.file).parent == runtime_c_dir() for f in ours)


def test_module_init_signature(runtime_model: CApiModel) -> None:
    # The one entry point every generated module calls; its shape is the runtime ABI contract.
    sig = CSignature("py4go_bind_module_init", "int", ("PyObject *", "int"), needed_by="module init")
    assert verify(runtime_model, [sig]) == []
