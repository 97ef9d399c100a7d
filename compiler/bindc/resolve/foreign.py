"""Pass 2, foreign: which struct types of other packages become classes of the module.

Every other exported struct type of an imported package that the bound API names
(``*bytes.Buffer``, ``*regexp.Regexp``, ``geo.Rect`` of a second package of the same module)
and that no other type family maps (``time.Time`` and ``*big.Int`` are Python's own types:
:mod:`bindc.typemap.wellknown`) becomes an opaque class of the module, with its own exported
methods and fields (the classes pass shapes it). The search is transitive to a bounded depth
(:data:`~bindc.typemap.foreign_classes.MAX_DEPTH`): depth 1 is a type named by a bound
function, method, field or variable; depth 2 a type named by a depth-1 class's methods or
fields. A type only reached deeper is not bound: a note names it and the depth, and the
methods using it are skipped (their summary reason is the type).

Names: a class is named like the Go type (``Buffer``). When that name is already a
declaration of the bound package (``type Builder struct`` next to ``*strings.Builder``) or
another class took it, it is ``<package>_<Type>`` (``strings_Builder``), then
``strings_Builder_2``...; the local declaration keeps its name. The claim is made here, before
the classes pass claims the local classes, so local names are avoided explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator

from bindc.ir import Func, GoType, NamedType, PointerType, Span, StructType
from bindc.resolve.model import attr_name
from bindc.resolve.state import ResolveState
from bindc.resolve.types import package_level_names
from bindc.typemap.env import TypeEnv
from bindc.typemap.foreign_classes import (FOREIGN_CLASSES_KEY, FOREIGN_INTERFACES_KEY, FOREIGN_REFUSED_KEY, MAX_DEPTH,
                                           ForeignClass, foreign_interface, foreign_proxy, foreign_struct,
                                           named_types_in, rebase, rebase_field, rebase_func)
from bindc.typemap.imported import imported_env
from bindc.typemap.registry import MappingError, lookup_mapping


def run(state: ResolveState) -> None:
    """Record the module's foreign classes (``state.foreign``, and in the environment for the
    type mappings); claim their Python names."""
    env = state.env
    registry: dict[tuple[str, str], ForeignClass] = {}
    refused: dict[tuple[str, str], str] = {}
    env.extra[FOREIGN_CLASSES_KEY] = registry
    env.extra[FOREIGN_REFUSED_KEY] = refused
    avoid = set(package_level_names(state.package)) | set(state.class_names.values())
    frontier: list[ForeignClass] = []
    for where, span, t in _bound_api_types(state):
        _consider(state, t, 1, where, span, registry, refused, avoid, frontier)
    while frontier:
        cls = frontier.pop(0)
        for where, span, t in _class_types(cls, env):
            _consider(state, t, cls.depth + 1, where, span, registry, refused, avoid, frontier)
    state.foreign = list(registry.values())
    _find_interfaces(state, avoid, registry)


def _find_interfaces(state: ResolveState, avoid: set[str], classes: dict[tuple[str, str], ForeignClass]) -> None:
    """Other packages' interfaces the API names (``sha256.New() hash.Hash``) that no other
    family maps: each gets a class ``Go<Name>`` for its values (``GoHash``), so a result whose
    dynamic type is unexported (``*sha256.digest``) has a Python form. An interface only taken
    (never handed out) gets one only when Python objects can implement it (``io.RuneReader``):
    otherwise Python could never pass anything but None (``fs.FS``), and it stays skipped."""
    env = state.env
    registry: dict[tuple[str, str], ForeignClass] = {}
    env.extra[FOREIGN_INTERFACES_KEY] = registry
    sources = list(_bound_api_types(state))
    handed_out_types = list(_bound_api_types(state, results_only=True))
    for cls in classes.values():
        sources += list(_class_types(cls, env))
        handed_out_types += list(_class_types(cls, env, results_only=True))
    handed_out = {(env.imports.get(n.package, ""), n.name)
                  for _, _, t in handed_out_types for n in named_types_in(t) if n.package is not None}
    for where, span, t in sources:
        for named in named_types_in(t):
            found = foreign_interface(named, env)
            if found is None:
                continue
            path, decl, _ = found
            key = (path, named.name)
            if key in registry or _maps_already(named, env, pointer=False):
                continue
            if key not in handed_out and not foreign_proxy(named, env)[0]:
                continue
            package = path.rsplit("/", 1)[-1].replace(".", "_").replace("-", "_")
            candidates = [f"Go{named.name}", f"Go{package}_{named.name}"]
            py_name = next((c for c in candidates if c not in avoid and state.symbols.owner(c) is None), None)
            if py_name is None:
                continue
            state.symbols.claim(py_name, f"values of interface {path}.{named.name}")
            registry[key] = ForeignClass(path, decl, NamedType(named.name, named.package), py_name, 1, where)
    state.foreign_interfaces = list(registry.values())


def _consider(state: ResolveState, t: GoType, depth: int, where: str, span: Span | None,
              registry: dict[tuple[str, str], ForeignClass], refused: dict[tuple[str, str], str],
              avoid: set[str], frontier: list[ForeignClass]) -> None:
    """Make every foreign struct type ``t`` mentions a class (at ``depth``), or refuse it."""
    env = state.env
    for named in named_types_in(t):
        found = foreign_struct(named, env)
        if found is None:
            continue
        path, decl, _ = found
        key = (path, named.name)
        if key in registry or key in refused or _maps_already(named, env):
            continue
        shown = f"{path}.{named.name}"
        if depth > MAX_DEPTH:
            refused[key] = f"other packages' types are bound to depth {MAX_DEPTH} (reached at depth {depth} " \
                           f"through {where})"
            state.sink.note(f"type {shown} is not bound as a class: reached at depth {depth} through {where}, "
                            f"and other packages' types are bound to depth {MAX_DEPTH}", span)
            continue
        py_name = _class_name(state, named.name, path, avoid)
        state.symbols.claim(py_name, f"type {shown}")
        if py_name != named.name:
            state.sink.note(f"type {shown} (used by {where}) is bound as class {py_name}: the name {named.name} "
                            f"is taken in the module", span)
        cls = ForeignClass(path, decl, NamedType(named.name, named.package), py_name, depth, where)
        registry[key] = cls
        frontier.append(cls)


def _maps_already(named: NamedType, env: TypeEnv, pointer: bool = True) -> bool:
    """Whether ``*T`` (or ``T``) has a mapping of another family (``*time.Time`` is a
    datetime, ``io.Writer`` a Protocol, an option interface an opaque value)."""
    try:
        lookup_mapping(PointerType(named) if pointer else named, env)
    except MappingError:
        return False
    return True


def _class_name(state: ResolveState, go_name: str, path: str, avoid: set[str]) -> str:
    """The type's name, else ``<package>_<Type>``, ``..._2``: see the module doc."""
    package = path.rsplit("/", 1)[-1].replace(".", "_").replace("-", "_")
    candidates = [attr_name(go_name), f"{package}_{go_name}"]
    n = 1
    while True:
        for name in candidates:
            if name not in avoid and state.symbols.owner(name) is None:
                return name
        n += 1
        candidates = [f"{package}_{go_name}_{n}"]


def _wanted(func: Func, in_package: bool) -> bool:
    """The binding rules' selection (``functions.wanted``, without its diagnostics)."""
    kinds = {d.kind for d in func.directives}
    if "skip" in kinds or func.is_generic or (func.receiver is None and func.name in ("init", "main")):
        return False
    return func.exported or (in_package and "export" in kinds)


def _signature_types(func: Func, results_only: bool = False) -> Iterator[GoType]:
    for p in func.results if results_only else func.params + func.results:
        yield p.type


def _bound_api_types(state: ResolveState, results_only: bool = False) -> Iterator[tuple[str, Span | None, GoType]]:
    """Every type the bound package's API names: functions, methods and fields of its classes,
    variables (written, or the one result of the function an initialiser calls). With
    ``results_only``, only the types whose values Go hands to Python (no parameters)."""
    package, env = state.package, state.env
    for func in package.functions:
        if _wanted(func, state.in_package):
            for t in _signature_types(func, results_only):
                yield func.name, func.span, t
    for decl in package.types:
        if decl.name not in state.class_names:
            continue
        for m in package.methods_of(decl.name):
            if _wanted(m, state.in_package):
                for t in _signature_types(m, results_only):
                    yield f"{decl.name}.{m.name}", m.span, t
        if isinstance(decl.type, StructType):
            for f in decl.type.fields:
                if f.name is None or f.name[:1].isupper():
                    yield f"{decl.name}.{f.name or f.type.go_syntax()}", f.span, f.type
    for value in package.values:
        if value.kind != "var" or not value.exported:
            continue
        if value.type is not None:
            yield f"var {value.name}", value.span, value.type
        elif value.init is not None and value.init.literal is not None:
            yield f"var {value.name}", value.span, value.init.literal
        elif value.init is not None and value.init.call is not None and value.init.call[0] is not None:
            qualifier, name = value.init.call
            other = imported_env(env, qualifier or "")
            if other is None:
                continue
            called = next((f for f in other.package.functions if f.name == name), None)
            if called is not None and len(called.results) == 1 and not called.is_generic:
                yield f"var {value.name}", value.span, rebase(called.results[0].type, other, env)


def _class_types(cls: ForeignClass, env: TypeEnv, results_only: bool = False) -> Iterator[tuple[str, Span | None, GoType]]:
    """The types a foreign class's exported methods and fields name, in the bound package's
    terms (with ``results_only``, not its methods' parameters)."""
    other = imported_env(env, cls.named.package or "")
    if other is None:
        return
    shown = f"{cls.path.rsplit('/', 1)[-1]}.{cls.decl.name}"
    for m in other.package.methods_of(cls.decl.name):
        if m.exported and not m.is_generic:
            for t in _signature_types(rebase_func(m, other, env), results_only):
                yield f"{shown}.{m.name}", m.span, t
    assert isinstance(cls.decl.type, StructType)
    for f in cls.decl.type.fields:
        if f.name is not None and f.name[:1].isupper():
            yield f"{shown}.{f.name}", f.span, rebase_field(f, other, env).type
