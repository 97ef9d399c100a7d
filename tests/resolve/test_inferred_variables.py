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
