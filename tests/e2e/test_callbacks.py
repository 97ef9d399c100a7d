"""End to end: Go func types (callbacks both ways) and GIL release, in both deployment modes.

The callbacks package is built as an extension module (``bindc build``) and, separately,
generated in-package and linked into a Go host that embeds Python; every check of
:mod:`tests.e2e.callbacks_checks` runs in both, each in its own process with a timeout (a
deadlock fails one test instead of hanging the run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.callbacks_checks import CHECKS
from tests.e2e.hosts import build_ext, build_host

HERE = Path(__file__).parent
CALLBACKS = HERE / "callbacks"
TIMEOUT = 60
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("callbacks_ext"), CALLBACKS)


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    return build_host(tmp_path_factory.mktemp("callbacks_embedded"), CALLBACKS, go, embed_env)


@pytest.fixture(scope="module")
def race_host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """The host built with Go's race detector (which works for Go-hosted programs)."""
    return build_host(tmp_path_factory.mktemp("callbacks_race"), CALLBACKS, go, embed_env, "-race")


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_callbacks_extension(ext_dir: Path, name: str) -> None:
    run_python("MODE = 'extension'\nimport callbacks\n" + textwrap.dedent(CHECKS[name]), path=ext_dir,
               timeout=TIMEOUT)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_callbacks_embedded(host: Path, name: str, tmp_path: Path) -> None:
    script = tmp_path / "check.py"
    script.write_text("MODE = 'embedded'\nimport callbacks\n" + textwrap.dedent(CHECKS[name]))
    run([str(host), str(script)], timeout=TIMEOUT)


RACE_CHECKS = ["callback_from_8_goroutines_concurrently", "kept_callback_called_later_from_a_goroutine",
               "go_func_results_are_callables_and_are_freed", "error_result_carries_the_python_exception",
               "gil_is_released_where_it_must_be"]


@pytest.mark.parametrize("name", RACE_CHECKS)
def test_callbacks_under_the_race_detector(race_host: Path, name: str, tmp_path: Path) -> None:
    """Concurrent callbacks, the Callback cache and func handles: no data race reported."""
    script = tmp_path / "check.py"
    script.write_text("MODE = 'embedded'\nimport callbacks\n" + textwrap.dedent(CHECKS[name]))
    proc = run([str(race_host), str(script)], timeout=300)
    assert "DATA RACE" not in proc.stderr, proc.stderr


def test_deadlock_is_named_by_the_watchdog(ext_dir: Path) -> None:
    """A function holding the GIL while a goroutine calls back deadlocks; the runtime says why."""
    code = "import callbacks\ncallbacks.keep(lambda x: x)\ncallbacks.call_kept_later_holding(1)\n"
    env = dict(os.environ, PYTHONPATH=str(ext_dir), PY4GO_GIL_WAIT_WARN="500ms")
    with pytest.raises(subprocess.TimeoutExpired) as hung:
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=5)
    stderr = hung.value.stderr
    stderr = stderr.decode() if isinstance(stderr, bytes) else (stderr or "")
    assert "py4go: 1 callback(s) from Go have waited" in stderr, stderr
    assert "Mark that function //py4go:nogil" in stderr, stderr


def test_stubtest_accepts_callbacks_stub(ext_dir: Path) -> None:
    """mypy's stubtest: the Callable annotations match the built module."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "callbacks"], env=env, cwd=ext_dir)
    assert "Success" in proc.stdout


def test_mypy_checks_callable_annotations(ext_dir: Path, tmp_path: Path) -> None:
    """A client passing the right callables passes mypy --strict; a wrong one is caught."""
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    good = tmp_path / "client.py"
    good.write_text("import callbacks\n\n"
                    "n: int = callbacks.apply(lambda x: x + 1, 1)\n"
                    "f = callbacks.make_adder(2)\n"
                    "assert f is not None  # a Go func result may be nil: Callable | None\n"
                    "m: int = f(3)\n"
                    "s: str = callbacks.transform(str.upper, 'a')\n")
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad_client.py"
    bad.write_text("import callbacks\ncallbacks.apply(lambda x: str(x), 1)\ncallbacks.apply(3, 1)\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1, proc.stdout
    assert 'bad_client.py:2: error: Argument 1 to "apply" has incompatible type' in proc.stdout, proc.stdout
    assert 'bad_client.py:3: error: Argument 1 to "apply" has incompatible type "int"' in proc.stdout, proc.stdout


def test_callbacks_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "callbacks")
