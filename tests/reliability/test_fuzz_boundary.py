"""Fuzzing the Python <-> Go boundary (issue 5, point 1).

* Every bound function of the kitchen package gets arbitrary Python values from hypothesis
  (``fuzz_kitchen.py``, run in its own interpreter so that a crash fails the test instead of
  killing pytest) and must return what a Python model of the Go function predicts or raise the
  predicted exception class with a message naming the function.
* The runtime's Go-side conversions are fuzzed with ``go test -fuzz`` (``runtime/bindcrt/fuzz_test.go``),
  one target per invocation.

Default sizes keep this file well under 30 s; ``pytest --stress`` runs 50x the examples and
fuzzes each Go target for a minute.
"""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest

from bindc.interpreter import find_interpreter
from bindc.resources import find_go, go_env, runtime_c_dir
from tests.reliability.conftest import run_script

HERE = Path(__file__).parent
pytestmark = pytest.mark.go


def test_hypothesis_fuzz_every_kitchen_function(kitchen_ext: Path, stress: bool) -> None:
    examples = 5000 if stress else 100
    proc = run_script(HERE / "fuzz_kitchen.py", str(examples), path=kitchen_ext, timeout=3600 if stress else 120)
    m = re.search(r"functions=(\d+) calls=(\d+) returned=(\d+) raised=(\d+) failures=0", proc.stdout)
    assert m, proc.stdout + proc.stderr
    functions, calls, returned, raised = map(int, m.groups())
    assert functions == 36
    assert calls >= functions * examples * 0.9  # hypothesis may stop early on tiny input spaces
    # Both outcomes are exercised in bulk: the strategies are not all rejected nor all accepted.
    assert returned > calls // 5 and raised > calls // 5, proc.stdout
    print(proc.stdout)


def test_fuzz_model_notices_a_wrong_binding(kitchen_ext: Path, tmp_path: Path) -> None:
    """The harness can fail: with int8's model widened to int16 range, fuzzing must catch it."""
    script = tmp_path / "broken_model.py"
    script.write_text(textwrap.dedent(f"""\
        import sys
        sys.path.insert(0, {str(HERE)!r})
        import fuzz_kitchen as f
        f.SPECS["int8"] = f.Spec((f.signed(16, "int8"),), f.echo)
        sys.argv = ["x", "200", "int8,int16"]
        sys.exit(f.main())
        """))
    proc = subprocess.run([*_python(), str(script)], env=_env(kitchen_ext), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FAIL int8" in proc.stderr and "model says" in proc.stderr, proc.stderr
    assert "FAIL int16" not in proc.stderr and "functions=2 " in proc.stdout, proc.stdout + proc.stderr


def _python() -> list[str]:
    import sys
    return [sys.executable, "-W", "ignore"]


def _env(path: Path) -> dict[str, str]:
    import os
    return dict(os.environ, PYTHONPATH=str(path), PYTHONFAULTHANDLER="1")


GO_FUZZ_TARGETS = ["FuzzStringBytes", "FuzzInts", "FuzzFloats", "FuzzContainers", "FuzzTypedFastInts"]


@pytest.mark.parametrize("target", GO_FUZZ_TARGETS)
def test_go_fuzz_runtime_conversions(target: str, stress: bool) -> None:
    """``go test -fuzz`` on one runtime conversion target (one worker: the machine is shared)."""
    fuzztime = "60s" if stress else "3s"
    env = go_env(find_interpreter().cgo_env())
    cmd = [find_go(), "test", "-count=1", "-run", "^$", "-fuzz", f"^{target}$", "-fuzztime", fuzztime,
           "-parallel", "1", "."]
    proc = subprocess.run(cmd, cwd=runtime_c_dir(), env=env, capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} (in runtime/bindcrt/) failed; a crasher is saved under "
                    f"runtime/bindcrt/testdata/fuzz/{target}/\n{out}", pytrace=False)
    execs = [int(n) for n in re.findall(r"execs: (\d+)", out)]
    assert execs and max(execs) > 100, out
    print(f"{target}: {max(execs)} execs in {fuzztime}")
