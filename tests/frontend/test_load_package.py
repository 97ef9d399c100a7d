"""load_package: file selection, package merging, package-level diagnostics."""

from pathlib import Path

from bindc.diagnostics import Severity
from bindc.frontend import load_package

TESTDATA = Path(__file__).parent / "testdata"


def func_names(pkg) -> set[str]:
    return {f.name for f in pkg.funcs}


def test_default_platform_selection() -> None:
    pkg, diagnostics = load_package(TESTDATA / "buildtags")
    assert diagnostics == []
    assert pkg.name == "buildtags" and pkg.doc == "Package buildtags exercises file selection."
    assert func_names(pkg) == {
        "Common", "OnLinux", "OnLinuxAmd64", "WithCgo", "UsesC", "generatedByBindc", "String",
    }
    files = {Path(f.path).name: f for f in pkg.files}
    assert "gen.go" not in files and "common_test.go" not in files and "_hidden.go" not in files
    assert files["usec.go"].uses_cgo and files["buildtags_bindc.go"].generated


def test_other_platform_tags_and_no_cgo() -> None:
    pkg, _ = load_package(TESTDATA / "buildtags", goos="darwin", goarch="arm64", cgo=False, tags=frozenset({"custom"}))
    assert func_names(pkg) == {
        "Common", "OnDarwin", "OnArm64", "WithoutCgo", "Custom", "generatedByBindc", "String",
    }
    windows, _ = load_package(TESTDATA / "buildtags", goos="windows")
    assert "LegacyWindows" in func_names(windows)


def test_skip_own_generated_files_but_not_others() -> None:
    pkg, _ = load_package(TESTDATA / "buildtags", skip_generated_by="bindc", import_path="example.com/buildtags")
    assert "generatedByBindc" not in func_names(pkg) and "String" in func_names(pkg)
    assert pkg.import_path == "example.com/buildtags"


def test_value_groups_are_unique_across_files() -> None:
    pkg, _ = load_package(TESTDATA / "buildtags")
    groups = {v.name: (v.group, v.iota_index) for v in pkg.values}
    assert groups["A"][0] == groups["B"][0] != groups["C"][0] == groups["D"][0] != groups["E"][0]
    assert groups["D"][1] == 1


def test_differing_package_names_are_an_error() -> None:
    pkg, diagnostics = load_package(TESTDATA / "mixedpkg")
    assert pkg.name == "one" and func_names(pkg) == {"A"}
    (error,) = diagnostics
    assert error.severity is Severity.ERROR
    assert error.message.startswith("found packages one (a.go) and two (b.go) in ")
    assert (Path(error.span.file).name, error.span.line, error.span.col) == ("b.go", 1, 1)


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    _, diagnostics = load_package(tmp_path / "nope")
    assert [d.severity for d in diagnostics] == [Severity.ERROR]
    assert "does not exist" in diagnostics[0].message
    _, diagnostics = load_package(tmp_path)
    assert "no buildable Go source files" in diagnostics[0].message


def test_bad_build_line_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text("//go:build linux &&\n\npackage a\n")
    (tmp_path / "b.go").write_text("package a\n\nfunc B() {}\n")
    pkg, diagnostics = load_package(tmp_path)
    assert func_names(pkg) == {"B"}
    assert [(Path(d.span.file).name, d.severity) for d in diagnostics] == [("a.go", Severity.ERROR)]
    assert "invalid //go:build line" in diagnostics[0].message
