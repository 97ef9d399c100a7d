"""Pass 1, types: the type environment, and which Go types become classes.

Every later pass looks types up through the :class:`~bindc.typemap.env.TypeEnv` set up here
(imports, the module name, whether the output is in-package). Which types are classes is
decided before any field or signature is looked at, so functions, fields and methods can refer
to every class, including ones declared later. Types of other packages ("foreign types") are
looked up lazily by :mod:`bindc.typemap.imported` through the same environment.
"""

from __future__ import annotations

from collections.abc import Sequence

from bindc.ir import (ArrayType, ChanType, Func, FuncType, GoType, InterfaceType, MapType, NamedType, Package,
                      PointerType, SliceType, StructType, TypeDecl)
from bindc.resolve.model import attr_name
from bindc.resolve.state import ResolveState
from bindc.typemap.classes import CLASSES_KEY, FROZEN_KEY, MODULE_KEY, SIBLINGS_KEY
from bindc.typemap.env import TypeEnv
from bindc.typemap.interfaces import IN_PACKAGE_KEY
from bindc.typemap.named import enum_members


def run(state: ResolveState) -> None:
    """Set ``state.env`` and ``state.class_names``."""
    env = TypeEnv.for_package(state.package)
    env.extra[MODULE_KEY] = state.module_name
    env.extra[IN_PACKAGE_KEY] = state.in_package
    env.extra[SIBLINGS_KEY] = state.siblings
    state.env = env
    state.class_names = select_classes(state.package, env, state.in_package)
    for decl in state.package.types:
        py_name = state.class_names.get(decl.name)
        if py_name is not None and state.symbols.owner(py_name) == "bindc" and decl.directive("export") is None:
            # A name the module defines itself (Channel, when the package passes channels):
            # the Go type takes another by construction; an explicit //py4go:export stays an error.
            state.class_names[decl.name] = py_name + "_"
            state.sink.note(f"type {decl.name} is bound as class {py_name}_: the module defines {py_name} itself",
                            decl.span)
    env.extra[CLASSES_KEY] = state.class_names
    env.extra[FROZEN_KEY] = frozen_classes(state.package, env, state.class_names)


def select_classes(package: Package, env: TypeEnv, in_package: bool) -> dict[str, str]:
    """Types to bind as classes, as Go name -> Python class name: structs, and other defined
    types that have methods or that the package hands out pointers to (see
    :func:`handed_out_pointers`), unless they are interfaces or enums."""
    selected: dict[str, str] = {}
    pointed = handed_out_pointers(package)
    for decl in package.types:
        if decl.alias or isinstance(decl.type, InterfaceType):
            continue
        if not isinstance(decl.type, StructType) and not package.methods_of(decl.name) and decl.name not in pointed:
            continue
        export, skip = decl.directive("export"), decl.directive("skip")
        if skip is not None or decl.type_params:
            continue
        if not isinstance(decl.type, StructType) and len(enum_members(decl, env)) >= 2:
            continue  # an IntEnum, with its methods attached (bindc.resolve.values)
        if not decl.exported and not (in_package and export is not None):
            continue
        selected[decl.name] = export.arg if export is not None and export.arg else attr_name(decl.name)
    return selected


def handed_out_pointers(package: Package) -> frozenset[str]:
    """Local types ``T`` the package gives out as ``*T``: in a result of an exported function or
    method, the type of an exported field, or an exported variable (written, ``&T{...}``, or the
    result of the package's own function: ``var IEEETable = simpleMakeTable(IEEE)``).

    A pointer handed out is a handle (``crc32.MakeTable`` returns a ``*Table`` that ``Checksum``
    takes back): such a type is a value class even without methods, so the handle keeps its
    identity; a type only ever *taken* as ``*T`` stays an in/out parameter (``Inc(p *MyInt)``).
    """
    found: set[str] = set()

    def walk(t: GoType | None, behind_pointer: bool = False) -> None:
        if isinstance(t, PointerType):
            walk(t.elem, True)
        elif isinstance(t, (SliceType, ArrayType)):
            walk(t.elem)
        elif isinstance(t, MapType):
            walk(t.key)
            walk(t.value)
        elif isinstance(t, NamedType) and behind_pointer and t.package is None and not t.type_args:
            found.add(t.name)

    funcs = {f.name: f for f in package.functions}
    for func in package.funcs:
        if func.exported and (func.receiver is None or func.receiver.type_name[:1].isupper()):
            for r in func.results:
                walk(r.type)
    for decl in package.types:
        if decl.exported and isinstance(decl.type, StructType):
            for f in decl.type.fields:
                if f.name is None or f.name[:1].isupper():
                    walk(f.type)
    for value in package.values:
        if value.kind != "var" or not value.exported:
            continue
        if value.type is not None:
            walk(value.type)
        elif value.init is not None and value.init.literal is not None:
            walk(value.init.literal)
        elif value.init is not None and value.init.call is not None and value.init.call[0] is None:
            called = funcs.get(value.init.call[1])
            if called is not None and len(called.results) == 1:
                walk(called.results[0].type)
    return frozenset(found)


def package_level_names(package: Package) -> frozenset[str]:
    """Identifiers the bound package declares at top level (generated code must avoid them)."""
    names = {f.name for f in package.functions} | {t.name for t in package.types} | {v.name for v in package.values}
    return frozenset(names)


def frozen_classes(package: Package, env: TypeEnv, class_names: dict[str, str]) -> frozenset[str]:
    """Value classes that are immutable by construction (see :func:`_frozen`): their instances
    are hashable, and every result of the type is a copy (a field getter does not hand out the
    field's address, which the struct's own methods could change under a hash)."""
    out = set()
    for decl in package.types:
        if decl.name not in class_names or isinstance(decl.type, StructType):
            continue
        methods = package.methods_of(decl.name)
        if any(m.name == "Error" and m.go_signature().is_string_getter for m in methods):
            continue  # an exception class
        if _frozen(decl, methods, package, env):
            out.add(decl.name)
    return frozenset(out)


def _frozen(decl: TypeDecl, method_set: Sequence[Func], package: Package, env: TypeEnv) -> bool:
    """Whether a value class is immutable by construction, so Python may hash it: its Go type
    is a basic type (a number, string or bool) that nothing can change in place, i.e. no
    method has a pointer receiver and the package never takes or hands out a ``*T``. Such a
    class's ``value`` is read-only and equal values hash equal (``Celsius(1.5)`` as a dict
    key). A named array stays mutable: it is a Sequence whose items Python may assign."""
    t = decl.type
    basic = isinstance(t, NamedType) and env.is_predeclared(t) and t.name not in ("any", "comparable", "error")
    if not basic or any(m.receiver is not None and m.receiver.pointer for m in method_set):
        return False
    return decl.name not in _named_behind_pointers(package)


def _named_behind_pointers(package: Package) -> set[str]:
    """Local type names that appear as ``*T`` anywhere in the package's declarations."""
    found: set[str] = set()

    def walk(t: GoType | None) -> None:
        if isinstance(t, PointerType):
            if isinstance(t.elem, NamedType) and t.elem.package is None:
                found.add(t.elem.name)
            walk(t.elem)
        elif isinstance(t, (SliceType, ArrayType, ChanType)):
            walk(t.elem)
        elif isinstance(t, MapType):
            walk(t.key)
            walk(t.value)
        elif isinstance(t, FuncType):
            for prm in t.params + t.results:
                walk(prm.type)
        elif isinstance(t, StructType):
            for f in t.fields:
                walk(f.type)

    for func in package.funcs:
        for prm in func.params + func.results:
            walk(prm.type)
    for d in package.types:
        walk(d.type)
    for v in package.values:
        walk(v.type)
    return found
