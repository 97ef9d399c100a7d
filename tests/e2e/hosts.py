"""Building a bound test package both ways: as an extension module (``build_ext``) and into Go
host programs that embed CPython with the module registered (embedded mode).

For a host, the package is copied, generated in-package (so ``//py4go:export`` on unexported code
applies), and linked into a small ``main`` that registers the module, starts Python and runs
the script named by its first argument (a Python exception exits 1 with the traceback).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from bindc.build import build_extension
from bindc.driver import Request, generate_files
from bindc.resources import runtime_dir
from bindc.writer import write_all
from tests.conftest import run

HOST_MAIN = """\
// Command host registers the {name} module, starts Python and runs the script named by
// its first argument; a Python exception exits 1 with the traceback.
package main

import (
	"errors"
	"fmt"
	"os"

	python "github.com/py4go/py4go/runtime"

	"{module_path}"
)

func main() {{
	if err := {name}.RegisterPythonModule(); err != nil {{
		fail(err)
	}}
	if err := python.Initialize(); err != nil {{
		fail(err)
	}}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {{
		fail(err)
	}}
	err = python.WithGIL(func() error {{ return python.Exec(string(src), nil) }})
	if err != nil {{
		var exc *python.Exception
		if errors.As(err, &exc) {{
			fmt.Fprint(os.Stderr, exc.Traceback)
		}}
		fail(err)
	}}
	if err := python.Finalize(); err != nil {{
		fail(err)
	}}
}}

func fail(err error) {{
	fmt.Fprintln(os.Stderr, "host:", err)
	os.Exit(1)
}}
"""


def build_ext(out: Path, package_dir: Path, *, python: str | None = None, abi3: bool = False) -> Path:
    """``bindc build`` of the Go package at ``package_dir`` into ``out`` (the extension module
    and its stub) for ``python`` (default the running interpreter), failing with the
    diagnostics if bindc reported an error."""
    built = build_extension(str(package_dir), out, cwd=package_dir, python=python, **({"abi3": True} if abi3 else {}))
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def build_host(root: Path, package_dir: Path, go: str, env: dict[str, str], *flags: str) -> Path:
    """Build ``root/host`` embedding the Go package at ``package_dir`` (which has a go.mod);
    ``flags`` go to ``go build`` (e.g. ``-race``)."""
    write_host_tree(root, package_dir)
    run([go, "build", *flags, "-o", "host", "."], cwd=root, env=env)
    return root / "host"


def write_host_tree(root: Path, package_dir: Path) -> Path:
    """The host's Go module at ``root``: a copy of the package, generated in-package, and main."""
    name = package_dir.name
    module_path = next(line.split()[1] for line in (package_dir / "go.mod").read_text().splitlines()
                       if line.startswith("module "))
    pkg = root / name
    shutil.copytree(package_dir, pkg)
    result = generate_files(Request(package=str(pkg), cwd=pkg))
    assert not result.sink.has_errors, result.sink.render_all()
    write_all(result.files)
    (root / "go.mod").write_text(textwrap.dedent(f"""\
        module example.com/host

        go 1.23

        require (
        \tgithub.com/py4go/py4go/runtime v0.0.0
        \t{module_path} v0.0.0
        )

        replace github.com/py4go/py4go/runtime => {runtime_dir()}

        replace {module_path} => ./{name}
        """))
    (root / "main.go").write_text(HOST_MAIN.format(name=name, module_path=module_path))
    return root


def run_in_host(host: Path, script: str, tmp_path: Path, *, check: bool = True):  # type: ignore[no-untyped-def]
    """Run Python source ``script`` inside ``host``."""
    path = tmp_path / "script.py"
    path.write_text(script)
    return run([str(host), str(path)], timeout=120, check=check)
