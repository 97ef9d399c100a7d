"""The binding summary: every exported declaration counted, skips grouped by reason."""

from __future__ import annotations

from pathlib import Path

from tests.resolve.test_naming_rules import bind

SOURCE = """package p

import "os"

// T is a class.
type T struct{ A int }

func (T) Ok() int                { return 1 }
func (T) Big(x *os.File)          {}
func (T) unexported()            {}

type hidden struct{}

func (hidden) Method() {}

type Kind int

const (
\tKindA Kind = iota
\tKindB
)

func F(x *os.File)   {}
func G(c **int)   {}
func H() int         { return 1 }
func Map[K comparable](k K) {}

//py4go:skip
func Skipped(c **int) {}

//py4go:export
func lower() int { return 1 }

const Pi = 3.14
var V = H()
var W = struct{}{}
"""


def test_every_exported_declaration_is_counted(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, SOURCE)
    s = module.summary
    skipped = {k.name: k.reason for k in s.skipped}
    # *os.File is a class of another package (bindc.resolve.foreign): T.Big and F are bound.
    assert skipped == {"G": "**int", "Map": "generic", "var W": "struct{}"}, skipped
    # T, T.Ok, T.Big, Kind, KindA, KindB, F, G, H, Map, lower (in-package export), Pi, V, W;
    # not: unexported methods, methods of unexported types, //py4go:skip.
    assert (s.total, s.bound) == (14, 11)
    # os.File's own methods are counted apart: they are not declarations of the bound package.
    foreign = {c.py_name: c for c in module.classes if c.foreign}
    file_class = foreign["File"]
    assert (file_class.py_name, file_class.origin, file_class.constructible) == ("File", "os", False)
    # File.SyscallConn() returns syscall.RawConn, an interface of another package: GoRawConn
    # holds its values.
    assert set(foreign) == {"File", "GoRawConn"} and foreign["GoRawConn"].origin == "syscall"
    assert (s.foreign_classes, s.foreign_methods) == (2, sum(len(c.methods) for c in foreign.values()))
    assert s.foreign_methods < s.foreign_total  # SyscallConn, ReadDir... need types bindc does not map
    assert s.line() == ("bound 11 of 14 exported declarations; skipped 3: 1 **int, 1 generic, 1 struct{}; "
                        f"plus 2 classes of other packages ({s.foreign_methods} of {s.foreign_total} methods)")


def test_with_out_unexported_exports_are_not_counted(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, SOURCE, out=True)
    assert module.summary.total == 13


def test_an_interface_no_bound_declaration_uses_is_named(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, "package p\n\n// Used is a parameter.\ntype Used interface{ M() int }\n\n"
                                  "// Unused is not.\ntype Unused interface{ N() int }\n\n"
                                  "func Take(u Used) int { return u.M() }\n\nfunc Many(xs ...**int) {}\n")
    assert {k.name: k.reason for k in module.summary.skipped} == {"type Unused": "unused interface",
                                                                   "Many": "**int"}
    assert any(d.severity.value == "note" and d.message.startswith("interface Unused is not bound") for d in sink.items)


def test_an_interface_defined_from_another_packages_interface_is_one(tmp_path: Path) -> None:
    """toml's ``type TextMarshaler encoding.TextMarshaler``: an interface like the one it is
    defined from — bound as a Protocol when used, named in a note when not (it was counted as
    bound, and nothing was emitted)."""
    source = ("package p\n\nimport \"encoding\"\n\n// TextMarshaler is encoding's.\n"
              "type TextMarshaler encoding.TextMarshaler\n\n// Binary is used.\n"
              "type Binary encoding.BinaryMarshaler\n\nfunc Dump(b Binary) ([]byte, error) { return b.MarshalBinary() }\n")
    module, sink = bind(tmp_path, source)
    assert {k.name: k.reason for k in module.summary.skipped} == {"type TextMarshaler": "unused interface"}
    assert any(d.severity.value == "note" and d.message.startswith("interface TextMarshaler is not bound")
               for d in sink.items)
    assert module.summary.bound == module.summary.total - 1  # Dump and the Binary Protocol
