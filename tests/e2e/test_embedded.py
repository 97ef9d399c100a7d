"""End to end, embedded mode: a Go program embeds CPython and registers generated modules.

The kitchen package is copied, generated in-package (so ``//py4go:export`` on unexported
functions applies), linked into a Go host program with the runtime, and every behaviour check
of the extension tests runs again inside it. The hello-world example is built and run as a
user would, and its output compared line by line.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from bindc.driver import Request, generate_files
from bindc.resources import runtime_dir
from bindc.writer import write_all
from tests.conftest import run
from tests.e2e.kitchen_checks import CHECKS

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "examples"
pytestmark = pytest.mark.go

HOST_MAIN = """\
// Command host registers the kitchen module, starts Python and runs the script named by
// its first argument; a Python exception exits 1 with the traceback.
package main

import (
	"errors"
	"fmt"
	"os"

	python "github.com/py4go/py4go/runtime"

	"example.com/kitchen"
)

func main() {
	if err := kitchen.RegisterPythonModule(); err != nil {
		fail(err)
	}
	if err := python.Initialize(); err != nil {
		fail(err)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	err = python.WithGIL(func() error { return python.Exec(string(src), nil) })
	if err != nil {
		var exc *python.Exception
		if errors.As(err, &exc) {
			fmt.Fprint(os.Stderr, exc.Traceback)
		}
		fail(err)
	}
	if err := python.Finalize(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "host:", err)
	os.Exit(1)
}
"""


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """The host binary with kitchen generated in-package."""
    root = tmp_path_factory.mktemp("embedded")
    kitchen = root / "kitchen"
    shutil.copytree(HERE / "kitchen", kitchen)
    result = generate_files(Request(package=str(kitchen), cwd=kitchen))
    assert not result.sink.has_errors, result.sink.render_all()
    write_all(result.files)
    (root / "go.mod").write_text(textwrap.dedent(f"""\
        module example.com/host

        go 1.22

        require (
        \tgithub.com/py4go/py4go/runtime v0.0.0
        \texample.com/kitchen v0.0.0
        )

        replace github.com/py4go/py4go/runtime => {runtime_dir()}

        replace example.com/kitchen => ./kitchen
        """))
    (root / "main.go").write_text(HOST_MAIN)
    run([go, "build", "-o", "host", "."], cwd=root, env=embed_env)
    return root / "host"


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_kitchen_behaviour_embedded(host: Path, name: str, tmp_path: Path) -> None:
    script = tmp_path / "check.py"
    script.write_text("MODE = 'embedded'\nimport kitchen\n" + textwrap.dedent(CHECKS[name]))
    run([str(host), str(script)], timeout=120)


def test_python_failure_reaches_the_host_as_an_error(host: Path, tmp_path: Path) -> None:
    script = tmp_path / "fails.py"
    script.write_text("import kitchen\nkitchen.add(1, 'x')\n")
    proc = run([str(host), str(script)], check=False)
    assert proc.returncode == 1
    assert "TypeError: add() argument 2 must be int, not str" in proc.stderr
    assert 'File "<py4go>", line 2' in proc.stderr


HELLO_WORLD_OUTPUT = """\
Go >> Python version:
{version}

Go >> Calling a Python function:
Python >> Hello, Tal
Go >> Python function returned: You are Tal

Go >> Calling a Python method:
Python >> Greetings, Linus

Go >> Python exception as Go error:
Go >> Error type: Exception
Go >> Error message: this is a Python exception

Python >> Calling Go functions
Go >> goodbye from Go!
Go >> concatenating "Tal" and "Liron"
Python >> The name is Tal Liron

Go >> Concurrency:
Go >> Size is 500 (expected 500)
"""


def test_hello_world_example_runs(go: str, embed_env: dict[str, str], tmp_path: Path) -> None:
    example = EXAMPLES / "hello-world"
    binary = tmp_path / "hello-world"
    run([go, "build", "-o", str(binary), "."], cwd=example, env=embed_env)
    proc = run([str(binary)], cwd=example, env=dict(os.environ, PYTHONUNBUFFERED="1"), timeout=120)
    import platform
    assert proc.stdout == HELLO_WORLD_OUTPUT.format(version=platform.python_version())
