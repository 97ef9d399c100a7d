"""``build-backend = "bindc.backend"`` (issue 10, item 3): examples/pyproject-demo as pip builds
it, offline (``--no-build-isolation``: py4go is already in this environment).

The wheel is built once per module; one test installs it into a fresh venv, one installs the
project editable and rebuilds after a Go change, one builds a wheel from the sdist elsewhere.
The project-table checks run without Go.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import shutil
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from bindc.backend import load_project
from bindc.wheelfile import ProjectError, core_metadata
from tests.cli.venvs import make_venv, outside_env, pip_install
from tests.conftest import REPO, run

DEMO = REPO / "examples" / "pyproject-demo"
PY = f"cp{sys.version_info[0]}{sys.version_info[1]}"
TAG = f"{PY}-{PY}-{sysconfig.get_platform().replace('-', '_').replace('.', '_')}"


def copy_demo(dest: Path) -> Path:
    """A private copy of the example project (builds must not write into the checkout)."""
    shutil.copytree(DEMO, dest, ignore=shutil.ignore_patterns("*.so", "_fast.pyi", "py.typed", "__pycache__"))
    return dest


def pip_wheel(project: Path, dest: Path) -> Path:
    run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-cache-dir",
         "-w", str(dest), str(project)])
    return next(dest.glob("*.whl"))


@pytest.fixture(scope="module")
def demo_wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project copy, wheel) built by pip through bindc.backend."""
    root = tmp_path_factory.mktemp("backend")
    project = copy_demo(root / "demo-project")
    return project, pip_wheel(project, root / "dist")


# --- pyproject.toml checks (no Go) --------------------------------------------------------------

def write_pyproject(root: Path, tool: str) -> Path:
    (root / "go" / "fast").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "1.0"\n\n' + tool)
    return root


@pytest.mark.parametrize(("tool", "message"), [
    ("", "no [[tool.bindc.module]] entries"),
    ('[[tool.bindc.module]]\nname = "demo.-x"\npackage = "go/fast"\n', "name must be a dotted Python module name"),
    ('[[tool.bindc.module]]\nname = "demo._fast"\npackage = "go/nope"\n', "package 'go/nope' is not a directory"),
    ('[[tool.bindc.module]]\nname = "demo._fast"\npackage = "go/fast"\n[tool.bindc]\nabi3 = "yes"\n',
     "[tool.bindc] abi3 must be true or false, got 'yes'"),
    ('[tool.bindc]\nmodules = []\n', "unknown key(s) modules"),
])
def test_project_errors_name_the_key(tmp_path: Path, tool: str, message: str) -> None:
    with pytest.raises(ProjectError, match=None) as err:
        load_project(write_pyproject(tmp_path, tool))
    assert message in str(err.value) and str(tmp_path / "pyproject.toml") in str(err.value)


def test_project_of_the_example() -> None:
    project = load_project(DEMO)
    assert [(m.name, m.package, m.parent, m.leaf) for m in project.modules] == \
        [("demo._fast", DEMO / "go" / "fast", ["demo"], "_fast")]
    meta = core_metadata(project.meta, DEMO)
    assert meta.startswith("Metadata-Version: 2.1\nName: demo\nVersion: 0.1.0\n")
    assert "Requires-Python: >=3.11\n" in meta and "Description-Content-Type: text/markdown\n" in meta


def test_sdist_holds_go_sources_and_pkg_info(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "p")
    (project / "demo" / "_fast.cpython-311-x86_64-linux-gnu.so").write_bytes(b"stale in-place build")
    old = Path.cwd()
    os.chdir(project)
    try:
        from bindc.backend import build_sdist
        name = build_sdist(str(tmp_path / "dist"))
    finally:
        os.chdir(old)
    assert name == "demo-0.1.0.tar.gz"
    with tarfile.open(tmp_path / "dist" / name) as tar:
        names = set(tar.getnames())
        pkg_info = tar.extractfile("demo-0.1.0/PKG-INFO").read().decode()  # type: ignore[union-attr]
    assert {"demo-0.1.0/pyproject.toml", "demo-0.1.0/go/go.mod", "demo-0.1.0/go/fast/fast.go",
            "demo-0.1.0/demo/__init__.py", "demo-0.1.0/README.md"} <= names
    assert not any(n.endswith(".so") for n in names)
    assert "Name: demo\nVersion: 0.1.0\n" in pkg_info


# --- pip, through the backend (Go builds) -------------------------------------------------------

def read_record(wheel: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    record = next(n for n in wheel.namelist() if n.endswith(".dist-info/RECORD"))
    return {row[0]: (row[1], row[2]) for row in csv.reader(io.StringIO(wheel.read(record).decode()))}


@pytest.mark.go
def test_wheel_contents_tags_and_record(demo_wheel: tuple[Path, Path]) -> None:
    project, wheel_path = demo_wheel
    assert wheel_path.name == f"demo-0.1.0-{TAG}.whl"
    with zipfile.ZipFile(wheel_path) as wheel:
        names = wheel.namelist()
        so = next(n for n in names if n.startswith("demo/_fast.") and n.endswith(".so"))
        assert so == f"demo/_fast{sysconfig.get_config_var('EXT_SUFFIX')}"
        assert {"demo/__init__.py", "demo/_fast.pyi", "demo/py.typed", "demo-0.1.0.dist-info/METADATA",
                "demo-0.1.0.dist-info/WHEEL", "demo-0.1.0.dist-info/entry_points.txt"} <= set(names)
        assert not any(n.startswith("go/") for n in names)   # Go sources are in the sdist, not the wheel
        assert f"Tag: {TAG}\n" in wheel.read("demo-0.1.0.dist-info/WHEEL").decode()
        assert "Root-Is-Purelib: false\n" in wheel.read("demo-0.1.0.dist-info/WHEEL").decode()
        assert "demo-stats = demo:main" in wheel.read("demo-0.1.0.dist-info/entry_points.txt").decode()
        record = read_record(wheel)
        assert set(record) == set(names)
        for name in names:
            if name.endswith("RECORD"):
                assert record[name] == ("", "")
                continue
            data = wheel.read(name)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert record[name] == (f"sha256={digest}", str(len(data))), name
        binary = wheel.read(so)
    assert b"def fib(n: int, /) -> int" in zipfile.ZipFile(wheel_path).read("demo/_fast.pyi")
    # No path of the build machine: not the project, not bindc's cache, not this checkout.
    for path in {project, Path(os.environ["BINDC_CACHE_DIR"]), REPO, Path(sysconfig.get_paths()["include"])}:
        assert str(path).encode() not in binary, f"{path} is inside the extension"


@pytest.mark.go
@pytest.mark.slow
def test_wheel_installs_and_imports(demo_wheel: tuple[Path, Path], tmp_path: Path, go: str) -> None:
    python = make_venv(tmp_path / "venv")
    pip_install(python, demo_wheel[1])
    env = outside_env(tmp_path / "venv", go)
    done = run([str(python), "-c", "import demo, demo._fast as f; print(demo.fib_table(8), demo.median([5, 1, 3]))"],
               cwd=tmp_path, env=env)
    assert done.stdout == "[0, 1, 1, 2, 3, 5, 8, 13] 3.0\n"
    assert run([str(tmp_path / "venv" / "bin" / "demo-stats"), "4", "1", "3", "2"], cwd=tmp_path, env=env).stdout == "2.5\n"


@pytest.mark.go
@pytest.mark.slow
def test_editable_install_rebuilds_on_reinstall(tmp_path: Path, py4go_wheel: Path, go: str) -> None:
    project = copy_demo(tmp_path / "demo-project")
    python = make_venv(tmp_path / "venv")
    # --no-build-isolation runs the backend in the venv's own Python: py4go must be installed
    # there, as a user's venv would have it (this checkout is not on its sys.path).
    pip_install(python, py4go_wheel)
    pip_install(python, "--no-build-isolation", "-e", project)
    assert list((project / "demo").glob("_fast.*.so")) and (project / "demo" / "_fast.pyi").exists()
    env = outside_env(tmp_path / "venv", go)
    check = [str(python), "-c", "import demo; print(demo.__file__, demo.fib(10))"]
    assert run(check, cwd=tmp_path, env=env).stdout == f"{project / 'demo' / '__init__.py'} 55\n"
    fast = project / "go" / "fast" / "fast.go"
    fast.write_text(fast.read_text().replace("return a\n}", "return a + 1000\n}", 1))
    pip_install(python, "--no-build-isolation", "-e", project)
    assert run(check, cwd=tmp_path, env=env).stdout.endswith(" 1055\n")


@pytest.mark.go
@pytest.mark.slow
def test_sdist_builds_a_wheel_elsewhere(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "p")
    run([sys.executable, "-c", "import sys; from bindc.backend import build_sdist; print(build_sdist(sys.argv[1]))",
         str(tmp_path / "sdist")], cwd=project)
    with tarfile.open(tmp_path / "sdist" / "demo-0.1.0.tar.gz") as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    wheel = pip_wheel(tmp_path / "unpacked" / "demo-0.1.0", tmp_path / "dist")
    assert wheel.name == f"demo-0.1.0-{TAG}.whl"


@pytest.mark.go
def test_abi3_wheel_is_tagged_cp311_abi3_and_imports_on_every_python(tmp_path: Path) -> None:
    """``[tool.bindc] abi3 = true``: the wheel holds ``demo/_fast.abi3.so``, is tagged
    ``cp311-abi3-PLATFORM`` (file name and WHEEL), and its contents import on 3.11, 3.12, 3.13."""
    from tests.pythons import interpreters

    project = copy_demo(tmp_path / "p")
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n[tool.bindc]\nabi3 = true\n")
    old = Path.cwd()
    os.chdir(project)
    try:
        from bindc.backend import build_wheel
        name = build_wheel(str(tmp_path / "dist"))
    finally:
        os.chdir(old)
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    assert name == f"demo-0.1.0-cp311-abi3-{platform}.whl"
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(tmp_path / "dist" / name) as wheel:
        names = wheel.namelist()
        assert f"Tag: cp311-abi3-{platform}\n" in wheel.read("demo-0.1.0.dist-info/WHEEL").decode()
        wheel.extractall(unpacked)
    assert "demo/_fast.abi3.so" in names and not any(".cpython-" in n for n in names)
    found = [f for f in interpreters() if f.executable is not None]
    assert found, "no interpreter found"
    for target in found:
        proc = run([target.executable, "-c", "import demo; print(demo.fib_table(6), demo.median([3.0, 1.0, 2.0]))"],
                   env=dict(os.environ, PYTHONPATH=str(unpacked)))
        assert proc.stdout.strip() == "[0, 1, 1, 2, 3, 5] 2.0", (target.version, proc.stdout)


@pytest.mark.go
def test_several_modules_are_one_library_in_the_wheel(tmp_path: Path) -> None:
    """Two ``[[tool.bindc.module]]`` entries: one library (one Go runtime) and a loader per
    module in the wheel; module ``_measure`` takes and returns module ``_geom``'s classes."""
    project = tmp_path / "p"
    shutil.copytree(REPO / "tests" / "e2e" / "bundle", project / "go")
    (project / "demo").mkdir()
    (project / "demo" / "__init__.py").write_text("")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "1.0"\n\n'
        '[[tool.bindc.module]]\nname = "demo._geom"\npackage = "go/geom"\n\n'
        '[[tool.bindc.module]]\nname = "demo._measure"\npackage = "go/measure"\n')
    old = Path.cwd()
    os.chdir(project)
    try:
        from bindc.backend import build_wheel
        name = build_wheel(str(tmp_path / "dist"))
    finally:
        os.chdir(old)
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(tmp_path / "dist" / name) as wheel:
        names = set(wheel.namelist())
        wheel.extractall(unpacked)
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    assert {f"demo/_bindc_go{suffix}", "demo/_geom.py", "demo/_geom.pyi", "demo/_measure.py", "demo/_measure.pyi",
            "demo/py.typed", "demo/__init__.py"} <= names
    assert sum(n.endswith(".so") for n in names) == 1
    assert "from demo._geom import Point" in (unpacked / "demo" / "_measure.pyi").read_text()
    proc = run([sys.executable, "-c", "from demo import _geom, _measure\n"
                "q = _measure.moved(_geom.Point(1, 2), 1)\n"
                "assert type(q) is _geom.Point and (q.x, q.y) == (2, 3)\n"
                "assert _measure.touches(q) == 1 and _geom.get_count() == 1\n"
                "assert _geom.Point.__module__ == 'demo._geom'\n"
                "print(_measure.__name__, _measure.__file__.endswith('" + suffix + "'))\n"],
               env=dict(os.environ, PYTHONPATH=str(unpacked)))
    assert proc.stdout.split() == ["demo._measure", "True"]
