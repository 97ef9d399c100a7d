"""Module-level values: exported constants and enum classes of the bound package.

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
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Iterable

from bindc.consteval import Const, ConstEvalError, ExactComplex
from bindc.diagnostics import DiagnosticSink
from bindc.ir import NamedType, Span, TypeDecl, ValueDecl
from bindc.naming import is_valid_python_identifier, python_safe
from bindc.typemap.base import TypeMapping
from bindc.typemap.env import TypeEnv
from bindc.typemap.imported import constants_of
from bindc.typemap.named import EnumMapping

PyValue = int | float | complex | str | bool

if TYPE_CHECKING:
    from bindc.resolve.functions import BoundFunction
    from bindc.resolve.sentinels import BoundSentinel


@dataclass(frozen=True)
class BoundEnum:
    """A Go enum type as a Python ``IntEnum`` class named like the Go type, with the type's
    value-receiver methods (``String()`` as ``__str__``) attached to the class."""

    decl: TypeDecl
    mapping: EnumMapping
    methods: tuple[BoundFunction, ...] = ()
    str_method: BoundFunction | None = None

    @property
    def py_name(self) -> str:
        """The class name (the Go type name, made safe)."""
        return attr_name(self.decl.name)

    @property
    def all_methods(self) -> tuple[BoundFunction, ...]:
        """``String`` (if bound) and the other methods: everything needing a wrapper."""
        return ((self.str_method,) if self.str_method else ()) + self.methods

    @property
    def py_members(self) -> tuple[tuple[str, int], ...]:
        """``(Python member name, value)`` pairs in declaration order."""
        return tuple((attr_name(name), value) for name, value in self.mapping.members)


@dataclass(frozen=True)
class BoundConstant:
    """An exported Go constant as a module attribute; ``enum`` names its class for members."""

    decl: ValueDecl
    py_name: str
    value: PyValue
    enum: str | None = None


@dataclass(frozen=True)
class ModuleValues:
    """Everything a module defines besides functions and classes: enums, constants and the
    exception classes of sentinel errors (:mod:`bindc.resolve.sentinels`)."""

    enums: tuple[BoundEnum, ...] = ()
    constants: tuple[BoundConstant, ...] = ()
    sentinels: tuple["BoundSentinel", ...] = ()

    def __bool__(self) -> bool:
        return bool(self.enums or self.constants or self.sentinels)


def resolve_values(env: TypeEnv, sink: DiagnosticSink, taken: set[str], in_package: bool = True,
                   used: Iterable[tuple[TypeMapping, Span | None]] = ()) -> ModuleValues:
    """The enums, constants and sentinel errors of ``env``'s package; ``taken`` holds Python
    names in use, ``used`` the mappings the module's functions and classes use (with where),
    whose enums of *other* packages become classes of this module too."""
    from bindc.resolve.sentinels import resolve_sentinels
    from bindc.typemap.registry import MappingError, lookup_mapping

    enums: list[BoundEnum] = []
    for decl in env.package.types:
        if not decl.exported or decl.alias or decl.type_params or decl.directive("skip"):
            continue
        try:
            mapping = lookup_mapping(NamedType(decl.name), env)
        except MappingError:
            continue  # reported where a function uses it
        if isinstance(mapping, EnumMapping):
            if _claim(attr_name(decl.name), taken, sink, decl):
                enums.append(_bind_enum(decl, mapping, env, in_package, sink))
    enum_names = {e.decl.name: e.py_name for e in enums}
    enums += _imported_enums(used, taken, sink)

    constants: list[BoundConstant] = []
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
            continue
        py_name = _py_name(const_decl, sink)
        if py_name is not None and _claim(py_name, taken, sink, const_decl):
            constants.append(BoundConstant(const_decl, py_name, py_value, enum_names.get(value.type or "")))
    return ModuleValues(tuple(enums), tuple(constants), resolve_sentinels(env, sink, taken))


def _imported_enums(used: Iterable[tuple[TypeMapping, Span | None]], taken: set[str],
                    sink: DiagnosticSink) -> list[BoundEnum]:
    """One class per enum type of another package that the module's API uses (first use
    first). The mapping already checked the bound package declares no such name; a
    function renamed to it with //py4go:export is the one clash left, and an error."""
    out: list[BoundEnum] = []
    seen: set[str] = set()
    for mapping, span in used:
        if not isinstance(mapping, EnumMapping) or mapping.named.package is None or mapping.decl is None:
            continue
        if mapping.members_var in seen:
            continue
        seen.add(mapping.members_var)
        name = attr_name(mapping.decl.name)
        if name in taken:
            sink.error(f"the enum class {name} for {mapping.go_type} clashes with a name of the module; "
                       f"rename that declaration with //py4go:export <name>", span)
            continue
        taken.add(name)
        out.append(BoundEnum(mapping.decl, mapping))
    return out


#: Attributes every IntEnum member has (``name``, ``value``, int's methods...): a Go method
#: taking one of these names would break the enum, so it is skipped.
_ENUM_ATTRIBUTES = frozenset(dir(enum.IntEnum)) | {"name", "value"}


def _bind_enum(decl: TypeDecl, mapping: EnumMapping, env: TypeEnv, in_package: bool,
               sink: DiagnosticSink) -> BoundEnum:
    """An enum class and its methods. Members are immutable Python ints, so only methods
    with a value receiver can be bound; ``self`` crosses like an enum parameter."""
    from bindc.resolve.functions import BoundReceiver, bind_function, wanted  # resolve imports this module

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
            sink.warning(f"{decl.name}.{func.name} skipped: Python name {bf.py_name!r} is already an attribute "
                         f"of the IntEnum {decl.name}; rename it with //py4go:export <name>", func.span)
            continue
        used.add(bf.py_name)
        methods.append(bf)
    return BoundEnum(decl, mapping, tuple(methods), str_method)


def _python_value(value: Const, env: TypeEnv, enum_names: dict[str, str]) -> PyValue:
    """The Python value of a constant; ConstEvalError when Python cannot hold it."""
    from bindc.typemap.registry import MappingError, lookup_mapping

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


#: Names the generated stub imports; a module attribute must not shadow them.
_STUB_IMPORTS = frozenset({"Final", "IntEnum"})


def attr_name(go_name: str) -> str:
    """The Python attribute name of a Go constant, enum type or member: the Go name, with ``_``
    appended where Python or the stub would choke on it (``None``, ``True``, ``Final``)."""
    safe = python_safe(go_name)
    return safe + "_" if safe in _STUB_IMPORTS else safe


def _claim(name: str, taken: set[str], sink: DiagnosticSink, decl: TypeDecl | ValueDecl) -> bool:
    """Reserve a module attribute name; a clash skips the later declaration with a warning."""
    if name in taken:
        sink.warning(f"{decl.name} skipped: Python name {name!r} is already used in the module", decl.span)
        return False
    taken.add(name)
    return True
