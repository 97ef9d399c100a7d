"""py4go's own backend (compiler/bindc/selfbuild.py): the sdist holds everything a wheel needs,
and the wheel built from the unpacked sdist carries runtime/ and grammar/ as bindc/_data/."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from tests.conftest import REPO


def hook(name: str, arg: Path, cwd: Path) -> str:
    """Call ``bindc.selfbuild.<name>(arg)`` in a fresh interpreter from ``cwd`` (as pip does)."""
    env = dict(os.environ, PYTHONPATH=str(cwd / "compiler"))
    return subprocess.run([sys.executable, "-c", f"import sys, bindc.selfbuild as b; print(b.{name}(sys.argv[1]))",
                           str(arg)], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


def test_sdist_then_wheel_and_editable(tmp_path: Path) -> None:
    sdist = hook("build_sdist", tmp_path / "sdist", REPO)
    assert sdist == "py4go-0.1.0.tar.gz"
    with tarfile.open(tmp_path / "sdist" / sdist) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "src", filter="data")
    assert {"py4go-0.1.0/PKG-INFO", "py4go-0.1.0/runtime/go.mod", "py4go-0.1.0/grammar/declarations.scm",
            "py4go-0.1.0/compiler/bindc/selfbuild.py"} <= set(names)
    assert not any("__pycache__" in n for n in names)

    unpacked = tmp_path / "src" / "py4go-0.1.0"
    wheel = hook("build_wheel", tmp_path / "dist", unpacked)
    assert wheel == "py4go-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(tmp_path / "dist" / wheel) as zf:
        files = set(zf.namelist())
        assert "bindc = bindc.launcher:main" in zf.read("py4go-0.1.0.dist-info/entry_points.txt").decode()
    assert {"bindc/_data/runtime/bindcrt/py4go.c", "bindc/_data/grammar/imports.scm", "bindc/backend.py"} <= files

    editable = hook("build_editable", tmp_path / "edit", unpacked)
    with zipfile.ZipFile(tmp_path / "edit" / editable) as zf:
        assert zf.read("__editable__.py4go-0.1.0.pth").decode() == f"{(unpacked / 'compiler').resolve()}\n"
        assert not any(n.startswith("bindc/") for n in zf.namelist())
