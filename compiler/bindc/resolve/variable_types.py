"""The type of a package variable whose type is not written, read from its initialiser, and the
interface a variable of an unexported type is bound as: a helper of the ``variables`` pass that
``classes`` (which runs earlier) also reads, so it imports no pass.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bindc.consteval import ConstEvalError, ExactComplex, evaluate
from bindc.ir import (Func, FuncType, GoType, InterfaceType, MapType, NamedType, Param, PointerType, SliceType,
                      StructType, ValueDecl)
from bindc.typemap.env import TypeEnv
from bindc.typemap.imported import constants_of, imported_env


def exposing_interfaces(env: TypeEnv) -> set[str]:
    """The interfaces variables of unexported types are bound as (see
    :func:`exported_interface`): the classes pass gives their values a class (``GoByteOrder``)."""
    found: set[str] = set()
    for decl in env.package.values:
        if decl.kind == "var" and decl.exported:
            go_type = decl.type if decl.type is not None else variable_type(decl, env)
            exposed = exported_interface(go_type, env) if go_type is not None else None
            if exposed is not None:
                found.add(exposed.name)
    return found


def exported_interface(go_type: GoType, env: TypeEnv) -> NamedType | None:
    """For a variable of an unexported type of the package (``var BigEndian bigEndian``, Go's
    way of exporting a value while hiding its type), the exported interface of the package
    that the type implements with the most methods (``ByteOrder``; the first declared on a
    tie), or None. A value's method set has its value-receiver methods only."""
    from bindc.typemap.interfaces import _method_set

    pointer = isinstance(go_type, PointerType)
    named = go_type.elem if isinstance(go_type, PointerType) else go_type
    if not isinstance(named, NamedType) or named.package is not None or named.name[:1].isupper():
        return None
    decl = env.local_types.get(named.name)
    if decl is None or decl.type_params or isinstance(decl.type, InterfaceType):
        return None
    have = _exported_methods(named.name, pointer, env, 0)
    best: tuple[int, NamedType] | None = None
    for t in env.package.types:
        if not t.exported or t.type_params or not isinstance(t.type, InterfaceType):
            continue
        methods, reason = _method_set(t.type, env, {t.name})
        if reason or not methods:
            continue
        if all(m.name in have and _same_signature(have[m.name], m.signature) for m in methods):
            if best is None or len(methods) > best[0]:
                best = (len(methods), NamedType(t.name))
    return best[1] if best else None


def _exported_methods(name: str, pointer: bool, env: TypeEnv, depth: int) -> dict[str, Func]:
    """The exported methods of local type ``name`` (or ``*name``), those Go promotes from its
    embedded local types included (``type nativeEndian struct{ littleEndian }``); its own
    shadow promoted ones."""
    decl = env.local_types.get(name)
    found: dict[str, Func] = {}
    if decl is not None and isinstance(decl.type, StructType) and depth < 4:
        for field in decl.type.fields:
            inner = field.type
            embedded_pointer = isinstance(inner, PointerType)
            inner = inner.elem if isinstance(inner, PointerType) else inner
            if field.name is None and isinstance(inner, NamedType) and inner.package is None:
                found.update(_exported_methods(inner.name, pointer or embedded_pointer, env, depth + 1))
    found.update({f.name: f for f in env.package.methods_of(name)
                  if f.name[:1].isupper() and f.receiver is not None and (pointer or not f.receiver.pointer)})
    return found


def _same_signature(f: Func, sig: FuncType) -> bool:
    """Whether method ``f`` has signature ``sig`` (types compared as written)."""
    def types(params: tuple[Param, ...]) -> tuple[str, ...]:
        return tuple(p.type.go_syntax() for p in params)
    return (f.variadic == sig.variadic and types(f.params) == types(sig.params)
            and types(f.results) == types(sig.results))


_IDENT = re.compile(r"[A-Za-z_]\w*")


def variable_type(decl: ValueDecl, env: TypeEnv, depth: int = 0) -> GoType | None:
    """The type of variable ``decl`` whose type is not written: its initialiser's
    (:func:`_initialiser_type`), or, for ``var Upper = _Lu`` (another variable of the package,
    as ``unicode``'s tables are named), that variable's type, written or itself inferred (a
    chain stops at depth 8)."""
    found = _initialiser_type(decl, env)
    value = (decl.value or "").strip()
    if found is not None or depth > 8 or not _IDENT.fullmatch(value):
        return found
    other = next((v for v in env.package.values if v.kind == "var" and v.name == value), None)
    if other is None:
        return None
    if other.type is not None:
        return other.type
    return constant_type(other.value, env) or variable_type(other, env, depth + 1)


def _initialiser_type(decl: ValueDecl, env: TypeEnv, depth: int = 0) -> GoType | None:
    """The type of ``var X = T{...}`` / ``&T{...}`` / ``[]int{1, 2}`` (the literal's), or of
    ``var X = F(...)`` / ``pkg.F(...)`` (F's one declared result, so ``Must(Parse("..."))`` is
    Must's result), of a conversion ``T(x)``, or of a method called on another variable of the
    package (``var RawStdEncoding = StdEncoding.WithPadding(NoPadding)``: the method's one
    result) or on a value made in place (``(&big.Int{}).Mul(a, b)``). None when the syntax does
    not tell."""
    init = decl.init
    if init is None:
        return None
    if init.literal is not None:
        return init.literal
    if init.method is not None:
        return _method_of(init.method[0], init.method[1], env)
    assert init.call is not None
    qualifier, name = init.call
    if qualifier is not None and qualifier not in env.imports:
        return _method_result(qualifier, name, env, depth)
    if qualifier is None:
        if name in env.local_types:
            return NamedType(name)  # a conversion
        return _single_result(env.package.functions, name)
    foreign = imported_env(env, qualifier)
    if foreign is None:
        return None
    if name in foreign.local_types:
        return NamedType(name, qualifier)
    result = _single_result(foreign.package.functions, name)
    return _qualified(result, qualifier, foreign) if result is not None else None


def _method_result(variable: str, method: str, env: TypeEnv, depth: int) -> GoType | None:
    """The one result of ``variable.method(...)`` where ``variable`` is a package variable of a
    local type (``T`` or ``*T``), its type written or itself inferred (a chain stops at depth 8)."""
    decl = next((v for v in env.package.values if v.kind == "var" and v.name == variable), None)
    if decl is None or depth > 8:
        return None
    if decl.type is not None:
        var_type: GoType | None = decl.type
    else:
        var_type = constant_type(decl.value, env) or _initialiser_type(decl, env, depth + 1)
    return _method_of(var_type, method, env) if var_type is not None else None


def _method_of(receiver: GoType, method: str, env: TypeEnv) -> GoType | None:
    """The one result of ``method`` called on a ``receiver`` (``T`` or ``*T``, of the bound
    package or an imported one: ``BigByte.Mul`` with ``BigByte`` a ``*big.Int``), as the bound
    package writes it."""
    if isinstance(receiver, PointerType):
        receiver = receiver.elem
    if not isinstance(receiver, NamedType) or receiver.type_args:
        return None
    if receiver.package is None:
        return _single_result(env.package.methods_of(receiver.name), method)
    foreign = imported_env(env, receiver.package)
    if foreign is None:
        return None
    result = _single_result(foreign.package.methods_of(receiver.name), method)
    return _qualified(result, receiver.package, foreign) if result is not None else None


def _single_result(functions: tuple[Func, ...], name: str) -> GoType | None:
    """The result type of the non-generic function ``name`` when it has exactly one."""
    func = next((f for f in functions if f.name == name), None)
    if func is None or func.is_generic or len(func.results) != 1:
        return None
    return func.results[0].type


def _qualified(t: GoType, qualifier: str, foreign: TypeEnv) -> GoType | None:
    """``t``, written in another package, as the bound package writes it (``*Regexp`` of
    package regexp is ``*regexp.Regexp``); None for types this does not follow."""
    if isinstance(t, NamedType):
        if t.type_args:
            return None
        if t.package is None and not foreign.is_predeclared(t):
            return NamedType(t.name, qualifier)
        return t if t.package is None else None  # a third package's qualifier means nothing here
    if isinstance(t, PointerType):
        elem = _qualified(t.elem, qualifier, foreign)
        return PointerType(elem) if elem is not None else None
    if isinstance(t, SliceType):
        elem = _qualified(t.elem, qualifier, foreign)
        return SliceType(elem) if elem is not None else None
    if isinstance(t, MapType):
        key, value = _qualified(t.key, qualifier, foreign), _qualified(t.value, qualifier, foreign)
        return MapType(key, value) if key is not None and value is not None else None
    return None


def constant_type(value: str | None, env: TypeEnv) -> GoType | None:
    """The type Go gives ``var X = <constant expression>``: the constant's type, or the default
    type of an untyped constant (int, float64, string, bool, rune)."""
    if value is None:
        return None
    constants = constants_of(env)
    try:
        const = evaluate(value, constants.resolve, constants.type_base, None)
    except ConstEvalError:
        return None
    if const.type is not None:
        qualifier, _, name = const.type.rpartition(".")
        return NamedType(name, qualifier or None)
    v = const.value
    default = ("bool" if isinstance(v, bool) else "string" if isinstance(v, bytes)
               else "float64" if isinstance(v, Fraction) else "complex128" if isinstance(v, ExactComplex) else "int")
    return NamedType(default)
