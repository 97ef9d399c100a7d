"""Named types, enums, constants and variables as the resolver sees them (no Go build)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.frontend import load_package
from bindc.resolve import BoundModule, resolve
from bindc.typemap.named import EnumMapping, NamedMapping


def bind(tmp_path: Path, source: str) -> tuple[BoundModule, str]:
    (tmp_path / "p.go").write_text("package p\n\n" + textwrap.dedent(source))
    package, diags = load_package(tmp_path)
    assert not [d for d in diags if d.severity.value == "error"], diags
    sink = DiagnosticSink()
    module = resolve(package, "p", sink, target_import="example.com/p")
    return module, "\n".join(d.message for d in sink.items)


def test_implicit_repetition_with_several_names_per_spec(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        const (
            A, B = iota * 10, iota * 100
            C, D
            _, _
            E, F
        )
    """)
    assert {c.py_name: c.value for c in module.values.constants} == {
        "A": 0, "B": 0, "C": 10, "D": 100, "E": 30, "F": 300}
    assert not warnings


def test_constants_may_refer_forward_and_cycles_are_reported(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        const Total = Part * 2
        const Part = 21
        const X = Y
        const Y = X
    """)
    assert {c.py_name: c.value for c in module.values.constants} == {"Total": 42, "Part": 21}
    assert "constant X skipped: constant X refers to itself" in warnings


def test_keyword_names_get_an_underscore(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, """
        type Answer int
        const (
            None Answer = iota
            True
            Final
        )
    """)
    [enum] = module.values.enums
    assert enum.py_members == (("None_", 0), ("True_", 1), ("Final_", 2))
    assert [c.py_name for c in module.values.constants] == ["None_", "True_", "Final_"]


def test_named_chain_converts_to_the_predeclared_type(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        type A float64
        type B A
        type C = B
        func F(b B, c C) A { return A(b) }
    """)
    [fn] = module.functions
    b, c = (p.mapping for p in fn.params)
    assert isinstance(b, NamedMapping) and b.inner.go_type == "float64" and b.py_annotation == "float"
    assert isinstance(c, NamedMapping) and c.named.name == "B"  # an alias is the type it names
    assert not warnings


def test_unbindable_named_types_are_skipped_with_the_reason(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        type Loop Loop2
        type Loop2 Loop
        type S struct{ X int }
        type M int
        func (M) String() string { return "" }
        type G[T any] int
        type Ch **int
        func F1(x Loop) {}
        func F2(s S) {}
        func F3(m M) {}
        func F4(c Ch) {}
    """)
    assert [f.go_name for f in module.functions] == ["F2", "F3"]  # S and M (it has methods) are classes
    assert [(c.py_name, c.is_value) for c in module.classes] == [("S", False), ("M", True)]
    assert "F1 skipped: parameter x: type Loop is defined in terms of itself" in warnings
    assert "F4 skipped: parameter c: type Ch: type **int is not supported" in warnings


def test_enum_needs_two_constants(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, """
        type Size uint16
        const Max Size = 100
        type Mode int8
        const (
            Read Mode = 1 << iota
            Write
        )
        func F(s Size, m Mode) {}
    """)
    size, mode = (p.mapping for p in module.functions[0].params)
    assert type(size) is NamedMapping and isinstance(mode, EnumMapping)
    assert mode.members == (("Read", 1), ("Write", 2))
    assert [e.py_name for e in module.values.enums] == ["Mode"]


def test_variables_get_accessors(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        import "errors"
        var (
            Name = "x"
            Ratio = 1.5
            Count int32
            Err = errors.New("e")
            hidden = 1
        )
    """)
    assert [(f.py_name, f.local) for f in module.functions] == [
        ("get_name", True), ("set_name", True), ("get_ratio", True), ("set_ratio", True),
        ("get_count", True), ("set_count", True)]
    assert module.functions[2].results[0].mapping.py_annotation == "float"
    assert warnings == ""
    assert [s.py_name for s in module.values.sentinels] == ["Err"]   # an error value: a class


def test_enum_methods_are_bound_by_value_or_skipped_with_the_reason(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        type Op int
        const (
            Add Op = iota
            Sub
        )
        func (o Op) String() string { return "" }
        func (o Op) Apply(a, b int) int { return 0 }
        func (o Op) ID() int { return 0 }
        func (o Op) Id() int { return 0 }
        func (o Op) Name() string { return "" }
        func (o Op) BitLength() int { return 0 }
        func (o *Op) Toggle() {}
        func (o Op) internal() {}
    """)
    assert not module.classes                                  # an enum, not a value class
    [enum] = module.values.enums
    assert enum.str_method is not None and enum.str_method.go_name == "String"
    assert [m.py_name for m in enum.methods] == ["apply", "id"]
    assert all(m.receiver is not None and m.receiver.value is enum.mapping for m in enum.methods)
    assert "Op.Id skipped: Python name 'id' is already an attribute of the IntEnum Op" in warnings
    assert "Op.Name skipped: Python name 'name' is already an attribute" in warnings
    assert "Op.BitLength skipped: Python name 'bit_length' is already an attribute" in warnings
    assert "Op.Toggle skipped: Op is an IntEnum, whose members cannot be changed in place" in warnings
    assert "internal" not in warnings


def test_value_class_property_steps_aside_for_a_value_method(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        type Money int64
        func (m Money) Value() int64 { return int64(m) }
        type Ch **int
        func (c Ch) Len() int { return len(c) }
    """)
    money, ch = module.classes
    assert [f.py_name for f in money.fields] == ["go_value"] and [m.py_name for m in money.methods] == ["value"]
    assert money.is_value and not money.fields[0].go_name
    assert not ch.fields and [m.py_name for m in ch.methods] == ["len"]   # no value property, methods kept
    assert "Ch: no value property: type Ch: type **int is not supported" in warnings


def test_sentinel_errors_are_classes(tmp_path: Path) -> None:
    """What makes a variable a sentinel: its written type error, or errors.New / fmt.Errorf
    (under any import name); other initialisers stay variables or are skipped as before."""
    module, warnings = bind(tmp_path, """
        import (
            "errors"
            f "fmt"
        )
        var ErrA = errors.New("a")
        var ErrB = f.Errorf("b %d", 1)
        var ErrC error
        var NotErr = len("x")
        //py4go:export Renamed
        var ErrD = errors.New("d")
        //py4go:skip
        var ErrE = errors.New("e")
        var errHidden = errors.New("h")
        var Other = errors.Join(ErrA, ErrB)
    """)
    # Other's type is errors.Join's declared result, error: a sentinel too.
    assert [(s.decl.name, s.py_name) for s in module.values.sentinels] == [
        ("ErrA", "ErrA"), ("ErrB", "ErrB"), ("ErrC", "ErrC"), ("ErrD", "Renamed"), ("Other", "Other")]
    assert module.values.sentinels[0].doc == "The Go error value ErrA."
    assert [f.py_name for f in module.functions] == ["get_not_err", "set_not_err"]


def test_sentinel_name_clash_is_a_warning(tmp_path: Path) -> None:
    module, warnings = bind(tmp_path, """
        import "errors"
        const ErrA = 1
        //py4go:export ErrA
        var ErrX = errors.New("x")
    """)
    assert module.values.sentinels == ()
    assert "ErrX skipped: Python name 'ErrA' is already used in the module" in warnings
