"""Binding functions whose first parameter is a ``context.Context`` (no Go toolchain needed):
which parameter bindc fills, the Python signature, the stub and the GIL policy.

Behaviour (timeouts, Ctrl-C) is tested end to end in tests/e2e/test_concurrency.py.
"""

from __future__ import annotations

from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.emit.c_wrappers import emit_c_file
from bindc.emit.signature import call_flags, text_signature
from bindc.emit.stubs import emit_stub
from bindc.frontend import load_package
from bindc.gil import releases_gil
from bindc.resolve import BoundModule, resolve

SOURCE = """\
package p

import (
	"context"
	gocontext "context"
)

// Fetch takes a context first.
//
//py4go:gil
func Fetch(ctx context.Context, url string) (string, error) { return url, nil }

// Aliased names the package differently.
func Aliased(c gocontext.Context) {}

// Timeout has a parameter called timeout.
func Timeout(ctx context.Context, timeout int) {}

// Later takes a context in second place (not Go's convention: not filled).
func Later(n int, ctx context.Context) {}

// Plain takes no context.
func Plain(n int) int { return n }

// T has a method taking a context.
type T struct{}

// Run is a method taking a context.
func (t *T) Run(ctx context.Context, n int) int { return n }
"""


def bind(tmp_path: Path) -> tuple[BoundModule, DiagnosticSink]:
    (tmp_path / "p.go").write_text(SOURCE)
    package, diags = load_package(tmp_path)
    sink = DiagnosticSink()
    sink.extend(diags)
    return resolve(package, "p", sink), sink


def test_a_leading_context_is_filled_not_passed(tmp_path: Path) -> None:
    module, sink = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    fetch = fns["Fetch"]
    assert fetch.context is not None and fetch.context.name == "ctx"
    assert [bp.py_name for bp in fetch.params] == ["url"]
    assert fns["Aliased"].context is not None and fns["Aliased"].params == ()
    assert fns["Plain"].context is None
    # A Go parameter named timeout cannot shadow the keyword.
    assert [bp.py_name for bp in fns["Timeout"].params] == ["timeout2"]
    # Only the first parameter is filled: Later is skipped, naming the type.
    assert "Later" not in fns
    assert any("Later skipped: parameter ctx: type context.Context" in d.message for d in sink.items)
    run = next(m for c in module.classes for m in c.methods if m.go_name == "Run")
    assert run.context is not None and [bp.py_name for bp in run.params] == ["n"]


def test_signature_stub_and_flags(tmp_path: Path) -> None:
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert text_signature(fns["Fetch"]) == "fetch($module, url, /, *, timeout=None)"
    assert text_signature(fns["Aliased"]) == "aliased($module, /, *, timeout=None)"
    assert call_flags(fns["Fetch"]) == "METH_FASTCALL | METH_KEYWORDS"
    assert call_flags(fns["Plain"]) == "METH_FASTCALL"
    stub = emit_stub(module, "p")
    assert "def fetch(url: str, /, *, timeout: float | None = None) -> str:" in stub
    assert "def run(self, n: int, /, *, timeout: float | None = None) -> int:" in stub
    assert "def plain(n: int, /) -> int:" in stub
    c = emit_c_file(module, "p")
    assert "py4go_bind_timeout(\"fetch\", args + nargs, kwnames, &timeout)" in c


def test_context_calls_always_release_the_gil(tmp_path: Path) -> None:
    """Even with //py4go:gil: the call runs on a goroutine while the caller waits for it and
    for Ctrl-C, which needs the GIL free."""
    module, _ = bind(tmp_path)
    fns = {f.go_name: f for f in module.functions}
    assert releases_gil(fns["Fetch"]) and not releases_gil(fns["Plain"])
