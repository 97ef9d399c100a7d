"""End to end: several Go packages in one shared library (``bindc build A B --package NAME``).

tests/e2e/bundle holds two packages of one Go module: ``geom`` (types) and ``measure``
(functions over geom's types). Built as the bundle ``shapes``, ``shapes.measure`` takes and
returns ``shapes.geom``'s classes, both modules live in one library (one Go runtime: package
state and the handle table are shared), and the stubs import the classes across modules.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from bindc.build import build_extension
from bindc.bundle import build_bundle
from tests.conftest import run, run_python

BUNDLE = Path(__file__).parent / "bundle"
pytestmark = pytest.mark.go

CHECKS = {
    "types_cross_between_modules": """
        from shapes import geom, measure
        p = geom.Point(3, 4)
        assert measure.sum(p) == 7 and measure.sum(geom.origin()) == 0
        measure.shift(p, 10)                      # *geom.Point: shared, the caller's object changes
        assert (p.x, p.y) == (13, 14)
        q = measure.moved(p, 1)                   # a geom.Point result is module geom's class
        assert type(q) is geom.Point and (q.x, q.y) == (14, 15)
        r = geom.Rect(geom.Point(0, 0), geom.Point(2, 3), "r")
        assert measure.area(r) == 6
        try:
            measure.area(None)                    # nil *geom.Rect: Go's nil dereference
        except measure.GoPanic as e:
            assert "nil pointer dereference" in str(e)
        try:
            measure.sum((1, 2))
        except TypeError as e:
            assert str(e) == "sum() argument 1 must be Point, not tuple", str(e)
        else:
            raise AssertionError("a tuple was accepted as a Point")
    """,
    "one_go_runtime": """
        import sys
        from shapes import geom, measure
        p = geom.Point(1, 1)
        # Package state of geom is one: what measure's Go code changes, geom's accessor reads.
        assert measure.touches(p) == 1 and geom.touch(p) == 2 and geom.get_count() == 2
        # One handle table: a Point made by geom counts in measure's view too.
        before = measure._py4go_live_handles()
        kept = [geom.Point(i, i) for i in range(10)]
        assert measure._py4go_live_handles() == geom._py4go_live_handles() == before + 10
        del kept
        assert measure._py4go_live_handles() == before
        # One library file mapped for both modules.
        maps = open("/proc/self/maps").read()
        assert len({l.split()[-1] for l in maps.splitlines() if "/shapes/_go." in l}) == 1
        assert sys.modules["shapes.measure"] is measure and measure.__name__ == "shapes.measure"
        assert geom.Point.__module__ == "shapes.geom" and geom.Rect.__module__ == "shapes.geom"
    """,
}


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    built = build_bundle([str(BUNDLE / "geom"), str(BUNDLE / "measure")], out, "shapes", cwd=BUNDLE)
    assert built.modules == ("geom", "measure")
    return out


def test_bundle_layout(bundle_dir: Path) -> None:
    names = sorted(p.name for p in (bundle_dir / "shapes").iterdir())
    assert names == sorted(["__init__.py", "__init__.pyi", f"_go{_suffix()}", "geom.pyi", "measure.pyi", "py.typed"])
    stub = (bundle_dir / "shapes" / "measure.pyi").read_text()
    assert "from shapes.geom import Point, Rect" in stub or (
        "from shapes.geom import Point" in stub and "from shapes.geom import Rect" in stub), stub
    assert "def moved(p: Point, d: int, /) -> Point:" in stub


def _suffix() -> str:
    import sysconfig

    return str(sysconfig.get_config_var("EXT_SUFFIX"))


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_bundle_behaviour(bundle_dir: Path, name: str) -> None:
    run_python(textwrap.dedent(CHECKS[name]), path=bundle_dir)


def test_mypy_checks_types_across_modules(bundle_dir: Path, tmp_path: Path) -> None:
    """The stubs agree: a client passing geom's Point to measure type-checks, a str does not."""
    env = dict(os.environ, MYPYPATH=str(bundle_dir))
    good = tmp_path / "client.py"
    good.write_text("from shapes import geom, measure\n\nq: geom.Point = measure.moved(geom.origin(), 1)\n"
                    "n: int = measure.sum(q)\n")
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad.py"
    bad.write_text("from shapes import measure\nmeasure.sum('x')\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1 and 'Argument 1 to "sum" has incompatible type "str"; expected "Point"' in proc.stdout, \
        proc.stdout


def test_bundle_is_smaller_than_separate_builds(tmp_path: Path) -> None:
    """One Go runtime instead of two: kitchen and callbacks bundled are much smaller than the
    two modules built apart (tests/bench/bench_bundle.py prints the figures for 1-3 packages)."""
    e2e = Path(__file__).parent
    bundle = build_bundle([str(e2e / "kitchen"), str(e2e / "callbacks")], tmp_path / "b", "pair", cwd=e2e)
    apart = 0
    for name in ("kitchen", "callbacks"):
        built = build_extension(str(e2e / name), tmp_path / name, cwd=e2e / name)
        assert built.extension is not None
        apart += built.extension.stat().st_size
    size = bundle.library.stat().st_size
    print(f"bundle {size} bytes, separate builds {apart} bytes")
    assert size < 0.7 * apart
    run_python("from pair import kitchen, callbacks\nassert kitchen.add(1, 2) == 3\n"
               "assert callbacks.apply(lambda x: x + 1, 1) == 2\n", path=tmp_path / "b")


def test_cli_needs_package_for_several_packages(tmp_path: Path) -> None:
    from tests.cli.test_cli import invoke

    r = invoke("build", str(BUNDLE / "geom"), str(BUNDLE / "measure"), "--out", str(tmp_path), cwd=BUNDLE)
    assert r.exit_code == 2 and "2 packages given: link them into one library with --package NAME" in r.output


def test_abi3_bundle_works_on_every_python(tmp_path: Path) -> None:
    """``--package`` with ``--abi3``: one ``_go.abi3.so`` whose modules cross types on 3.11-3.13."""
    from tests.pythons import interpreters

    built = build_bundle([str(BUNDLE / "geom"), str(BUNDLE / "measure")], tmp_path, "shapes", cwd=BUNDLE, abi3=True)
    assert built.library.name == "_go.abi3.so"
    found = [f for f in interpreters() if f.executable is not None]
    assert found
    for target in found:
        run_python(textwrap.dedent(CHECKS["types_cross_between_modules"]), path=tmp_path, python=target.executable)
