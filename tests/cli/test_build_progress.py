"""Fast, visible builds (issue 10, item 7): phases in order, diagnostics before ``go build``,
the summary last, ``--quiet``, and a rebuild with nothing changed rewrites nothing.
(Times are printed by tests/bench/bench_build.py, never asserted here.)"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import pytest

from bindc.build import build_extension
from bindc.progress import Reporter, human_size
from tests.cli.test_cli import invoke

GO = ("// Package tally counts.\npackage tally\n\n// Add adds.\nfunc Add(a, b int) int { return a + b }\n\n"
      "// Ch takes a pointer to a pointer.\nfunc Ch(c **int) {}\n")


class Recorder(Reporter):
    """Every event, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def phase(self, name: str) -> None:
        self.events.append(("phase", name))

    def diagnostics(self, text: str) -> None:
        self.events.append(("diagnostics", text))

    def done(self, summary: str) -> None:
        self.events.append(("done", summary))


@pytest.fixture()
def tally(tmp_path: Path) -> Path:
    pkg = tmp_path / "tally"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module example.com/tally\n\ngo 1.22\n")
    (pkg / "tally.go").write_text(GO)
    return pkg


@pytest.mark.go
def test_phases_diagnostics_then_go_build_then_summary(tally: Path, tmp_path: Path) -> None:
    rec = Recorder()
    built = build_extension(str(tally), tmp_path / "out", cwd=tmp_path, reporter=rec)
    kinds = [e for e in rec.events if e[0] == "phase"]
    assert [name for _, name in kinds] == ["locate", "parse", "resolve", "verify C API", "emit", "go build"]
    diag = rec.events.index(next(e for e in rec.events if e[0] == "diagnostics"))
    assert "Ch skipped" in rec.events[diag][1]
    assert diag < rec.events.index(("phase", "go build"))
    assert rec.events[-1][0] == "done"
    assert rec.events[-1][1].startswith("tally: bound 1 of 2 exported declarations; skipped 1: 1 **int -> out/tally.") and " MB)" in rec.events[-1][1]

    # Nothing changed: up to date, the warnings replayed.
    assert built.extension is not None and built.stub is not None
    again = Recorder()
    build_extension(str(tally), tmp_path / "out", cwd=tmp_path, reporter=again)
    assert [e[0] for e in again.events] == ["diagnostics", "done"]
    assert again.events[-1][1].endswith("(up to date)")
    # Outputs are copies of the build directory's: touched ones (same content) stay as they
    # are, a deleted one is installed again, and another --out gets the same files; no go build.
    for path in (built.extension, built.stub):
        os.utime(path, (1_000_000, 1_000_000))
    built.stub.unlink()
    touched = Recorder()
    elsewhere = build_extension(str(tally), tmp_path / "elsewhere", cwd=tmp_path, reporter=touched)
    build_extension(str(tally), tmp_path / "out", cwd=tmp_path, reporter=touched)
    assert ("phase", "go build") not in touched.events and built.stub.exists()
    assert built.extension.stat().st_mtime == 1_000_000
    assert elsewhere.extension == tmp_path / "elsewhere" / built.extension.name
    assert elsewhere.extension.read_bytes() == built.extension.read_bytes()
    assert elsewhere.stub is not None and elsewhere.stub.read_text() == built.stub.read_text()
    # An edited Go file is a full build again.
    (tally / "tally.go").write_text(GO + "\n// Sub subtracts.\nfunc Sub(a, b int) int { return a - b }\n")
    fourth = Recorder()
    build_extension(str(tally), tmp_path / "out", cwd=tmp_path, reporter=fourth)
    assert fourth.events[-1][1].startswith("tally: bound 2 of 3 exported declarations; skipped 1: 1 **int")


@pytest.mark.go
def test_cli_output_plain_and_quiet(tally: Path, tmp_path: Path) -> None:
    r = invoke("build", str(tally), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("bindc: ") and line.endswith(" s")][:2] == \
        ["locate", "parse"]
    assert any(line.startswith("bindc: go build ") for line in lines)
    assert lines[-1].startswith("bindc: tally: bound 1 of 2 exported declarations; skipped 1: 1 **int -> out/tally.") and lines[-1].endswith(" s")
    quiet = invoke("build", str(tally), "--out", str(tmp_path / "out"), "--quiet", cwd=tmp_path)
    assert quiet.exit_code == 0 and quiet.output == ""   # a warning is not an error
    (tally / "tally.go").write_text(GO.replace("return a + b", 'return "x"'))
    failed = invoke("build", str(tally), "--out", str(tmp_path / "out"), "-q", cwd=tmp_path)
    assert failed.exit_code == 2
    assert failed.output.startswith("bindc build: go build failed:") and "tally/tally.go:5:" in failed.output


@pytest.mark.go
def test_cli_abi3_builds_one_abi3_module_next_to_a_full_build(tally: Path, tmp_path: Path) -> None:
    """``bindc build --abi3``: the limited-API proof is a phase before ``go build``, the output is
    ``NAME.abi3.so``, and a full-API build into the same folder is a separate build (both stay)."""
    rec = Recorder()
    built = build_extension(str(tally), tmp_path / "out", cwd=tmp_path, reporter=rec, abi3=True)
    phases = [name for kind, name in rec.events if kind == "phase"]
    assert phases == ["locate", "parse", "resolve", "verify C API", "emit", "verify limited API", "go build"]
    assert built.extension == tmp_path / "out" / "tally.abi3.so"
    r = invoke("build", str(tally), "--out", str(tmp_path / "out"), "-q", cwd=tmp_path)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".so") == \
        sorted(["tally.abi3.so", f"tally{sysconfig.get_config_var('EXT_SUFFIX')}"])
    again = invoke("build", str(tally), "--out", str(tmp_path / "out"), "--abi3", cwd=tmp_path)
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[-1].startswith(
        "bindc: tally: bound 1 of 2 exported declarations; skipped 1: 1 **int -> out/tally.abi3.so " \
        f"({human_size(built.extension.stat().st_size)}) (up to date) in ")


def test_abi3_needs_python_3_11_or_later(tally: Path, tmp_path: Path) -> None:
    """The limited API of 3.11 is the floor: an older target interpreter is a clear error."""
    from bindc.build import BuildError
    from tests.pythons import discover

    old = discover("3.10")
    if old.executable is None:
        pytest.skip(old.reason)
    with pytest.raises(BuildError) as err:
        build_extension(str(tally), tmp_path / "out", cwd=tmp_path, python=old.executable, abi3=True)
    assert str(err.value).startswith("--abi3 builds for the limited API of CPython 3.11, but ")
    assert "build with Python 3.11 or later" in str(err.value)
