"""The reliability suite for Go -> Python generated calls (`bindc go`, issue 11).

- leaks: every kind of generated call (scalars, strings, options, containers, iterators,
  tuples, callbacks, enums, records, protocols, methods, attributes, classes, exceptions)
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
    assert proc.stdout.count('"kind"') >= 18, proc.stdout


def test_fuzz_generated_conversions(typedmod_module: Path, go: str,  # noqa: F811
                                    embed_env: dict[str, str], stress: bool) -> None:
    env = dict(embed_env, TYPEDMOD_DIR=str(HERE / "typedmod"))
    run([go, "test", "-count=1", "-run", "^$", "-fuzz", "^FuzzTypedRoundTrip$",
         "-fuzztime", "60s" if stress else "8s", "./typedmod/"], cwd=typedmod_module, env=env, timeout=1200)
