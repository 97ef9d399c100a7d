"""Go struct types as Python classes: which structs, and their fields, methods and dunders.

A defined non-struct type with methods (``type Kelvin float64`` with ``func (k Kelvin) ...``,
``url.Values``) is a *value class*: the same machinery holding a ``*T``, with one property,
``value``, crossing as the underlying type, and a constructor ``T(value)``. An integer type whose
constants form an enum stays an ``IntEnum`` instead (see :mod:`bindc.resolve.values`).

Promotion follows Go's rules: fields and methods of embedded structs are reachable through
the outer struct unless a shallower declaration shadows them or two at the same depth
collide. Generated Go code just writes ``p.Name`` and the Go compiler resolves the path.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.diagnostics import DiagnosticSink
from bindc.ir import (ArrayType, ChanType, Func, FuncType, GoType, InterfaceType, MapType, NamedType, Package,
                      PointerType, SliceType, Span, StructField, StructType, TypeDecl)
from bindc.naming import STR_METHODS, python_safe, snake_case
from bindc.resolve.functions import BoundFunction, BoundReceiver, bind_function, wanted
from bindc.typemap import MappingError, TypeMapping, lookup_mapping
from bindc.typemap.env import TypeEnv
from bindc.typemap.named import NamedTypeError, enum_members, underlying_mapping



@dataclass(frozen=True)
class BoundField:
    """A struct field (own or promoted) as a Python property; ``go_name`` is empty for the
    ``value`` property of a value class (the Go value itself)."""

    go_name: str
    py_name: str
    mapping: TypeMapping
    doc: str
    span: Span | None


@dataclass(frozen=True)
class BoundClass:
    """A Go struct type (or, with ``is_value``, another defined type with methods) as a Python class."""

    decl: TypeDecl
    py_name: str
    fields: tuple[BoundField, ...]
    init_fields: tuple[BoundField, ...]
    methods: tuple[BoundFunction, ...]
    str_method: BoundFunction | None
    comparable: bool
    is_error: bool = False
    is_value: bool = False

    @property
    def named(self) -> NamedType:
        """The Go type as the bound package names it."""
        return NamedType(self.decl.name)

    @property
    def doc(self) -> str:
        """The Go doc comment of the type."""
        return self.decl.doc


#: Name of the property of a value class that holds the Go value itself.
VALUE_FIELD = "value"


def select_classes(package: Package, env: TypeEnv, in_package: bool, sink: DiagnosticSink) -> dict[str, str]:
    """Types to bind as classes, as Go name -> Python class name (before any field is looked
    at, so functions and fields can refer to every class): structs, and other defined types
    that have methods unless they are interfaces or enums."""
    selected: dict[str, str] = {}
    for decl in package.types:
        if decl.alias or isinstance(decl.type, InterfaceType):
            continue
        if not isinstance(decl.type, StructType) and not package.methods_of(decl.name):
            continue
        export, skip = decl.directive("export"), decl.directive("skip")
        if skip is not None or decl.type_params:
            continue
        if not isinstance(decl.type, StructType) and len(enum_members(decl, env)) >= 2:
            continue  # an IntEnum, with its methods attached (bindc.resolve.values)
        if not decl.exported and not (in_package and export is not None):
            continue
        selected[decl.name] = export.arg if export is not None and export.arg else decl.name
    return selected


def bind_classes(package: Package, classes: dict[str, str], env: TypeEnv, in_package: bool,
                 sink: DiagnosticSink) -> list[BoundClass]:
    """Fields, constructor, methods and dunders of every selected class."""
    structs = {d.name: d for d in package.types if isinstance(d.type, StructType)}
    bound = []
    for decl in package.types:
        if decl.name in classes:
            bound.append(_bind_class(decl, classes[decl.name], structs, package, env, in_package, sink))
    return bound


def _bind_class(decl: TypeDecl, py_name: str, structs: dict[str, TypeDecl], package: Package, env: TypeEnv,
                in_package: bool, sink: DiagnosticSink) -> BoundClass:
    receiver = BoundReceiver(py_name, NamedType(decl.name))
    is_value = not isinstance(decl.type, StructType)
    fields, own = _bind_fields(decl, structs, env, sink) if not is_value else _value_field(decl, env, sink)
    used = {f.py_name for f in fields}
    methods: list[BoundFunction] = []
    str_method = None
    method_set = _method_set(decl, structs, package, {f.go_name for f in fields})
    # An Error() string method makes the Go type an error: its class is a GoError exception.
    is_error = any(m.name == "Error" and m.go_signature().is_string_getter for m in method_set)
    for func in method_set:
        if not wanted(func, in_package, sink):
            continue
        bf = bind_function(func, env, sink, receiver)
        if bf is None:
            continue
        if func.name in STR_METHODS and bf.returns_str_only:
            if str_method is None or func.name == "String":
                str_method = bf
            continue
        if bf.py_name in used:
            sink.error(f"{decl.name}.{func.name} and a field or method of {decl.name} both become Python "
                       f"name {bf.py_name!r}; rename one with //py4go:export <name>", func.span)
            continue
        used.add(bf.py_name)
        methods.append(bf)
    all_types = {d.name: d for d in package.types}
    return BoundClass(decl, py_name, tuple(fields), tuple(own), tuple(methods), str_method,
                      _comparable(decl.type, all_types, set()), is_error, is_value)


def _value_field(decl: TypeDecl, env: TypeEnv, sink: DiagnosticSink) -> tuple[list[BoundField], list[BoundField]]:
    """The ``value`` property of a value class (none when the underlying type does not map:
    the class still carries the methods)."""
    try:
        mapping = underlying_mapping(NamedType(decl.name), decl, env, env)
    except NamedTypeError as e:
        sink.warning(f"{decl.name}: no value property: {e}", decl.span)
        return [], []
    # A method named Value would take the property's name: the property steps aside.
    taken = any(snake_case(m.name) == VALUE_FIELD for m in env.package.methods_of(decl.name))
    field = BoundField("", "go_" + VALUE_FIELD if taken else VALUE_FIELD, mapping, f"The Go {decl.name} value.",
                       decl.span)
    return [field], [field]


def _bind_fields(decl: TypeDecl, structs: dict[str, TypeDecl], env: TypeEnv,
                 sink: DiagnosticSink) -> tuple[list[BoundField], list[BoundField]]:
    """All reachable fields (own, then promoted) and the own ones the constructor takes."""
    fields: list[BoundField] = []
    own: list[BoundField] = []
    seen: set[str] = set()
    for depth, (field, name) in enumerate(_field_levels(decl, structs)):
        for f, go_name in zip(field, name):
            if go_name in seen or not go_name[:1].isupper():
                continue
            seen.add(go_name)
            try:
                mapping = lookup_mapping(f.type, env)
            except MappingError as e:
                sink.warning(f"field {decl.name}.{go_name} skipped: {e}", f.span)
                continue
            bf = BoundField(go_name, python_safe(snake_case(go_name)), mapping, f.doc, f.span)
            fields.append(bf)
            if depth == 0:
                own.append(bf)
    return fields, own


def _field_levels(decl: TypeDecl, structs: dict[str, TypeDecl]) -> list[tuple[list[StructField], list[str]]]:
    """Fields by embedding depth (Go's promotion order); names colliding at one depth are dropped."""
    levels: list[tuple[list[StructField], list[str]]] = []
    frontier = [decl]
    visited = {decl.name}
    while frontier:
        fields: list[StructField] = []
        names: list[str] = []
        nxt: list[TypeDecl] = []
        for d in frontier:
            assert isinstance(d.type, StructType)
            for f in d.type.fields:
                name = f.name if f.name is not None else _embedded_name(f.type)
                if name is None:
                    continue
                fields.append(f)
                names.append(name)
                inner = _embedded_struct(f, structs)
                if inner is not None and inner.name not in visited:
                    visited.add(inner.name)
                    nxt.append(inner)
        counts = {n: names.count(n) for n in names}
        keep = [(f, n) for f, n in zip(fields, names) if counts[n] == 1]
        levels.append(([f for f, _ in keep], [n for _, n in keep]))
        frontier = nxt
    return levels


def _embedded_name(t: GoType) -> str | None:
    inner = t.elem if isinstance(t, PointerType) else t
    return inner.name if isinstance(inner, NamedType) else None


def _embedded_struct(f: StructField, structs: dict[str, TypeDecl]) -> TypeDecl | None:
    if not f.embedded:
        return None
    inner = f.type.elem if isinstance(f.type, PointerType) else f.type
    if isinstance(inner, NamedType) and inner.package is None:
        return structs.get(inner.name)
    return None


def _method_set(decl: TypeDecl, structs: dict[str, TypeDecl], package: Package, field_names: set[str]) -> list[Func]:
    """Methods callable on ``*T``: declared ones, then promoted ones not shadowed."""
    methods = list(package.methods_of(decl.name))
    if not isinstance(decl.type, StructType):
        return methods
    names = {m.name for m in methods} | field_names
    for level_fields, _ in _field_levels(decl, structs):
        for f in level_fields:
            inner = _embedded_struct(f, structs)
            if inner is None:
                continue
            for m in package.methods_of(inner.name):
                if m.name not in names:
                    names.add(m.name)
                    methods.append(m)
    return methods


def _comparable(t: GoType, types: dict[str, TypeDecl], visiting: set[str]) -> bool:
    """Whether ``==`` compiles for values of ``t`` (conservative for types of other packages)."""
    if isinstance(t, (SliceType, MapType, FuncType)):
        return False
    if isinstance(t, ArrayType):
        return _comparable(t.elem, types, visiting)
    if isinstance(t, StructType):
        return all(_comparable(f.type, types, visiting) for f in t.fields)
    if isinstance(t, (PointerType, ChanType, InterfaceType)):
        return True
    if isinstance(t, NamedType):
        if t.package is not None or t.type_args:
            return False
        decl = types.get(t.name)
        if decl is None:
            return True  # predeclared
        if t.name in visiting:
            return True
        return _comparable(decl.type, types, visiting | {t.name})
    return False
