"""The constants of one Go package, evaluated on demand with :mod:`bindc.consteval`.

Go lets a constant refer to constants declared later, or in other packages (``math.MaxInt64``),
and a ``const ( ... )`` spec without an expression repeats the previous spec's type and
expression list with the next ``iota``. :class:`PackageConstants` fills in that repetition
first, then evaluates each name once (memoised, cycles reported) when asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.consteval import COMPLEX_TYPES, FLOAT_TYPES, INT_TYPES, Const, ConstEvalError, convert, evaluate
from bindc.ir import GoType, NamedType, ValueDecl
from bindc.typemap.env import TypeEnv

_BASIC = INT_TYPES | FLOAT_TYPES | COMPLEX_TYPES | {"string", "bool"}


@dataclass(frozen=True)
class ConstSpec:
    """One constant name with the expression and type that apply to it after repetition."""

    decl: ValueDecl
    expr: str | None
    type: GoType | None


def const_specs(env: TypeEnv) -> dict[str, ConstSpec]:
    """Every named constant of the package, implicit repetition filled in."""
    specs: dict[str, ConstSpec] = {}
    last: dict[int, tuple[GoType | None, list[str | None]]] = {}  # group -> last explicit spec
    current: dict[tuple[int, int], list[str | None]] = {}  # (group, iota) -> expressions so far
    for decl in env.package.values:
        if decl.kind != "const":
            continue
        key = (decl.group, decl.iota_index)
        position = len(current.setdefault(key, []))
        current[key].append(decl.value)
        if decl.value is not None or decl.type is not None:
            last[decl.group] = (decl.type, current[key])
            expr, typ = decl.value, decl.type
        elif decl.group in last:
            typ, exprs = last[decl.group]
            expr = exprs[position] if position < len(exprs) else None
        else:
            expr, typ = None, None
        if decl.name != "_":
            specs[decl.name] = ConstSpec(decl, expr, typ)
    return specs


class PackageConstants:
    """Evaluates the constants of the package of ``env`` (and, through it, imported ones)."""

    def __init__(self, env: TypeEnv) -> None:
        self.env = env
        self.specs = const_specs(env)
        self._values: dict[str, Const | ConstEvalError] = {}
        self._busy: set[str] = set()

    def get(self, name: str) -> Const:
        """The value of constant ``name``; raises :class:`ConstEvalError` saying why not."""
        if name not in self._values:
            if name in self._busy:
                raise ConstEvalError(f"constant {name} refers to itself")
            self._busy.add(name)
            try:
                self._values[name] = self._evaluate(name)
            except ConstEvalError as e:
                self._values[name] = e
            finally:
                self._busy.discard(name)
        found = self._values[name]
        if isinstance(found, ConstEvalError):
            raise found
        return found

    def _evaluate(self, name: str) -> Const:
        spec = self.specs.get(name)
        if spec is None:
            raise ConstEvalError(f"{name} is not a constant of package {self.env.package.name}")
        if spec.expr is None:
            raise ConstEvalError(f"constant {name} has no value")
        result = evaluate(spec.expr, self.resolve, self.type_base, spec.decl.iota_index)
        if spec.type is None:
            return result
        if not isinstance(spec.type, NamedType) or spec.type.type_args:
            raise ConstEvalError(f"constant type {spec.type.go_syntax()} is not supported")
        type_name = spec.type.go_syntax()
        base = self.type_base(type_name)
        if base is None:
            raise ConstEvalError(f"constant type {type_name} is not a basic type")
        return Const(convert(result.value, base), type_name)

    def resolve(self, name: str) -> Const:
        """The constant an identifier (``Name`` or ``pkg.Name``) in this package's source denotes."""
        if "." not in name:
            return self.get(name)
        from bindc.typemap.imported import constants_of, imported_env

        qualifier, member = name.split(".", 1)
        other = imported_env(self.env, qualifier)
        if other is None:
            raise ConstEvalError(f"{name}: package {qualifier} cannot be read")
        value = constants_of(other).get(member)
        # Seen from here, a type of the other package is spelled with its qualifier.
        typ = value.type if value.type is None or value.type in _BASIC or "." in value.type else f"{qualifier}.{value.type}"
        return Const(value.value, typ)

    def type_base(self, type_name: str, depth: int = 0) -> str | None:
        """The predeclared type ``type_name`` (as written in this package) is based on."""
        if depth > 20:
            return None
        if "." in type_name:
            from bindc.typemap.imported import constants_of, imported_env

            qualifier, member = type_name.split(".", 1)
            other = imported_env(self.env, qualifier)
            return constants_of(other).type_base(member, depth + 1) if other is not None else None
        decl = self.env.local_types.get(type_name)
        if decl is None:
            return type_name if type_name in _BASIC else None
        if isinstance(decl.type, NamedType) and not decl.type.type_args:
            return self.type_base(decl.type.go_syntax(), depth + 1)
        return None
