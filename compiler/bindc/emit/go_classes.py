"""Go for bound classes: constructor, field getters/setters, equality and method trampolines."""

from __future__ import annotations

from bindc.emit.c_classes import prefix
from bindc.emit.names import field_stem
from bindc.emit.go_trampolines import emit_trampoline, receiver_value
from bindc.emit.ordering import emit_go_ordering
from bindc.emit.printer import LinePrinter
from bindc.ordering import class_ordering
from bindc.resolve import BoundModule
from bindc.resolve.model import BoundClass, BoundField
from bindc.typemap.base import ArgSite, GoRefs, go_string
from bindc.typemap.classes import class_type_var


def emit_go_class(p: LinePrinter, module: BoundModule, cls: BoundClass, refs: GoRefs, target: str | None) -> None:
    """Every trampoline of one class."""
    pre = prefix(module, cls)
    go_type = refs.type_syntax(cls.named)
    p.P()
    p.P(f"//export bindcgo_{pre}_new")
    p.P(f"func bindcgo_{pre}_new() C.uintptr_t {{")
    p.P(f"return C.uintptr_t({refs.rt}.BindcNewHandle(new({go_type})))")
    p.P("}")
    for field in cls.fields:
        p.P()
        _emit_getter(p, pre, field_stem(module, cls, field), cls, field, refs)
        p.P()
        _emit_setter(p, pre, field_stem(module, cls, field), cls, field, refs)
    emit_go_ordering(p, pre, cls.py_name, go_type, class_ordering(cls), refs,
                     lambda printer, where: _emit_recover(printer, where, refs))
    for method in ([cls.str_method] if cls.str_method else []) + list(cls.methods):
        p.P()
        emit_trampoline(p, module, method, refs, target)


def emit_class_registration(p: LinePrinter, module: BoundModule, refs: GoRefs, reflect: str, unsafe: str) -> None:
    """The Go function PyInit calls once classes exist: it tells the runtime which Python
    class holds which Go type, so values reaching Python through an interface (or as a
    returned error) become instances of their concrete class."""
    if not module.classes:
        return
    p.P()
    p.P(f"//export bindcgo_{module.name}_register_classes")
    p.P(f"func bindcgo_{module.name}_register_classes() {{")
    for cls in module.classes:
        go_type = refs.type_syntax(cls.named)
        p.P(f"{refs.rt}.BindcRegisterClass({reflect}.TypeOf((*{go_type})(nil)).Elem(), "
            f"{unsafe}.Pointer(C.{class_type_var(module.name, cls.py_name)}), {'true' if cls.is_error else 'false'})")
    p.P("}")


def _emit_recover(p: LinePrinter, where: str, refs: GoRefs) -> None:
    p.P("defer func() {")
    p.P("if v_panic := recover(); v_panic != nil {")
    p.P(f"c_status = C.int({refs.rt}.BindcPanic({go_string(where)}, v_panic))")
    p.P("}")
    p.P("}()")


def _field_ref(cls: BoundClass, field: BoundField, refs: GoRefs) -> str:
    """The addressable Go expression of a field: ``p.Name``, or ``*p`` for a value class's value."""
    if not field.go_name:
        return f"*{receiver_value(cls.named, refs)}"
    return f"{receiver_value(cls.named, refs)}.{field.go_name}"


def _emit_getter(p: LinePrinter, pre: str, fs: str, cls: BoundClass, field: BoundField, refs: GoRefs) -> None:
    m = field.mapping
    where = f"{cls.py_name}.{field.py_name}"
    p.P(f"//export bindcgo_{pre}_get_{fs}")
    p.P(f"func bindcgo_{pre}_get_{fs}(c_self C.uintptr_t, c_r0 *{m.cgo_result_type}) (c_status C.int) {{")
    _emit_recover(p, where, refs)
    # The selector is addressable, so a struct-valued field is handed out by address: Python
    # then sees (and changes) the field itself, not a copy.
    for line in m.go_result_store("c_r0", _field_ref(cls, field, refs), where, refs):
        p.P(line)
    p.P("return 0")
    p.P("}")


def _emit_setter(p: LinePrinter, pre: str, fs: str, cls: BoundClass, field: BoundField, refs: GoRefs) -> None:
    m = field.mapping
    where = f"{cls.py_name}.{field.py_name}"
    p.P(f"//export bindcgo_{pre}_set_{fs}")
    p.P(f"func bindcgo_{pre}_set_{fs}(c_self C.uintptr_t, c_a0 {m.cgo_arg_type}) (c_status C.int) {{")
    _emit_recover(p, where, refs)
    for line in m.go_arg_prepare("c_a0", ArgSite(where, 0), refs):
        p.P(line)
    p.P(f"{_field_ref(cls, field, refs)} = {m.go_arg_value('c_a0', refs)}")
    p.P("return 0")
    p.P("}")
