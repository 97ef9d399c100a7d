"""Slices of funcs (``[]func()``, ``[]Handler``: middleware chains, hook lists) <->
sequences of Python callables.

A parameter takes any sequence of callables (each becomes a Go closure, as for a single func
parameter: :mod:`bindc.typemap.funcs`); a non-callable item is a TypeError naming its index.
A result is a list of Python functions calling the Go funcs (a nil func is None). The runtime
half is ``runtime/bindcrt/bindc_funclists.go``; the C method table the result's functions use is
exported by the C file for the Go file (:func:`bindc.emit.funcs.emit_go_func_list_externs`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.ir import FuncType, GoType, SliceType
from bindc.typemap.base import ArgSite, GoRefs, NewReferenceResult, TypeMapping, c_string
from bindc.typemap.env import TypeEnv
from bindc.typemap.funcs import FuncMapping, callback_builder_name


def method_def_pointer(module: str, m: FuncMapping) -> str:
    """The exported C pointer to the ``PyMethodDef`` of signature ``m`` in module ``module``."""
    return f"bindcdefp_{module}_{m.sig_id}"


@dataclass(frozen=True)
class FuncList(NewReferenceResult):
    """``[]F`` for a func type (or named func type) ``F`` whose mapping is ``elem``."""

    elem: FuncMapping = None  # type: ignore[assignment]
    go: GoType = SliceType(FuncType((), ()))
    module: str = ""

    @property
    def funcs(self) -> tuple[FuncMapping, ...]:
        """The func signature the elements carry (its builders and wrappers are generated)."""
        return (self.elem,)

    @property
    def py_param_annotation(self) -> str:
        return f"Sequence[{self.elem.py_param_annotation}]"

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(set(self.elem.stub_imports) | {("collections.abc", "Sequence")}))

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return self.elem.capi

    @property
    def variadic_ok(self) -> bool:
        return False

    @property
    def c_zero(self) -> str:
        return "{NULL, NULL, 0}"

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        # The sequence is borrowed; Go checks each item (and keeps the literal naming fn).
        return f"((({target})->obj = {obj}), (({target})->fn = {c_string(site.fn)}), (({target})->pos = {site.pos}), 0)"

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        add = f"func(cb *{refs.rt}.Callback) {{ {c_expr}_go = append({c_expr}_go, {callback_builder_name(self.elem)}(cb)) }}"
        return [f"var {c_expr}_go {refs.type_syntax(self.go)}",
                f"if {refs.rt}.BindcCallbackList({refs.unsafe}.Pointer({c_expr}.obj), {refs.unsafe}.Pointer({c_expr}.fn), "
                f"int({c_expr}.pos), {add}) < 0 {{", "return -1", "}"]

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{c_expr}_go"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        func = f"({refs.type_syntax(self.elem.func)})"  # the unnamed type the func wrapper asserts
        at = f"func(i int) any {{ return {func}({value}[i]) }}"
        return [f"if *{out} = (*C.PyObject)({refs.rt}.BindcFuncList(len({value}), {at}, "
                f"{refs.unsafe}.Pointer(C.{method_def_pointer(self.module, self.elem)}))); *{out} == nil {{",
                "return -1", "}"]


def find_func_list(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``[]F`` where ``F`` is a func type or a named func type that maps; None otherwise."""
    from bindc.typemap.classes import MODULE_KEY
    from bindc.typemap.named import NamedMapping
    from bindc.typemap.registry import MappingError, lookup_mapping

    if not isinstance(t, SliceType) or MODULE_KEY not in env.extra:
        return None
    try:
        elem = lookup_mapping(t.elem, env)
    except MappingError:
        return None
    if isinstance(elem, NamedMapping):
        elem = elem.inner
    if not isinstance(elem, FuncMapping):
        return None
    return FuncList(t.go_syntax(), f"list[{elem.py_annotation}]", "py4go_callable", "C.py4go_callable",
                    "PyObject *", "*C.PyObject", elem=elem, go=t, module=str(env.extra[MODULE_KEY]))
