"""The model of a Python module's public API, as its annotations describe it.

Frozen dataclasses mirroring Python's ``ast`` (PyO3's introspection model): a module has
functions, classes, enums, records (TypedDict, dataclass), protocols and exception classes;
functions have parameters with their kind (positional-only, keyword-only, ...). Types are
resolved :class:`PyType` values, never annotation text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bindc.ir import Span

# PyType kinds.
INT, FLOAT, STR, BYTES, BOOL, NONE = "int", "float", "str", "bytes", "bool", "none"
ANY = "any"            # Any, object, a TypeVar, or anything unsupported (see PyType.why)
OPTIONAL = "optional"  # args[0] | None
LIST = "list"          # list[T], Sequence[T], Iterable[T] (parameters), tuple[T, ...]
DICT = "dict"          # dict[K, V], Mapping[K, V]
TUPLE = "tuple"        # tuple[A, B] (results)
ITER = "iter"          # Iterator[T], Generator[T, ...], Iterable[T] (results): materialised
CALLABLE = "callable"  # Callable[[A, B], R]: args[:-1] params, args[-1] the result
NAMED = "named"        # a class of the module: name says which (enum, record, protocol, class)
DATETIME = "datetime"  # datetime.datetime: Go time.Time
TIMEDELTA = "timedelta"  # datetime.timedelta: Go time.Duration

SCALARS = frozenset({INT, FLOAT, STR, BYTES, BOOL})


@dataclass(frozen=True)
class PyType:
    """A resolved Python type. ``why`` explains an ANY that stands for something unsupported."""

    kind: str
    args: tuple["PyType", ...] = ()
    name: str = ""
    why: str = ""

    def __str__(self) -> str:
        if self.kind == NAMED:
            return self.name
        if self.kind == OPTIONAL:
            return f"{self.args[0]} | None"
        if self.args:
            return f"{self.kind}[{', '.join(map(str, self.args))}]"
        return self.kind


ANY_TYPE = PyType(ANY)

# Parameter kinds, as inspect.Parameter names them.
POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, KEYWORD_ONLY = "positional-only", "positional-or-keyword", "keyword-only"


@dataclass(frozen=True)
class Param:
    """One parameter; ``default`` is the default's source text, or None when it is required."""

    name: str
    type: PyType
    kind: str
    default: str | None
    span: Span

    @property
    def required(self) -> bool:
        """True when a call must pass it."""
        return self.default is None


@dataclass(frozen=True)
class Function:
    """A function, method, or constructor (``__init__``). ``overloaded`` ones are not typed."""

    name: str
    params: tuple[Param, ...]
    result: PyType
    span: Span
    doc: str = ""
    overloaded: bool = False
    varargs: bool = False  # takes *args or **kwargs (not passed by the Go API)


@dataclass(frozen=True)
class Attribute:
    """A data attribute or property of a class; ``readonly`` for properties without setter."""

    name: str
    type: PyType
    readonly: bool
    span: Span


@dataclass(frozen=True)
class Class:
    """A class bound as a Go struct wrapping the instance."""

    name: str
    base: str | None  # a class of the same module it derives from
    init: Function | None
    methods: tuple[Function, ...]
    statics: tuple[Function, ...]  # staticmethods and classmethods
    attributes: tuple[Attribute, ...]
    span: Span
    doc: str = ""


@dataclass(frozen=True)
class EnumMember:
    """One member: its Python name and literal value."""

    name: str
    value: int | str


@dataclass(frozen=True)
class Enum:
    """An Enum/IntEnum/StrEnum whose members have literal values of one type."""

    name: str
    members: tuple[EnumMember, ...]
    value_type: str  # INT or STR
    span: Span
    doc: str = ""


@dataclass(frozen=True)
class Field:
    """A field of a record; ``optional`` when it may be absent (NotRequired, total=False)."""

    name: str
    type: PyType
    optional: bool
    span: Span


@dataclass(frozen=True)
class Record:
    """A TypedDict (a dict in Python) or a dataclass (an instance), as a Go struct of values."""

    name: str
    fields: tuple[Field, ...]
    typed_dict: bool
    span: Span
    doc: str = ""


@dataclass(frozen=True)
class Protocol:
    """A typing.Protocol: a Go interface."""

    name: str
    methods: tuple[Function, ...]
    span: Span
    doc: str = ""


@dataclass(frozen=True)
class ExceptionClass:
    """An exception class the module defines; ``base`` when it derives from another of them."""

    name: str
    base: str | None
    span: Span
    doc: str = ""
    defined_in: str = ""  # the submodule defining it, when the module re-exports it


@dataclass(frozen=True)
class Module:
    """Everything `bindc go` binds from one Python module."""

    name: str           # the importable name, "textwrap", "pkg.sub"
    source: str         # how the generated header names the source
    functions: tuple[Function, ...] = ()
    classes: tuple[Class, ...] = ()
    enums: tuple[Enum, ...] = ()
    records: tuple[Record, ...] = ()
    protocols: tuple[Protocol, ...] = ()
    exceptions: tuple[ExceptionClass, ...] = ()
    doc: str = ""
    names: dict[str, str] = field(default_factory=dict, compare=False)  # class name -> its kind
