"""The rich comparison of a bound class (:mod:`bindc.ordering`): a C ``tp_richcompare`` slot
and the Go trampolines it calls, ``<prefix>__eq`` (answers 1/0) and ``<prefix>__cmp`` (stores
-1/0/1). Two underscores: method trampolines are ``<prefix>_<method>``, and a Go type may well
have methods called ``Eq`` or ``Cmp``."""

from __future__ import annotations

from collections.abc import Callable

from bindc.emit.printer import LinePrinter
from bindc.ordering import ClassOrdering
from bindc.typemap.base import GoRefs
from bindc.typemap.classes import ClassMapping


def emit_c_richcompare(p: LinePrinter, pre: str, type_var: str, order: ClassOrdering) -> None:
    """``bindcpy_<pre>_richcompare``: both operands must be instances of the class (else
    NotImplemented, so Python tries the reflected operation)."""
    p.P("static PyObject *")
    p.P(f"bindcpy_{pre}_richcompare(PyObject *a, PyObject *b, int op)")
    p.P("{")
    with p.indent():
        p.P(f"if (!PyObject_TypeCheck(a, {type_var}) || !PyObject_TypeCheck(b, {type_var}))")
        with p.indent():
            p.P("Py_RETURN_NOTIMPLEMENTED;")
        p.P("if (op == Py_EQ || op == Py_NE) {")
        with p.indent():
            if order.has_eq:
                p.P(f"int eq = bindcgo_{pre}__eq(py4go_bind_self(a), py4go_bind_self(b));")
                p.P("if (eq < 0)")
                with p.indent():
                    p.P("return NULL;")
                p.P("return PyBool_FromLong(op == Py_EQ ? eq : !eq);")
            else:
                p.P("Py_RETURN_NOTIMPLEMENTED;")
        p.P("}")
        if not order.has_order:
            p.P("Py_RETURN_NOTIMPLEMENTED;")
        else:
            p.P("int c = 0;")
            p.P(f"if (bindcgo_{pre}__cmp(py4go_bind_self(a), py4go_bind_self(b), &c) < 0)")
            with p.indent():
                p.P("return NULL;")
            p.P("return PyBool_FromLong(op == Py_LT ? c < 0 : op == Py_LE ? c <= 0 : op == Py_GT ? c > 0 : c >= 0);")
    p.P("}")


def _call(method_name: str, fn_param: ClassMapping, a: str, b: str) -> str:
    """``a.M(b)`` with ``b`` passed as the method's parameter wants it (``T`` or ``*T``)."""
    return f"{a}.{method_name}({b if fn_param.pointer else '*' + b})"


def emit_go_ordering(p: LinePrinter, pre: str, py_class: str, go_type: str, order: ClassOrdering, refs: GoRefs,
                     emit_recover: Callable[[LinePrinter, str], None]) -> None:
    """The ``//export``-ed Go functions :func:`emit_c_richcompare` calls; ``emit_recover``
    writes the deferred panic handler naming the operation."""
    values = (f"v_a := {refs.rt}.BindcValue(uintptr(c_a)).(*{go_type})",
              f"v_b := {refs.rt}.BindcValue(uintptr(c_b)).(*{go_type})")
    if order.has_eq:
        p.P()
        p.P(f"//export bindcgo_{pre}__eq")
        p.P(f"func bindcgo_{pre}__eq(c_a, c_b C.uintptr_t) (c_status C.int) {{")
        emit_recover(p, f"{py_class}.__eq__")
        for line in values:
            p.P(line)
        if order.equal is not None:
            cond = _call(order.equal.go_name, order.equal.params[0].mapping, "v_a", "v_b")  # type: ignore[arg-type]
        elif order.compare is not None:
            cond = _call(order.compare.go_name, order.compare.params[0].mapping, "v_a", "v_b") + " == 0"  # type: ignore[arg-type]
        else:
            cond = "*v_a == *v_b"
        p.P(f"if {cond} {{")
        p.P("return 1")
        p.P("}")
        p.P("return 0")
        p.P("}")
    if order.has_order:
        p.P()
        p.P(f"//export bindcgo_{pre}__cmp")
        p.P(f"func bindcgo_{pre}__cmp(c_a, c_b C.uintptr_t, c_r *C.int) (c_status C.int) {{")
        emit_recover(p, f"{py_class}.__lt__")
        for line in values:
            p.P(line)
        if order.compare is not None:
            p.P(f"switch c := {_call(order.compare.go_name, order.compare.params[0].mapping, 'v_a', 'v_b')}; {{")  # type: ignore[arg-type]
            p.P("case c < 0:")
            p.P("*c_r = -1")
            p.P("case c > 0:")
            p.P("*c_r = 1")
            p.P("}")
        else:
            assert order.less is not None
            m = order.less.params[0].mapping
            p.P("switch {")
            p.P(f"case {_call(order.less.go_name, m, 'v_a', 'v_b')}:")  # type: ignore[arg-type]
            p.P("*c_r = -1")
            p.P(f"case {_call(order.less.go_name, m, 'v_b', 'v_a')}:")  # type: ignore[arg-type]
            p.P("*c_r = 1")
            p.P("}")
        p.P("return 0")
        p.P("}")
