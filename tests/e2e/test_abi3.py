"""End to end, abi3: one ``bindc build --abi3`` per package (with the running interpreter)
gives ``NAME.abi3.so``, and that same file imports and passes the package's checks on every
supported Python found (3.11, 3.12, 3.13; see tests/pythons.py for ``--pythons`` and the skip
reasons). The default run covers kitchen, classes and callbacks; ``--all-suites`` every suite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import run_python
from tests.e2e.hosts import build_ext
from tests.e2e.suites import DEFAULT_SUITES, SUITES
from tests.e2e.test_pythons import skip_if_missing_dependency
from tests.pythons import Found, interpreters

pytestmark = pytest.mark.go


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "abi3_target" not in metafunc.fixturenames:
        return
    names = sorted(SUITES) if metafunc.config.getoption("--all-suites") else DEFAULT_SUITES
    params = []
    for found in interpreters(metafunc.config.getoption("--pythons")):
        if found.executable is None:
            params.append(pytest.param(found, "", "", id=f"py{found.version}-missing",
                                       marks=pytest.mark.skip(reason=found.reason)))
            continue
        params += [pytest.param(found, suite, check, id=f"py{found.version}-{suite}-{check}")
                   for suite in names for check in sorted(SUITES[suite].checks)]
    metafunc.parametrize(("abi3_target", "suite", "check"), params)


@pytest.fixture(scope="session")
def abi3_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``bindc build --abi3`` of a suite's package, once per session, with the running Python."""
    cache: dict[str, Path] = {}

    def build(suite: str) -> Path:
        if suite not in cache:
            cache[suite] = build_ext(tmp_path_factory.mktemp(f"abi3_{suite}"), SUITES[suite].package_dir, abi3=True)
        return cache[suite]

    return build


def test_abi3_build_writes_one_abi3_module(abi3_build: Callable[[str], Path]) -> None:
    out = abi3_build("kitchen")
    assert sorted(p.name for p in out.iterdir()) == ["kitchen.abi3.so", "kitchen.pyi"]


def test_abi3_module_passes_the_checks_on_every_python(abi3_build: Callable[[str], Path], abi3_target: Found,
                                                       suite: str, check: str) -> None:
    ext_dir = abi3_build(suite)
    assert (ext_dir / f"{suite}.abi3.so").is_file()
    proc = run_python(SUITES[suite].script(check), path=ext_dir, python=abi3_target.executable, timeout=120,
                      check=False)
    skip_if_missing_dependency(proc.stderr, suite, abi3_target.version)
    assert proc.returncode == 0, f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"

