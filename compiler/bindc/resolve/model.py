"""What the resolve passes produce: frozen descriptions of every bound declaration.

Each pass adds its own layer of these (classes, functions and methods, enums and constants,
variable accessors, sentinel exceptions) and the last one, ``names``, fills the
:class:`~bindc.resolve.symbols.SymbolTable` that :class:`BoundModule` carries, from which the
emitters read every generated C and Go identifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bindc.ir import Func, GoType, NamedType, Package, Param, Span, TypeDecl, ValueDecl
from bindc.naming import python_safe
from bindc.resolve.symbols import SymbolTable
from bindc.typemap.base import TypeMapping
from bindc.typemap.classes import SiblingClass
from bindc.typemap.named import EnumMapping

PyValue = int | float | complex | str | bool

#: Names the generated stub may import (``from typing import Any``...); a module attribute or
#: class of the same name would shadow the import, so such Go names get ``_`` appended.
STUB_IMPORTS = frozenset({
    "Any", "ClassVar", "Final", "Protocol", "SupportsIndex", "overload", "runtime_checkable",  # typing
    "Self", "disjoint_base",                                                                    # typing_extensions
    "Callable", "Iterable", "Iterator", "Mapping", "MutableMapping", "MutableSequence", "Sequence",  # abc
    "IntEnum",
})


def attr_name(go_name: str) -> str:
    """The Python attribute name of a Go constant, enum type or member: the Go name, with ``_``
    appended where Python or the stub would choke on it (``None``, ``True``, ``Final``)."""
    safe = python_safe(go_name)
    return safe + "_" if safe in STUB_IMPORTS else safe


@dataclass(frozen=True)
class BoundParam:
    """A Go parameter with its Python name, its mapping and its C variable name."""

    param: Param
    py_name: str
    mapping: TypeMapping
    var: str


@dataclass(frozen=True)
class BoundResult:
    """A Go result (not the trailing ``error``) with its mapping and C variable name."""

    param: Param
    mapping: TypeMapping
    var: str


@dataclass(frozen=True)
class BoundReceiver:
    """The class a bound method belongs to. ``value`` is set for an enum's methods: ``self`` is
    an ``IntEnum`` member (a Python int), converted with that mapping and passed by value,
    instead of a bound instance holding a ``*T``."""

    py_class: str
    named: NamedType
    value: TypeMapping | None = None
    #: The class holds a ``*I`` for an interface ``I`` (``bindc.resolve.classes._interface_shape``):
    #: methods are called on ``*handle``, not on the pointer.
    interface: bool = False
    #: The receiver's type keeps funcs or interface values (``Cron`` holds its entries' ``Job``
    #: and ``Schedule``): Python may have supplied them, so its methods may wait for goroutines
    #: calling back into Python and must release the GIL (:func:`bindc.gil.releases_gil`).
    keeps_callbacks: bool = False


@dataclass(frozen=True)
class BoundFunction:
    """A Go function (or method, with ``receiver``) as Python will see it."""

    func: Func
    py_name: str
    params: tuple[BoundParam, ...]
    variadic: BoundParam | None
    results: tuple[BoundResult, ...]
    returns_error: bool
    receiver: BoundReceiver | None = None
    local: bool = False  # the Go function is generated into the output file (variable accessors)
    variable: str = ""  # for a variable accessor: the Go variable it reads or writes
    #: For an instantiation of a generic function: its type arguments (``Map[int, string]``),
    #: which the Go call spells out; ``func`` is then the signature with them substituted.
    type_args: tuple[GoType, ...] = ()
    #: The leading ``context.Context`` parameter bindc fills (:mod:`bindc.typemap.contexts`):
    #: not in ``params``, and the Python function takes ``timeout=`` instead.
    context: Param | None = None
    #: A ``Read(p []byte) (n int, err error)`` or ``ReadAt(p, off)`` method (io.Reader's and
    #: io.ReaderAt's contract): ``io.EOF`` ends the input and is no error, so ``n`` is returned
    #: (0 at the end, as ``readinto`` does) instead of raising and losing the last bytes.
    eof_ends: bool = False

    @property
    def display_name(self) -> str:
        """The name error messages use: ``concat`` or ``Point.scale``."""
        return f"{self.receiver.py_class}.{self.py_name}" if self.receiver else self.py_name

    @property
    def c_name(self) -> str:
        """The preferred stem of its C and Go identifiers: ``concat`` or ``Point_scale`` (the
        symbol table makes it unique: :meth:`BoundModule.stem`)."""
        return f"{self.receiver.py_class}_{self.py_name}" if self.receiver else self.py_name

    @property
    def go_name(self) -> str:
        """The Go identifier of the function."""
        return self.func.name

    @property
    def doc(self) -> str:
        """The Go doc comment, used as the Python docstring."""
        return self.func.doc

    @property
    def returns_str_only(self) -> bool:
        """No parameters, one ``str`` result and no error: a ``String()``-shaped method."""
        return (not self.params and not self.variadic and len(self.results) == 1
                and self.results[0].mapping.py_annotation == "str" and not self.returns_error)

    @property
    def py_annotation(self) -> str:
        """The Python return annotation."""
        if not self.results:
            return "None"
        if len(self.results) == 1:
            return self.results[0].mapping.py_annotation
        return "tuple[" + ", ".join(r.mapping.py_annotation for r in self.results) + "]"


@dataclass(frozen=True)
class BoundField:
    """A struct field (own or promoted) as a Python property; ``go_name`` is empty for the
    ``value`` property of a value class (the Go value itself)."""

    go_name: str
    py_name: str
    mapping: TypeMapping
    doc: str
    span: Span | None


@dataclass(frozen=True)
class BoundClass:
    """A Go struct type (or, with ``is_value``, another defined type with methods) as a Python class."""

    decl: TypeDecl
    py_name: str
    fields: tuple[BoundField, ...]
    init_fields: tuple[BoundField, ...]
    methods: tuple[BoundFunction, ...]
    str_method: BoundFunction | None
    comparable: bool
    is_error: bool = False
    is_value: bool = False
    go_named: NamedType | None = None  # a type of another package, as the bound package names it
    origin: str = ""                   # its package's import path ("" for the bound package's own)
    constructible: bool = True         # False: Python cannot create one (TypeError), only get one
    frozen: bool = False               # an immutable value class: read-only value, hashable

    @property
    def named(self) -> NamedType:
        """The Go type as the bound package names it."""
        return self.go_named if self.go_named is not None else NamedType(self.decl.name)

    @property
    def foreign(self) -> bool:
        """Whether the Go type belongs to another package (:mod:`bindc.resolve.foreign`)."""
        return bool(self.origin)

    @property
    def go_display(self) -> str:
        """The Go type as messages show it: ``Point``, or ``bytes.Buffer`` for another package's."""
        return f"{self.origin.rsplit('/', 1)[-1]}.{self.decl.name}" if self.origin else self.decl.name

    @property
    def doc(self) -> str:
        """The Go doc comment of the type."""
        return self.decl.doc


#: Name of the property of a value class that holds the Go value itself.
VALUE_FIELD = "value"


@dataclass(frozen=True)
class BoundEnum:
    """A Go enum type as a Python ``IntEnum`` class named like the Go type, with the type's
    value-receiver methods (``String()`` as ``__str__``) attached to the class."""

    decl: TypeDecl
    mapping: EnumMapping
    methods: tuple[BoundFunction, ...] = ()
    str_method: BoundFunction | None = None

    @property
    def py_name(self) -> str:
        """The class name (the Go type name, made safe)."""
        return attr_name(self.decl.name)

    @property
    def all_methods(self) -> tuple[BoundFunction, ...]:
        """``String`` (if bound) and the other methods: everything needing a wrapper."""
        return ((self.str_method,) if self.str_method else ()) + self.methods

    @property
    def py_members(self) -> tuple[tuple[str, int], ...]:
        """``(Python member name, value)`` pairs in declaration order."""
        return tuple((attr_name(name), value) for name, value in self.mapping.members)


@dataclass(frozen=True)
class BoundConstant:
    """An exported Go constant as a module attribute; ``enum`` names its class for members."""

    decl: ValueDecl
    py_name: str
    value: PyValue
    enum: str | None = None


@dataclass(frozen=True)
class ModuleValues:
    """Everything a module defines besides functions and classes: enums, constants and the
    exception classes of sentinel errors (:mod:`bindc.resolve.sentinels`)."""

    enums: tuple[BoundEnum, ...] = ()
    constants: tuple[BoundConstant, ...] = ()
    sentinels: tuple["BoundSentinel", ...] = ()

    def __bool__(self) -> bool:
        return bool(self.enums or self.constants or self.sentinels)


@dataclass(frozen=True)
class BoundSentinel:
    """An exported Go error variable as the exception class ``py_name`` (a GoError subclass)."""

    decl: ValueDecl
    py_name: str

    @property
    def doc(self) -> str:
        """The class docstring: the Go doc comment, or a sentence naming the variable."""
        return self.decl.doc or f"The Go error value {self.decl.name}."


@dataclass(frozen=True)
class BoundModule:
    """Everything the emitters need to generate one Python module from one Go package.

    ``target_import`` is ``None`` when the files are generated into the bound package
    itself; otherwise it is the import path of the package the wrapper package calls.
    """

    name: str
    go_package: str
    package: Package
    functions: tuple[BoundFunction, ...]
    target_import: str | None = None
    classes: tuple[BoundClass, ...] = ()
    values: ModuleValues = ModuleValues()
    symbols: SymbolTable = field(default_factory=lambda: SymbolTable(""), compare=False, hash=False, repr=False)
    #: Import name -> path for the types of the plan: the package's imports plus the ones
    #: added for other packages' classes (:mod:`bindc.resolve.foreign`); empty: the package's.
    imports: tuple[tuple[str, str], ...] = ()
    summary: "BindingSummary" = field(default_factory=lambda: BindingSummary(0, 0), compare=False, hash=False,
                                      repr=False)
    #: Classes of the other modules of a bundle this module may convert to (declared extern).
    sibling_classes: tuple["SiblingClass", ...] = ()

    def stem(self, key: object) -> str:
        """The unique stem of a bound function's, class's or field's generated identifiers."""
        return self.symbols.stem(key)

    @property
    def doc(self) -> str:
        """The module docstring: the package's doc comment."""
        return self.package.doc


@dataclass(frozen=True)
class Skip:
    """An exported declaration that is not bound: ``name`` as the summary shows it (``F``,
    ``T.M``, ``type T``, ``const C``, ``var V``) and the short reason (``*big.Int``)."""

    name: str
    reason: str
    span: Span | None


@dataclass(frozen=True)
class BindingSummary:
    """How many exported declarations were considered and bound, and what was skipped why."""

    total: int
    bound: int
    skipped: tuple[Skip, ...] = ()
    foreign_classes: int = 0   # struct types of other packages bound as classes
    foreign_methods: int = 0   # ... their methods bound
    foreign_total: int = 0     # ... their exported methods

    def line(self) -> str:
        """``bound 99 of 108 exported declarations; skipped 9: 7 *big.Int, 1 untyped var``, then
        ``; plus 2 classes of other packages (30 of 33 methods)`` when there are any."""
        text = f"bound {self.bound} of {self.total} exported declarations"
        foreign = (f"; plus {self.foreign_classes} class{'es' if self.foreign_classes != 1 else ''} of other "
                   f"packages ({self.foreign_methods} of {self.foreign_total} methods)") if self.foreign_classes else ""
        if not self.skipped:
            return text + foreign
        counts: dict[str, int] = {}
        for s in self.skipped:
            counts[s.reason] = counts.get(s.reason, 0) + 1
        groups = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return text + f"; skipped {len(self.skipped)}: " + ", ".join(f"{n} {reason}" for reason, n in groups) + foreign
