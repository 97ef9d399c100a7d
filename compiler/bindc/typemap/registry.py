"""Choosing the mapping for a Go type expression."""

from __future__ import annotations

from bindc.ir import GoType, NamedType, SliceType
from bindc.typemap.base import TypeMapping
from bindc.typemap.numbers import NUMERIC_MAPPINGS
from bindc.typemap.text import BYTES, STRING


class MappingError(Exception):
    """No mapping exists for a Go type; the message says which type and why."""


def is_error_type(t: GoType) -> bool:
    """True for the predeclared ``error`` interface (handled by the wrapper, not a mapping)."""
    return isinstance(t, NamedType) and t.package is None and t.name == "error" and not t.type_args


def lookup_mapping(t: GoType, *, local_names: frozenset[str] = frozenset()) -> TypeMapping:
    """The mapping for ``t``, or :class:`MappingError` naming what is unsupported.

    ``local_names`` are type names declared by the bound package; they shadow predeclared
    names (a package may declare its own ``type string struct{}``), so they never match here.
    """
    if isinstance(t, NamedType) and t.package is None and not t.type_args and t.name not in local_names:
        if t.name == "string":
            return STRING
        if t.name in NUMERIC_MAPPINGS:
            return NUMERIC_MAPPINGS[t.name]
        if t.name in ("complex64", "complex128"):
            raise MappingError(f"type {t.name} is not supported yet")
    if isinstance(t, SliceType) and isinstance(t.elem, NamedType) and t.elem.package is None \
            and t.elem.name in ("byte", "uint8") and t.elem.name not in local_names:
        return BYTES
    raise MappingError(f"type {t.go_syntax()} is not supported")
