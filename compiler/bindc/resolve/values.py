"""Pass 6, values: exported constants and enum classes of the bound package.

Constants become module attributes under their Go names (Go constants are already written
the way Python spells constants: ``MaxInt64``, ``Pi``, ``StatusOK``); ``//py4go:export name``
renames one and ``//py4go:skip`` drops it. Values are evaluated exactly at generation time
(:mod:`bindc.consteval`) and converted once: integers and runes to ``int`` (unbounded),
floats to the nearest ``float`` (of the float32 value for ``float32`` constants), complex
constants to ``complex`` (parts rounded like floats), strings to ``str``, booleans to ``bool``. A constant of an enum type is also reachable as a member of its
``IntEnum`` class; the module attribute is that member. An enum type of another package that
the module's functions or classes use (``other.Kind``) becomes an ``IntEnum`` class of this
module too, named like the type, with that package's constants as members (they are not
module attributes: they belong to the other package).
"""

from __future__ import annotations

import enum
import struct
from fractions import Fraction
from typing import Iterable

from bindc.consteval import Const, ConstEvalError, ExactComplex
from bindc.diagnostics import DiagnosticSink
from bindc.ir import NamedType, Span, TypeDecl, ValueDecl
from bindc.naming import is_valid_python_identifier
from bindc.resolve.functions import bind_function, method_key, skip_reason, wanted
from bindc.resolve.model import (BoundClass, BoundConstant, BoundEnum, BoundFunction, BoundReceiver, PyValue,
                                 attr_name)
from bindc.resolve.state import ResolveState
from bindc.resolve.symbols import SymbolTable
from bindc.typemap.base import TypeMapping
from bindc.typemap.env import TypeEnv
from bindc.typemap.imported import constants_of
from bindc.typemap.named import EnumMapping
from bindc.typemap.registry import MappingError, lookup_mapping

__all__ = ["PyValue", "add_imported_enums", "attr_name", "run"]


def run(state: ResolveState) -> None:
    """Pass 6: the enums and constants of the package (``state.enums``, ``state.constants``),
    and the enums of *other* packages that the module's functions and classes use."""
    env, sink, symbols = state.env, state.sink, state.symbols
    for decl in env.package.types:
        if not decl.exported or decl.alias or decl.type_params or decl.directive("skip"):
            continue
        try:
            mapping = lookup_mapping(NamedType(decl.name), env)
        except MappingError:
            continue  # reported where a function uses it
        if isinstance(mapping, EnumMapping):
            if _claim(attr_name(decl.name), symbols, sink, decl):
                state.enums.append(_bind_enum(decl, mapping, env, state.in_package, sink))
    enum_names = {e.decl.name: e.py_name for e in state.enums}
    add_imported_enums(state, used_mappings(state.functions, state.classes))

    evaluator = constants_of(env)
    for name, spec in evaluator.specs.items():
        const_decl = spec.decl
        if not const_decl.exported or any(d.kind == "skip" for d in const_decl.directives):
            continue
        try:
            value = evaluator.get(name)
            py_value = _python_value(value, env, enum_names)
        except ConstEvalError as e:
            sink.warning(f"constant {name} skipped: {e}", const_decl.span)
            sink.skipped(f"const {name}", "constant without a Python value" if "Python" in str(e)
                         else skip_reason(str(e)))
            continue
        py_name = _py_name(const_decl, sink)
        if py_name is not None and _claim(py_name, symbols, sink, const_decl):
            state.constants.append(BoundConstant(const_decl, py_name, py_value, enum_names.get(value.type or "")))


def used_mappings(functions: list[BoundFunction], classes: list[BoundClass]) -> list[tuple[TypeMapping, Span]]:
    """Every mapping the module's functions, methods and fields use, with its declaration's
    span, in declaration order (functions first)."""
    out: list[tuple[TypeMapping, Span]] = []
    for fn in functions + [m for c in classes for m in c.methods]:
        params = list(fn.params) + ([fn.variadic] if fn.variadic else [])
        out += [(bp.mapping, fn.func.span) for bp in params] + [(r.mapping, fn.func.span) for r in fn.results]
    for cls in classes:
        out += [(f.mapping, f.span or cls.decl.span) for f in cls.fields]
    return out


def add_imported_enums(state: ResolveState, used: Iterable[tuple[TypeMapping, Span | None]]) -> None:
    """One class per enum type of another package that the module's API uses (first use
    first), appended to ``state.enums``. The mapping already checked the bound package declares
    no such name; a function renamed to it with //py4go:export is the one clash left, and an
    error. The variables pass calls this too, for the types of variables."""
    seen = {e.mapping.members_var for e in state.enums}
    for mapping, span in used:
        if not isinstance(mapping, EnumMapping) or mapping.named.package is None or mapping.decl is None:
            continue
        if mapping.members_var in seen:
            continue
        seen.add(mapping.members_var)
        name = attr_name(mapping.decl.name)
        if state.symbols.claim(name, f"enum {mapping.go_type}") is not None:
            state.sink.error(f"the enum class {name} for {mapping.go_type} clashes with a name of the module; "
                             f"rename that declaration with //py4go:export <name>", span)
            continue
        state.enums.append(BoundEnum(mapping.decl, mapping))


#: Attributes every IntEnum member has (``name``, ``value``, int's methods...): a Go method
#: taking one of these names would break the enum, so it is skipped.
_ENUM_ATTRIBUTES = frozenset(dir(enum.IntEnum)) | {"name", "value"}


def _bind_enum(decl: TypeDecl, mapping: EnumMapping, env: TypeEnv, in_package: bool,
               sink: DiagnosticSink) -> BoundEnum:
    """An enum class and its methods. Members are immutable Python ints, so only methods
    with a value receiver can be bound; ``self`` crosses like an enum parameter."""
    receiver = BoundReceiver(attr_name(decl.name), NamedType(decl.name), value=mapping)
    members = {attr_name(name) for name, _ in mapping.members}
    used: set[str] = set()
    methods: list[BoundFunction] = []
    str_method = None
    for func in env.package.methods_of(decl.name):
        if not wanted(func, in_package, sink):
            continue
        assert func.receiver is not None
        if func.receiver.pointer:
            sink.skipped(method_key(decl.name, func.name), "pointer method of an enum")
            sink.warning(f"{decl.name}.{func.name} skipped: {decl.name} is an IntEnum, whose members cannot be "
                         f"changed in place, and the method has a pointer receiver", func.span)
            continue
        bf = bind_function(func, env, sink, receiver)
        if bf is None:
            continue
        if func.name == "String" and bf.returns_str_only:
            str_method = bf
            continue
        if bf.py_name in _ENUM_ATTRIBUTES or bf.py_name in members or bf.py_name in used:
            sink.skipped(method_key(decl.name, func.name), "name clash")
            sink.warning(f"{decl.name}.{func.name} skipped: Python name {bf.py_name!r} is already an attribute "
                         f"of the IntEnum {decl.name}; rename it with //py4go:export <name>", func.span)
            continue
        used.add(bf.py_name)
        methods.append(bf)
    return BoundEnum(decl, mapping, tuple(methods), str_method)


def _python_value(value: Const, env: TypeEnv, enum_names: dict[str, str]) -> PyValue:
    """The Python value of a constant; ConstEvalError when Python cannot hold it."""
    typ = value.type
    if typ is not None and typ != "rune" and typ not in enum_names:
        qualifier, _, name = typ.rpartition(".")
        try:
            lookup_mapping(NamedType(name, qualifier or None), env)
        except MappingError as e:
            raise ConstEvalError(str(e)) from None
    v = value.value
    if isinstance(v, ExactComplex):
        base = constants_of(env).type_base(typ) if typ else None
        parts = (_float(v.re, base == "complex64"), _float(v.im, base == "complex64"))
        return complex(*parts)
    if isinstance(v, bytes):
        try:
            return v.decode("utf-8")
        except UnicodeDecodeError:
            raise ConstEvalError("the string is not valid UTF-8") from None
    if isinstance(v, Fraction):
        base = constants_of(env).type_base(typ) if typ else None
        return _float(v, base == "float32")
    return v


def _float(v: Fraction, float32: bool) -> float:
    """The nearest float (of the nearest float32, for float32 and complex64 parts)."""
    try:
        f = float(v)
    except OverflowError:
        raise ConstEvalError("the value does not fit a Python float") from None
    return float(struct.unpack("f", struct.pack("f", f))[0]) if float32 else f


def _py_name(decl: ValueDecl, sink: DiagnosticSink) -> str | None:
    export = next((d for d in decl.directives if d.kind == "export"), None)
    if export is not None and export.arg:
        if not is_valid_python_identifier(export.arg):
            sink.error(f"//py4go:export name {export.arg!r} is not a valid Python identifier", export.span)
            return None
        return export.arg
    return attr_name(decl.name)


def _claim(name: str, symbols: SymbolTable, sink: DiagnosticSink, decl: TypeDecl | ValueDecl) -> bool:
    """Claim a module attribute name; a clash skips the later declaration with a warning."""
    if symbols.claim(name, decl.name) is not None:
        sink.skipped(f"{'type' if isinstance(decl, TypeDecl) else decl.kind} {decl.name}", "name clash")
        sink.warning(f"{decl.name} skipped: Python name {name!r} is already used in the module", decl.span)
        return False
    return True
