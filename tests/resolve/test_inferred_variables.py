"""Variables without a written type: their type read from the initialiser (no Go build needed)."""

from __future__ import annotations

from pathlib import Path

from bindc.ir import MapType, NamedType, PointerType, SliceType
from tests.resolve.test_naming_rules import bind, messages

SOURCE = """package p

import (
\tre "regexp"
\t"strings"
)

type T struct{ A int }

func F() *T { return nil }
func Two() (int, int) { return 1, 2 }
func Must(t *T, err error) *T { return t }
func Parse(s string) (*T, error) { return nil, nil }

var (
\tLit     = T{A: 1}
\tPtr     = &T{}
\tSlice   = []int{1, 2}
\tMap     = map[string]int{"a": 1}
\tCall    = F()
\tMusted  = Must(Parse("x"))
\tConv    = T(T{})
\tForeign = strings.Repeat("a", 2)
\tPattern = re.MustCompile("x")
\tPair    = Two()
\tChained = F().A
)
"""


def test_types_come_from_literals_and_declared_results(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, SOURCE)
    types = {f.variable: f.func.results[0].type for f in module.functions if f.local and f.results}
    assert types["Lit"] == NamedType("T")
    assert types["Ptr"] == PointerType(NamedType("T"))
    assert types["Slice"] == SliceType(NamedType("int"))
    assert types["Map"] == MapType(NamedType("string"), NamedType("int"))
    assert types["Call"] == PointerType(NamedType("T"))
    assert types["Musted"] == PointerType(NamedType("T"))
    assert types["Conv"] == NamedType("T")
    assert types["Foreign"] == NamedType("string")
    msgs = messages(sink)
    # regexp's *Regexp, seen from here, is *re.Regexp: named, and bound as a class of another
    # package (bindc.resolve.foreign) reached through the variable.
    assert types["Pattern"] == PointerType(NamedType("Regexp", "re"))
    assert any(c.py_name == "Regexp" and c.origin == "regexp" for c in module.classes)
    for name in ("Pair", "Chained"):  # two results; a selector on a call: the syntax does not tell
        assert any(m.startswith(f"warning: variable {name} skipped: its type is not written") for m in msgs), msgs


METHOD_SOURCE = """package p

type Encoding struct{ pad rune }

func NewEncoding() *Encoding { return &Encoding{} }
func (e Encoding) WithPadding(p rune) *Encoding { return &Encoding{p} }
func (e *Encoding) Pair() (int, int) { return 1, 2 }

var (
\tStdEncoding    = NewEncoding()
\tRawStdEncoding = StdEncoding.WithPadding(-1)
\tRawer          = RawStdEncoding.WithPadding(0)
\tTwo            = StdEncoding.Pair()
\tMissing        = Nowhere.WithPadding(1)
)
"""


def test_a_method_called_on_another_variable_gives_its_result_type(tmp_path: Path) -> None:
    """encoding/base64's ``var RawStdEncoding = StdEncoding.WithPadding(NoPadding)``: the type
    of the variable the method is called on (itself inferred), then the method's one result."""
    module, sink = bind(tmp_path, METHOD_SOURCE)
    types = {f.variable: f.func.results[0].type for f in module.functions if f.local and f.results}
    assert types["RawStdEncoding"] == types["Rawer"] == PointerType(NamedType("Encoding"))
    msgs = messages(sink)
    for name in ("Two", "Missing"):
        assert any(m.startswith(f"warning: variable {name} skipped: its type is not written") for m in msgs), msgs


IN_PLACE_SOURCE = """package p

import "math/big"

type Acc struct{ n int }

func (a Acc) Plus(k int) Acc { return Acc{a.n + k} }
func (a *Acc) Split() (int, int) { return a.n, 0 }

var (
\tOne      = big.NewInt(1)
\tKibi     = (&big.Int{}).Mul(One, big.NewInt(1024))
\tFromNew  = new(big.Int).SetUint64(7)
\tMibi     = Kibi.Lsh(Kibi, 10)
\tLocal    = Acc{}.Plus(2)
\tLocalPtr = (&Acc{}).Plus(3)
\tNewLocal = new(Acc).Plus(4)
\tTwo      = (&Acc{}).Split()
\tUnknown  = (&big.Int{}).NoSuchMethod()
)
"""


def test_a_method_called_on_a_value_made_in_place_gives_its_result_type(tmp_path: Path) -> None:
    """go-humanize's ``BigKiByte = (&big.Int{}).Mul(BigByte, bigIECExp)`` and the
    ``new(big.Int).SetUint64(n)`` idiom: the receiver's type (local or of an imported package),
    then the method's one result, as the bound package writes it."""
    module, sink = bind(tmp_path, IN_PLACE_SOURCE)
    types = {f.variable: f.func.results[0].type for f in module.functions if f.local and f.results}
    big_int = PointerType(NamedType("Int", "big"))
    assert types["Kibi"] == types["FromNew"] == types["Mibi"] == big_int  # Mibi: a variable of another package's type
    assert types["Local"] == types["LocalPtr"] == types["NewLocal"] == NamedType("Acc")
    msgs = messages(sink)
    for name in ("Two", "Unknown"):
        assert any(m.startswith(f"warning: variable {name} skipped: its type is not written") for m in msgs), msgs


ALIAS_SOURCE = """package p

type RangeTable struct{ Lo, Hi int }

var _Lu = &RangeTable{Lo: 65, Hi: 90}
var typed *RangeTable = nil

var (
\tUpper = _Lu
\tLu    = Upper
\tOther = typed
\tLoop  = Loop2
\tLoop2 = Loop
)
"""


def test_a_variable_initialised_from_another_has_its_type(tmp_path: Path) -> None:
    """unicode's ``var Upper = _Lu`` (``var _Lu = &RangeTable{...}``): the other variable's type,
    written or itself inferred, through chains; a cycle is skipped with the usual warning."""
    module, sink = bind(tmp_path, ALIAS_SOURCE)
    types = {f.variable: f.func.results[0].type for f in module.functions if f.local and f.results}
    table = PointerType(NamedType("RangeTable"))
    assert types["Upper"] == types["Lu"] == types["Other"] == table
    msgs = messages(sink)
    for name in ("Loop", "Loop2"):
        assert any(m.startswith(f"warning: variable {name} skipped: its type is not written") for m in msgs), msgs


HIDDEN_SOURCE = """package p

// ByteOrder converts bytes to numbers.
type ByteOrder interface {
\tUint16([]byte) uint16
\tString() string
}

// Appender is a smaller interface both orders implement too.
type Appender interface{ String() string }

type bigEndian struct{}

func (bigEndian) Uint16(b []byte) uint16 { return uint16(b[1]) | uint16(b[0])<<8 }
func (bigEndian) String() string         { return "BigEndian" }

type nativeEndian struct{ bigEndian }

type counter struct{}

func (*counter) Uint16(b []byte) uint16 { return 0 }
func (*counter) String() string         { return "" }

type lone struct{}

var (
\tBigEndian    bigEndian
\tNativeEndian nativeEndian
\tCount        counter
\tCountPtr     = &counter{}
\tLone         lone
)
"""


def test_a_variable_of_an_unexported_type_is_the_widest_interface_it_implements(tmp_path: Path) -> None:
    """encoding/binary's ``var BigEndian bigEndian``: bound read-only (a wrapper package cannot
    convert back) as the package's exported interface with the most methods the type's method
    set has, promoted methods included; a value's method set lacks pointer methods; a type
    implementing none stays skipped."""
    module, sink = bind(tmp_path, HIDDEN_SOURCE, out=True)
    getters = {f.variable: f.func.results[0].type for f in module.functions if f.local and f.results}
    setters = {f.variable for f in module.functions if f.local and not f.results}
    assert getters["BigEndian"] == getters["NativeEndian"] == getters["CountPtr"] == NamedType("ByteOrder")
    assert not setters & {"BigEndian", "NativeEndian", "CountPtr"}
    assert "Count" not in getters and "Lone" not in getters        # pointer methods only; no interface
    assert any(c.py_name == "GoByteOrder" for c in module.classes)  # the class its values come back as
    msgs = messages(sink)
    assert ("note: variable BigEndian (of unexported type bigEndian) is bound read-only as ByteOrder, the package's "
            "interface with the most methods it implements") in msgs, msgs
    assert any(m.startswith("warning: variable Lone skipped: type lone") for m in msgs), msgs
