"""Struct types of other packages as classes of the module (the ``foreign`` pass): which types,
their names, depth, constructors, and their signatures in the bound package's terms. No Go
build: the standard library's sources are read from $GOROOT."""

from __future__ import annotations

from pathlib import Path

from bindc.emit.c_classes import no_constructor_message
from bindc.ir import NamedType, StructField, StructType, TypeDecl
from bindc.resolve.classes import zero_value_usable
from tests.resolve.test_naming_rules import bind, messages

SOURCE = """package p

import (
\t"bufio"
\t"bytes"
\tre "regexp"
\t"strings"
\t"time"
)

// Buffer is the package's own: bytes.Buffer steps aside.
type Buffer struct{ N int }

func Fresh() *bytes.Buffer            { return nil }
func Len(b *bytes.Buffer) int         { return b.Len() }
func Find(r *re.Regexp, s string) int { return 0 }
func Build(sb *strings.Builder)       {}
func When() time.Time                 { return time.Time{} }
func Scan(s *bufio.Scanner) bool      { return s.Scan() }

var Pattern = re.MustCompile("x")
"""


def classes_of(module):
    return {c.py_name: c for c in module.classes if c.foreign}


def test_types_the_api_names_become_classes_named_after_the_go_type(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, SOURCE, out=True)
    foreign = classes_of(module)
    # time.Time is a datetime (well known), not a class; the local Buffer keeps its name.
    # io.RuneReader (Regexp.MatchReader's parameter) gets the class of its values.
    assert set(foreign) == {"bytes_Buffer", "Regexp", "Builder", "Scanner", "GoRuneReader"}, set(foreign)
    assert [c.py_name for c in module.classes if not c.foreign] == ["Buffer"]
    assert "note: type bytes.Buffer (used by Fresh) is bound as class bytes_Buffer: the name Buffer is taken " \
           "in the module" in messages(sink)
    buf = foreign["bytes_Buffer"]
    assert (buf.origin, buf.named, buf.go_display) == ("bytes", NamedType("Buffer", "bytes"), "bytes.Buffer")
    assert buf.doc.startswith("A Buffer is a variable-sized buffer of bytes")
    assert {"len", "write_string", "read_from"} <= {m.py_name for m in buf.methods}
    assert buf.str_method is not None and buf.str_method.go_name == "String"
    # Every bound function uses them; the summary counts the package's declarations only.
    assert {f.py_name for f in module.functions if not f.local} == {"fresh", "len", "find", "build", "when", "scan"}
    assert module.summary.skipped == () and module.summary.foreign_classes == 5
    # The regexp import is named re in the package: the class's type is spelled that way.
    assert foreign["Regexp"].named == NamedType("Regexp", "re")
    assert any(f.variable == "Pattern" for f in module.functions if f.local)


def test_methods_are_rewritten_into_the_bound_package_terms(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, SOURCE, out=True)
    scanner = classes_of(module)["Scanner"]
    # bufio's func (s *Scanner) Buffer(buf []byte, max int) and Split(split SplitFunc): SplitFunc
    # is bufio's own type, qualified with bufio as seen from package p.
    split = next(m for m in scanner.methods if m.go_name == "Split")
    assert split.params[0].param.type == NamedType("SplitFunc", "bufio")
    # bytes.Buffer.WriteTo(w io.Writer): p does not import io; an import name was added.
    write_to = next(m for m in classes_of(module)["bytes_Buffer"].methods if m.go_name == "WriteTo")
    assert write_to.params[0].param.type == NamedType("Writer", "io")
    assert ("io", "io") in module.imports


def test_constructor_only_for_a_usable_zero_value(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, SOURCE, out=True)
    foreign = classes_of(module)
    assert foreign["bytes_Buffer"].constructible and foreign["Builder"].constructible  # their docs say so
    assert not foreign["Regexp"].constructible and not foreign["Scanner"].constructible
    assert no_constructor_message(module, foreign["Regexp"]) == (
        "Regexp (Go type regexp.Regexp) cannot be created from Python; obtain one from get_pattern(), Regexp.copy()")
    assert no_constructor_message(module, foreign["Scanner"]) == (
        "Scanner (Go type bufio.Scanner) cannot be created from Python; no function of this module returns one")


def test_zero_value_rule() -> None:
    def decl(doc: str, *names: str) -> TypeDecl:
        fields = tuple(StructField(n, NamedType("int")) for n in names)
        return TypeDecl("T", StructType(fields), doc, (), None)  # type: ignore[arg-type]

    assert zero_value_usable(decl("", "X", "Y"))                     # a plain record
    assert zero_value_usable(decl("The zero value is ready to use.", "x"))
    assert zero_value_usable(decl("A List.\nThe zero value for List is an empty\nlist ready to use.", "x"))
    assert not zero_value_usable(decl("The zero value is not usable; call New.", "x"))
    assert not zero_value_usable(decl("A Regexp is safe for concurrent use.", "x"))
    # Sentence by sentence: a warning elsewhere in the doc does not cancel the statement.
    assert zero_value_usable(decl("A T must not be copied after first use. Its zero value is fine.", "x"))


def test_types_beyond_depth_two_are_named_and_skipped(tmp_path: Path) -> None:
    # go/token.FileSet (depth 1) -> File, Position (depth 2) -> nothing deeper in token;
    # go/ast.File (depth 1) -> Ident, CommentGroup... (2) -> Object, Comment... (3): refused.
    module, sink = bind(tmp_path, 'package p\n\nimport "go/ast"\n\nfunc Name(f *ast.File) string '
                                  '{ return f.Name.Name }\n', out=True)
    foreign = classes_of(module)
    assert "File" in foreign and "Ident" in foreign and foreign["Ident"].named == NamedType("Ident", "ast")
    notes = [m for m in messages(sink) if "depth 3" in m]
    assert any(m.startswith("note: type go/ast.Object is not bound as a class: reached at depth 3 through ")
               for m in notes), notes
    assert "Object" not in foreign
    assert not any(f.mapping.py_annotation.startswith("Object") for f in foreign["Ident"].fields)


def test_internal_packages_only_from_the_tree_above(tmp_path: Path) -> None:
    from bindc.ir import Package
    from bindc.typemap.env import TypeEnv
    from bindc.typemap.foreign_classes import importable
    from bindc.typemap.interfaces import IN_PACKAGE_KEY

    def env(import_path: str, in_package: bool) -> TypeEnv:
        return TypeEnv(Package("m", str(tmp_path), import_path, (), (), (), ()), {}, {IN_PACKAGE_KEY: in_package})

    assert importable("example.com/m/geo", env("example.com/m", False))
    assert importable("example.com/m/internal/geo", env("example.com/m", True))
    assert importable("example.com/m/internal/geo", env("example.com/m/cmd/x", True))
    assert not importable("example.com/m/internal/geo", env("example.com/m", False))   # --out: a wrapper package
    assert not importable("example.com/m/lib/internal/x", env("example.com/m", True))
    assert not importable("internal/abi", env("reflect", False))


def test_a_method_naming_an_internal_package_is_left_out(tmp_path: Path) -> None:
    mod = tmp_path / "m"
    (mod / "lib" / "internal" / "inner").mkdir(parents=True)
    (mod / "go.mod").write_text("module example.com/m\n\ngo 1.22\n")
    (mod / "lib" / "internal" / "inner" / "inner.go").write_text("package inner\n\ntype X struct{ N int }\n")
    (mod / "lib" / "lib.go").write_text(
        'package lib\n\nimport "example.com/m/lib/internal/inner"\n\n// T is a thing.\ntype T struct{ n int }\n\n'
        "// N is n.\nfunc (t *T) N() int { return t.n }\n\n"
        "// Inner is internal.\nfunc (t *T) Inner() inner.X { return inner.X{N: t.n} }\n")
    module, sink = bind(mod, 'package m\n\nimport "example.com/m/lib"\n\nfunc Get() *lib.T { return nil }\n',
                        out=True)
    t = classes_of(module)["T"]
    assert [m.go_name for m in t.methods] == ["N"]
    assert any(m.startswith("note: method T.Inner of class T skipped: it names internal package "
                            "example.com/m/lib/internal/inner") for m in messages(sink)), messages(sink)
