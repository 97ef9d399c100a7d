"""``bindc build`` on Go modules shaped like real ones (issue 9): a major-version module path,
a go.mod with require + replace of a local dependency, a go.mod without a ``go`` line; the
bound package is never written to; go's errors name real files.

Each test makes its modules in a temp dir and builds once (Go's build cache makes the runtime
compile once per session).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.test_cli import invoke
from tests.conftest import run_python


def write_module(root: Path, gomod: str, files: dict[str, str]) -> Path:
    """A Go module at ``root`` with ``go.mod`` text ``gomod`` and the given Go files."""
    root.mkdir(parents=True)
    (root / "go.mod").write_text(gomod)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root`` (names relative to it)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def build_and_import(pkg: Path, out: Path, code: str, *args: str) -> None:
    """``bindc build pkg --out out`` from the package's parent dir, then run ``code`` importing it."""
    r = invoke("build", str(pkg), "--out", str(out), *args, cwd=pkg.parent)
    assert r.exit_code == 0, r.output
    run_python(code, path=out)


@pytest.mark.go
@pytest.mark.parametrize("module_path", ["example.com/lib/v4", "gopkg.in/demo.v3"])
def test_major_version_module_paths_build(tmp_path: Path, module_path: str) -> None:
    """A /vN (or gopkg.in .vN) module needs a vN requirement in the build module."""
    pkg = write_module(tmp_path / "lib", f"module {module_path}\n\ngo 1.22\n", {
        "sub/sub.go": "// Package sub adds.\npackage sub\n\n// Add adds.\nfunc Add(a, b int) int { return a + b + 1000 }\n",
    })
    build_and_import(pkg / "sub", tmp_path / "out", "import sub\nassert sub.add(1, 2) == 1003\n")


@pytest.mark.go
def test_bound_go_mod_require_and_replace_apply(tmp_path: Path) -> None:
    """The bound module requires a published version of a sibling module and replaces it with
    the local copy (relative path): the build uses the local copy, as `go build` in the bound
    module would, and the package stays untouched."""
    write_module(tmp_path / "dep", "module example.com/dep\n\ngo 1.22\n", {
        "dep.go": "package dep\n\n// Greeting is the local copy's greeting.\nfunc Greeting() string { return \"local dep\" }\n",
    })
    app = write_module(tmp_path / "app", (
        "module example.com/app/v2\n\ngo 1.22\n\nrequire example.com/dep v1.4.0\n\n"
        "replace example.com/dep v1.4.0 => ../dep\n"), {
        "app.go": "// Package app greets.\npackage app\n\nimport \"example.com/dep\"\n\n"
                  "// Hello greets through dep.\nfunc Hello() string { return dep.Greeting() + \"!\" }\n",
    })
    before = snapshot(tmp_path / "dep") | snapshot(app)
    build_and_import(app, tmp_path / "out", "import app\nassert app.hello() == 'local dep!', app.hello()\n")
    assert snapshot(tmp_path / "dep") | snapshot(app) == before


@pytest.mark.go
def test_bindc_never_writes_into_the_bound_package(tmp_path: Path) -> None:
    """A go.mod without a `go` line used to gain one (`go list` under GOFLAGS=-mod=mod)."""
    pkg = write_module(tmp_path / "nogo", "module example.com/nogo\n", {
        "nogo.go": "// Package nogo doubles.\npackage nogo\n\n// Double doubles.\nfunc Double(x int) int { return 2 * x }\n",
    })
    before = snapshot(pkg)
    wrap = tmp_path / "wrap"
    assert invoke("generate", str(pkg), "--out", str(wrap), cwd=tmp_path).exit_code == 0
    assert invoke("check", str(pkg), "--out", str(wrap), cwd=tmp_path).exit_code == 0
    build_and_import(pkg, tmp_path / "out", "import nogo\nassert nogo.double(21) == 42\n")
    assert snapshot(pkg) == before


@pytest.mark.go
def test_go_build_errors_name_the_real_file(tmp_path: Path) -> None:
    """An error only the Go compiler sees is reported at the bound package's real path, not
    relative to bindc's build directory."""
    pkg = write_module(tmp_path / "bad", "module example.com/bad\n\ngo 1.22\n", {
        "bad.go": "// Package bad does not compile.\npackage bad\n\n// F is wrong.\nfunc F() int { return \"x\" }\n",
    })
    r = invoke("build", str(pkg), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert r.exit_code == 2
    assert "go build failed" in r.output
    assert "bad/bad.go:5:" in r.output, r.output
    assert "../" not in r.output, r.output
