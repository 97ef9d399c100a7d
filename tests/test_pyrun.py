"""examples/pyrun, a Go program embedding CPython configured like the ``python`` command
(issue 15): real programs run through it give the same stdout, stderr and exit status as
``python`` itself. pyrun is built once per module; the virtual environment (made with
``python -m venv``, pip from the bundled wheel, no network) once too.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run

pytestmark = pytest.mark.go

PYRUN_DIR = REPO / "examples" / "pyrun"
PYTHON = sys.executable


@pytest.fixture(scope="module")
def pyrun(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """The pyrun binary, built as its doc says (``eval "$(bindc env)" && go build -o pyrun .``)."""
    out = tmp_path_factory.mktemp("pyrun") / "pyrun"
    run([go, "build", "-o", str(out), "."], cwd=PYRUN_DIR, env=embed_env)
    return out


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment of this Python with pip, and a package only it has (written into
    its site-packages by hand)."""
    v = tmp_path_factory.mktemp("venv") / "v"
    run([PYTHON, "-m", "venv", str(v)], timeout=300)
    (site,) = (v / "lib").glob("python3*/site-packages")
    (site / "py4go_venv_only").mkdir()
    (site / "py4go_venv_only" / "__init__.py").write_text("WHERE = 'the venv'\n")
    return v


def both(pyrun: Path, python: str | Path, args: list[str], *, cwd: Path | None = None,
         env: dict[str, str] | None = None, pyrun_opts: tuple[str, ...] = ()) -> tuple[subprocess.CompletedProcess[str], ...]:
    """Run ``python ARGS`` and ``pyrun [OPTS] ARGS`` the same way."""
    env = env if env is not None else clean_env()
    ran = []
    for cmd in ([str(python), *args], [str(pyrun), *pyrun_opts, *args]):
        ran.append(subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120))
    return ran[0], ran[1]


def clean_env(**extra: str) -> dict[str, str]:
    """The test environment without the variables that would change either side's sys.path."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update(extra)
    return env


def same(py: subprocess.CompletedProcess[str], pr: subprocess.CompletedProcess[str]) -> None:
    assert (pr.returncode, pr.stdout, pr.stderr) == (py.returncode, py.stdout, py.stderr), \
        f"python:\n{py}\npyrun:\n{pr}"


def test_json_tool_prints_what_python_prints(pyrun: Path, tmp_path: Path) -> None:
    data = tmp_path / "data.json"
    data.write_text('{"b": [1, 2, {"c": null}], "a": "\\u00e9"}')
    py, pr = both(pyrun, PYTHON, ["-m", "json.tool", str(data)])
    same(py, pr)
    assert '"a": "\\u00e9"' in pr.stdout and pr.returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    py, pr = both(pyrun, PYTHON, ["-m", "json.tool", str(bad)])
    same(py, pr)
    assert pr.returncode == 1 and "Expecting property name" in pr.stderr


def test_venv_is_what_its_python_sees(pyrun: Path, venv: Path) -> None:
    """sys.prefix, base_prefix, executable and path are exactly VENV/bin/python's."""
    code = "import sys; print(sys.prefix, sys.base_prefix, sys.exec_prefix, sys.executable, sys.path)"
    py, pr = both(pyrun, venv / "bin" / "python", ["-c", code], pyrun_opts=("--venv", str(venv)))
    same(py, pr)
    assert pr.stdout.split()[0] == str(venv)


def test_venv_pip_names_the_venv(pyrun: Path, venv: Path) -> None:
    py, pr = both(pyrun, venv / "bin" / "python", ["-m", "pip", "--version"], pyrun_opts=("--venv", str(venv)))
    same(py, pr)
    assert f"from {venv}/lib/" in pr.stdout, pr.stdout


def test_package_only_in_the_venv(pyrun: Path, venv: Path) -> None:
    code = "import py4go_venv_only; print(py4go_venv_only.WHERE)"
    with_venv = run([str(pyrun), "--venv", str(venv), "-c", code], env=clean_env())
    assert with_venv.stdout == "the venv\n"
    without = run([str(pyrun), "-c", code], env=clean_env(), check=False)
    assert without.returncode == 1
    assert without.stderr.endswith("ModuleNotFoundError: No module named 'py4go_venv_only'\n"), without.stderr


def test_isolated_mode_ignores_pythonpath(pyrun: Path, tmp_path: Path) -> None:
    (tmp_path / "py4go_from_env.py").write_text("print('imported')\n")
    env = clean_env(PYTHONPATH=str(tmp_path))
    code = "import sys; print(sys.flags.isolated); import py4go_from_env"
    assert run([str(pyrun), "-c", code], env=env).stdout == "0\nimported\n"
    py, pr = both(pyrun, PYTHON, ["-I", "-c", code], env=env)
    same(py, pr)
    assert pr.returncode == 1 and pr.stdout == "1\n" and "No module named 'py4go_from_env'" in pr.stderr


def test_exit_status_of_sys_exit(pyrun: Path) -> None:
    for code, status in [("import sys; sys.exit(3)", 3), ("import sys; sys.exit()", 0), ("pass", 0),
                         ("import sys; sys.exit('bye')", 1)]:
        py, pr = both(pyrun, PYTHON, ["-c", code])
        same(py, pr)
        assert pr.returncode == status


def test_script_sees_argv_and_its_directory(pyrun: Path, tmp_path: Path) -> None:
    script = tmp_path / "prog.py"
    script.write_text("import sys\nprint(sys.argv, sys.path[0] == %r, __file__, __name__)\n" % str(tmp_path))
    py, pr = both(pyrun, PYTHON, ["prog.py", "a", "b"], cwd=tmp_path)
    same(py, pr)
    assert pr.stdout.startswith("['prog.py', 'a', 'b'] True ")


def test_unittest_gives_the_same_result_lines(pyrun: Path, tmp_path: Path) -> None:
    (tmp_path / "test_small.py").write_text(textwrap.dedent("""\
        import unittest

        class T(unittest.TestCase):
            def test_ok(self):
                self.assertEqual(1 + 1, 2)

            def test_fails(self):
                self.assertEqual([1, 2], [1, 3])

            @unittest.skip("not today")
            def test_skipped(self):
                pass
        """))
    py, pr = both(pyrun, PYTHON, ["-m", "unittest", "-v", "test_small"], cwd=tmp_path)
    timing = re.compile(r"^Ran (\d+) tests? in [0-9.]+s$", re.M)
    assert timing.sub(r"Ran \1 tests", pr.stderr) == timing.sub(r"Ran \1 tests", py.stderr), pr.stderr
    assert pr.returncode == py.returncode == 1
    assert "FAILED (failures=1, skipped=1)" in pr.stderr and "Ran 3 tests" in pr.stderr


def test_uncaught_exception_traceback(pyrun: Path, tmp_path: Path) -> None:
    (tmp_path / "boom.py").write_text("def inner(d):\n    return d['missing']\n\ndef outer():\n    inner({})\n")
    (tmp_path / "main.py").write_text("import boom\nboom.outer()\n")
    for args in (["main.py"], ["-c", "import boom; boom.outer()"], ["-m", "main"]):
        py, pr = both(pyrun, PYTHON, args, cwd=tmp_path)
        same(py, pr)
        assert pr.returncode == 1
        assert pr.stderr.startswith("Traceback (most recent call last):\n") and pr.stderr.endswith("KeyError: 'missing'\n")


def test_missing_file_and_module(pyrun: Path, tmp_path: Path) -> None:
    pr = run([str(pyrun), "nothing.py"], cwd=tmp_path, check=False)
    assert (pr.returncode, pr.stderr) == (2, f"pyrun: can't open file '{tmp_path}/nothing.py': [Errno 2] No such file or directory\n")
    py = run([PYTHON, "nothing.py"], cwd=tmp_path, check=False)
    assert py.returncode == 2 and py.stderr.endswith(pr.stderr.removeprefix("pyrun"))
    pr = run([str(pyrun), "-m", "py4go_no_such_module"], cwd=tmp_path, check=False)
    assert pr.returncode == 1 and pr.stderr.endswith(": No module named py4go_no_such_module\n"), pr.stderr


def test_x_options(pyrun: Path) -> None:
    code = "import sys, faulthandler; print(sys.flags.utf8_mode, sys.flags.dev_mode, faulthandler.is_enabled())"
    py, pr = both(pyrun, PYTHON, ["-X", "utf8", "-X", "dev", "-X", "faulthandler", "-c", code])
    same(py, pr)
    assert pr.stdout == "1 True True\n"


def test_ctrl_c_raises_keyboard_interrupt(pyrun: Path) -> None:
    """pyrun gives Python its signal handlers: SIGINT during the program is a KeyboardInterrupt
    with its traceback, and the status a shell shows for python killed by SIGINT (130)."""
    proc = subprocess.Popen([str(pyrun), "-c", "import time\nprint('ready', flush=True)\ntime.sleep(60)"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env())
    try:
        assert proc.stdout.readline() == "ready\n"
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.startswith("Traceback (most recent call last):\n") and err.endswith("KeyboardInterrupt\n"), err
