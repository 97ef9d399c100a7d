"""``[N]byte`` (hashes, UUIDs, addresses: ``sha256.Sum256``'s ``[32]byte``) <-> ``bytes``.

A byte array is data, not a list of numbers: results (at any depth: ``[][16]byte`` is a
``list[bytes]``) are ``bytes``, and parameters take ``bytes``, a ``bytearray``, a
``memoryview`` or any sequence of ints, of exactly N bytes (else ValueError). A value class
over one (``type ID [16]byte`` with methods) constructs from the same and its ``value`` is
``bytes``. The runtime does the conversion (the container path of
:mod:`bindc.typemap.containers`, which encodes every ``[N]byte`` as bytes).
"""

from __future__ import annotations

from dataclasses import fields

from bindc.ir import ArrayType, GoType, NamedType
from bindc.typemap.base import TypeMapping
from bindc.typemap.containers import RuntimeValue, find_runtime_value
from bindc.typemap.env import TypeEnv

#: What a ``[N]byte`` parameter accepts, for the stub.
BYTE_ARRAY_PARAM = "bytes | bytearray | memoryview | Sequence[int]"


def _is_byte(t: GoType, env: TypeEnv) -> bool:
    return isinstance(t, NamedType) and env.is_predeclared(t) and t.name in ("byte", "uint8")


def find_byte_array(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``[N]byte`` (and ``[N]uint8``) as bytes; None for anything else."""
    if not (isinstance(t, ArrayType) and _is_byte(t.elem, env)):
        return None
    base = find_runtime_value(t, env)
    if not isinstance(base, RuntimeValue):
        return None
    values = {f.name: getattr(base, f.name) for f in fields(base)}
    values.update(py_annotation="bytes", param_annotation=BYTE_ARRAY_PARAM,
                  imports=(("collections.abc", "Sequence"),))
    return RuntimeValue(**values)
