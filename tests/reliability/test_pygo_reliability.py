"""The reliability suite for Go -> Python generated calls (`bindc go`, issue 11).

- leaks: every kind of generated call (scalars, strings, options, containers, iterators,
  tuples, callbacks, enums, records, protocols, methods, attributes, classes, exceptions, and
  the scalar fast path's outcomes: bool, None, exception, overflow, without the GIL)
  N times, Python's allocated blocks measured over three windows (typedmod_leak_test.go);
- fuzzing: ``go test -fuzz`` over the generated conversions (typedmod_fuzz_test.go: any
  string, int, float, bytes and bool round-trips, invalid UTF-8 is an error).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run
from tests.pygo.test_pygo_e2e import HERE, typedmod_module  # noqa: F401  (the fixture)

pytestmark = pytest.mark.go


def test_generated_calls_do_not_leak(typedmod_module: Path, go: str,  # noqa: F811
                                     embed_env: dict[str, str], stress: bool) -> None:
    calls = 1_000_000 if stress else 50_000
    env = dict(embed_env, TYPEDMOD_DIR=str(HERE / "typedmod"), PYGO_LEAK_CALLS=str(calls))
    proc = run([go, "test", "-count=1", "-v", "-run", "TestGeneratedCallsDoNotLeak", "./typedmod/"],
               cwd=typedmod_module, env=env, timeout=3600)
    assert proc.stdout.count('"kind"') >= 24, proc.stdout


def test_fuzz_generated_conversions(typedmod_module: Path, go: str,  # noqa: F811
                                    embed_env: dict[str, str], stress: bool) -> None:
    env = dict(embed_env, TYPEDMOD_DIR=str(HERE / "typedmod"))
    for target, seconds in (("FuzzTypedRoundTrip", 8), ("FuzzDatetimes", 3)):  # go test fuzzes one target a run
        run([go, "test", "-count=1", "-run", "^$", "-fuzz", f"^{target}$",
             "-fuzztime", "60s" if stress else f"{seconds}s", "./typedmod/"], cwd=typedmod_module, env=env,
            timeout=1200)


@pytest.mark.skipif(__import__("tests.reliability.sanitizers", fromlist=["x"]).skip_reason() is not None,
                    reason="AddressSanitizer is not available")
def test_generated_calls_under_asan(typedmod_module: Path, tmp_path: Path) -> None:  # noqa: F811
    """The typedmod Go tests (every mapping, threads, goroutines, fuzz seeds), built with
    ``go test -asan`` so py4go_typed.c and the C runtime are instrumented, report nothing."""
    from bindc.resources import find_go, go_env
    from tests.reliability import sanitizers as san
    from tests.reliability.test_sanitizers import assert_clean, assert_instrumented, go_build_env, sanitized

    binary = tmp_path / "typedmod_asan.test"
    run([find_go(), "test", "-asan", "-c", "-o", str(binary), "./typedmod/"], cwd=typedmod_module,
        env=go_build_env(embed=True), timeout=900)
    assert_instrumented(binary, "py4go_typed_call")
    env = san.run_env(dict(go_env(), TYPEDMOD_DIR=str(HERE / "typedmod")), preload=False)
    proc, report = sanitized([str(binary), "-test.count=1", "-test.v"], cwd=typedmod_module, env=env, timeout=900)
    assert_clean("typedmod tests (go test -asan)", proc, report)
    assert "\n--- FAIL" not in proc.stdout and proc.stdout.rstrip().endswith("PASS"), proc.stdout
