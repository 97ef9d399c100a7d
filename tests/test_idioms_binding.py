"""Unit tests of how bindc classifies the everyday idioms (no Go build): out-parameters
(bindc.resolve.outparams), equality/ordering methods (bindc.ordering), in-place and byte-array
mappings (bindc.typemap.inout, bindc.typemap.bytearrays) and named func types."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bindc.driver import Request, generate_files
from bindc.ordering import class_ordering
from bindc.resolve import BoundModule
from bindc.typemap.bytearrays import BYTE_ARRAY_PARAM
from bindc.typemap.funcs import FuncMapping
from bindc.typemap.inout import InPlaceSlice, OutAny, SlicePointer
from bindc.typemap.named import NamedMapping

SOURCE = """\
package p

import "encoding/json"

// Unmarshal decodes (an out-parameter by its name).
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// Load stores the value in the value pointed to by dst.
func Load(src string, dst any) error { return nil }

// Render reads data only.
func Render(tmpl string, data any) string { return tmpl }

// DecodeTwo takes two anys: only the last is the out-parameter.
func DecodeTwo(opts any, v any) {}

// PrimitiveDecode decodes a value already parsed (a decoder by the end of its name).
func PrimitiveDecode(prim string, v any) error { return nil }

// ShowDecoded is no decoder: its name only contains the word.
func ShowDecoded(v any) int { return 0 }

type MyInt int
type IntVector []int

func Inc(p *MyInt)              {}
func Push(v *IntVector, x int)  {}
func Sort(xs []int)             {}
func First(b [4]byte) [4]byte   { return b }

type Func func()

func Make() Func { return nil }

type Amount struct{ n *int }

func (a Amount) Equal(b Amount) bool { return true }
func (a Amount) Cmp(b Amount) int    { return 0 }

type V struct{ A int }

func (v *V) Less(o *V) bool   { return v.A < o.A }
func (v V) Equal(o int) bool  { return false }

type Plain struct{ A int }

type Con struct{ p *int }

func (c *Con) Equals(o *Con) bool { return true }

type Words []string

func (w Words) Sort()       {}
func (w Words) Get() string { return "" }

type Plainer []string

func (p Plainer) First() string { return "" }

type Both struct{ p *int }

func (b Both) Equals(o Both) bool { return true }
func (b Both) Equal(o Both) bool  { return true }
"""


def _module(tmp_path: Path) -> BoundModule:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text(textwrap.dedent(SOURCE))
    result = generate_files(Request(package=str(tmp_path), out=tmp_path / "out", cwd=tmp_path))
    assert not result.sink.has_errors, result.sink.render_all()
    assert result.module is not None
    return result.module


def _params(module: BoundModule, py_name: str) -> list[object]:
    fn = next(f for f in module.functions if f.py_name == py_name)
    return [bp.mapping for bp in fn.params]


def test_out_parameters_by_name_and_by_doc(tmp_path: Path) -> None:
    m = _module(tmp_path)
    assert isinstance(_params(m, "unmarshal")[1], OutAny)
    assert isinstance(_params(m, "load")[1], OutAny)            # "pointed to by dst"
    assert not isinstance(_params(m, "render")[1], OutAny)      # an in-only any
    two = _params(m, "decode_two")
    assert not isinstance(two[0], OutAny) and isinstance(two[1], OutAny)
    assert isinstance(_params(m, "primitive_decode")[1], OutAny)
    assert not isinstance(_params(m, "show_decoded")[0], OutAny)


def test_in_place_and_pointer_mappings(tmp_path: Path) -> None:
    m = _module(tmp_path)
    assert isinstance(_params(m, "sort")[0], InPlaceSlice)
    push = _params(m, "push")[0]
    assert isinstance(push, SlicePointer) and push.py_param_annotation == "Sequence[int] | None"
    inc = _params(m, "inc")[0]
    assert inc.py_param_annotation == "int | None"               # *MyInt, like *int


def test_byte_arrays_are_bytes(tmp_path: Path) -> None:
    fn = next(f for f in _module(tmp_path).functions if f.py_name == "first")
    assert fn.params[0].mapping.py_param_annotation == BYTE_ARRAY_PARAM
    assert fn.results[0].mapping.py_annotation == "bytes"


def test_named_func_result_may_be_none(tmp_path: Path) -> None:
    fn = next(f for f in _module(tmp_path).functions if f.py_name == "make")
    mapping = fn.results[0].mapping
    assert isinstance(mapping, NamedMapping) and isinstance(mapping.inner, FuncMapping)
    assert mapping.py_annotation == "Callable[[], None] | None"
    assert mapping.inner.py_param_annotation == "Callable[[], None]"


def test_ordering_from_methods(tmp_path: Path) -> None:
    classes = {c.py_name: c for c in _module(tmp_path).classes}
    amount = class_ordering(classes["Amount"])
    assert amount.equal is not None and amount.compare is not None and amount.has_order
    v = class_ordering(classes["V"])
    assert v.equal is None                                      # Equal(int): not its own type
    assert v.less is not None and v.go_eq and v.has_order       # Less(*V); Go's == on {A int}
    plain = class_ordering(classes["Plain"])
    assert plain.has_eq and not plain.has_order
    con = class_ordering(classes["Con"])                         # hashicorp's Equals(*T)
    assert con.equal is not None and con.equal.go_name == "Equals" and not con.has_order
    both = class_ordering(classes["Both"])
    assert both.equal is not None and both.equal.go_name == "Equal"  # Equal preferred


def test_generated_go_converts_named_func_results(tmp_path: Path) -> None:
    """A named func result is converted with parentheses (gofmt rejected ``func()(v)``)."""
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text(textwrap.dedent(SOURCE))
    result = generate_files(Request(package=str(tmp_path), out=tmp_path / "out", cwd=tmp_path))
    text = next(f.content for f in result.files if f.path.name == "p_bindc.go")
    assert "BindcFuncHandle((func())(v_r0))" in text


def test_array_lengths_named_by_constants_are_spelled_as_values(tmp_path: Path) -> None:
    """``[Size]byte`` (crypto/sha256's ``Sum256``) names a constant the wrapper package cannot
    see unqualified, and ``[md5.Size]byte`` a package it may not import: the generated file
    spells the length as its value, which is the same Go type."""
    pkg = tmp_path / "p"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module example.com/p\n\ngo 1.21\n")
    (pkg / "p.go").write_text(textwrap.dedent("""\
        package p

        import "crypto/md5"

        const Size = 32
        const half = Size / 2

        func Sum(b []byte) [Size]byte         { return [Size]byte{} }
        func Key(k [md5.Size]byte) [2 * half]byte { return [32]byte{} }
        func Lit(b [4]byte) [4]byte           { return b }
    """))
    result = generate_files(Request(package=str(pkg), out=tmp_path / "w", cwd=pkg))
    assert not result.sink.has_errors, result.sink.render_all()
    go = next(f.content for f in result.files if f.path.name.endswith("_bindc.go"))
    assert "func([]byte) [32]byte" in go and "func([16]byte) [32]byte" in go and "func([4]byte) [4]byte" in go, go
    assert "[Size]" not in go and "md5." not in go


def test_types_handed_out_as_pointers_are_value_classes(tmp_path: Path) -> None:
    """``hash/crc32``'s idiom: ``type Table [256]uint32`` has no methods, but ``MakeTable``
    returns a ``*Table`` (and ``var IEEETable = simpleMakeTable(IEEE)`` is one) that
    ``Checksum(data, tab *Table)`` takes back. Such a handle is a value class, so the functions
    bind; a type only taken as ``*T`` (``Inc(p *MyInt)``) stays an in/out parameter."""
    pkg = tmp_path / "p"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module example.com/p\n\ngo 1.21\n")
    (pkg / "p.go").write_text(textwrap.dedent("""\
        package p

        type Table [4]uint32
        type Limits map[string]int
        type Holder struct{ L *Limits }
        type MyInt int

        var Default = makeTable(1)

        func makeTable(p uint32) *Table          { return &Table{p} }
        func MakeTable(p uint32) *Table          { return makeTable(p) }
        func Checksum(b []byte, t *Table) uint32 { return t[0] }
        func Inc(p *MyInt) MyInt                 { *p++; return *p }
    """))
    result = generate_files(Request(package=str(pkg), out=tmp_path / "w", cwd=pkg))
    assert not result.sink.has_errors, result.sink.render_all()
    module = result.module
    assert module is not None
    assert {c.decl.name for c in module.classes} == {"Table", "Limits", "Holder"}
    assert {f.go_name for f in module.functions if not f.local} == {"MakeTable", "Checksum", "Inc"}
    assert "def get_default() -> Table | None" in next(f.content for f in result.files if f.path.suffix == ".pyi")


def test_named_slices_sort_unless_go_has_sort(tmp_path: Path) -> None:
    """list.sort for every named slice; a Go Sort() keeps the name and, since MutableSequence
    has no sort, is no incompatible override (no type: ignore in the stub)."""
    from bindc.emit.protocols import class_protocols

    classes = {c.py_name: c for c in _module(tmp_path).classes}
    words, plain = class_protocols(classes["Words"]), class_protocols(classes["Plainer"])
    assert "sort" not in {m.py_name for m in words.methods} and "sort" not in words.shadowed
    assert "sort" in {m.py_name for m in plain.methods}

