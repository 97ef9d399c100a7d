"""Binding Go func types (no Go toolchain needed): mappings, annotations, diagnostics, GIL policy.

Behaviour (calls across the boundary) is tested end to end in tests/e2e/test_callbacks.py.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.emit.stubs import emit_stub
from bindc.frontend import load_package
from bindc.gil import releases_gil
from bindc.resolve import BoundModule, resolve
from bindc.typemap.base import ArgSite
from bindc.typemap.funcs import FuncMapping

SOURCE = """\
package p

import "errors"

// Apply calls f.
func Apply(f func(int) int, x int) int { return f(x) }

// Fallible may fail.
func Fallible(f func(string, []byte) (string, error)) error { _, err := f("", nil); return err }

// Nothing takes a func of nothing.
func Nothing(f func()) { f() }

// Pair has two results.
func Pair(f func() (int, bool)) { f() }

// Make returns a func.
func Make() func(float64) string { return nil }

// Held keeps the GIL.
//
//py4go:gil
func Held(f func(int) int) {}

// Slow releases the GIL.
//
//py4go:nogil
func Slow() {}

// Plain holds it.
func Plain() {}

// Nested takes a callback taking a callback.
func Nested(f func(func())) {}

// Variadic takes a variadic func.
func Variadic(f func(...int)) {}

// BadError has an error in the middle.
func BadError(f func() (error, int)) {}

// Chan takes a func of a channel.
func Chan(f func(**int)) {}

var _ = errors.New
"""


def bind(tmp_path: Path) -> tuple[BoundModule, DiagnosticSink]:
    (tmp_path / "p.go").write_text(SOURCE)
    package, diags = load_package(tmp_path)
    sink = DiagnosticSink()
    sink.extend(diags)
    return resolve(package, "p", sink), sink


def test_func_parameters_and_results_map(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert {"Apply", "Fallible", "Nothing", "Pair", "Make", "Held", "Slow", "Plain"} <= set(fns)
    m = fns["Apply"].params[0].mapping
    # A result may be a nil func (None); a parameter needs a callable.
    assert isinstance(m, FuncMapping) and m.py_annotation == "Callable[[int], int] | None"
    assert m.py_param_annotation == "Callable[[int], int]"
    fm = fns["Fallible"].params[0].mapping
    assert isinstance(fm, FuncMapping) and fm.returns_error and fm.py_param_annotation == "Callable[[str, bytes], str]"
    assert fns["Nothing"].params[0].mapping.py_param_annotation == "Callable[[], None]"
    assert fns["Pair"].params[0].mapping.py_param_annotation == "Callable[[], tuple[int, bool]]"
    assert fns["Make"].py_annotation == "Callable[[float], str] | None"
    # One signature, one identifier (for the generated helpers), across functions.
    assert m.sig_id == fns["Held"].params[0].mapping.sig_id  # type: ignore[attr-defined]


def test_unsupported_func_types_are_skipped_with_the_reason(tmp_path: Path) -> None:
    _, sink = bind(tmp_path)
    text = sink.render_all()
    assert "Nested skipped: parameter f: a parameter of func type in func(func()) is not supported" in text
    assert "Variadic skipped: parameter f: variadic func type func(...int) is not supported" in text
    assert "BadError skipped: parameter f: in func() (error, int): an error result is supported only in the " \
           "last position" in text
    assert "Chan skipped: parameter f: in func(**int): type **int is not supported" in text


def test_gil_policy(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert releases_gil(fns["Apply"])        # takes a func: released by default
    assert not releases_gil(fns["Held"])     # //py4go:gil
    assert releases_gil(fns["Slow"])         # //py4go:nogil
    assert not releases_gil(fns["Plain"])    # default for everything else: held
    assert not releases_gil(fns["Make"])     # returning a func is not taking one


def test_stub_imports_callable(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    stub = emit_stub(module, "p")
    assert "from collections.abc import Callable" in stub
    assert "def apply(f: Callable[[int], int], x: int, /) -> int:" in textwrap.dedent(stub)


def test_callback_types_must_be_convertible_by_the_runtime(tmp_path: Path) -> None:
    """The callback side converts with FromGo/Decode, so only types they handle may appear in
    a func type, whatever mappings other type families add (structs would fail at run time)."""
    from bindc.ir import MapType, NamedType, PointerType, SliceType, StructType
    from bindc.typemap.env import TypeEnv
    from bindc.typemap.funcs import _runtime_convertible

    (tmp_path / "p.go").write_text("package p\n\ntype Celsius float64\n\ntype Point struct{ X int }\n\n"
                                   "type Points []Point\n")
    package, _ = load_package(tmp_path)
    env = TypeEnv.for_package(package)
    ok = [NamedType("int"), NamedType("string"), NamedType("any"), SliceType(NamedType("byte")),
          MapType(NamedType("string"), SliceType(NamedType("int"))), PointerType(NamedType("float64")),
          NamedType("Celsius")]
    bad = [NamedType("Point"), NamedType("Points"), NamedType("error"), StructType(()),
           NamedType("URL", "url")]
    assert all(_runtime_convertible(t, env, set()) for t in ok)
    assert not any(_runtime_convertible(t, env, set()) for t in bad)


OPTIONAL = """\
package p

import (
\t"io"
\t"time"
)

// Server is configured by options.
type Server struct{ Port int }

// Option configures a Server (exported: the option is a Python callable taking a Server).
type Option func(*Server)

// New applies every option.
func New(opts ...Option) *Server {
\ts := &Server{}
\tfor _, o := range opts {
\t\to(s)
\t}
\treturn s
}

// WithEvict keeps onEvict, which may be nil.
func WithEvict(size int, onEvict func(k string, v int)) int {
\tif onEvict != nil {
\t\tonEvict("", size)
\t}
\treturn size
}

// Exists ignores fn.
func Exists(name string, fn func(string) string) bool { return name != "" }

// Calls calls f unconditionally: None stays a TypeError.
func Calls(f func()) { f() }

// Next is a schedule's method as a callback.
func Next(f func(time.Time) time.Time) { f(time.Time{}) }
var _ io.Reader
"""


def test_nil_checked_and_unused_func_parameters_take_none(tmp_path: Path) -> None:
    """A func parameter the body compares with nil (or never mentions) takes None; one it
    calls unconditionally still needs a callable, so mypy catches a None passed by mistake."""
    (tmp_path / "p.go").write_text(OPTIONAL)
    package, _ = load_package(tmp_path)
    funcs = {f.name: f for f in package.funcs}
    assert funcs["WithEvict"].nil_checked == {"onEvict"}
    assert funcs["Exists"].nil_checked == {"fn"}
    assert funcs["Calls"].nil_checked == frozenset() and funcs["New"].nil_checked == frozenset()
    sink = DiagnosticSink()
    module = resolve(package, "p", sink)
    fns = {f.go_name: f for f in module.functions}
    evict = fns["WithEvict"].params[1].mapping
    assert isinstance(evict, FuncMapping) and evict.none_ok
    assert evict.py_param_annotation == "Callable[[str, int], None] | None"
    assert evict.c_arg_convert("o", "&t", ArgSite("with_evict", 2)).startswith("py4go_bind_callable_or_none(o, ")
    assert fns["Exists"].params[1].mapping.py_param_annotation == "Callable[[str], str] | None"
    assert fns["Calls"].params[0].mapping.py_param_annotation == "Callable[[], None]"
    stub = textwrap.dedent(emit_stub(module, "p"))
    assert "def with_evict(size: int, on_evict: Callable[[str, int], None] | None, /) -> int:" in stub
    assert "def calls(f: Callable[[], None], /) -> None:" in stub


def test_variadic_funcs_are_functional_options(tmp_path: Path) -> None:
    """``New(opts ...Option)`` with ``type Option func(*Server)`` (Server exported): each option
    is a Python callable, converted like a single func parameter."""
    (tmp_path / "p.go").write_text(OPTIONAL)
    package, _ = load_package(tmp_path)
    sink = DiagnosticSink()
    module = resolve(package, "p", sink)
    new = next(f for f in module.functions if f.go_name == "New")
    assert new.variadic is not None and not sink.skips
    assert "def new(*opts: Callable[[Server | None], None]) -> Server | None:" in textwrap.dedent(emit_stub(module, "p"))
    assert releases_gil(new)  # a callback may run on another goroutine


def test_well_known_types_cross_in_callbacks(tmp_path: Path) -> None:
    """time.Time, time.Duration, *big.Int... convert in callbacks as in containers (Python
    implements ``Next(time.Time) time.Time``); an io.Reader does not (its object is called)."""
    from bindc.ir import PointerType as Ptr
    from bindc.typemap.env import TypeEnv
    from bindc.typemap.funcs import _runtime_convertible

    (tmp_path / "p.go").write_text(OPTIONAL)
    package, _ = load_package(tmp_path)
    env = TypeEnv.for_package(package)
    from bindc.ir import NamedType
    assert _runtime_convertible(NamedType("Time", "time"), env, set())
    assert _runtime_convertible(NamedType("Duration", "time"), env, set())
    assert _runtime_convertible(Ptr(NamedType("Time", "time")), env, set())
    assert not _runtime_convertible(NamedType("Reader", "io"), env, set())
    module = resolve(package, "p", DiagnosticSink())
    assert "def next(f: Callable[[datetime], datetime], /) -> None:" in textwrap.dedent(emit_stub(module, "p"))
