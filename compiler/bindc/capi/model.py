"""The C-API model: what the target interpreter's headers declare, as plain frozen values.

Values here never hold libclang objects, so a model can be written to the cache as JSON and
read back without libclang having parsed anything. :mod:`bindc.capi.parse` builds a model from
a translation unit; :mod:`bindc.capi.verify` compares what type mappings emit against it.

Types are compared by their *canonical* spelling (every typedef resolved, as clang prints it):
that is what makes ``Py_ssize_t`` equal ``long`` and ``PyObject *`` equal ``struct _object *``,
and what tells ``long`` from ``long long``. The spelling as written in the header is kept for
messages only and takes no part in equality (as in cffi's ``model.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Bump when the JSON layout of :meth:`CApiModel.to_json` changes; it is part of the cache key.
MODEL_FORMAT = 2


@dataclass(frozen=True)
class CType:
    """A C type: its canonical spelling (compared) and the spelling written in the source."""

    canonical: str
    spelling: str = field(default="", compare=False)

    def __str__(self) -> str:
        return self.spelling or self.canonical

    def c_decl(self, name: str = "", canonical: bool = False) -> str:
        """Render a declaration of ``name`` with this type (an abstract declarator if no name).

        Handles the two declarator shapes clang spellings take where the name is not simply
        appended: function pointers (``R (*)(A)`` -> ``R (*name)(A)``) and arrays.
        """
        text = self.canonical if canonical or not self.spelling else self.spelling
        if not name:
            return text
        if "(*)" in text:
            return text.replace("(*)", f"(*{name})", 1)
        if text.endswith("]"):
            bracket = text.index("[")
            return f"{text[:bracket].rstrip()} {name}{text[bracket:]}"
        return f"{text}{name}" if text.endswith("*") else f"{text} {name}"


@dataclass(frozen=True)
class CFunction:
    """A C function declared by the headers.

    Equality covers the signature only (name, return and parameter types, variadic flag): two
    declarations of one function in different headers are equal. Where it was declared,
    parameter names and the ``inline``/``deprecated`` facts are for messages and warnings.
    """

    name: str
    returns: CType
    params: tuple[CType, ...]
    variadic: bool = False
    file: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)
    param_names: tuple[str, ...] = field(default=(), compare=False)
    #: ``static inline`` in the header: callable from C, but no exported symbol.
    inline: bool = field(default=False, compare=False)
    #: Marked ``Py_DEPRECATED`` (clang sees ``__attribute__((deprecated))``).
    deprecated: bool = field(default=False, compare=False)

    @property
    def location(self) -> str:
        """``file:line`` of the declaration."""
        return f"{self.file}:{self.line}"

    def c_decl(self, canonical: bool = False) -> str:
        """Render the prototype, e.g. ``PyObject *PyLong_FromLongLong(long long)``.

        ``canonical=True`` spells every type with typedefs resolved (what is compared).
        """
        params = [p.c_decl(canonical=canonical) for p in self.params]
        if self.variadic:
            params.append("...")
        declarator = f"{self.name}({', '.join(params) or 'void'})"
        return self.returns.c_decl(declarator, canonical=canonical)

    def to_json(self) -> list[Any]:
        """A compact JSON form (the cache holds thousands of these)."""
        return [
            self.name,
            [self.returns.canonical, self.returns.spelling],
            [[p.canonical, p.spelling] for p in self.params],
            self.variadic,
            self.file,
            self.line,
            list(self.param_names),
            self.inline,
            self.deprecated,
        ]

    @classmethod
    def from_json(cls, raw: list[Any], types: dict[tuple[str, str], CType] | None = None) -> "CFunction":
        """Inverse of :meth:`to_json`; ``types`` interns equal types across calls (faster loads)."""
        name, ret, params, variadic, file, line, names, inline, deprecated = raw
        types = {} if types is None else types

        def ctype(pair: list[str]) -> CType:
            key = (pair[0], pair[1])
            found = types.get(key)
            if found is None:
                found = types[key] = CType(*key)
            return found

        return cls(
            name=name,
            returns=ctype(ret),
            params=tuple(map(ctype, params)),
            variadic=variadic,
            file=file,
            line=line,
            param_names=tuple(names),
            inline=inline,
            deprecated=deprecated,
        )


@dataclass(frozen=True)
class CSignature:
    """A C function a type mapping will emit a call to, as that mapping spells it.

    Types are written as C source (``"PyObject *"``, ``"Py_ssize_t *"``, ``"long long"``);
    :func:`bindc.capi.verify.verify` canonicalizes them through clang before comparing.
    ``needed_by`` names the user of the function for messages (``"the int64 mapping"``).
    """

    name: str
    returns: str
    params: tuple[str, ...] = ()
    variadic: bool = False
    needed_by: str = ""

    def c_decl(self) -> str:
        """Render the expected prototype as written."""
        params = list(self.params) + (["..."] if self.variadic else [])
        return CType(self.returns).c_decl(f"{self.name}({', '.join(params) or 'void'})")


@dataclass(frozen=True)
class CMacro:
    """A function-like macro a type mapping will emit (``PyTuple_GET_ITEM``): only its existence is checked."""

    name: str
    needed_by: str = ""


@dataclass(frozen=True)
class CApiModel:
    """Every function, function-like macro and typedef one interpreter's headers declare.

    Built by :func:`bindc.capi.load_model`. ``python_version`` comes from the headers' own
    ``PY_VERSION``; ``sizes`` holds ``sizeof`` of a few key types as clang computed them.
    ``from_cache`` says whether this instance was read from the cache instead of parsed.
    """

    python_version: str
    include_dir: str
    clang_version: str
    functions: dict[str, CFunction] = field(compare=False, hash=False)
    function_macros: frozenset[str] = field(compare=False)
    #: typedef name -> canonical spelling of what it names (``Py_ssize_t`` -> ``long``).
    typedefs: dict[str, str] = field(compare=False, hash=False)
    sizes: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    includes_runtime: bool = False
    from_cache: bool = field(default=False, compare=False)
    #: ``Py_LIMITED_API`` the headers were read with (only the stable ABI), or None (full API).
    limited_api: int | None = None

    @property
    def python_minor(self) -> str:
        """``"3.11"``: how messages name the headers' Python version."""
        return ".".join(self.python_version.split(".")[:2])

    def lookup(self, name: str) -> CFunction | None:
        """The function ``name`` as declared (``static inline`` ones included), or ``None``.

        A name that is only a macro returns ``None``; ask :meth:`is_macro` to tell the two apart.
        """
        return self.functions.get(name)

    def is_macro(self, name: str) -> bool:
        """True when ``name`` is a function-like macro (it may also be a function, e.g. ``Py_INCREF``)."""
        return name in self.function_macros

    def check(self, expected: CSignature) -> list[str]:
        """Problems with calling ``expected`` against these headers; empty when it matches."""
        from bindc.capi.verify import signature_problems  # verify depends on this module

        return signature_problems(self, expected)

    def to_json(self) -> dict[str, Any]:
        """The JSON form stored in the cache."""
        return {
            "python_version": self.python_version,
            "include_dir": self.include_dir,
            "clang_version": self.clang_version,
            "functions": [f.to_json() for f in self.functions.values()],
            "function_macros": sorted(self.function_macros),
            "typedefs": self.typedefs,
            "sizes": self.sizes,
            "includes_runtime": self.includes_runtime,
            "limited_api": self.limited_api,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any], from_cache: bool = True) -> "CApiModel":
        """Inverse of :meth:`to_json`; raises ``KeyError``/``ValueError``/``TypeError`` on bad input."""
        types: dict[tuple[str, str], CType] = {}
        functions = {f[0]: CFunction.from_json(f, types) for f in raw["functions"]}
        return cls(
            python_version=raw["python_version"],
            include_dir=raw["include_dir"],
            clang_version=raw["clang_version"],
            functions=functions,
            function_macros=frozenset(raw["function_macros"]),
            typedefs=dict(raw["typedefs"]),
            sizes={str(k): int(v) for k, v in raw["sizes"].items()},
            includes_runtime=bool(raw["includes_runtime"]),
            from_cache=from_cache,
            limited_api=raw.get("limited_api"),
        )
