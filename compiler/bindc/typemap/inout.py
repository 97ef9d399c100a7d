"""Arguments Go writes into: slices sorted or filled in place, pointers to slices, and
out-parameters like ``json.Unmarshal``'s ``v``.

Go passes a slice's backing array, so ``sort.Ints(xs)`` and ``io.Reader.Read(p)`` change what
the caller holds; a Python list cannot be shared with Go, so these mappings decode a copy and,
after the call, write what Go changed back into the Python object (the runtime's
``bindc_inout.go``):

- ``[]T`` parameter given a ``list``: changed elements are stored back (:class:`InPlaceSlice`);
  a tuple or other sequence is copied in only. ``[]byte`` given a writable buffer (bytearray)
  is copied back by :class:`~bindc.typemap.text.Bytes`.
- ``*[]T`` (or a pointer to a named slice type, ``*IntVector``) given a list: the list's
  contents become the slice Go leaves behind, whatever its length (:class:`SlicePointer`).
- an *out-parameter* ``any`` (:class:`OutAny`, chosen by :mod:`bindc.resolve.outparams`): a dict or
  list is passed as a pointer to a Go map or slice of its items, and refilled from it; an
  instance of a bound class as its ``*T``; anything else is a TypeError.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from bindc.ir import GoType, NamedType, PointerType, SliceType
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, go_string
from bindc.typemap.containers import RuntimeValue, find_runtime_value
from bindc.typemap.env import TypeEnv


def _decode(helper: str, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
    return [f"if {refs.rt}.{helper}({go_string(site.fn)}, {site.pos}, {refs.unsafe}.Pointer({c_expr}), "
            f"&{c_expr}_go, &{c_expr}_back) < 0 {{", "return -1", "}"]


def _check(call: str) -> list[str]:
    return [f"if {call} < 0 {{", "return -1", "}"]


@dataclass(frozen=True)
class InPlaceSlice(RuntimeValue):
    """``[]T``: a list argument gets the elements Go changed stored back after the call."""

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"var {c_expr}_go {refs.type_syntax(self.go)}", f"var {c_expr}_back {refs.rt}.BindcListBack",
                *_decode("BindcDecodeSlice", c_expr, site, refs)]

    def go_arg_finish(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return _check(f"{refs.rt}.BindcSliceBack({go_string(site.fn)}, {site.pos}, &{c_expr}_back, {c_expr}_go)")


@dataclass(frozen=True)
class SlicePointer(RuntimeValue):
    """``*[]T`` / ``*NamedSlice``: ``list[T] | None``; a list gets the slice Go leaves behind."""

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"var {c_expr}_go {refs.type_syntax(self.go)}", f"var {c_expr}_back {refs.rt}.BindcContentsBack",
                *_decode("BindcDecodePointer", c_expr, site, refs)]

    def go_arg_finish(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return _check(f"{refs.rt}.BindcContentsBackWrite({go_string(site.fn)}, {site.pos}, &{c_expr}_back)")


@dataclass(frozen=True)
class OutAny(RuntimeValue):
    """An ``any`` the function stores its result through (see :mod:`bindc.resolve.outparams`)."""

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"var {c_expr}_go any", f"var {c_expr}_back {refs.rt}.BindcContentsBack",
                *_decode("BindcOutArg", c_expr, site, refs)]

    def go_arg_finish(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return _check(f"{refs.rt}.BindcContentsBackWrite({go_string(site.fn)}, {site.pos}, &{c_expr}_back)")


def out_any(base: RuntimeValue) -> OutAny:
    """The out-parameter version of the ``any`` mapping ``base``."""
    return OutAny(**{**_fields_of(base), "param_annotation": "dict[Any, Any] | list[Any] | object"})


def _fields_of(m: RuntimeValue) -> dict[str, Any]:
    return {f.name: getattr(m, f.name) for f in fields(m)}


def _is_slice(t: GoType, env: TypeEnv) -> bool:
    """``[]T`` (not ``[]byte``), or a named type of the package declared as one."""
    from bindc.typemap.classes import CLASSES_KEY

    if isinstance(t, NamedType) and t.package is None and not t.type_args and t.name in env.local_types:
        if t.name in env.extra.get(CLASSES_KEY, {}):  # type: ignore[operator]
            return False  # a value class: *T takes an instance, shared
        decl = env.local_types[t.name]
        return not decl.alias and not decl.type_params and isinstance(decl.type, SliceType)
    return isinstance(t, SliceType)


def find_inout(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """Slices (written back into list arguments) and pointers to slices; None otherwise."""
    from bindc.typemap.registry import MappingError, lookup_mapping

    if isinstance(t, SliceType):
        from bindc.typemap.buffers import buffer_slice  # buffers extends InPlaceSlice

        base = find_runtime_value(t, env)
        if isinstance(base, RuntimeValue) and type(base) is RuntimeValue:
            return buffer_slice(t, InPlaceSlice(**_fields_of(base)), env)
        return base
    if isinstance(t, PointerType) and _is_slice(t.elem, env):
        try:
            elem = lookup_mapping(t.elem, env)
        except MappingError:
            return None
        elem = getattr(elem, "element_form", elem)  # Go may grow the slice: never a buffer view
        return SlicePointer(t.go_syntax(), f"{elem.py_annotation} | None", "PyObject *", "*C.PyObject", "PyObject *",
                            "*C.PyObject", go=t, param_annotation=f"{elem.py_param_annotation} | None",
                            imports=elem.stub_imports, interfaces=getattr(elem, "interfaces", ()))
    if isinstance(t, PointerType) and isinstance(t.elem, NamedType):
        return _named_scalar_pointer(t, env)
    return None


def _named_scalar_pointer(t: PointerType, env: TypeEnv) -> TypeMapping | None:
    """``*MyInt`` for a named scalar without a class (``type MyInt int``): like ``*int``,
    ``int | None``, the Go function getting a pointer to a copy (a Python int cannot change)."""
    from bindc.typemap.named import EnumMapping, NamedMapping
    from bindc.typemap.registry import MappingError, lookup_mapping
    from bindc.typemap.text import BYTES

    try:
        named = lookup_mapping(t.elem, env)
    except MappingError:
        return None
    if not isinstance(named, NamedMapping) or isinstance(named, EnumMapping) or named.inner is BYTES \
            or isinstance(named.inner, RuntimeValue) or named.inner.c_arg_type == "py4go_callable":
        return None  # enums would come back as plain ints; containers and funcs are not scalars
    return RuntimeValue(t.go_syntax(), f"{named.py_annotation} | None", "PyObject *", "*C.PyObject", "PyObject *",
                        "*C.PyObject", go=t, param_annotation=f"{named.py_param_annotation} | None",
                        imports=named.stub_imports)
