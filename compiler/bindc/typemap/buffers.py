"""``[]float64``, ``[]int32``, ``[]complex128``... parameters that view a Python buffer.

| Go | Python parameter | how |
| --- | --- | --- |
| ``[]T`` result of a function marked ``//py4go:buffer`` | ``array.array`` of T's typecode | one memmove from Go's slice (:func:`array_result`) |
| ``[]T``, T a predeclared number (not ``byte``) | ``Sequence[T] \\| Buffer`` (``Buffer`` imported as ``_Buffer``) | an object exporting a C-contiguous buffer of T's format and size (``array.array('d')``, ``memoryview``, numpy) is viewed in place: no per-element conversion, Go's writes land in a writable buffer; anything else takes :class:`~bindc.typemap.inout.InPlaceSlice`'s element-wise path |

The runtime's ``BindcBufferSlice`` (``runtime/bindcrt/bindc_buffers.go``) takes the buffer and says
whether it did; the trampoline releases it in a ``defer`` registered before anything can fail,
so every path (result, error, panic) gives it back. A read-only buffer is copied with one
memmove. Results are unchanged (lists). docs/buffers.md has the rules and the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from bindc.ir import GoType, NamedType, SliceType
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, go_string
from bindc.typemap.containers import RuntimeValue
from bindc.typemap.env import TypeEnv
from bindc.typemap.inout import InPlaceSlice

#: Element types whose slices may view a buffer (``byte`` slices are ``bytes``: text.py).
BUFFER_ELEMENTS = frozenset({"int", "int8", "int16", "int32", "int64", "rune", "uint", "uint16", "uint32", "uint64",
                             "uintptr", "float32", "float64", "complex64", "complex128"})


@dataclass(frozen=True)
class BufferSlice(InPlaceSlice):
    """``[]T`` of numbers: a matching buffer is viewed, anything else decoded (and written back
    into a list) as :class:`InPlaceSlice` does."""

    @property
    def element_form(self) -> InPlaceSlice:
        """The mapping as an element of another container (``[][]float64``): the runtime
        decodes nested slices element-wise, so no buffer there."""
        return InPlaceSlice(**{f.name: getattr(self, f.name) for f in fields(self)})

    @property
    def py_param_annotation(self) -> str:
        return f"{self.param_annotation} | _Buffer"

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        # Imported under a private name: a module may have a class Buffer of its own
        # (bytes.Buffer is one), and no bound name starts with an underscore.
        return self.imports + (("typing_extensions", "Buffer as _Buffer"),)

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        decode = super().go_arg_prepare(c_expr, site, refs)
        return [
            f"var {c_expr}_view {refs.rt}.BindcBufferView",
            f"defer {c_expr}_view.Release() // on every path: result, error, panic",
            *decode[:2],  # the Go slice and the list write-back record
            f"switch {refs.rt}.BindcBufferSlice({go_string(site.fn)}, {site.pos}, {refs.unsafe}.Pointer({c_expr}), "
            f"&{c_expr}_go, &{c_expr}_view) {{",
            "case -1:", "return -1",
            "case 0:", *decode[2:],
            "}",
        ]


def buffer_slice(t: GoType, base: InPlaceSlice, env: TypeEnv) -> InPlaceSlice:
    """``base`` (the element-wise mapping of ``t``) as a :class:`BufferSlice` when ``t`` is a
    slice of a predeclared number; ``base`` itself otherwise."""
    elem = t.elem if isinstance(t, SliceType) else None
    if isinstance(elem, NamedType) and env.is_predeclared(elem) and elem.name in BUFFER_ELEMENTS:
        return BufferSlice(**{f.name: getattr(base, f.name) for f in fields(base)})
    return base


#: array.array can hold these (complex numbers have no typecode).
ARRAY_ELEMENTS = BUFFER_ELEMENTS - {"complex64", "complex128"}


def array_result(t: GoType, base: TypeMapping, env: TypeEnv) -> TypeMapping | None:
    """The ``//py4go:buffer`` form of result type ``t`` (mapped as ``base``): an
    ``array.array`` built with one copy; None when ``t`` is not a slice of numbers
    array.array can hold."""
    elem = t.elem if isinstance(t, SliceType) else None
    if not isinstance(base, RuntimeValue) or not isinstance(elem, NamedType) or not env.is_predeclared(elem) \
            or elem.name not in ARRAY_ELEMENTS:
        return None
    return RuntimeValue(**{**{f.name: getattr(base, f.name) for f in fields(base)},
                           "py_annotation": f"array[{'float' if elem.name.startswith('float') else 'int'}]",
                           "imports": base.imports + (("array", "array"),), "result_helper": "BindcArrayResult"})
