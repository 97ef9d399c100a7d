"""bindc installed from its wheel, used from a directory outside the checkout (issue 10, items 1-2).

The wheel is built offline (``pip wheel --no-build-isolation --no-deps``, py4go's own
standard-library backend) and installed with ``--no-deps --no-index`` into a fresh venv made
``--without-pip``. The dependencies (typer, tree-sitter, libclang) come from the test's own
environment through a ``.pth`` line: no network, and no copy of this checkout on ``sys.path``
(``PYTHONPATH`` is dropped), so bindc must find ``runtime/`` and ``grammar/`` inside the wheel.
"""

from __future__ import annotations

import subprocess
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.cli.venvs import make_venv, outside_env, pip_install
from tests.conftest import run

pytestmark = [pytest.mark.slow, pytest.mark.go]


class Installed:
    """A venv with the py4go wheel installed, and an environment without this checkout."""

    def __init__(self, venv: Path, wheel: Path, go: str) -> None:
        self.venv, self.wheel = venv, wheel
        self.bin = venv / "bin"
        self.env = outside_env(venv, go)

    def run(self, *cmd: str | Path, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``cmd`` with the venv's bin first on PATH."""
        return run([str(c) for c in cmd], cwd=cwd, env=self.env, check=check)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, py4go_wheel: Path, go: str) -> Installed:
    venv = tmp_path_factory.mktemp("installed") / "venv"
    pip_install(make_venv(venv), py4go_wheel)
    return Installed(venv, py4go_wheel, go)


def test_wheel_carries_runtime_and_grammar(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert "bindc/_data/runtime/bindcrt/py4go.h" in names and "bindc/_data/runtime/go.mod" in names
    assert "bindc/_data/grammar/declarations.scm" in names
    assert "bindc/launcher.py" in names and not any("__pycache__" in n for n in names)


def test_installed_bindc_builds_a_package_outside_the_checkout(installed: Installed, tmp_path: Path) -> None:
    where = installed.run(installed.bin / "python", "-c",
                          "import bindc.resources as r; print(r.runtime_dir()); print(r.grammar_dir())", cwd=tmp_path)
    assert all(line.startswith(str(installed.venv)) for line in where.stdout.split()), where.stdout
    pkg = tmp_path / "greet"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module example.com/greet\n\ngo 1.22\n")
    (pkg / "greet.go").write_text('// Package greet greets.\npackage greet\n\n'
                                  '// Hello greets name.\nfunc Hello(name string) string { return "hello " + name }\n')
    built = installed.run("bindc", "build", "./greet", "--out", "out", cwd=tmp_path)
    assert built.stderr.splitlines()[-1].startswith("bindc: greet: bound 1 of 1 exported declarations -> out/greet.")
    done = installed.run(installed.bin / "python", "-c", "import greet; print(greet.hello('wheel'))", cwd=tmp_path / "out")
    assert done.stdout == "hello wheel\n"


def test_broken_installation_is_one_line(installed: Installed, tmp_path: Path) -> None:
    no_typer = installed.run(installed.bin / "python", "-c",
                             "import sys; sys.modules['typer'] = None; sys.argv = ['bindc', '--help']\n"
                             "from bindc.launcher import main; main()", cwd=tmp_path, check=False)
    assert no_typer.returncode == 2
    assert no_typer.stderr == "bindc: broken installation: cannot import typer (reinstall: pip install --force-reinstall py4go)\n"
    site_bindc = Path(installed.run(installed.bin / "python", "-c", "import bindc; print(bindc.__file__)",
                                    cwd=tmp_path).stdout.strip()).parent
    grammar = site_bindc / "_data" / "grammar"
    grammar.rename(grammar.with_name("grammar.away"))
    try:
        (tmp_path / "p").mkdir()
        (tmp_path / "p" / "p.go").write_text("package p\n\nfunc F() {}\n")
        r = installed.run("bindc", "generate", "./p", cwd=tmp_path, check=False)
    finally:
        grammar.with_name("grammar.away").rename(grammar)
    assert r.returncode == 2
    error = [line for line in r.stderr.splitlines() if "reading ./p" not in line]   # after the progress line
    assert len(error) == 1 and error[0].startswith("bindc: broken installation: grammar/ (declarations.scm) is missing")


def test_go_program_outside_the_checkout_embeds_python(installed: Installed, tmp_path: Path) -> None:
    """`bindc init-go` + `eval "$(bindc env)" && go run .` in a fresh Go module."""
    app = tmp_path / "hello"
    app.mkdir()
    installed.run("go", "mod", "init", "example.com/hello", cwd=app)
    (app / "main.go").write_text(textwrap.dedent("""\
        package main

        import (
        \t"fmt"
        \t"os"

        \tpython "github.com/py4go/py4go/runtime"
        )

        func main() {
        \tif err := python.Initialize(); err != nil {
        \t\tfmt.Fprintln(os.Stderr, err)
        \t\tos.Exit(1)
        \t}
        \tdefer python.Finalize()
        \terr := python.WithGIL(func() error {
        \t\tmath, err := python.Import("math")
        \t\tif err != nil {
        \t\t\treturn err
        \t\t}
        \t\tdefer math.Release()
        \t\tr, err := math.CallMethod("factorial", 20)
        \t\tif err != nil {
        \t\t\treturn err
        \t\t}
        \t\tdefer r.Release()
        \t\tn, err := r.Int64()
        \t\tfmt.Println("factorial(20) =", n)
        \t\treturn err
        \t})
        \tif err != nil {
        \t\tfmt.Fprintln(os.Stderr, err)
        \t\tos.Exit(1)
        \t}
        }
        """))
    installed.run("bindc", "init-go", cwd=app)
    assert str(installed.venv) in (app / "go.mod").read_text()
    done = installed.run("sh", "-c", 'eval "$(bindc env)" && go run .', cwd=app)
    assert done.stdout == "factorial(20) = 2432902008176640000\n"
