"""Pass 3, classes: the fields, constructor arguments and method sets of the selected classes.

A defined non-struct type with methods (``type Kelvin float64`` with ``func (k Kelvin) ...``,
``url.Values``) is a *value class*: the same machinery holding a ``*T``, with one property,
``value``, crossing as the underlying type, and a constructor ``T(value)``. An integer type whose
constants form an enum stays an ``IntEnum`` instead (see :mod:`bindc.resolve.values`).

Promotion follows Go's rules: fields and methods of embedded structs are reachable through
the outer struct unless a shallower declaration shadows them or two at the same depth
collide. Generated Go code just writes ``p.Name`` and the Go compiler resolves the path.
"""

from __future__ import annotations

import re

from bindc.diagnostics import DiagnosticSink
from bindc.ir import (ArrayType, ChanType, Func, FuncType, GoType, InterfaceType, MapType, NamedType, Package,
                      PointerType, Receiver, SliceType, StructField, StructType, TypeDecl)
from bindc.naming import is_dunder, is_valid_python_identifier, python_safe, snake_case, struct_tag_lookup
from bindc.resolve.model import VALUE_FIELD, BoundField
from bindc.resolve.state import ClassShape, ResolveState
from bindc.typemap import MappingError, lookup_mapping
from bindc.typemap.env import TypeEnv
from bindc.typemap.classes import FROZEN_KEY
from bindc.typemap.foreign_classes import ForeignClass, foreign_paths, importable, rebase_field, rebase_func
from bindc.typemap.imported import imported_env
from bindc.typemap.named import NamedTypeError, underlying_mapping


def run(state: ResolveState) -> None:
    """Pass 3: claim every class name and work out each class's fields and method set
    (``state.shapes``); the methods themselves are bound by the functions pass."""
    package, env, sink = state.package, state.env, state.sink
    structs = {d.name: d for d in package.types if isinstance(d.type, StructType)}
    all_types = {d.name: d for d in package.types}
    for decl in package.types:
        py_name = state.class_names.get(decl.name)
        if py_name is None:
            continue
        holder = state.symbols.claim(py_name, f"type {decl.name}")
        if holder == "bindc":
            sink.error(f"Python name {py_name!r} of type {decl.name} is reserved by bindc", decl.span)
        elif holder is not None:
            # Two classes on one name (a //py4go:export name, or an instantiation's class name).
            named_at = decl.directive("export")
            how = "//py4go:instantiate ... <name>" if "[" in decl.name else "//py4go:export <name>"
            sink.error(f"type {decl.name} and {holder} both become Python class {py_name!r}; rename one with {how}",
                       named_at.span if named_at is not None else decl.span)
            continue
        is_value = not isinstance(decl.type, StructType)
        fields, own = _bind_fields(decl, structs, env, sink) if not is_value else _value_field(decl, env, sink)
        method_set = _method_set(decl, structs, package, {f.go_name for f in fields})
        method_set += _promoted_from_other_packages(decl, structs, env, sink, {m.name for m in method_set}
                                                    | {f.go_name for f in fields})
        # An Error() string method makes the Go type an error: its class is a GoError exception.
        is_error = any(m.name == "Error" and m.go_signature().is_string_getter for m in method_set)
        frozen = decl.name in env.extra.get(FROZEN_KEY, frozenset())  # type: ignore[operator]
        state.shapes.append(ClassShape(decl, py_name, tuple(fields), tuple(own), tuple(method_set),
                                       _comparable(decl.type, all_types, set(), env.imports), is_error, is_value,
                                       frozen=frozen))
    from bindc.resolve.variable_types import exposing_interfaces

    handed_out = _handed_out_names(package) | exposing_interfaces(env)
    for decl in package.types:
        shape = _interface_shape(decl, state) if decl.name in handed_out else None
        if shape is not None:
            state.shapes.append(shape)
    for foreign in state.foreign:
        shape = _foreign_shape(foreign, env, sink)
        if shape is not None:
            state.shapes.append(shape)
    for iface in state.foreign_interfaces:
        shape = _foreign_interface_shape(iface, env, sink)
        if shape is not None:
            state.shapes.append(shape)


def _handed_out_names(package: Package) -> set[str]:
    """Local type names Go code can receive from the package: in results of exported
    functions and methods, exported struct fields and variables (through pointers, slices,
    arrays, maps and channels). Only such interfaces need a class for their values."""
    found: set[str] = set()

    def walk(t: GoType | None) -> None:
        if isinstance(t, NamedType):
            if t.package is None:
                found.add(t.name)
        elif isinstance(t, (PointerType, SliceType, ArrayType, ChanType)):
            walk(t.elem)
        elif isinstance(t, MapType):
            walk(t.key)
            walk(t.value)

    for func in package.funcs:
        if func.exported:
            for r in func.results:
                walk(r.type)
    for d in package.types:
        if isinstance(d.type, StructType):
            for f in d.type.fields:
                if f.name is None or f.name[:1].isupper():
                    walk(f.type)
    for v in package.values:
        if v.kind == "var" and v.name[:1].isupper():
            walk(v.type)
    return found


def _interface_shape(decl: TypeDecl, state: ResolveState) -> ClassShape | None:
    """The class of a named interface's values whose dynamic type has no class of its own.
    Go constructors often return an interface around an unexported implementation
    (``func New() Markdown { return &markdown{} }``): such a result is an instance of class
    ``GoMarkdown``, holding the interface value, with the interface's exported methods (the
    Protocol ``Markdown`` stays what annotations name). Python cannot create one."""
    if (not decl.exported or decl.alias or decl.type_params or not isinstance(decl.type, InterfaceType)
            or decl.directive("skip") is not None):
        return None
    found = interface_methods(decl, state.env)
    if not found:
        return None
    py_name, n = f"Go{decl.name}", 1
    while state.symbols.claim(py_name, f"values of interface {decl.name}") is not None:
        n += 1
        py_name = f"Go{decl.name}_{n}"
    methods = _in_bound_terms(found, decl.name, py_name, state.env, state.sink)
    return ClassShape(decl, py_name, (), (), tuple(methods), False, False, True, constructible=False)


def _foreign_interface_shape(cls: ForeignClass, env: TypeEnv, sink: DiagnosticSink) -> ClassShape | None:
    """The class of another package's interface values (``hash.Hash`` as ``GoHash``, the
    ``foreign`` pass named it): its exported methods, embedded interfaces' included."""
    other = imported_env(env, cls.named.package or "")
    found = interface_methods(cls.decl, other) if other is not None else None
    if not found:
        return None
    methods = _in_bound_terms(found, cls.decl.name, cls.py_name, env, sink)
    return ClassShape(cls.decl, cls.py_name, (), (), tuple(methods), False, False, True, named=cls.named,
                      origin=cls.path, constructible=False)


def interface_methods(decl: TypeDecl, decl_env: TypeEnv) -> list[tuple[Func, TypeEnv]] | None:
    """The exported methods of interface ``decl`` (written in ``decl_env``), those of the
    named interfaces it embeds included, of any package, each with the environment it is
    written in, as methods of ``decl``; None when it embeds anything else (``error``, a type
    set) or has no exported method."""
    out: list[tuple[Func, TypeEnv]] = []
    seen: set[str] = set()
    pending = [(decl, decl_env)]
    visited = {(decl_env.package.dir, decl.name)}
    while pending:
        d, denv = pending.pop(0)
        assert isinstance(d.type, InterfaceType)
        for e in d.type.embeds:
            if not isinstance(e, NamedType) or e.type_args:
                return None
            eenv = denv if e.package is None else imported_env(denv, e.package)
            inner = eenv.local_types.get(e.name) if eenv is not None else None
            if eenv is None or inner is None or not isinstance(inner.type, InterfaceType) or inner.type_params:
                return None  # error, a predeclared or unknown type, a type-set term
            if (eenv.package.dir, inner.name) not in visited:
                visited.add((eenv.package.dir, inner.name))
                pending.append((inner, eenv))
        for m in d.type.methods:
            if m.name[:1].isupper() and m.name not in seen:
                seen.add(m.name)
                sig = m.signature
                out.append((Func(m.name, sig.params, sig.results, sig.variadic, "", (), decl.span,
                                 Receiver(None, decl.name, pointer=False)), denv))
    return out or None


def _foreign_shape(cls: ForeignClass, env: TypeEnv, sink: DiagnosticSink) -> ClassShape | None:
    """A struct type of another package (:mod:`bindc.resolve.foreign`): its own exported fields
    whose types map, its declared exported methods (promoted ones are not followed), both in
    the bound package's terms. Its constructor: see :func:`zero_value_usable`."""
    other = imported_env(env, cls.named.package or "")
    if other is None:
        return None
    decl = cls.decl
    assert isinstance(decl.type, StructType)
    shown = f"{cls.path.rsplit('/', 1)[-1]}.{decl.name}"
    fields: list[BoundField] = []
    py_names: set[str] = set()
    for f in decl.type.fields:
        if f.name is None or not f.name[:1].isupper():
            continue
        py_name = _field_py_name(decl, f, f.name, sink)
        if py_name is None or py_name in py_names:
            continue
        field_type = rebase_field(f, other, env).type
        hidden = sorted(path for path in foreign_paths(field_type, env) if not importable(path, env))
        if hidden:
            sink.note(f"field {shown}.{f.name} of class {cls.py_name} skipped: it names internal package "
                      f"{hidden[0]}, which the generated code cannot import", f.span)
            continue
        try:
            mapping = lookup_mapping(field_type, env)
        except MappingError as e:
            sink.note(f"field {shown}.{f.name} of class {cls.py_name} skipped: {e}", f.span)
            continue
        py_names.add(py_name)
        fields.append(BoundField(f.name, py_name, mapping, f.doc, f.span))
    methods = tuple(_importable_methods(cls, other, env, sink, {f.go_name for f in fields}))
    is_error = any(m.name == "Error" and m.go_signature().is_string_getter for m in methods)
    constructible = zero_value_usable(decl)
    comparable = _comparable(decl.type, {d.name: d for d in other.package.types}, set())
    return ClassShape(decl, cls.py_name, tuple(fields), tuple(fields) if constructible else (), methods,
                      comparable, is_error, False, named=cls.named, origin=cls.path, constructible=constructible)


def _importable_methods(cls: ForeignClass, other: TypeEnv, env: TypeEnv, sink: DiagnosticSink,
                        fields: set[str]) -> list[Func]:
    """The exported, non-generic methods of another package's type, in the bound package's
    terms; one naming an internal package the generated code cannot import is left out (a note)."""
    own = [m for m in other.package.methods_of(cls.decl.name) if m.exported and not m.is_generic and m.name not in fields]
    taken = {m.name for m in other.package.methods_of(cls.decl.name)} | fields
    candidates = [(m, other) for m in own] + _promoted(cls.decl, other, taken)
    return _in_bound_terms(candidates, cls.decl.name, cls.py_name, env, sink)


def _in_bound_terms(candidates: list[tuple[Func, TypeEnv]], type_name: str, py_name: str, env: TypeEnv,
                    sink: DiagnosticSink) -> list[Func]:
    """Methods of other packages' types (each with its package's environment) in the bound
    package's terms; one naming an internal package the generated code cannot import is left
    out with a note."""
    out: list[Func] = []
    for m, menv in candidates:
        rebased = m if menv is env else rebase_func(m, menv, env)
        types = [p.type for p in rebased.params + rebased.results]
        hidden = sorted(path for t in types for path in foreign_paths(t, env) if not importable(path, env))
        if hidden:
            sink.note(f"method {type_name}.{m.name} of class {py_name} skipped: it names internal package "
                      f"{hidden[0]}, which the generated code cannot import", m.span)
            continue
        out.append(rebased)
    return out


def _promoted(decl: TypeDecl, decl_env: TypeEnv, taken: set[str]) -> list[tuple[Func, TypeEnv]]:
    """Exported methods Go promotes to ``*T`` through ``T``'s embedded struct fields, of any
    package, with the environment each is written in (``bufio.ReadWriter`` gets ``*Reader``'s
    ``ReadString`` and ``*Writer``'s ``Flush``). Go's rules: the shallowest depth wins, a name
    found twice at one depth is ambiguous and promoted from neither (nor from deeper), and a
    name in ``taken`` (the type's own methods and fields) shadows. Embedded interfaces are not
    followed (their methods need the dynamic value, which may be nil)."""
    out: list[tuple[Func, TypeEnv]] = []
    names = set(taken)
    frontier = [(decl, decl_env)]
    visited = {(decl_env.package.dir, decl.name)}
    while frontier:
        found: dict[str, list[tuple[Func, TypeEnv]]] = {}
        deeper: list[tuple[TypeDecl, TypeEnv]] = []
        for d, denv in frontier:
            assert isinstance(d.type, StructType)
            for f in d.type.fields:
                inner = f.type.elem if isinstance(f.type, PointerType) else f.type
                if not f.embedded or not isinstance(inner, NamedType) or inner.type_args:
                    continue
                ienv = denv if inner.package is None else imported_env(denv, inner.package)
                idecl = ienv.local_types.get(inner.name) if ienv is not None else None
                if ienv is None or idecl is None or not isinstance(idecl.type, StructType) or idecl.type_params:
                    continue
                if (ienv.package.dir, idecl.name) in visited:
                    continue
                visited.add((ienv.package.dir, idecl.name))
                deeper.append((idecl, ienv))
                for m in ienv.package.methods_of(idecl.name):
                    if m.exported and not m.is_generic:
                        found.setdefault(m.name, []).append((m, ienv))
        for name, candidates in found.items():
            if name not in names:
                names.add(name)
                if len(candidates) == 1:
                    out.append(candidates[0])
        frontier = deeper
    return out


def _promoted_from_other_packages(decl: TypeDecl, structs: dict[str, TypeDecl], env: TypeEnv, sink: DiagnosticSink,
                                  taken: set[str]) -> list[Func]:
    """Methods a local struct gets from its embedded fields of other packages (a struct
    embedding ``sync.Mutex`` has ``Lock``/``Unlock``), in the bound package's terms; methods
    of embedded local structs are :func:`_method_set`'s."""
    if not isinstance(decl.type, StructType):
        return []
    local = {(env.package.dir, d.name) for d in structs.values()}
    found = [(m, menv) for m, menv in _promoted(decl, env, taken) if menv is not env
             and (menv.package.dir, m.receiver.type_name if m.receiver else "") not in local]
    return _in_bound_terms(found, decl.name, decl.name, env, sink)


#: Words that turn a sentence about the zero value into a warning (``must not be copied``).
_NEGATIONS = re.compile(r"\b(not|cannot|invalid|must|never)\b|n't\b", re.IGNORECASE)


def zero_value_usable(decl: TypeDecl) -> bool:
    """Whether Python may create a struct of another package as its zero value: when the
    struct has no unexported fields (any Go caller can write ``T{}`` too), or when its doc says
    the zero value is usable (Go's convention: bytes.Buffer's "The zero value for Buffer is an
    empty buffer ready to use", strings.Builder's "The zero value is ready to use") in a
    sentence without a negation. Other types come only from the package's own functions."""
    assert isinstance(decl.type, StructType)
    if all((f.name or _embedded_name(f.type) or "_")[:1].isupper() for f in decl.type.fields):
        return True
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(decl.doc.split()))
    return any("zero value" in s.lower() and not _NEGATIONS.search(s) for s in sentences)


def _value_field(decl: TypeDecl, env: TypeEnv, sink: DiagnosticSink) -> tuple[list[BoundField], list[BoundField]]:
    """The ``value`` property of a value class (none when the underlying type does not map:
    the class still carries the methods)."""
    try:
        mapping = underlying_mapping(NamedType(decl.name), decl, env, env)
    except NamedTypeError as e:
        sink.warning(f"{decl.name}: no value property: {e}", decl.span)
        return [], []
    # A method named Value would take the property's name: the property steps aside, to
    # go_value, then go_value_2... (a method GoValue takes the second choice too).
    taken = {_method_py_name(m) for m in env.package.methods_of(decl.name)}
    name, n = VALUE_FIELD, 1
    while name in taken:
        n += 1
        name = "go_" + VALUE_FIELD + (f"_{n - 1}" if n > 2 else "")
    field = BoundField("", name, mapping, f"The Go {decl.name} value.", decl.span)
    return [field], [field]


def _method_py_name(func: Func) -> str:
    """The Python name a method asks for (the functions pass checks and claims it)."""
    export = func.directive("export")
    return export.arg if export is not None and export.arg else python_safe(snake_case(func.name))


def _bind_fields(decl: TypeDecl, structs: dict[str, TypeDecl], env: TypeEnv,
                 sink: DiagnosticSink) -> tuple[list[BoundField], list[BoundField]]:
    """All reachable fields (own, then promoted) and the own ones the constructor takes."""
    fields: list[BoundField] = []
    own: list[BoundField] = []
    seen: set[str] = set()
    py_names: dict[str, str] = {}
    for depth, (field, name) in enumerate(_field_levels(decl, structs)):
        for f, go_name in zip(field, name):
            if go_name in seen or not go_name[:1].isupper():
                continue
            seen.add(go_name)
            py_name = _field_py_name(decl, f, go_name, sink)
            if py_name is None:
                continue
            try:
                mapping = lookup_mapping(f.type, env)
            except MappingError as e:
                sink.warning(f"field {decl.name}.{go_name} skipped: {e}", f.span)
                continue
            holder = py_names.setdefault(py_name, go_name)
            if holder != go_name:
                sink.error(f"fields {decl.name}.{go_name} and {decl.name}.{holder} both become Python name "
                           f"{py_name!r}; rename one with a struct tag `py4go:\"<name>\"`", f.span)
                continue
            bf = BoundField(go_name, py_name, mapping, f.doc, f.span)
            fields.append(bf)
            if depth == 0:
                own.append(bf)
    return fields, own


def _field_py_name(decl: TypeDecl, f: StructField, go_name: str, sink: DiagnosticSink) -> str | None:
    """The property name of a field: the struct tag's ``py4go:"name"``, else the snake_case of
    the Go name; None for ``py4go:"-"`` (never bound) or an invalid name (an error)."""
    tagged = struct_tag_lookup(f.tag or "", "py4go")
    if tagged is None or tagged == "":
        return python_safe(snake_case(go_name))
    if tagged == "-":
        return None
    if not is_valid_python_identifier(tagged) or is_dunder(tagged):
        sink.error(f"field {decl.name}.{go_name}: struct tag py4go:{tagged!r} is not a valid Python attribute "
                   f"name", f.span)
        return None
    return tagged


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
        found: dict[str, list[Func]] = {}
        for f in level_fields:
            inner = _embedded_struct(f, structs)
            if inner is None:
                continue
            for m in package.methods_of(inner.name):
                if m.name not in names:
                    found.setdefault(m.name, []).append(m)
        for name, candidates in found.items():
            # Two embedded types with the method at one depth (bufio.ReadWriter's Reader and
            # Writer both have Size): the selector is ambiguous, so it is not in the method set,
            # and it hides deeper ones too (Go's rule for x.f).
            names.add(name)
            if len(candidates) == 1:
                methods.append(candidates[0])
    return methods


#: Types of the standard library that published structs hold and ``==`` compiles for
#: (``ConstantDelaySchedule{Delay time.Duration}``): (import path, name).
_COMPARABLE_FOREIGN = frozenset({("time", "Duration"), ("time", "Time"), ("time", "Month"), ("time", "Weekday")})


def _comparable(t: GoType, types: dict[str, TypeDecl], visiting: set[str],
                imports: dict[str, str] | None = None) -> bool:
    """Whether ``==`` compiles for values of ``t`` (conservative for types of other packages:
    only those of :data:`_COMPARABLE_FOREIGN`, found through ``imports``, qualifier -> path)."""
    if isinstance(t, (SliceType, MapType, FuncType)):
        return False
    if isinstance(t, ArrayType):
        return _comparable(t.elem, types, visiting, imports)
    if isinstance(t, StructType):
        return all(_comparable(f.type, types, visiting, imports) for f in t.fields)
    if isinstance(t, (PointerType, ChanType, InterfaceType)):
        return True
    if isinstance(t, NamedType):
        if t.package is not None and not t.type_args:
            return (imports or {}).get(t.package, "") in {p for p, n in _COMPARABLE_FOREIGN if n == t.name}
        if t.type_args:
            return False
        decl = types.get(t.name)
        if decl is None:
            return True  # predeclared
        if t.name in visiting:
            return True
        return _comparable(decl.type, types, visiting | {t.name}, imports)
    return False
