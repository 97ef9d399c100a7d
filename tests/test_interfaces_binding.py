"""Binding Go interfaces Python objects may implement (no Go toolchain needed): which are
proxied, the Python method names, the GIL policy, stubs, and clashes with generated names.

Behaviour across the boundary is tested end to end in tests/e2e/test_interfaces.py.
"""

from __future__ import annotations

from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.driver import Request, generate_files
from bindc.emit.stubs import emit_stub
from bindc.frontend import load_package
from bindc.gil import releases_gil
from bindc.resolve import BoundModule, resolve
from bindc.typemap.wellknown import CallsBackValue
from bindc.typemap.interfaces import InterfaceMapping

SOURCE = """\
package p

import "fmt"

// Named has String, Error and a method needing the keyword escape.
type Named interface {
	fmt.Stringer
	error
	Class() string
	HTTPCode(n int) (int, error)
}

// Use takes a Named.
func Use(n Named) {}

// Hidden has an unexported method.
type Hidden interface{ peek() int }

// Look takes a Hidden.
func Look(h Hidden) {}

// Keep takes a Named but holds the GIL.
//
//py4go:gil
func Keep(n Named) {}

// Many takes a slice of them.
func Many(ns []Named) {}
"""


def bind(tmp_path: Path, in_package: bool = True) -> tuple[BoundModule, DiagnosticSink]:
    (tmp_path / "p.go").write_text(SOURCE)
    package, diags = load_package(tmp_path)
    sink = DiagnosticSink()
    sink.extend(diags)
    return resolve(package, "p", sink, target_import=None if in_package else "example.com/p"), sink


def test_proxy_methods_and_python_names(tmp_path: Path) -> None:
    module, sink = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    m = fns["Use"].params[0].mapping
    assert isinstance(m, InterfaceMapping)
    # Embedded fmt.Stringer and error are listed; String and Error are both str().
    assert [(p.go_name, p.py_name) for p in m.proxy] == [
        ("Class", "class_"), ("HTTPCode", "http_code"), ("String", "__str__"), ("Error", "__str__")]
    assert m.py_annotation == "Named | None"
    hidden = fns["Look"].params[0].mapping
    assert isinstance(hidden, InterfaceMapping) and hidden.proxy  # in-package: unexported is fine
    assert "warning" not in sink.render_all()


def test_wrapper_package_cannot_implement_unexported_methods(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, in_package=False)
    assert "Python objects cannot implement interface Hidden (method peek is unexported, so a wrapper " \
           "package cannot implement it)" in sink.render_all()


def test_gil_is_released_for_proxied_parameters(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert releases_gil(fns["Use"]) and releases_gil(fns["Many"])  # also inside a container
    assert not releases_gil(fns["Keep"])                           # //py4go:gil


def test_generated_proxy_names_must_not_clash(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text(SOURCE + "\ntype bindcPyNamed struct{}\n")
    result = generate_files(Request(package=str(tmp_path), cwd=tmp_path))
    assert "package p already declares bindcPyNamed, which bindc generates" in result.sink.render_all()


def test_protocol_in_stub_lists_each_python_method_once(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    stub = emit_stub(module, "p")
    assert stub.count("def __str__(self, /) -> str:") == 1, stub
    assert "class Named(Protocol):" in stub and "def http_code(self, arg0: int, /) -> int:" in stub
    assert "def use(n: Named | None, /) -> None:" in stub and "def many(ns: Sequence[Named | None], /)" in stub


def test_known_interfaces_of_other_packages(tmp_path: Path) -> None:
    """io.Writer & co are proxied (bindc knows their methods); io.Reader has its own mapping
    (bindc.typemap.wellknown: buffers and files with read()); in a package declaring the Protocol's
    name its Protocol is qualified (``io_Closer``, as csv.NewWriter's io.Writer beside csv.Writer),
    and when that is taken too the interface stays unsupported, saying why."""
    (tmp_path / "p.go").write_text(
        "package p\n\nimport (\n\t\"encoding\"\n\t\"io\"\n\tstdio \"io\"\n)\n\n"
        "func W(w io.Writer) {}\nfunc WC(w stdio.WriteCloser) {}\nfunc R(r io.Reader) {}\n"
        "func S(s io.StringWriter) {}\n\n// Closer clashes with io.Closer's Protocol.\ntype Closer int\n"
        "func C(c io.Closer) *Closer { return nil }\n\n// Both names of encoding.TextMarshaler's Protocol are taken.\n"
        "type TextMarshaler int\ntype encoding_TextMarshaler int\nfunc TM(m encoding.TextMarshaler) {}\n")
    package, _ = load_package(tmp_path)
    sink = DiagnosticSink()
    module = resolve(package, "p", sink, target_import="example.com/p")
    fns = {f.go_name: f for f in module.functions}
    assert sorted(fns) == ["C", "R", "S", "W", "WC"]
    c = fns["C"].params[0].mapping
    assert isinstance(c, InterfaceMapping) and c.py_name == "io_Closer" and c.py_annotation == "io_Closer | None"
    stub = emit_stub(module, "p")
    assert "class io_Closer(Protocol):" in stub and "def c(c: io_Closer | None, /) -> Closer | None:" in stub, stub
    assert isinstance(fns["R"].params[0].mapping, CallsBackValue)
    w, wc, s = (fns[n].params[0].mapping for n in ("W", "WC", "S"))
    assert isinstance(w, InterfaceMapping) and [(p.go_name, p.py_name) for p in w.proxy] == [("Write", "write")]
    assert w.proxy_type == "bindcPy_io_Writer" and w.py_annotation == "Writer | None"
    assert isinstance(wc, InterfaceMapping) and [p.py_name for p in wc.proxy] == ["write", "close"]
    assert isinstance(s, InterfaceMapping) and [p.py_name for p in s.proxy] == ["write_string"]
    text = sink.render_all()
    assert ("TM skipped: parameter m: type encoding.TextMarshaler: its Python Protocol class would be named "
            "TextMarshaler or encoding_TextMarshaler, which the package declares itself") in text, text
