"""End to end: slices, arrays, maps, any and *python.Object (tests/e2e/containers), in
extension mode (``bindc build``, imported by python) and embedded mode (a Go host program),
plus a leak check of 100,000 create/drop cycles and mypy's stubtest on the built module.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from bindc.driver import Request, generate_files
from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext, build_host
from tests.e2e.containers_checks import CHECKS, PRELUDE

HERE = Path(__file__).parent
CONTAINERS = HERE / "containers"
pytestmark = pytest.mark.go


def _script(mode: str, name: str) -> str:
    return (f"MODE = {mode!r}\nimport containers as c\n" + textwrap.dedent(PRELUDE)
            + textwrap.dedent(CHECKS[name]))


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("containers_ext"), CONTAINERS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_containers_behaviour(ext_dir: Path, name: str) -> None:
    run_python(_script("extension", name), path=ext_dir)


def test_every_function_is_bound(ext_dir: Path) -> None:
    """No function of the package was skipped (each is a container shape that must bind)."""
    result = generate_files(Request(package=str(CONTAINERS), out=ext_dir / "gen", cwd=CONTAINERS))
    assert not result.sink.render_all(), result.sink.render_all()


LEAK_CHECK = """
import ctypes, gc, sys, time
import containers as c

lib = ctypes.CDLL(c.__file__)

def settle():
    # *Object references Go dropped are released by finalizers, so let Go collect first.
    for _ in range(3):
        gc.collect()
        lib.py4goDebugFreeOSMemory()
        time.sleep(0.05)

o = object()
def cycle():
    c.sum_list([1, 2, 3]); c.numbers(10); c.upper(["a", "b"]); c.scale([1.5], 2.0)
    c.total({"a": 1, "b": 2}); c.counts("a b a"); c.lengths({"a": [1], "b": []})
    c.grid(2, 2); c.nest(2); c.table({1: {"x": 1.0}}); c.invert({"a": 1})
    c.echo({"a": [1, None, "x", 2.5]}); c.mixed(); c.record(); c.keys({"a": object()})
    c.same(o); c.first([object(), object()]); c.nil_inside(); c.chunks([b"x"])
    for bad in ([1, "x"], [2**70]):
        try:
            c.sum_list(bad)
        except (TypeError, OverflowError):
            pass

for _ in range(2_000):
    cycle()
settle()
start = sys.getallocatedblocks()
for _ in range(100_000):
    cycle()
settle()
end = sys.getallocatedblocks()
print(start, end)
assert end - start < 200, (start, end)
"""


def test_100k_create_drop_cycles_do_not_leak(ext_dir: Path) -> None:
    """100,000 cycles creating and dropping slices, maps, nested containers and objects
    leave sys.getallocatedblocks() where it started."""
    run_python(LEAK_CHECK, path=ext_dir, timeout=600)


def test_stubtest_accepts_generated_stub(ext_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "containers"], env=env, cwd=ext_dir)
    assert "Success" in proc.stdout


CLIENT = '''
from typing import Any
import containers as c

n: int = c.sum_list([1, 2]) + c.sum_list((1, 2)) + c.sum_list(range(3))
xs: list[int] = c.numbers(3)
rows: list[list[str]] = c.grid(1, 1)
m: dict[str, int] = c.counts("a")
t: int = c.total({"a": 1})
nest: dict[int, dict[str, float]] = c.nest(1)
v: Any = c.echo([1, "x"])
o: Any = c.same(object())
'''


def test_mypy_strict_client(ext_dir: Path, tmp_path: Path) -> None:
    """Sequence/Mapping parameters and list/dict results type-check; a wrong use is caught."""
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    good = tmp_path / "client.py"
    good.write_text(CLIENT)
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad_client.py"
    bad.write_text("import containers as c\nc.sum_list(['a'])\nx: list[str] = c.numbers(1)\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1, proc.stdout
    assert 'List item 0 has incompatible type "str"; expected "int"' in proc.stdout
    assert 'Incompatible types in assignment (expression has type "list[int]", variable has type "list[str]")' \
        in proc.stdout


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """A Go program embedding Python, with containers generated in-package."""
    return build_host(tmp_path_factory.mktemp("containers_embedded"), CONTAINERS, go, embed_env)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_containers_behaviour_embedded(host: Path, name: str, tmp_path: Path) -> None:
    script = tmp_path / "check.py"
    script.write_text(_script("embedded", name))
    run([str(host), str(script)], timeout=120)


def test_containers_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "containers")
