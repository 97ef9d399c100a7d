"""`bindc go` end to end: generate typed Go packages, then `go test -race` them.

- typedmod/: a module of our own using every mapping (typedmod.py) and its Go test;
- stdlib/: ten standard-library modules typed from typeshed's stubs (inside mypy), whose Go
  test compares each call with what Python computes.
Each Go module is generated once per session into a temporary directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.pygo.driver import GoRequest, generate_go
from bindc.resources import runtime_dir
from bindc.writer import write_all
from tests.conftest import run

pytestmark = pytest.mark.go

HERE = Path(__file__).resolve().parent
STDLIB_MODULES = ("textwrap", "difflib", "colorsys", "html", "json", "shlex", "statistics", "fnmatch", "base64",
                  "keyword")


def go_module(root: Path, name: str) -> None:
    """A go.mod for ``name`` using this checkout's runtime."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "go.mod").write_text(
        f"module {name}\n\ngo 1.22\n\nrequire github.com/py4go/py4go/runtime v0.0.0\n\n"
        f"replace github.com/py4go/py4go/runtime => {runtime_dir()}\n")


def generate(source: str, out: Path, cwd: Path = HERE) -> None:
    result = generate_go(GoRequest(source=source, out=out, cwd=cwd))
    assert not result.sink.has_errors, result.sink.render_all()
    assert write_all(result.files)


@pytest.fixture(scope="module")
def typedmod_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pygo-typedmod")
    go_module(root, "example.com/pygoe2e")
    generate(str(HERE / "typedmod" / "typedmod.py"), root / "typedmod")
    for test in (HERE / "typedmod").glob("*_test.go"):  # e2e, fuzz (seeds), leak (skipped unless asked)
        (root / "typedmod" / test.name).write_text(test.read_text())
    return root


@pytest.fixture(scope="module")
def stdlib_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pygo-stdlib")
    go_module(root, "example.com/pygostd")
    for name in STDLIB_MODULES:
        generate(name, root / name, cwd=root)
    generate(str(HERE / "edge" / "edge.pyi"), root / "edge")  # the golden edge cases must compile and vet too
    (root / "stdlib").mkdir()
    (root / "stdlib" / "stdlib_e2e_test.go").write_text((HERE / "stdlib" / "stdlib_e2e_test.go").read_text())
    return root


def test_typedmod_go_test_race(typedmod_module: Path, go: str, embed_env: dict[str, str]) -> None:
    """Every mapping, exceptions, callbacks from Python threads, 8 goroutines: go vet + go test -race."""
    env = dict(embed_env, TYPEDMOD_DIR=str(HERE / "typedmod"))
    run([go, "vet", "./..."], cwd=typedmod_module, env=env)
    run([go, "test", "-race", "-count=1", "./..."], cwd=typedmod_module, env=env, timeout=900)


def test_stdlib_go_test_race(stdlib_module: Path, go: str, embed_env: dict[str, str]) -> None:
    """Ten stdlib modules typed from typeshed (and the golden edge cases) compile, vet clean,
    and agree with Python."""
    run([go, "vet", "./..."], cwd=stdlib_module, env=embed_env)
    run([go, "test", "-race", "-count=1", "./stdlib/"], cwd=stdlib_module, env=embed_env, timeout=900)
