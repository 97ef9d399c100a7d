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


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def read_package(root: Path, rel: str, module: str) -> tuple[m.Module, DiagnosticSink]:
    sink = DiagnosticSink()
    return Reader(root / rel, module, rel, sink, (3, 11)).read(), sink


def test_reader_follows_reexports_of_the_package(tmp_path: Path) -> None:
    """A package's API defined in private submodules (tomli, humanize, more_itertools)."""
    write_tree(tmp_path, {
        "pkg/__init__.py": "from ._impl import loads, Err, Doc as Doc, _hidden\n"
                           "from ._more import *\nfrom pkg.plain import helper as alias\n"
                           "from os.path import join\n",
        "pkg/_impl.py": "class Err(ValueError): ...\nclass Doc:\n    def get(self) -> int: ...\n"
                        "def loads(s: str) -> Doc: ...\ndef _hidden() -> None: ...\ndef unlisted() -> int: ...\n",
        "pkg/_more.py": "__all__ = ['chunked']\ndef chunked(n: int) -> list[int]: ...\ndef other() -> int: ...\n",
        "pkg/plain.py": "def helper(x: int) -> int: ...\n",
    })
    mod, sink = read_package(tmp_path, "pkg/__init__.py", "pkg")
    assert sorted(f.name for f in mod.functions) == ["alias", "chunked", "loads"]  # star honours _more.__all__
    assert [c.name for c in mod.classes] == ["Doc"]
    assert str(mod.functions[[f.name for f in mod.functions].index("loads")].result) == "Doc"  # the module's own type
    [err] = mod.exceptions
    assert (err.name, err.defined_in) == ("Err", "pkg._impl")
    assert not sink.items, sink.render_all()


def test_reexports_follow_all_and_stub_rules(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "a/__init__.pyi": "from .x import f as f, g\nfrom .y import h, k\n",  # a stub re-exports `f as f` only
        "a/x.pyi": "def f() -> int: ...\ndef g() -> int: ...\n",
        "a/y.pyi": "def h() -> int: ...\ndef k() -> int: ...\n",
        "b/__init__.py": "__all__ = ['k']\nfrom .y import h, k\n",  # __all__ decides
        "b/y.py": "def h() -> int: ...\ndef k() -> int: ...\n",
        "c/__init__.py": "from .d import f\n",  # a cycle: c -> c.d -> c
        "c/d.py": "from c import f\ndef f() -> int: ...\n",
    })
    assert [f.name for f in read_package(tmp_path, "a/__init__.pyi", "a")[0].functions] == ["f"]
    assert [f.name for f in read_package(tmp_path, "b/__init__.py", "b")[0].functions] == ["k"]
    assert [f.name for f in read_package(tmp_path, "c/__init__.py", "c")[0].functions] == ["f"]


def test_reader_self_type_checking_and_optional_tuples(tmp_path: Path) -> None:
    mod, sink = read(tmp_path, "from typing import TYPE_CHECKING, Self\nif TYPE_CHECKING:\n    from os import PathLike\n"
                               "class V:\n    @classmethod\n    def parse(cls, s: str) -> Self: ...\n"
                               "    def copy(self) -> 'Self': ...\n"
                               "def pre() -> tuple[str, int] | None: ...\n")
    [v] = mod.classes
    assert [str(f.result) for f in (*v.statics, *v.methods)] == ["V", "V"]
    assert not sink.items  # TYPE_CHECKING holds for a type checker: no "cannot evaluate" warning
    from bindc.pygo.calls import map_result_type
    from bindc.pygo.typemap import TypeMap
    warnings: list[str] = []
    t = map_result_type(TypeMap({}), mod.functions[0].result, lambda _span, msg: warnings.append(msg), None)
    assert t.kind == m.ANY and "optional tuple" in warnings[0]


def test_locate_follows_type_checker_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stub-only package (PEP 561) wins; a compiled module (mypyc) is read from the source beside it."""
    import importlib.machinery
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    write_tree(tmp_path, {
        "fastlib/__init__.py": "", "fastlib/py.typed": "", "fastlib/core.py": "def f(x: int) -> int: ...\n",
        f"fastlib/core{suffix}": "not really a shared library",
        "typedpkg/__init__.py": "", "typedpkg-stubs/__init__.pyi": "def g() -> str: ...\n",
    })
    monkeypatch.syspath_prepend(str(tmp_path))
    elsewhere = tmp_path / "elsewhere"  # the cwd: names are modules there, not directories
    elsewhere.mkdir()
    [core] = locate("fastlib.core", elsewhere)
    assert core.path.name == "core.py"
    [stub] = locate("typedpkg", elsewhere)
    assert stub.path == tmp_path / "typedpkg-stubs" / "__init__.pyi" and "stub package" in stub.label


def test_reader_unions_that_have_one_go_type(tmp_path: Path) -> None:
    """The numeric tower, bool as int, and typeshed's path and buffer spellings (parameters)."""
    mod, sink = read(tmp_path, "import os\nfrom _typeshed import StrPath, ReadableBuffer, StrOrBytesPath\n"
                               "from typing import SupportsFloat, SupportsIndex\n"
                               "def g(p: StrOrBytesPath, x: SupportsFloat, i: SupportsIndex) -> SupportsFloat: ...\n"
                               "def f(a: float | int, b: int | bool, c: str | os.PathLike[str], d: StrPath,\n"
                               "      e: ReadableBuffer, g: bytes | os.PathLike[bytes]) -> float | int: ...\n")
    g, f = mod.functions
    assert [str(p.type) for p in g.params] == ["str", "float", "int"]
    assert g.result.kind == m.ANY  # a result is any object that supports __float__: no Go type
    assert [str(p.type) for p in f.params][:5] == ["float", "int", "str", "str", "bytes"]
    assert f.params[5].type.kind == m.ANY and str(f.result) == "float"
    assert [d for d in sink.items if "bytes | os.PathLike[bytes]" in d.message]
