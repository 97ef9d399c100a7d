"""The type environment mappings are chosen in: what names mean in the bound package."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bindc.ir import NamedType, Package, TypeDecl

#: Go's predeclared type names (a package may shadow them with its own declarations).
PREDECLARED_TYPES = frozenset({
    "bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16",
    "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
    "any", "comparable",
})


@dataclass(frozen=True)
class TypeEnv:
    """Names visible to the bound package's declarations.

    ``imports`` maps each import qualifier used in the package's files to its import path
    (the union over files; Go forbids one file from reusing a qualifier for two paths, and
    bindc reports two files that disagree). ``extra`` is where type-family finders keep
    facts they need across lookups (e.g. the bound struct types) without changing this class.
    """

    package: Package
    imports: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    extra: dict[str, object] = field(default_factory=dict, hash=False, compare=False)

    @property
    def local_types(self) -> dict[str, TypeDecl]:
        """Type declarations of the bound package by name."""
        return {t.name: t for t in self.package.types}

    def is_predeclared(self, t: NamedType, name: str | None = None) -> bool:
        """True when ``t`` is the predeclared type ``name`` (or any predeclared type), i.e.
        unqualified, not generic, and not shadowed by a declaration of the package."""
        if t.package is not None or t.type_args or t.name in self.local_types:
            return False
        return t.name == name if name is not None else t.name in PREDECLARED_TYPES

    @contextmanager
    def visiting(self, kind: str, key: Hashable) -> Iterator[bool]:
        """Mark ``key`` as being worked out (lookups recurse through type declarations) for
        the ``with`` block. Yields False when it already is: a cycle (``type List []List``,
        an interface naming itself), where the caller must not descend again."""
        busy = self.extra.setdefault(f"bindc.visiting.{kind}", set())
        assert isinstance(busy, set)
        if key in busy:
            yield False
            return
        busy.add(key)
        try:
            yield True
        finally:
            busy.discard(key)

    @classmethod
    def for_package(cls, package: Package) -> "TypeEnv":
        """The environment of ``package``, with its imports collected from every file."""
        imports: dict[str, str] = {}
        for f in package.files:
            for imp in f.imports:
                qualifier = imp.name or imp.path.rsplit("/", 1)[-1]
                if qualifier not in ("_", "."):
                    imports.setdefault(qualifier, imp.path)
        return cls(package, imports)
