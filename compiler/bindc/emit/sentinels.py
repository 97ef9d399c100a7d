"""Generated code for sentinel errors (:mod:`bindc.resolve.sentinels`): the C globals holding each
exception class, its creation in ``PyInit``, the Go function registering each class with the
runtime together with a getter of the Go variable, and the stub classes."""

from __future__ import annotations

from bindc.capi import CSignature
from bindc.emit.names import sentinel_var
from bindc.emit.printer import LinePrinter
from bindc.resolve import BoundModule
from bindc.stubmodel import Class
from bindc.typemap.base import c_string, go_string

#: C functions the sentinel set-up code calls.
SENTINEL_CAPI: tuple[CSignature, ...] = (
    CSignature("py4go_bind_add_sentinel", "PyObject *", ("PyObject *", "const char *", "const char *")),
)


def register_name(module: BoundModule) -> str:
    """The exported Go function ``PyInit`` calls once the classes exist."""
    return f"bindcgo_{module.name}_register_sentinels"


def emit_c_globals(p: LinePrinter, module: BoundModule) -> None:
    """One global per class (not static: the Go file reads it through cgo)."""
    for s in module.values.sentinels:
        p.P(f"PyObject *{sentinel_var(module, s)};")


def emit_c_creation(p: LinePrinter, module: BoundModule) -> None:
    """Statements for the values set-up function: create each class, add it to ``m``."""
    for s in module.values.sentinels:
        p.P(f"if (({sentinel_var(module, s)} = py4go_bind_add_sentinel(m, {c_string(s.py_name)}, "
            f"{c_string(s.doc.rstrip())})) == NULL)")
        with p.indent():
            p.P("return -1;")


def emit_c_registration(p: LinePrinter, module: BoundModule) -> None:
    """The PyInit statement handing the classes to the Go runtime."""
    if module.values.sentinels:
        p.P(f"{register_name(module)}();")


def emit_go_externs(p: LinePrinter, module: BoundModule) -> None:
    """cgo preamble declarations of the C globals."""
    for s in module.values.sentinels:
        p.P(f"extern PyObject *{sentinel_var(module, s)};")


def emit_go_registration(p: LinePrinter, module: BoundModule, rt: str, unsafe: str, target: str | None) -> None:
    """The exported Go function registering each class with a getter of its variable."""
    if not module.values.sentinels:
        return
    p.P()
    p.P(f"//export {register_name(module)}")
    p.P(f"func {register_name(module)}() {{")
    for s in module.values.sentinels:
        var = f"{target}.{s.decl.name}" if target else s.decl.name
        key = go_string(f"{module.name}.{s.py_name}")
        p.P(f"{rt}.BindcRegisterSentinel({key}, func() error {{ return {var} }}, "
            f"{unsafe}.Pointer(C.{sentinel_var(module, s)}))")
    p.P("}")


def sentinel_stubs(module: BoundModule) -> list[Class]:
    """``class ErrRange(GoError): \"\"\"doc\"\"\"`` for each sentinel."""
    return [Class(s.py_name, ("GoError",), (), doc=s.doc) for s in module.values.sentinels]
