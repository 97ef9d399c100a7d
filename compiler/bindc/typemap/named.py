"""Named types that are not classes (``type Celsius float64``, ``units.Meters``) and enums.

A named type crosses like its underlying type, with a Go conversion on each side
(``Celsius(x)`` in, ``float64(v)`` out). The declaration is looked up in the bound package or,
for a qualified name, in the imported package parsed with the frontend
(:mod:`bindc.typemap.imported`).

A named integer type of the bound package with at least two exported constants of that type
(``const ( Red Color = iota; Green; Blue )``) is an *enum*: results come back as members of a Python
``IntEnum`` class the module creates at import (a value no constant names comes back as a
pseudo-member: an instance of the class with ``name`` None, as Python's ``Flag`` makes them, so
a result is always what the stub says), and parameters accept a member or any ``int`` in the type's range.

Struct types, and the bound package's types with methods, are bound as classes by another
family, so this finder must stay *after* the class finder in
:data:`~bindc.typemap.registry.FINDERS`. A type with methods that is not a class (one of
another package, like ``time.Duration``) crosses as its underlying type, without its methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bindc.capi import CSignature
from bindc.consteval import ConstEvalError
from bindc.ir import GoType, InterfaceType, NamedType, StructType, TypeDecl
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping
from bindc.typemap.env import PREDECLARED_TYPES, TypeEnv
from bindc.typemap.imported import constants_of, imported_env
from bindc.typemap.interfaces import IN_PACKAGE_KEY
from bindc.typemap.numbers import SignedInt, UnsignedInt

_OBJ = "PyObject *"


class NamedTypeError(Exception):
    """A named type was found but cannot be bound; the message says why."""


@dataclass(frozen=True)
class NamedMapping(TypeMapping):
    """A defined type crossing as its underlying (predeclared) type ``inner``.

    ``named`` is the type as the bound package writes it; generated Go spells it through
    :meth:`GoRefs.type_syntax`, so a wrapper package qualifies it.
    """

    inner: TypeMapping = None  # type: ignore[assignment]
    named: NamedType = None  # type: ignore[assignment]
    #: The underlying type as the bound package can write it (None when it is only known in
    #: another package's terms): a result is converted to it before ``inner`` stores it.
    underlying: GoType | None = None
    #: False for an unexported type of the bound package seen from a wrapper package, which
    #: cannot spell it: its underlying type is an unnamed composite (``type d [3]rune``), whose
    #: values Go assigns to it without a conversion (Go's assignability rule).
    convert: bool = True

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return self.inner.capi

    @property
    def c_zero(self) -> str:
        return self.inner.c_zero

    @property
    def element_form(self) -> TypeMapping:
        """This mapping with its underlying one as a container element or pointee (a named
        ``[]float64`` views buffers as a parameter only: :mod:`bindc.typemap.buffers`)."""
        inner = getattr(self.inner, "element_form", self.inner)
        return self if inner is self.inner else replace(self, inner=inner)

    @property
    def py_param_annotation(self) -> str:
        return self.inner.py_param_annotation

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        return self.inner.stub_imports

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return self.inner.go_arg_prepare(c_expr, site, refs)

    @property
    def variadic_ok(self) -> bool:
        return self.inner.variadic_ok

    def c_arg_locals(self, var: str) -> list[str]:
        return self.inner.c_arg_locals(var)

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        # The inner mapping only uses go_type in messages: name the named type there.
        return replace(self.inner, go_type=self.go_type).c_arg_convert(obj, target, site)

    def c_arg_release(self, var: str) -> str | None:
        return self.inner.c_arg_release(var)

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        if not self.convert:
            return self.inner.go_arg_value(c_expr, refs)
        return f"{refs.type_syntax(self.named)}({self.inner.go_arg_value(c_expr, refs)})"

    def go_arg_finish(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return self.inner.go_arg_finish(c_expr, site, refs)

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return self.inner.go_result_store(out, self.to_underlying(value, refs), fn, refs)

    def to_underlying(self, value: str, refs: GoRefs) -> str:
        """A Go expression converting ``value`` (of the named type) to its underlying type,
        spelled for the generated file: ``[]pkg.Pt(v)``, ``(func())(v)``."""
        if self.underlying is not None:
            spelled = refs.type_syntax(self.underlying)
        elif _predeclared_only(self.inner.go_type):
            spelled = self.inner.go_type
        else:
            return value  # written in another package's terms: the runtime reflects on the value
        if spelled.startswith(("*", "<-", "chan")) or "func" in spelled:
            spelled = f"({spelled})"  # Go parses func()(v) and []func()(v) as func types, *T(v) as *(T(v))
        return f"{spelled}({value})"

    def c_result_locals(self, var: str) -> list[str]:
        return self.inner.c_result_locals(var)

    def c_result_object(self, var: str) -> str:
        return self.inner.c_result_object(var)

    def c_result_release(self, var: str) -> str | None:
        return self.inner.c_result_release(var)


_GO_WORDS = PREDECLARED_TYPES | {"func", "map", "chan", "struct", "interface"}


def _predeclared_only(go: str) -> bool:
    """Whether the Go type text ``go`` names no declared type (any file can spell it)."""
    return all(word in _GO_WORDS for word in re.findall(r"[A-Za-z_][A-Za-z_0-9.]*", go))


def enum_members_var(type_name: str) -> str:
    """The C static holding an enum class's value-to-member dict (one per generated file)."""
    return f"bindc_enum_{type_name}_members"


@dataclass(frozen=True)
class EnumMapping(NamedMapping):
    """A named integer type with constants: an ``IntEnum`` in Python.

    ``members`` are ``(Go constant name, value)`` in declaration order.
    """

    members: tuple[tuple[str, int], ...] = ()
    decl: TypeDecl | None = None

    @property
    def py_param_annotation(self) -> str:
        return f"{self.py_annotation} | int"

    @property
    def members_var(self) -> str:
        """The C static holding this enum's value-to-member dict (qualified for an imported type)."""
        if self.named.package is not None:
            return f"bindc_enum_{self.named.package}_{self.named.name}_members"
        return enum_members_var(self.named.name)

    def c_result_object(self, var: str) -> str:
        return f"bindc_enum_member({self.members_var}, {self.inner.c_result_object(var)})"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return self.inner.capi + ENUM_CAPI


#: C functions the generated enum helpers call.
ENUM_CAPI: tuple[CSignature, ...] = (
    CSignature("PyDict_GetItemWithError", _OBJ, (_OBJ, _OBJ)),
    CSignature("PyImport_ImportModule", _OBJ, ("const char *",)),
    CSignature("PyObject_GetAttrString", _OBJ, (_OBJ, "const char *")),
    CSignature("PyObject_Call", _OBJ, (_OBJ, _OBJ, _OBJ)),
    CSignature("py4go_bind_enum_pseudo", _OBJ, (_OBJ, _OBJ)),
)


def find_named(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """The mapping of a named (defined or alias) type whose underlying type maps."""
    if not isinstance(t, NamedType) or t.type_args or env.is_predeclared(t):
        return None
    from bindc.typemap.registry import MappingError

    if t.package is not None and env.imports.get(t.package) == "unsafe":
        # unsafe.Pointer is declared in Go source as *ArbitraryType, a pseudo-type: no mapping.
        raise MappingError(f"type {t.go_syntax()} is not supported")
    found = _declaration(t, env)
    if found is None:
        return None
    decl, decl_env = found
    try:
        return named_mapping(t, decl, decl_env, env)
    except NamedTypeError as e:
        raise MappingError(str(e)) from None


def named_mapping(t: NamedType, decl: TypeDecl, decl_env: TypeEnv, env: TypeEnv) -> TypeMapping:
    """The mapping of ``t`` (written in ``env``), declared by ``decl`` in ``decl_env``.

    A type with methods reaches this finder only when it is not bound as a class (it belongs
    to another package, or is unexported or skipped): it crosses as its underlying type.
    """
    from bindc.typemap.registry import MappingError, lookup_mapping

    if decl.type_params:
        raise NamedTypeError(f"type {t.go_syntax()}: generic types are not supported")
    if isinstance(decl.type, StructType):
        if decl_env is env:
            raise NamedTypeError(f"type {t.go_syntax()}: struct type not bound as a class (unexported or skipped)")
        raise NamedTypeError(f"type {t.go_syntax()}: struct types of other packages are not bound (not yet)")
    if decl.alias:  # the very same type as the one it names: that type's rules apply
        with env.visiting("alias", (decl_env.package.dir, decl.name)) as first:
            if not first:
                raise NamedTypeError(f"type {t.go_syntax()} is defined in terms of itself")
            target = decl.type
            if decl_env is not env:
                # os.FileMode = fs.FileMode, seen from runtime/debug (which does not import
                # io/fs): the aliased type in the bound package's terms, so that the generated
                # code imports what it spells (rebase records the import).
                from bindc.typemap.foreign_classes import rebase

                target, decl_env = rebase(decl.type, decl_env, env), env
            try:
                return lookup_mapping(target, decl_env)
            except MappingError as e:
                raise NamedTypeError(f"type {t.go_syntax()}: {e}") from None
    mapping = underlying_mapping(t, decl, decl_env, env)
    inner = mapping.inner
    if isinstance(inner, (SignedInt, UnsignedInt)) and (decl_env is env or _imported_enum_ok(decl, decl_env, env)):
        members = enum_members(decl, decl_env)
        if len(members) >= 2:  # one typed constant (a limit, a default) does not make an enum
            return EnumMapping(t.go_syntax(), decl.name, inner.c_arg_type, inner.cgo_arg_type, inner.c_result_type,
                               inner.cgo_result_type, inner=inner, named=t, members=members, decl=decl)
    return mapping


def underlying_mapping(t: NamedType, decl: TypeDecl, decl_env: TypeEnv, env: TypeEnv) -> NamedMapping:
    """``t`` crossing as its underlying type (a defined, non-alias type), converted on each side."""
    from bindc.typemap.registry import MappingError, lookup_mapping

    underlying, underlying_env = _underlying(decl.type, decl_env, {(decl_env.package.dir, decl.name)})
    if isinstance(underlying, StructType):
        raise NamedTypeError(f"type {t.go_syntax()}: defined from a struct type of another package (not yet)")
    if isinstance(underlying, InterfaceType):
        # An interface's name is its identity (a value converts to the named type only if it
        # implements it): it never crosses as its anonymous underlying interface.
        raise NamedTypeError(f"type {t.go_syntax()}: an interface bindc cannot convert")
    if underlying_env is not env:
        # Written in another package (color.Palette is []Color there): mapped, and later
        # spelled by the generated code, in the terms of the package being bound.
        from bindc.typemap.foreign_classes import rebase

        underlying, underlying_env = rebase(underlying, underlying_env, env), env
    try:
        inner = lookup_mapping(underlying, underlying_env)
    except MappingError as e:
        raise NamedTypeError(f"type {t.go_syntax()}: {e}") from None
    if isinstance(inner, NamedMapping):
        inner = inner.inner  # convert straight to the predeclared type underneath
    convert = True
    if not decl.exported and (decl_env is not env or not env.extra.get(IN_PACKAGE_KEY, True)):
        # A wrapper package cannot write unicode.d(x); Go assigns an unnamed composite value
        # (a [3]rune) to a field or parameter of the type as it is, but not a plain int.
        if isinstance(underlying, NamedType):
            raise NamedTypeError(f"type {t.go_syntax()} is unexported, so a wrapper package cannot convert "
                                 f"{underlying.go_syntax()} values to it")
        convert = False
    return NamedMapping(t.go_syntax(), inner.py_annotation, inner.c_arg_type, inner.cgo_arg_type,
                        inner.c_result_type, inner.cgo_result_type, inner=inner, named=t,
                        underlying=underlying if underlying_env is env else None, convert=convert)


#: ``env.extra`` key: imported enum class names already claimed, name -> (import path, type).
_IMPORTED_ENUMS_KEY = "bindc.named.imported_enums"


def _imported_enum_ok(decl: TypeDecl, decl_env: TypeEnv, env: TypeEnv) -> bool:
    """Whether an enum type of another package may become an ``IntEnum`` class of the module
    bound in ``env``, named like the type: only as seen from the bound package itself (not
    from a third package's declarations), and only while no declaration of the bound package
    and no other imported enum uses that name (then it crosses as a plain ``int``)."""
    from bindc.typemap.classes import MODULE_KEY

    if MODULE_KEY not in env.extra:
        return False  # env is an imported package's environment, not the module's
    own = {t.name for t in env.package.types} | {v.name for v in env.package.values} | \
        {f.name for f in env.package.functions}
    if decl.name in own:
        return False
    claimed = env.extra.setdefault(_IMPORTED_ENUMS_KEY, {})
    assert isinstance(claimed, dict)
    key = (decl_env.package.import_path or decl_env.package.dir, decl.name)
    return bool(claimed.setdefault(decl.name, key) == key)


def enum_members(decl: TypeDecl, env: TypeEnv) -> tuple[tuple[str, int], ...]:
    """Exported constants of type ``decl`` in ``env``'s package whose values evaluate."""
    constants = constants_of(env)
    members: list[tuple[str, int]] = []
    for name, spec in constants.specs.items():
        if not spec.decl.exported or spec.decl.directives and any(d.kind == "skip" for d in spec.decl.directives):
            continue
        try:
            value = constants.get(name)
        except ConstEvalError:
            continue
        if value.type == decl.name and isinstance(value.value, int) and not isinstance(value.value, bool):
            members.append((name, value.value))
    return tuple(members)


def _underlying(t: GoType, env: TypeEnv, seen: set[tuple[str, str]]) -> tuple[GoType, TypeEnv]:
    """The underlying type of a defined type, and the environment it is written in.

    Named types are chased through their declarations: ``type MyDur time.Duration`` has
    underlying type ``int64`` and none of ``Duration``'s methods, so it binds as an integer
    even though ``time.Duration`` itself is a class.
    """
    while isinstance(t, NamedType) and not t.type_args and not env.is_predeclared(t):
        found = _declaration(t, env)
        if found is None:
            break  # unknown: the lookup of ``t`` reports it
        decl, decl_env = found
        key = (decl_env.package.dir, decl.name)
        if key in seen:
            raise NamedTypeError(f"type {t.go_syntax()} is defined in terms of itself")
        if decl.type_params:
            raise NamedTypeError(f"type {t.go_syntax()}: generic types are not supported")
        seen.add(key)
        t, env = decl.type, decl_env
    return t, env


def _declaration(t: NamedType, env: TypeEnv) -> tuple[TypeDecl, TypeEnv] | None:
    """The declaration ``t`` refers to and the environment it was declared in."""
    if t.package is None:
        decl = env.local_types.get(t.name)
        return (decl, env) if decl is not None else None
    other = imported_env(env, t.package)
    if other is None:
        return None
    decl = other.local_types.get(t.name)
    return (decl, other) if decl is not None and decl.exported else None
