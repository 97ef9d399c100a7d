"""Struct types of other packages (``*bytes.Buffer``, ``*regexp.Regexp``, ``geo.Rect``) as
opaque classes of the bound module.

A type of another package that no other family maps (the well-known ones of
:mod:`bindc.typemap.wellknown` do) and whose declaration is an exported struct becomes a
class of the module, exactly like a local struct class (:mod:`bindc.typemap.classes`: an
instance holds a handle to a Go ``*T``; ``*T`` parameters share it, nil is None), named after
the Go type. Which types qualify is decided by the ``foreign`` resolve pass, before any
signature is mapped; it records them in the module environment under
:data:`FOREIGN_CLASSES_KEY`, and :func:`find_foreign_class` maps them from then on.

A declaration of another package is written in that package's terms (``Reader`` for its own
types, ``io.Writer`` under its own import names). :func:`rebase` rewrites such a type into the
bound package's terms, adding an import name for a package the bound package does not import,
so every other type family (well-known types, known interfaces, enums of other packages) and
the Go emitter's import handling work on it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bindc.ir import (ArrayType, ChanType, Func, FuncType, GoType, InterfaceMethod, InterfaceType, MapType, NamedType,
                      Param, PointerType, SliceType, StructField, StructType, TypeDecl)
from bindc.typemap.base import TypeMapping
from bindc.typemap.classes import MODULE_KEY, ClassMapping, class_type_var
from bindc.typemap.env import TypeEnv

if TYPE_CHECKING:
    from bindc.typemap.interfaces import ProxyMethod

#: env.extra key: (import path, Go type name) -> :class:`ForeignClass`, for the module's env.
FOREIGN_CLASSES_KEY = "bindc.foreign_classes"
#: env.extra key: (import path, Go type name) -> why it is not bound (beyond the depth limit).
FOREIGN_REFUSED_KEY = "bindc.foreign_classes.refused"
#: How far classes of other packages are followed: 1 is a type the bound API names, 2 a type
#: the methods or fields of such a class name. Deeper ones are skipped with a diagnostic.
MAX_DEPTH = 2


@dataclass(frozen=True)
class ForeignClass:
    """A struct type of another package bound as a class of the module."""

    path: str           # import path of the declaring package
    decl: TypeDecl      # its declaration, in that package's terms
    named: NamedType    # the type as the bound package's environment names it (qualified)
    py_name: str        # the Python class name
    depth: int          # 1: named by the bound API; 2: by a depth-1 class's methods or fields
    via: str            # where it was first seen (``F``, ``T.M``, ``bytes.Buffer.Next``)


def foreign_struct(t: GoType, env: TypeEnv) -> tuple[str, TypeDecl, TypeEnv] | None:
    """``(import path, declaration, its environment)`` when ``t`` (written in ``env``) names
    an exported, non-generic struct type of another package; None otherwise."""
    from bindc.typemap.imported import imported_env

    if not isinstance(t, NamedType) or t.package is None or t.type_args:
        return None
    path = env.imports.get(t.package)
    other = imported_env(env, t.package)
    if path is None or other is None:
        return None
    decl = other.local_types.get(t.name)
    if decl is None or not decl.exported or decl.alias or decl.type_params or not isinstance(decl.type, StructType):
        return None
    if not importable(path, env):
        return None  # the generated file could not name it
    return path, decl, other


#: env.extra key: (import path, Go type name) -> :class:`ForeignClass` for another package's
#: named interface whose values the module wraps in a class of its own (``GoHash``).
FOREIGN_INTERFACES_KEY = "bindc.foreign_interfaces"


def foreign_interface(t: GoType, env: TypeEnv) -> tuple[str, TypeDecl, TypeEnv] | None:
    """``(import path, declaration, its environment)`` when ``t`` names an exported,
    non-generic interface type with methods of another package (``hash.Hash``)."""
    from bindc.typemap.imported import imported_env

    if not isinstance(t, NamedType) or t.package is None or t.type_args:
        return None
    path = env.imports.get(t.package)
    other = imported_env(env, t.package)
    if path is None or other is None:
        return None
    decl = other.local_types.get(t.name)
    if (decl is None or not decl.exported or decl.alias or decl.type_params or not isinstance(decl.type, InterfaceType)
            or not importable(path, env)):
        return None
    return path, decl, other


def find_foreign_interface(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """Another package's interface that the ``foreign`` pass gave a class (``hash.Hash`` as
    ``GoHash``): parameters take an instance of any bound class implementing it, results wrap
    the value in its own class when its dynamic type has none (``sha256.New()``)."""
    from bindc.typemap.interfaces import InterfaceMapping

    if MODULE_KEY not in env.extra or not isinstance(t, NamedType) or t.package is None or t.type_args:
        return None
    registry: dict[tuple[str, str], ForeignClass] = env.extra.get(FOREIGN_INTERFACES_KEY, {})  # type: ignore[assignment]
    found = registry.get((env.imports.get(t.package, ""), t.name))
    if found is None:
        return None
    proxy, reason = foreign_proxy(t, env)
    if proxy:
        annotation, c_type, cgo_type = f"{t.name} | None", "py4go_iface_arg", "C.py4go_iface_arg"
    else:
        annotation, c_type, cgo_type = f"{found.py_name} | None", "uintptr_t", "C.uintptr_t"
    return InterfaceMapping(go_type=t.go_syntax(), py_annotation=annotation, c_arg_type=c_type, cgo_arg_type=cgo_type,
                            c_result_type="PyObject *", cgo_result_type="*C.PyObject", named=t, proxy=proxy,
                            no_proxy_reason=reason, doc=found.decl.doc)


def foreign_proxy(t: NamedType, env: TypeEnv) -> tuple[tuple[ProxyMethod, ...], str]:
    """The methods a Python object implements another package's interface ``t`` through
    (a Protocol class named like the Go type, ``RuneReader``), or ``()`` and why it cannot:
    an unexported method, a method set bindc cannot list or convert, a name the module
    already uses, or a ``Read...([]byte)`` method (Python would fill a copy Go never sees)."""
    from bindc.typemap.interfaces import _method_set, _proxy_methods
    from bindc.typemap.registry import MappingError

    found = foreign_interface(t, env)
    assert found is not None
    _, decl, other = found
    assert isinstance(decl.type, InterfaceType)
    methods, reason = _method_set(decl.type, other, {t.name})
    if reason:
        return (), reason
    for m in methods:
        if not m.name[:1].isupper():
            return (), f"method {m.name} is unexported, so a wrapper package cannot implement it"
        if m.name.startswith("Read") and any(isinstance(p.type, SliceType) for p in m.signature.params):
            return (), f"method {m.name} fills a slice the caller gives, which a Python method would only copy"
    own = {d.name for d in env.package.types} | {f.name for f in env.package.functions} | \
        {v.name for v in env.package.values}
    classes: dict[tuple[str, str], ForeignClass] = env.extra.get(FOREIGN_CLASSES_KEY, {})  # type: ignore[assignment]
    own |= {c.py_name for c in classes.values()}  # bytes.Buffer is class Buffer
    registry: dict[tuple[str, str], ForeignClass] = env.extra.get(FOREIGN_INTERFACES_KEY, {})  # type: ignore[assignment]
    if t.name in own or any(c.named.name == t.name and c.named.package != t.package for c in registry.values()):
        return (), f"its Protocol class would be named {t.name}, which the module already uses"
    rebased = InterfaceType(tuple(InterfaceMethod(m.name, rebase(m.signature, other, env)) for m in methods))  # type: ignore[arg-type]
    try:
        return _proxy_methods(t.go_syntax(), rebased, env)
    except MappingError as e:  # an interface naming itself in a method
        return (), str(e)


def importable(path: str, env: TypeEnv) -> bool:
    """Whether the generated file may import ``path`` (Go's internal-package rule): a path
    with an ``internal`` element only from the tree above it, so only in-package, never from
    the wrapper package ``--out`` makes."""
    from bindc.typemap.interfaces import IN_PACKAGE_KEY

    parts = path.split("/")
    if "internal" not in parts:
        return True
    if not env.extra.get(IN_PACKAGE_KEY):
        return False
    parent = "/".join(parts[:len(parts) - 1 - parts[::-1].index("internal")])
    own = env.package.import_path or ""
    return own == parent or own.startswith(parent + "/") or not parent


def foreign_paths(t: GoType, env: TypeEnv) -> set[str]:
    """Import paths of the packages a type (in ``env``'s terms) names."""
    return {env.imports[n.package] for n in named_types_in(t) if n.package is not None and n.package in env.imports}


def find_foreign_class(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``T`` or ``*T`` for a struct type of another package the module binds as a class."""
    if MODULE_KEY not in env.extra:
        return None  # an imported package's own environment: its types are not rebased
    pointer = isinstance(t, PointerType)
    inner = t.elem if isinstance(t, PointerType) else t
    if not isinstance(inner, NamedType) or inner.package is None or inner.type_args:
        return None
    key = (env.imports.get(inner.package, ""), inner.name)
    refused: dict[tuple[str, str], str] = env.extra.get(FOREIGN_REFUSED_KEY, {})  # type: ignore[assignment]
    if key in refused:
        from bindc.typemap.registry import MappingError

        raise MappingError(f"type {t.go_syntax()} is not supported: {refused[key]}")
    classes: dict[tuple[str, str], ForeignClass] = env.extra.get(FOREIGN_CLASSES_KEY, {})  # type: ignore[assignment]
    found = classes.get(key)
    if found is None:
        return None
    annotation = f"{found.py_name} | None" if pointer else found.py_name
    type_var = class_type_var(str(env.extra[MODULE_KEY]), found.py_name)
    return ClassMapping(t.go_syntax(), annotation, "uintptr_t", "C.uintptr_t", "uintptr_t", "C.uintptr_t",
                        named=inner, type_var=type_var, pointer=pointer)


# ---- rebasing: a declaration of another package in the bound package's terms ---------------


def qualifier_for(path: str, package_name: str, env: TypeEnv) -> str:
    """The import name ``env``'s types use for ``path``: the one the bound package imports it
    under, else a new one (the package's name, made unique) recorded in ``env.imports``. The
    Go emitter imports the path under a clash-free name of its own either way."""
    for qualifier, imported in env.imports.items():
        if imported == path:
            return qualifier
    candidate, n = package_name, 1
    while candidate in env.imports or candidate in env.local_types:
        n += 1
        candidate = f"{package_name}{n}"
    env.imports[candidate] = path
    return candidate


def rebase(t: GoType, source: TypeEnv, target: TypeEnv) -> GoType:
    """``t``, written in package ``source``, as package ``target`` would write it."""

    def named(n: NamedType) -> NamedType:
        args = tuple(go(a) for a in n.type_args)
        if n.package is None:
            if source.is_predeclared(n):
                return NamedType(n.name, None, args)
            own = source.package.import_path or source.package.dir
            return NamedType(n.name, qualifier_for(own, source.package.name, target), args)
        path = source.imports.get(n.package)
        if path is None:
            return NamedType(n.name, n.package, args)  # unknown: its lookup reports it
        # The source's own import name for it is a valid Go identifier and usually the package's name.
        return NamedType(n.name, qualifier_for(path, n.package, target), args)

    def params(ps: tuple[Param, ...]) -> tuple[Param, ...]:
        return tuple(replace(p, type=go(p.type)) for p in ps)

    def go(x: GoType) -> GoType:
        if isinstance(x, NamedType):
            return named(x)
        if isinstance(x, PointerType):
            return PointerType(go(x.elem))
        if isinstance(x, SliceType):
            return SliceType(go(x.elem))
        if isinstance(x, ArrayType):
            return ArrayType(x.length, go(x.elem))
        if isinstance(x, MapType):
            return MapType(go(x.key), go(x.value))
        if isinstance(x, ChanType):
            return ChanType(x.direction, go(x.elem))
        if isinstance(x, FuncType):
            return FuncType(params(x.params), params(x.results), x.variadic)
        if isinstance(x, InterfaceType):
            return InterfaceType(tuple(InterfaceMethod(m.name, go(m.signature)) for m in x.methods),  # type: ignore[arg-type]
                                 tuple(go(e) for e in x.embeds))
        if isinstance(x, StructType):
            return StructType(tuple(replace(f, type=go(f.type)) for f in x.fields))
        return x

    return go(t)


def rebase_func(func: Func, source: TypeEnv, target: TypeEnv) -> Func:
    """A method of another package with its signature in the bound package's terms."""
    return replace(func, params=tuple(replace(p, type=rebase(p.type, source, target)) for p in func.params),
                   results=tuple(replace(r, type=rebase(r.type, source, target)) for r in func.results))


def rebase_field(f: StructField, source: TypeEnv, target: TypeEnv) -> StructField:
    """A struct field of another package with its type in the bound package's terms."""
    return replace(f, type=rebase(f.type, source, target))


def named_types_in(t: GoType) -> list[NamedType]:
    """Every named type a type expression mentions (through pointers, containers, funcs)."""
    if isinstance(t, NamedType):
        return [t] + [n for a in t.type_args for n in named_types_in(a)]
    if isinstance(t, (PointerType, SliceType, ArrayType, ChanType)):
        return named_types_in(t.elem)
    if isinstance(t, MapType):
        return named_types_in(t.key) + named_types_in(t.value)
    if isinstance(t, FuncType):
        return [n for p in t.params + t.results for n in named_types_in(p.type)]
    if isinstance(t, StructType):
        return [n for f in t.fields for n in named_types_in(f.type)]
    return []
