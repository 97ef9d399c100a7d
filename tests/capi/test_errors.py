"""Clear errors: headers that do not parse, and a libclang that cannot be loaded."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bindc.capi import CApiError, load_model
from bindc.interpreter import Interpreter


def test_parse_errors_show_clang_diagnostics(interp: Interpreter, tmp_path: Path) -> None:
    include = tmp_path / "include"
    include.mkdir()
    (include / "Python.h").write_text('#define PY_VERSION "3.99.0"\n#include "broken.h"\n')
    (include / "broken.h").write_text("int fine(void);\nint broken(;\n")
    fake = dataclasses.replace(interp, include_dir=str(include))
    with pytest.raises(CApiError) as info:
        load_model(fake, cache_dir=tmp_path / "cache")
    err = info.value
    assert f"Python.h from {include} does not parse with libclang" in str(err)
    assert err.diagnostics and err.diagnostics[0].span is not None
    assert err.diagnostics[0].span.file == str(include / "broken.h")
    assert err.diagnostics[0].span.line == 2
    assert f"{include / 'broken.h'}:2:" in str(err)
    assert not (tmp_path / "cache").exists()  # nothing cached for a failed parse


def test_missing_python_h(interp: Interpreter, tmp_path: Path) -> None:
    fake = dataclasses.replace(interp, include_dir=str(tmp_path))
    with pytest.raises(CApiError, match="'Python.h' file not found"):
        load_model(fake, cache_dir=tmp_path / "cache")


def test_headers_without_py_version(interp: Interpreter, tmp_path: Path) -> None:
    (tmp_path / "Python.h").write_text("int f(void);\n")
    fake = dataclasses.replace(interp, include_dir=str(tmp_path))
    with pytest.raises(CApiError, match="defines no PY_VERSION"):
        load_model(fake, cache_dir=tmp_path / "cache")


def test_unloadable_libclang_is_a_clear_error(tmp_path: Path) -> None:
    # libclang's location is process-global in clang.cindex, so try it in a child process.
    script = (
        "import clang.cindex, sys\n"
        "clang.cindex.Config.set_library_file('/nonexistent/libclang.so')\n"
        "from bindc.capi import CApiError, load_model\n"
        "try:\n    load_model()\nexcept CApiError as e:\n    print(e)\n    sys.exit(3)\n"
    )
    env = {**os.environ, "BINDC_CACHE_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert run.returncode == 3, run.stderr
    assert "libclang could not be loaded" in run.stdout and "pip install libclang" in run.stdout
