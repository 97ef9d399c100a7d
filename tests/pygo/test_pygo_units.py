"""Unit tests of bindc go's passes: Go names, stub conditions, reading types, locating sources."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bindc.diagnostics import DiagnosticSink
from bindc.pygo import model as m
from bindc.pygo.conditions import evaluate
from bindc.pygo.driver import default_package
from bindc.pygo.names import Scope, exported, unexported
from bindc.pygo.reader import Reader
from bindc.pygo.source import SourceError, locate


@pytest.mark.parametrize("py, go", [("get_url", "GetURL"), ("user_id", "UserID"), ("to_json", "ToJSON"),
                                    ("TextWrapper", "TextWrapper"), ("parse_http_url", "ParseHTTPURL"),
                                    ("_private", "Private"), ("rgb_to_hls", "RgbToHls")])
def test_exported_names_use_go_initialisms(py: str, go: str) -> None:
    assert exported(py) == go


@pytest.mark.parametrize("py, go", [("user_id", "userID"), ("URL", "url"), ("type", "type_"), ("func", "func_"),
                                    ("err", "err_"), ("py0", "py0_"), ("items", "items_"), ("x", "x")])
def test_parameter_names_avoid_keywords_and_generated_locals(py: str, go: str) -> None:
    assert unexported(py) == go


def test_scope_makes_names_unique() -> None:
    s = Scope()
    assert [s.claim("Add"), s.claim("Add"), s.claim("Add")] == ["Add", "Add2", "Add3"]


@pytest.mark.parametrize("test, truth", [("sys.version_info >= (3, 11)", True), ("sys.version_info >= (3, 12)", False),
                                         ("sys.version_info < (3, 12) and sys.platform != 'win32'", True),
                                         ("not sys.version_info >= (3, 10)", False),
                                         ("sys.version_info[0] == 3", True), ("foo()", None)])
def test_stub_conditions(test: str, truth: bool | None) -> None:
    assert evaluate(ast.parse(test, mode="eval").body, (3, 11), "linux") is truth


def read(tmp_path: Path, source: str) -> tuple[m.Module, DiagnosticSink]:
    f = tmp_path / "mod.pyi"
    f.write_text(source)
    sink = DiagnosticSink()
    return Reader(f, "mod", "mod.pyi", sink, (3, 11)).read(), sink


def test_reader_resolves_types(tmp_path: Path) -> None:
    mod, sink = read(tmp_path, "from typing import Optional, Sequence, Iterator, Callable\n"
                               "import typing as t\n"
                               "def f(a: Optional[int], b: Sequence[str], c: t.Mapping[str, float],\n"
                               "      d: Callable[[int], bool], e: 'list[bytes]') -> Iterator[str]: ...\n")
    f = mod.functions[0]
    assert [str(p.type) for p in f.params] == ["int | None", "list[str]", "dict[str, float]",
                                               "callable[int, bool]", "list[bytes]"]
    assert str(f.result) == "iter[str]" and not sink.items


def test_reader_reports_unsupported_with_position(tmp_path: Path) -> None:
    mod, sink = read(tmp_path, "def f(x: set[int]) -> int: ...\n")
    assert mod.functions[0].params[0].type.kind == m.ANY
    [d] = sink.items
    assert (d.span.line, d.span.col) == (1, 10) and "set[int]" in d.message and "falls back" in d.message


def test_reader_classifies_classes(tmp_path: Path) -> None:
    mod, _ = read(tmp_path, "import enum\nfrom typing import TypedDict, Protocol\n"
                            "class E(enum.IntEnum):\n    A = 1\n    B = enum.auto()\n"
                            "class R(TypedDict, total=False):\n    x: int\n"
                            "class P(Protocol):\n    def m(self) -> int: ...\n"
                            "class X(ValueError): ...\nclass Y(X): ...\n"
                            "class C:\n    def __init__(self, n: int) -> None: ...\n")
    assert [(e.name, [(x.name, x.value) for x in e.members]) for e in mod.enums] == [("E", [("A", 1), ("B", 2)])]
    assert mod.records[0].fields[0].optional
    assert mod.protocols[0].methods[0].name == "m"
    assert [(x.name, x.base) for x in mod.exceptions] == [("X", None), ("Y", "X")]
    assert mod.classes[0].init.params[0].name == "n"


def test_locate_sources(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "b.py").write_text("")
    (tmp_path / "pkg" / "b.pyi").write_text("")
    assert [s.module for s in locate("a.py", tmp_path)] == ["a"]
    assert [(s.module, s.path.suffix) for s in locate("pkg", tmp_path)] == [("b", ".pyi")]  # the stub wins
    assert "typeshed" in locate("textwrap", tmp_path)[0].label
    with pytest.raises(SourceError, match="no stub found"):
        locate("no_such_module_xyz", tmp_path)
    with pytest.raises(SourceError, match="no such file"):
        locate("missing.py", tmp_path)


def test_default_package_names() -> None:
    assert default_package("dir/my-mod.py") == "mymod"
    assert default_package("os.path") == "path"
    assert default_package("type.pyi") == "type_"
