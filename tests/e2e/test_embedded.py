"""End to end, embedded mode: a Go program embeds CPython and registers generated modules.

The kitchen package is copied, generated in-package (so ``//py4go:export`` on unexported
functions applies), linked into a Go host program with the runtime, and every behaviour check
of the extension tests runs again inside it. The hello-world example is built and run as a
user would, and its output compared line by line.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run
from tests.e2e.hosts import build_host, run_in_host
from tests.e2e.kitchen_checks import CHECKS

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "examples"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """The host binary with kitchen generated in-package."""
    return build_host(tmp_path_factory.mktemp("embedded"), HERE / "kitchen", go, embed_env)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_kitchen_behaviour_embedded(host: Path, name: str, tmp_path: Path) -> None:
    run_in_host(host, "MODE = 'embedded'\nimport kitchen\n" + textwrap.dedent(CHECKS[name]), tmp_path)


def test_python_failure_reaches_the_host_as_an_error(host: Path, tmp_path: Path) -> None:
    proc = run_in_host(host, "import kitchen\nkitchen.add(1, 'x')\n", tmp_path, check=False)
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
