"""Which functions get a vectorized form ``mod.vec.f`` and how it is declared (no Go toolchain
needed): eligibility, result containers, buffers read in place, the GIL policy, the stub, and
the generated names. Behaviour is tested end to end in tests/e2e/test_vectorized.py."""

from __future__ import annotations

from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.emit.c_wrappers import emit_c_file
from bindc.emit.go_trampolines import emit_go_file
from bindc.emit.stubs import emit_stub
from bindc.emit.vec import array_typecode, buffer_codes, vec_functions, vec_releases_gil
from bindc.frontend import load_package
from bindc.resolve import BoundModule, resolve

SOURCE = """\
package p

import "context"

// Celsius is a named float64.
type Celsius float64

// Level is an enum.
type Level int

// The levels.
const (
	Low Level = iota
	High
)

// T is a struct.
type T struct{ N int }

// M is a method: no vectorized form.
func (t *T) M(n int) int { return n }

func Add(a, b int) int { return a + b }
func Narrow(a int16) int8 { return int8(a) }
func Unsigned(a uint64) uint32 { return uint32(a) }
func Temp(c Celsius) Celsius { return c }
func Single(f float32) float32 { return f }
func Lvl(n int) Level { return Level(n) }
func Flag(b bool) bool { return b }
func Conj(z complex128) complex128 { return z }
func Text(s string) string { return s }
func Sqrt(x float64) (float64, error) { return x, nil }
func Check(n int) error { return nil }
func Count(n int) {}

//py4go:nogil
func Slow(x float64) float64 { return x }

//py4go:nogil
func SlowText(n int) string { return "" }

func None() int { return 1 }
func Two(n int) (int, int) { return n, n }
func Var(ns ...int) int { return 0 }
func Slice(ns []int) int { return 0 }
func Ctx(ctx context.Context, n int) int { return n }
func Ptr(n *int) int { return 0 }
func Obj(t *T) int { return 0 }
func Vec(a, b float64) float64 { return a + b }

// V is a variable: its accessors get no vectorized form.
var V int
"""

ELIGIBLE = ["Add", "Narrow", "Unsigned", "Temp", "Single", "Lvl", "Flag", "Conj", "Text", "Sqrt", "Check", "Count",
            "Slow", "SlowText", "Vec"]


def bind(tmp_path: Path) -> tuple[BoundModule, DiagnosticSink]:
    (tmp_path / "p.go").write_text(SOURCE)
    package, diags = load_package(tmp_path)
    sink = DiagnosticSink()
    sink.extend(diags)
    return resolve(package, "p", sink), sink


def test_only_functions_of_numbers_bools_and_strings_get_a_form(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    assert [f.go_name for f in vec_functions(module)] == ELIGIBLE


def test_results_come_back_in_arrays_or_lists(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    codes = {name: array_typecode(fns[name]) for name in ELIGIBLE}
    assert codes == {"Add": "q", "Narrow": "q", "Unsigned": "Q", "Temp": "d", "Single": "d", "Lvl": None,
                     "Flag": None, "Conj": None, "Text": None, "Sqrt": "d", "Check": None, "Count": None,
                     "Slow": "d", "SlowText": None, "Vec": "d"}


def test_buffers_are_read_in_place_only_for_64_bit_parameters(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert [buffer_codes(bp.mapping) for bp in fns["Add"].params] == ["q,l", "q,l"]
    assert buffer_codes(fns["Temp"].params[0].mapping) == "d"          # named float64
    assert buffer_codes(fns["Narrow"].params[0].mapping) is None      # int16: range-checked per element
    assert buffer_codes(fns["Single"].params[0].mapping) is None      # float32: overflow-checked
    assert buffer_codes(fns["Text"].params[0].mapping) is None


def test_the_gil_is_released_per_chunk_only_for_nogil_functions_without_string_results(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert vec_releases_gil(fns["Slow"])
    assert not vec_releases_gil(fns["SlowText"])       # the str is made in the loop
    assert not vec_releases_gil(fns["Add"])


def test_a_function_named_like_the_namespace_steps_aside(tmp_path: Path) -> None:
    module, sink = bind(tmp_path)
    assert {f.go_name: f.py_name for f in module.functions}["Vec"] == "vec_"
    assert any("Python name 'vec' of Vec is bindc's namespace 'vec'; bound as 'vec_'" in d.message
               for d in sink.items)


def test_stub_and_generated_code_declare_the_forms(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    stub = emit_stub(module, "p")
    vec = stub.split("class vec:")[1]
    assert "def add(a: _Iterable[int], b: _Iterable[int], /) -> _array[int]:" in vec
    assert "def lvl(n: _Iterable[int], /) -> list[Level]:" in vec
    assert "def temp(c: _Iterable[float], /) -> _array[float]:" in vec
    assert "def check(n: _Iterable[int], /) -> None:" in vec
    assert "def vec_(a: _Iterable[float], b: _Iterable[float], /) -> _array[float]:" in vec
    for absent in ("def none(", "def two(", "def var(", "def slice_(", "def ctx(", "def ptr(", "def obj(",
                   "def get_v(", "def set_v(", "def m("):
        assert absent not in vec, absent
    c = emit_c_file(module, "p")
    assert "bindcpyvec_p_add(PyObject *module, PyObject *const *args, Py_ssize_t nargs)" in c
    assert 'py4go_bind_add_vec(m, bindc_p_vec_methods)' in c
    go = emit_go_file(module, "p")
    assert "//export bindcvec_p_add" in go and "//export bindcvec_p_slow" in go
    slow = go.split("func bindcvec_p_slow(")[1].split("//export")[0]
    assert "BindcReleaseGIL()" in slow
    assert "BindcReleaseGIL()" not in go.split("func bindcvec_p_add(")[1].split("//export")[0]
