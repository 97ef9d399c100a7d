"""Types of Go's standard library that cross as the Python type a Python user expects.

| Go | Python result | Python parameter accepts |
| --- | --- | --- |
| ``time.Time`` | ``datetime`` (aware, fixed offset) | ``datetime`` (naive = local time) |
| ``*time.Time`` | ``datetime \\| None`` | ``datetime \\| None`` |
| ``time.Duration`` | ``timedelta`` | ``timedelta \\| int`` (int: nanoseconds) |
| ``*big.Int`` | ``int \\| None`` | ``int \\| None`` (any ``__index__``) |
| ``*big.Rat`` | ``Fraction \\| None`` | ``Fraction \\| int \\| None`` |
| ``*big.Float`` | ``Decimal \\| None`` (exact value) | ``Decimal \\| float \\| int \\| None`` |
| ``io.Reader`` | the original object, or an instance of its class | ``SupportsRead[bytes] \\| bytes \\| bytearray \\| memoryview \\| None`` |
| ``error`` (not a trailing result) | ``GoError \\| None`` (an instance, not raised) | ``GoError \\| None`` |

The conversions are the runtime's (``runtime/bindcrt/bindc_wellknown.go``, where the rounding and
range rules are documented): the wrapper hands the borrowed object to the trampoline, which
decodes it with ``BindcDecode`` and builds results with ``BindcFromGo``, exactly as containers
do, so the same types work as container elements and struct fields too. A trailing ``error``
result still raises (the resolver handles it before any mapping is looked up); an ``error``
parameter takes the GoError a Go function raised as the very same Go error value
(``runtime/bindcrt/bindc_errors.go``). An ``io.Reader`` parameter takes bytes-like objects (copied
once) and any object with a ``read`` method, called back from Go (``runtime/bindcrt/bindc_readers.go``):
such a function releases the GIL like one taking a callback (:mod:`bindc.gil`). Only the types as
another package names them are matched (``time.Time`` in a package importing ``time``): the
``time`` package bound itself keeps ``Time`` as a class with its methods.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from bindc.ir import GoType, NamedType, PointerType
from bindc.typemap.base import TypeMapping
from bindc.typemap.containers import RuntimeValue, _runtime_value
from bindc.typemap.env import TypeEnv


@dataclass(frozen=True)
class WellKnown:
    """How one well-known Go type is annotated in the stub."""

    result: str
    param: str
    imports: tuple[tuple[str, str], ...]


_DATETIME = (("datetime", "datetime"),)
#: (import path, type name, is a pointer) -> its Python side.
WELL_KNOWN: dict[tuple[str, str, bool], WellKnown] = {
    ("time", "Time", False): WellKnown("datetime", "datetime", _DATETIME),
    ("time", "Time", True): WellKnown("datetime | None", "datetime | None", _DATETIME),
    ("time", "Duration", False): WellKnown("timedelta", "timedelta | int", (("datetime", "timedelta"),)),
    ("math/big", "Int", True): WellKnown("int | None", "int | None", ()),
    # Imported under a private alias: a decimal or rational library's own ``Decimal`` / ``Fraction``
    # class keeps its name in the module (a stub-wide ``from decimal import Decimal`` would force
    # it to ``Decimal_``), and a private name is not re-exported, so stubtest ignores it.
    ("math/big", "Rat", True): WellKnown("_Fraction | None", "_Fraction | int | None",
                                         (("fractions", "Fraction as _Fraction"),)),
    ("math/big", "Float", True): WellKnown("_Decimal | None", "_Decimal | float | int | None",
                                           (("decimal", "Decimal as _Decimal"),)),
    # Buffers spelled out: a stub importing ``Buffer`` would clash with a class of that name
    # (bytes.Buffer), and any buffer is accepted at run time anyway.
    ("io", "Reader", False): WellKnown("Any", "SupportsRead[bytes] | bytes | bytearray | memoryview | None",
                                       (("typing", "Any"), ("_typeshed", "SupportsRead"))),
}

#: Well-known types whose Python values may call back into Python from Go (a file's read).
CALLS_BACK = frozenset({("io", "Reader", False)})


def well_known_key(t: GoType, env: TypeEnv) -> tuple[str, str, bool] | None:
    """The :data:`WELL_KNOWN` key of ``t`` as ``env``'s files write it, if it is one."""
    pointer = isinstance(t, PointerType)
    inner = t.elem if isinstance(t, PointerType) else t
    if not isinstance(inner, NamedType) or inner.package is None or inner.type_args:
        return None
    key = (env.imports.get(inner.package, ""), inner.name, pointer)
    return key if key in WELL_KNOWN else None


def find_well_known(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``time.Time``, ``time.Duration``, ``*big.Int``, ``*big.Rat``, ``*big.Float``, and the
    predeclared ``error`` as a value."""
    if isinstance(t, NamedType) and env.is_predeclared(t, "error"):
        return _runtime_value(t, "GoError | None", "GoError | None", (), helper="BindcFromError")
    key = well_known_key(t, env)
    if key is None:
        return None
    known = WELL_KNOWN[key]
    if key in CALLS_BACK:  # an interface: a result is its dynamic value's class, a proxy its object
        mapping = _runtime_value(t, known.result, known.param, known.imports, helper="BindcWrapValue")
        return CallsBackValue(**{f.name: getattr(mapping, f.name) for f in fields(mapping)})
    return _runtime_value(t, known.result, known.param, known.imports)


@dataclass(frozen=True)
class CallsBackValue(RuntimeValue):
    """A runtime-converted value whose Python object Go may call (an ``io.Reader``)."""


def calls_back_python(m: TypeMapping) -> bool:
    """Whether Go may call back into Python through a value of mapping ``m`` (so the function
    taking it must release the GIL, as for a callback)."""
    return isinstance(m, CallsBackValue)
