"""Pass 1, types: the type environment, and which Go types become classes.

Every later pass looks types up through the :class:`~bindc.typemap.env.TypeEnv` set up here
(imports, the module name, whether the output is in-package). Which types are classes is
decided before any field or signature is looked at, so functions, fields and methods can refer
to every class, including ones declared later. Types of other packages ("foreign types") are
looked up lazily by :mod:`bindc.typemap.imported` through the same environment.
"""

from __future__ import annotations

from bindc.ir import InterfaceType, Package, StructType
from bindc.resolve.state import ResolveState
from bindc.typemap.classes import CLASSES_KEY, MODULE_KEY, SIBLINGS_KEY
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
    env.extra[CLASSES_KEY] = state.class_names


def select_classes(package: Package, env: TypeEnv, in_package: bool) -> dict[str, str]:
    """Types to bind as classes, as Go name -> Python class name: structs, and other defined
    types that have methods unless they are interfaces or enums."""
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


def package_level_names(package: Package) -> frozenset[str]:
    """Identifiers the bound package declares at top level (generated code must avoid them)."""
    names = {f.name for f in package.functions} | {t.name for t in package.types} | {v.name for v in package.values}
    return frozenset(names)
