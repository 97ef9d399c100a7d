"""Choosing the mapping for a Go type expression.

Each type family has a *finder*: ``find(t, env) -> TypeMapping | None``. Finders are tried in
order; the first that recognises the type wins. A finder that recognises a type but cannot
bind it (say, a slice of channels) raises :class:`MappingError` with the reason, which the
resolver reports at the declaration. Adding a family means adding its module and one entry
to :data:`FINDERS`.
"""

from __future__ import annotations

from typing import Callable

from bindc.ir import GoType, NamedType, SliceType
from bindc.typemap.base import TypeMapping
from bindc.typemap.bytearrays import find_byte_array
from bindc.typemap.classes import find_class
from bindc.typemap.containers import find_runtime_value
from bindc.typemap.foreign_classes import find_foreign_class, find_foreign_interface
from bindc.typemap.interfaces import find_interface
from bindc.typemap.env import TypeEnv
from bindc.typemap.funclists import find_func_list
from bindc.typemap.funcs import find_func
from bindc.typemap.inout import find_inout
from bindc.typemap.named import find_named
from bindc.typemap.numbers import NUMERIC_MAPPINGS
from bindc.typemap.streams import find_stream
from bindc.typemap.text import BYTES, STRING
from bindc.typemap.wellknown import find_well_known


class MappingError(Exception):
    """No mapping exists for a Go type; the message says which type and why."""


Finder = Callable[[GoType, TypeEnv], "TypeMapping | None"]


def is_error_type(t: GoType, env: TypeEnv | None = None) -> bool:
    """True for the predeclared ``error`` interface (handled by the wrapper, not a mapping)."""
    if not isinstance(t, NamedType):
        return False
    if env is not None:
        return env.is_predeclared(t, "error")
    return t.package is None and t.name == "error" and not t.type_args


def find_scalar(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """Predeclared numbers, bool and string."""
    if isinstance(t, NamedType) and env.is_predeclared(t):
        if t.name == "string":
            return STRING
        if t.name in NUMERIC_MAPPINGS:
            return NUMERIC_MAPPINGS[t.name]
    return None


def find_bytes(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``[]byte`` (and ``[]uint8``) as bytes."""
    if isinstance(t, SliceType) and isinstance(t.elem, NamedType) and env.is_predeclared(t.elem) \
            and t.elem.name in ("byte", "uint8"):
        return BYTES
    return None


#: Finders in the order they are tried: specific families before general ones.
FINDERS: list[Finder] = [find_scalar, find_bytes, find_byte_array, find_well_known, find_stream, find_class,
                         find_foreign_class, find_interface, find_foreign_interface, find_func, find_named, find_func_list, find_inout,
                         find_runtime_value]


def lookup_mapping(t: GoType, env: TypeEnv) -> TypeMapping:
    """The mapping for ``t`` in ``env``, or :class:`MappingError` naming what is unsupported."""
    try:
        for finder in FINDERS:
            mapping = finder(t, env)
            if mapping is not None:
                return mapping
        raise MappingError(f"type {t.go_syntax()} is not supported")
    except MappingError:
        # A named func or interface type nothing else binds (a functional option) still
        # crosses as an opaque value the package's own functions made (bindc.typemap.opaque).
        from bindc.typemap.opaque import find_opaque

        opaque = find_opaque(t, env)
        if opaque is None:
            raise
        return opaque
