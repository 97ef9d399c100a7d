"""Python names the resolver chooses or refuses: struct tags, dunders, clashes (no Go needed)."""

from __future__ import annotations

from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.emit.names import c_wrapper_name, field_stem, go_trampoline_name
from bindc.frontend import load_package
from bindc.resolve import BoundModule, resolve


def bind(tmp_path: Path, source: str, out: bool = False) -> tuple[BoundModule, DiagnosticSink]:
    (tmp_path / "p.go").write_text(source)
    package, diags = load_package(tmp_path)
    sink = DiagnosticSink()
    sink.extend(diags)
    return resolve(package, "p", sink, target_import="example.com/p" if out else None), sink


def messages(sink: DiagnosticSink) -> list[str]:
    return [f"{d.severity.value}: {d.message}" for d in sink.items]


def test_struct_tags_rename_and_skip_fields(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, 'package p\n\ntype T struct {\n\tA int `py4go:"alpha"`\n\tB int `py4go:"-"`\n'
                                  '\tC int `json:"c"`\n}\n')
    assert not sink.items, messages(sink)
    assert [f.py_name for f in module.classes[0].fields] == ["alpha", "c"]


def test_invalid_tag_name_is_an_error_naming_the_field(tmp_path: Path) -> None:
    _, sink = bind(tmp_path, 'package p\n\ntype T struct {\n\tA int `py4go:"not valid"`\n\tB int `py4go:"__x__"`\n}\n')
    msgs = messages(sink)
    assert "error: field T.A: struct tag py4go:'not valid' is not a valid Python attribute name" in msgs, msgs
    assert "error: field T.B: struct tag py4go:'__x__' is not a valid Python attribute name" in msgs, msgs


def test_two_fields_on_one_python_name_are_an_error(tmp_path: Path) -> None:
    _, sink = bind(tmp_path, "package p\n\ntype T struct {\n\tID int\n\tId int\n}\n")
    assert any("fields T.Id and T.ID both become Python name 'id'" in m for m in messages(sink)), messages(sink)


def test_a_dunder_export_name_is_an_error(tmp_path: Path) -> None:
    _, sink = bind(tmp_path, "package p\n\ntype T struct{}\n\n//py4go:export __len__\nfunc (T) Len() int { return 0 }\n")
    assert any("'__len__' is a Python special-method name" in m for m in messages(sink)), messages(sink)


def test_export_renames_a_method(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, "package p\n\ntype T struct{}\n\n//py4go:export size\nfunc (T) Len() int { return 0 }\n",
                        out=True)
    assert not sink.has_errors, messages(sink)
    assert [m.py_name for m in module.classes[0].methods] == ["size"]


def test_user_names_step_aside_for_generated_ones(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, "package p\n\ntype S struct{ Name string }\n\nfunc (S) Init() {}\n"
                                  "func (S) New() int { return 1 }\nfunc (S) GetName() string { return \"\" }\n")
    assert not sink.has_errors, messages(sink)
    cls = module.classes[0]
    methods = {m.go_name: m for m in cls.methods}
    assert c_wrapper_name(module, methods["Init"]) == "bindcpy_p_S_init_2"   # tp_init is bindcpy_p_S_init
    assert go_trampoline_name(module, methods["New"]) == "bindcgo_p_S_new_2"  # the constructor is bindcgo_p_S_new
    assert field_stem(module, cls, cls.fields[0]) == "name"                   # the field keeps its own
    assert go_trampoline_name(module, methods["GetName"]) == "bindcgo_p_S_get_name_2"


def test_a_type_named_channel_steps_aside_when_the_module_defines_channel(tmp_path: Path) -> None:
    """A package passing channels gets the module's own Channel class: its Go type Channel is
    class Channel_ (a note says so); without channels the Go type keeps its name."""
    source = ("package p\n\n// Channel is a TV channel.\ntype Channel struct{ Number int }\n\n"
              "func Tune(n int) Channel { return Channel{n} }\n")
    module, sink = bind(tmp_path, source + "\nfunc Pipe(c chan int) {}\n", out=True)
    assert not sink.has_errors, messages(sink)
    assert [c.py_name for c in module.classes] == ["Channel_"]
    assert "note: type Channel is bound as class Channel_: the module defines Channel itself" in messages(sink)
    plain = tmp_path / "plain"
    plain.mkdir()
    module, sink = bind(plain, source, out=True)
    assert [c.py_name for c in module.classes] == ["Channel"] and not sink.has_errors


def test_ambiguous_promoted_methods_are_not_bound(tmp_path: Path) -> None:
    """bufio.ReadWriter embeds *Reader and *Writer, which both have Size: Go excludes the
    ambiguous selector from the method set (and from deeper levels), so bindc must too."""
    module, sink = bind(tmp_path, "package p\n\n"
                                  "type R struct{}\n\nfunc (*R) Size() int { return 1 }\nfunc (*R) Read() int { return 2 }\n\n"
                                  "type W struct{ Inner }\n\nfunc (*W) Size() int { return 3 }\nfunc (*W) Write() int { return 4 }\n\n"
                                  "type Inner struct{}\n\nfunc (*Inner) Deep() int { return 5 }\n\n"
                                  "type RW struct {\n\t*R\n\t*W\n}\n")
    rw = next(c for c in module.classes if c.py_name == "RW")
    assert sorted(m.func.name for m in rw.methods) == ["Deep", "Read", "Write"], messages(sink)
