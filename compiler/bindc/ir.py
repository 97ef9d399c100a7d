"""The intermediate representation: what the frontend learned about a Go package.

Everything here is a frozen, hashable dataclass so stages can share values freely, cache them,
and compare them by content. The frontend (tree-sitter) builds these; the resolver, type
mappings and emitters only read them. A stage that needs extra facts wraps IR values in its own
types instead of adding fields here.

Go type expressions are modelled syntactically (as written in the source), with one renderer,
:meth:`GoType.go_syntax`, so diagnostics and generated code spell a type the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Span:
    """A position in a source file: 1-based line and column (columns count bytes, like Go)."""

    file: str
    line: int
    col: int
    end_line: int = 0
    end_col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


# --------------------------------------------------------------------------- type expressions


@dataclass(frozen=True)
class GoType:
    """Base of all Go type expressions."""

    def go_syntax(self) -> str:
        """Render the type as Go source (``[]string``, ``map[string]int``, ``*url.URL``)."""
        raise NotImplementedError


@dataclass(frozen=True)
class NamedType(GoType):
    """A type name, optionally package-qualified: ``int``, ``error``, ``Celsius``, ``url.URL``.

    ``package`` is the qualifier as written in the source (the import's local name), or
    ``None`` for predeclared types and types of the package being bound.
    """

    name: str
    package: str | None = None
    type_args: tuple[GoType, ...] = ()

    def go_syntax(self) -> str:
        base = f"{self.package}.{self.name}" if self.package else self.name
        if self.type_args:
            base += "[" + ", ".join(t.go_syntax() for t in self.type_args) + "]"
        return base


@dataclass(frozen=True)
class PointerType(GoType):
    """``*T``."""

    elem: GoType

    def go_syntax(self) -> str:
        return "*" + self.elem.go_syntax()


@dataclass(frozen=True)
class SliceType(GoType):
    """``[]T``."""

    elem: GoType

    def go_syntax(self) -> str:
        return "[]" + self.elem.go_syntax()


@dataclass(frozen=True)
class ArrayType(GoType):
    """``[N]T``; ``length`` is the length expression as written (``4``, ``N``, ``...``)."""

    length: str
    elem: GoType

    def go_syntax(self) -> str:
        return f"[{self.length}]{self.elem.go_syntax()}"


@dataclass(frozen=True)
class MapType(GoType):
    """``map[K]V``."""

    key: GoType
    value: GoType

    def go_syntax(self) -> str:
        return f"map[{self.key.go_syntax()}]{self.value.go_syntax()}"


@dataclass(frozen=True)
class ChanType(GoType):
    """``chan T``, ``<-chan T`` or ``chan<- T``."""

    direction: Literal["both", "recv", "send"]
    elem: GoType

    def go_syntax(self) -> str:
        prefix = {"both": "chan ", "recv": "<-chan ", "send": "chan<- "}[self.direction]
        return prefix + self.elem.go_syntax()


@dataclass(frozen=True)
class FuncType(GoType):
    """``func(params) results``; parameter names are kept for documentation only."""

    params: tuple[Param, ...]
    results: tuple[Param, ...]
    variadic: bool = False

    def go_syntax(self) -> str:
        params = _render_params(self.params, self.variadic)
        if not self.results:
            return f"func({params})"
        if len(self.results) == 1 and self.results[0].name is None:
            return f"func({params}) {self.results[0].type.go_syntax()}"
        return f"func({params}) ({_render_params(self.results, False)})"

    @property
    def is_string_getter(self) -> bool:
        """``func() string``: the signature of ``String()`` and ``Error()``."""
        return not self.params and len(self.results) == 1 and self.results[0].type == NamedType("string")


@dataclass(frozen=True)
class InterfaceMethod:
    """One method in an interface type literal."""

    name: str
    signature: FuncType


@dataclass(frozen=True)
class InterfaceType(GoType):
    """``interface{ ... }``; ``embeds`` are embedded interfaces or type-set terms as written."""

    methods: tuple[InterfaceMethod, ...] = ()
    embeds: tuple[GoType, ...] = ()

    def go_syntax(self) -> str:
        if not self.methods and not self.embeds:
            return "interface{}"
        parts = [e.go_syntax() for e in self.embeds]
        parts += [m.name + m.signature.go_syntax()[len("func"):] for m in self.methods]
        return "interface{ " + "; ".join(parts) + " }"


@dataclass(frozen=True)
class StructField:
    """A struct field; ``name`` is ``None`` for an embedded field."""

    name: str | None
    type: GoType
    tag: str | None = None
    doc: str = ""
    span: Span | None = None

    @property
    def embedded(self) -> bool:
        """True for an embedded (anonymous) field."""
        return self.name is None


@dataclass(frozen=True)
class StructType(GoType):
    """``struct{ ... }``."""

    fields: tuple[StructField, ...] = ()

    def go_syntax(self) -> str:
        if not self.fields:
            return "struct{}"
        parts = []
        for f in self.fields:
            parts.append(f.type.go_syntax() if f.name is None else f"{f.name} {f.type.go_syntax()}")
        return "struct{ " + "; ".join(parts) + " }"


@dataclass(frozen=True)
class TildeType(GoType):
    """``~T`` in a constraint: every type whose underlying type is ``T``."""

    elem: GoType

    def go_syntax(self) -> str:
        return "~" + self.elem.go_syntax()


@dataclass(frozen=True)
class UnionType(GoType):
    """``A | ~B | C`` in a constraint: a type set's union of terms."""

    terms: tuple[GoType, ...]

    def go_syntax(self) -> str:
        return " | ".join(t.go_syntax() for t in self.terms)


@dataclass(frozen=True)
class UnsupportedType(GoType):
    """A type expression the frontend could not model; ``text`` is the source as written."""

    text: str

    def go_syntax(self) -> str:
        return self.text


# --------------------------------------------------------------------------- declarations


@dataclass(frozen=True)
class Param:
    """One parameter or result. Grouped parameters (``a, b int``) become one Param each."""

    name: str | None
    type: GoType
    span: Span | None = None


@dataclass(frozen=True)
class Directive:
    """A ``//py4go:<kind> [arg]`` comment attached to a declaration.

    Known kinds: ``export`` (bind this declaration; ``arg`` overrides the Python name) and
    ``skip`` (never bind it). Unknown kinds are kept so the resolver can warn about them.
    """

    kind: str
    arg: str | None
    span: Span


@dataclass(frozen=True)
class Receiver:
    """A method receiver: ``(c *Counter)`` is ``Receiver("c", "Counter", pointer=True)``."""

    name: str | None
    type_name: str
    pointer: bool
    #: The receiver's names for a generic type's parameters: ``(s *Set[E])`` has ``("E",)``.
    type_params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Func:
    """A function or method declaration.

    When ``variadic`` is true the last parameter was written ``...T``; its type is recorded
    as ``[]T``, which is the type the function body sees.
    """

    name: str
    params: tuple[Param, ...]
    results: tuple[Param, ...]
    variadic: bool
    doc: str
    directives: tuple[Directive, ...]
    span: Span
    receiver: Receiver | None = None
    type_params: tuple[str, ...] = ()
    #: The constraint of each type parameter, in ``type_params`` order (``any``, ``comparable``,
    #: ``cmp.Ordered``, ``~[]E``, ``int | float64``).
    type_constraints: tuple[GoType, ...] = ()
    #: Parameters the body compares with ``nil`` (``if onEvicted != nil``) or never uses: the
    #: function handles a nil value there, so a func-typed one also takes ``None`` from Python.
    nil_checked: frozenset[str] = frozenset()

    @property
    def exported(self) -> bool:
        """True when the Go name starts with an upper-case letter."""
        return self.name[:1].isupper()

    @property
    def is_generic(self) -> bool:
        """True for a function with type parameters (not bindable)."""
        return bool(self.type_params)

    def directive(self, kind: str) -> Directive | None:
        """The first directive of ``kind``, if any."""
        return next((d for d in self.directives if d.kind == kind), None)

    def go_signature(self) -> FuncType:
        """The signature as a :class:`FuncType` (used for compile-time guards)."""
        return FuncType(self.params, self.results, self.variadic)


@dataclass(frozen=True)
class TypeDecl:
    """``type Name T`` or ``type Name = T`` (``alias``)."""

    name: str
    type: GoType
    doc: str
    directives: tuple[Directive, ...]
    span: Span
    alias: bool = False
    type_params: tuple[str, ...] = ()
    type_constraints: tuple[GoType, ...] = ()  # as for Func: one per type parameter

    @property
    def exported(self) -> bool:
        """True when the Go name starts with an upper-case letter."""
        return self.name[:1].isupper()

    def directive(self, kind: str) -> Directive | None:
        """The first directive of ``kind``, if any."""
        return next((d for d in self.directives if d.kind == kind), None)


@dataclass(frozen=True)
class ValueInit:
    """What the syntax of a ``var`` initialiser says about its type, without type-checking:
    a composite literal's type (``T{...}``, ``[]int{1, 2}``, and ``&T{...}`` as ``*T``), the
    function a call calls (``F(...)``, ``pkg.F(...)``, ``Must(Parse("..."))`` calls ``Must``), or
    the method called on a value made in place (``(&big.Int{}).Mul(a, b)``,
    ``new(big.Int).SetUint64(n)``: the receiver's type and the method's name)."""

    literal: GoType | None = None
    call: tuple[str | None, str] | None = None  # (import qualifier or None, function name)
    method: tuple[GoType, str] | None = None  # (receiver type, method name)


@dataclass(frozen=True)
class ValueDecl:
    """One name from a ``const`` or ``var`` declaration.

    ``type`` is ``None`` when not written; ``value`` is the initialiser expression as written
    (``None`` when absent). ``iota_index`` is the position inside its ``const ( ... )`` block,
    so the resolver can evaluate ``iota`` and implicit repetition of the previous expression.
    """

    kind: Literal["const", "var"]
    name: str
    type: GoType | None
    value: str | None
    doc: str
    directives: tuple[Directive, ...]
    span: Span
    iota_index: int = 0
    group: int = 0
    init: ValueInit | None = None  # the initialiser's shape, for a var without a written type

    @property
    def exported(self) -> bool:
        """True when the Go name starts with an upper-case letter."""
        return self.name[:1].isupper()


@dataclass(frozen=True)
class Import:
    """An import spec: ``name`` is the explicit local name (``None`` if omitted)."""

    path: str
    name: str | None
    span: Span


@dataclass(frozen=True)
class SourceFile:
    """One parsed ``.go`` file of the package."""

    path: str
    package: str
    imports: tuple[Import, ...]
    uses_cgo: bool
    generated: bool


@dataclass(frozen=True)
class Package:
    """Everything bindc knows about one Go package (all files that build on this platform)."""

    name: str
    dir: str
    import_path: str | None
    files: tuple[SourceFile, ...]
    funcs: tuple[Func, ...]
    types: tuple[TypeDecl, ...]
    values: tuple[ValueDecl, ...]
    doc: str = ""

    def methods_of(self, type_name: str) -> tuple[Func, ...]:
        """Methods declared on ``type_name`` (value and pointer receivers)."""
        return tuple(f for f in self.funcs if f.receiver and f.receiver.type_name == type_name)

    @property
    def functions(self) -> tuple[Func, ...]:
        """Plain (non-method) functions."""
        return tuple(f for f in self.funcs if f.receiver is None)


def _render_params(params: tuple[Param, ...], variadic: bool) -> str:
    parts = []
    for i, p in enumerate(params):
        t = p.type.go_syntax()
        if variadic and i == len(params) - 1:
            t = "..." + (t[2:] if t.startswith("[]") else t)
        parts.append(t)
    return ", ".join(parts)
