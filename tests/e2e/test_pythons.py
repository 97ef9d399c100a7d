"""End to end on every supported Python: each interpreter found besides the running one (which
the rest of tests/e2e covers) gets the kitchen, classes and callbacks packages built for it with
``bindc build --python`` and runs their checks in a subprocess of that interpreter.

Interpreters: ``--pythons=PATH_OR_COMMAND,...`` or discovery (tests/pythons.py); a supported
version that is missing is one skip naming where the search looked. ``--all-suites`` runs every
e2e suite instead of the three of the default run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import run_python
from tests.e2e.hosts import build_ext
from tests.e2e.suites import DEFAULT_SUITES, SUITES
from tests.pythons import Found, interpreters

pytestmark = pytest.mark.go
RUNNING = "%d.%d" % sys.version_info[:2]


def targets(config: pytest.Config) -> list[Found]:
    """The interpreters to test: every one named by --pythons, or every supported version but
    the running one."""
    option = config.getoption("--pythons")
    found = interpreters(option)
    return list(found) if option else [f for f in found if f.version != RUNNING]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "target" not in metafunc.fixturenames:
        return
    names = sorted(SUITES) if metafunc.config.getoption("--all-suites") else DEFAULT_SUITES
    params = []
    for found in targets(metafunc.config):
        if found.executable is None:
            params.append(pytest.param(found, "", "", id=f"py{found.version}-missing",
                                       marks=pytest.mark.skip(reason=found.reason)))
            continue
        params += [pytest.param(found, suite, check, id=f"py{found.version}-{suite}-{check}")
                   for suite in names for check in sorted(SUITES[suite].checks)]
    metafunc.parametrize(("target", "suite", "check"), params)


@pytest.fixture(scope="session")
def built_for(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Found, str], Path]:
    """Build a suite's package for an interpreter once per session (``bindc build --python``)."""
    cache: dict[tuple[str, str], Path] = {}

    def build(target: Found, suite: str) -> Path:
        key = (str(target.executable), suite)
        if key not in cache:
            out = tmp_path_factory.mktemp(f"py{target.version}_{suite}")
            cache[key] = build_ext(out, SUITES[suite].package_dir, python=target.executable)
        return cache[key]

    return build


def test_checks_pass_on_every_python(built_for: Callable[[Found, str], Path], target: Found, suite: str,
                                     check: str) -> None:
    ext_dir = built_for(target, suite)
    tag = "cpython-" + target.version.replace(".", "")
    assert any(p.name.startswith(f"{suite}.{tag}") for p in ext_dir.iterdir()), sorted(ext_dir.iterdir())
    proc = run_python(SUITES[suite].script(check), path=ext_dir, python=target.executable, timeout=120, check=False)
    skip_if_missing_dependency(proc.stderr, suite, target.version)
    assert proc.returncode == 0, f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"


def skip_if_missing_dependency(stderr: str, suite: str, version: str) -> None:
    """A check that imports a third-party package (hypothesis) the target interpreter lacks is
    skipped with that reason; the module under test missing is a failure."""
    missing = re.search(r"ModuleNotFoundError: No module named '([\w.]+)'", stderr)
    if missing and missing.group(1).split(".")[0] != suite:
        pytest.skip(f"the check needs {missing.group(1)}, which Python {version} does not have installed")
