"""Go integers, floats, complex numbers and bool <-> Python int, float, complex and bool."""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, c_string

_OBJ = "PyObject *"
_CSTR = "const char *"


@dataclass(frozen=True)
class SignedInt(TypeMapping):
    """``int``, ``int8`` ... ``int64`` (and ``rune``) <-> ``int``, range-checked for the Go width."""

    bits: int = 64

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        lo, hi = -(1 << (self.bits - 1)), (1 << (self.bits - 1)) - 1
        lo_c = "LLONG_MIN" if self.bits == 64 else str(lo)
        hi_c = "LLONG_MAX" if self.bits == 64 else str(hi)
        return (f"py4go_bind_int({obj}, {c_string(site.fn)}, {site.pos}, {lo_c}, {hi_c}, "
                f"{c_string(self.go_type)}, {target})")

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{self.go_type}({c_expr})"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"*{out} = C.longlong({value})"]

    def c_result_object(self, var: str) -> str:
        return f"PyLong_FromLongLong({var})"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_int", "int", (_OBJ, _CSTR, "int", "long long", "long long", _CSTR, "long long *")),
            CSignature("PyLong_FromLongLong", _OBJ, ("long long",)),
        )


@dataclass(frozen=True)
class UnsignedInt(TypeMapping):
    """``uint``, ``uint8`` ... ``uint64``, ``uintptr`` (and ``byte``) <-> non-negative ``int``."""

    bits: int = 64

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        hi = "ULLONG_MAX" if self.bits == 64 else f"{(1 << self.bits) - 1}ULL"
        return f"py4go_bind_uint({obj}, {c_string(site.fn)}, {site.pos}, {hi}, {c_string(self.go_type)}, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{self.go_type}({c_expr})"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"*{out} = C.ulonglong({value})"]

    def c_result_object(self, var: str) -> str:
        return f"PyLong_FromUnsignedLongLong({var})"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_uint", "int", (_OBJ, _CSTR, "int", "unsigned long long", _CSTR, "unsigned long long *")),
            CSignature("PyLong_FromUnsignedLongLong", _OBJ, ("unsigned long long",)),
        )


@dataclass(frozen=True)
class Float(TypeMapping):
    """``float32``/``float64`` <-> ``float`` (ints accepted, as ``math.sqrt`` accepts them)."""

    bits: int = 64

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        is32 = 1 if self.bits == 32 else 0
        return f"py4go_bind_float({obj}, {c_string(site.fn)}, {site.pos}, {is32}, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{self.go_type}({c_expr})"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"*{out} = C.double({value})"]

    def c_result_object(self, var: str) -> str:
        return f"PyFloat_FromDouble({var})"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_float", "int", (_OBJ, _CSTR, "int", "int", "double *")),
            CSignature("PyFloat_FromDouble", _OBJ, ("double",)),
        )


@dataclass(frozen=True)
class Complex(TypeMapping):
    """``complex64``/``complex128`` <-> ``complex`` (ints, floats and objects with
    ``__complex__`` accepted, as ``cmath.sqrt`` accepts them).

    The value crosses as CPython's ``Py_complex`` (two doubles); a complex64 parameter is
    rounded part by part like a float32 one, and a finite part beyond float32's range raises
    OverflowError instead of becoming infinite.
    """

    bits: int = 128

    @property
    def c_zero(self) -> str:
        return "{0.0, 0.0}"

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        is64 = 1 if self.bits == 64 else 0
        return f"py4go_bind_complex({obj}, {c_string(site.fn)}, {site.pos}, {is64}, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        value = f"complex(float64({c_expr}.real), float64({c_expr}.imag))"
        return f"complex64({value})" if self.bits == 64 else value

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"*{out} = C.Py_complex{{real: C.double(real({value})), imag: C.double(imag({value}))}}"]

    def c_result_locals(self, var: str) -> list[str]:
        return [f"Py_complex {var} = {self.c_zero};"]

    def c_result_object(self, var: str) -> str:
        return f"PyComplex_FromCComplex({var})"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_complex", "int", (_OBJ, _CSTR, "int", "int", "Py_complex *")),
            CSignature("PyComplex_FromCComplex", _OBJ, ("Py_complex",)),
        )


@dataclass(frozen=True)
class Bool(TypeMapping):
    """``bool`` <-> ``bool`` (only ``True``/``False`` are accepted)."""

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        return f"py4go_bind_bool({obj}, {c_string(site.fn)}, {site.pos}, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"({c_expr} != 0)"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"*{out} = 0", f"if {value} {{", f"*{out} = 1", "}"]

    def c_result_object(self, var: str) -> str:
        return f"PyBool_FromLong({var})"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_bool", "int", (_OBJ, _CSTR, "int", "int *")),
            CSignature("PyBool_FromLong", _OBJ, ("long",)),
        )


def _signed(go: str, bits: int) -> SignedInt:
    return SignedInt(go, "int", "long long", "C.longlong", "long long", "C.longlong", bits)


def _unsigned(go: str, bits: int) -> UnsignedInt:
    return UnsignedInt(go, "int", "unsigned long long", "C.ulonglong", "unsigned long long", "C.ulonglong", bits)


def _float(go: str, bits: int) -> Float:
    return Float(go, "float", "double", "C.double", "double", "C.double", bits)


def _complex(go: str, bits: int) -> Complex:
    return Complex(go, "complex", "Py_complex", "C.Py_complex", "Py_complex", "C.Py_complex", bits)


#: Every numeric and boolean mapping by Go predeclared type name. ``int``/``uint``/``uintptr``
#: are 64-bit on every platform bindc targets (a compile-time guard in the generated Go
#: file fails the build elsewhere).
NUMERIC_MAPPINGS: dict[str, TypeMapping] = {
    **{name: _signed(name, bits) for name, bits in
       (("int", 64), ("int8", 8), ("int16", 16), ("int32", 32), ("rune", 32), ("int64", 64))},
    **{name: _unsigned(name, bits) for name, bits in
       (("uint", 64), ("uint8", 8), ("byte", 8), ("uint16", 16), ("uint32", 32), ("uint64", 64), ("uintptr", 64))},
    "float32": _float("float32", 32),
    "float64": _float("float64", 64),
    "complex64": _complex("complex64", 64),
    "complex128": _complex("complex128", 128),
    "bool": Bool("bool", "bool", "int", "C.int", "int", "C.int"),
}
