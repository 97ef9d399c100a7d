"""Spelling Go types in a generated file: qualified for the package the file belongs to."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Callable

from bindc.emit.printer import GoImports
from bindc.consteval import ConstEvalError, evaluate
from bindc.ir import (ArrayType, ChanType, FuncType, GoType, InterfaceMethod, InterfaceType, MapType, NamedType,
                      Param, PointerType, SliceType, StructField, StructType)
from bindc.typemap.env import PREDECLARED_TYPES, TypeEnv


def type_qualifier(env: TypeEnv, imports: GoImports, target: str | None) -> Callable[[GoType], str]:
    """A function rendering IR types for the generated file.

    Types the source wrote unqualified belong to the bound package: in a wrapper package
    (``target`` set) they are qualified with it. Types the source qualified (``url.URL``) are
    imported into the generated file by their import path, under a clash-free name.
    """

    def named(t: NamedType) -> NamedType:
        args = tuple(_q(a) for a in t.type_args)
        if t.package is None:
            local = t.name in env.local_types or t.name not in PREDECLARED_TYPES
            pkg = target if (target and local) else None
            return NamedType(t.name, pkg, args)
        path = env.imports.get(t.package)
        return NamedType(t.name, imports.use(path, t.package) if path else t.package, args)

    def params(ps: tuple[Param, ...]) -> tuple[Param, ...]:
        return tuple(replace(p, type=_q(p.type)) for p in ps)

    def _q(t: GoType) -> GoType:
        if isinstance(t, NamedType):
            return named(t)
        if isinstance(t, PointerType):
            return PointerType(_q(t.elem))
        if isinstance(t, SliceType):
            return SliceType(_q(t.elem))
        if isinstance(t, ArrayType):
            return ArrayType(array_length(t.length, env), _q(t.elem))
        if isinstance(t, MapType):
            return MapType(_q(t.key), _q(t.value))
        if isinstance(t, ChanType):
            return ChanType(t.direction, _q(t.elem))
        if isinstance(t, FuncType):
            return FuncType(params(t.params), params(t.results), t.variadic)
        if isinstance(t, InterfaceType):
            return InterfaceType(tuple(InterfaceMethod(m.name, _q(m.signature)) for m in t.methods),  # type: ignore[arg-type]
                                 tuple(_q(e) for e in t.embeds))
        if isinstance(t, StructType):
            return StructType(tuple(replace(f, type=_q(f.type)) for f in t.fields))
        return t

    return lambda t: _q(t).go_syntax()


def array_length(length: str, env: TypeEnv) -> str:
    """An array length the generated file can spell: a literal as written, a constant
    expression (``[Size]byte``, ``[md5.Size]byte``, ``[2*N]int``) as its value.

    The expression names constants as seen from the bound package, which a wrapper package
    cannot see unqualified (and whose imports it may not have); ``[32]byte`` is the very same
    Go type as ``[sha256.Size]byte``, and the signature guards still catch a changed length.
    A length bindc cannot evaluate stays as written (go build then names it).
    """
    if length.isdigit() or length == "...":
        return length
    from bindc.typemap.imported import constants_of

    consts = constants_of(env)
    try:
        value = evaluate(length, consts.resolve, consts.type_base).value
    except ConstEvalError:
        return length
    if isinstance(value, Fraction) and value.denominator == 1:  # [2.0 * N]T is legal Go
        value = value.numerator
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else length
