"""End to end: generic functions instantiated by ``//py4go:instantiate`` directives and by
``--instantiate`` (tests/e2e/generics), built with ``bindc build`` once for the module."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.conftest import run, run_python
from tests.e2e.generics_checks import CHECKS, INSTANTIATE, PRELUDE

GENERICS = Path(__file__).parent / "generics"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generics_ext")
    built = build_extension(str(GENERICS), out, cwd=GENERICS, instantiate=INSTANTIATE)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_generics_extension(ext_dir: Path, name: str) -> None:
    run_python(PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_generics_stub(ext_dir: Path) -> None:
    """The stub and the built module agree (mypy's stubtest), and the stub type-checks strictly."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "generics"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout
    proc = run([sys.executable, "-m", "mypy", "--strict", str(ext_dir / "generics.pyi")], env=env, cwd=ext_dir,
               check=False)
    assert proc.returncode == 0, proc.stdout


def test_stub_spells_each_instantiation(ext_dir: Path) -> None:
    stub = (ext_dir / "generics.pyi").read_text()
    for line in ("def map_int_str(s: Sequence[int] | _Buffer, f: Callable[[int], str], /) -> list[str]:",
                 "def lengths(s: Sequence[str], f: Callable[[str], int], /) -> list[int]:",
                 "def sum_celsius(*xs: float) -> float:",
                 "def largest_id(s: Sequence[int] | _Buffer, /) -> tuple[int, int]:",
                 "def count_bool(xs: Sequence[bool], /) -> dict[bool, int]:",
                 "def repeat_ints(v: int, n: int, /) -> list[int]:",
                 "class SetStr:", "class IntSet:", "    def union(self, o: SetStr | None, /) -> SetStr | None:",
                 "def new_int_set(*xs: int) -> IntSet | None:",
                 "    def __init__(self, /, key: str = '', value: float = 0.0) -> None: ...",
                 "def sum_list_int(n: NodeInt | None, /) -> int:"):
        assert line in stub, line
