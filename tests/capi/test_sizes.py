"""Facts inferred through libclang checked against the real C compiler (pyo3-ffi-check style)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bindc.capi import CApiModel
from bindc.capi.parse import SIZED_TYPES
from bindc.interpreter import Interpreter


def test_sizes_match_gcc(model: CApiModel, interp: Interpreter, tmp_path: Path) -> None:
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc not installed")
    body = "".join(f'    printf("%s=%zu\\n", "{t}", sizeof({t}));\n' for t in SIZED_TYPES)
    source = tmp_path / "sizes.c"
    source.write_text(
        "#define PY_SSIZE_T_CLEAN\n#include <Python.h>\n#include <stdio.h>\n#include <wchar.h>\n"
        f"int main(void) {{\n{body}    return 0;\n}}\n"
    )
    exe = tmp_path / "sizes"
    subprocess.run([gcc, f"-I{interp.include_dir}", str(source), "-o", str(exe)], check=True)
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    gcc_sizes = dict(line.split("=") for line in out.splitlines())
    assert {k: int(v) for k, v in gcc_sizes.items()} == model.sizes
    assert model.sizes["Py_ssize_t"] == model.sizes["size_t"]
