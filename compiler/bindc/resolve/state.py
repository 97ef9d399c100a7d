"""What the resolve passes hand each other: one mutable record, filled in pass order.

Every field is written by exactly one pass (named in its comment) and only read by the passes
after it, so a pass never has to call back into an earlier one to learn something.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bindc.diagnostics import DiagnosticSink
from bindc.frontend.instances import InstanceRequest
from bindc.ir import Func, NamedType, Package, TypeDecl, ValueDecl
from bindc.resolve.model import BoundClass, BoundConstant, BoundEnum, BoundField, BoundFunction, BoundSentinel
from bindc.resolve.symbols import SymbolTable
from bindc.typemap.classes import SiblingClass
from bindc.typemap.env import TypeEnv
from bindc.typemap.foreign_classes import ForeignClass


@dataclass(frozen=True)
class ClassShape:
    """A class as the classes pass leaves it: its fields and the Go methods to bind on it
    (the functions pass binds them)."""

    decl: TypeDecl
    py_name: str
    fields: tuple[BoundField, ...]
    init_fields: tuple[BoundField, ...]
    method_set: tuple[Func, ...]
    comparable: bool
    is_error: bool
    is_value: bool
    named: NamedType | None = None   # a class of another package: the type, qualified
    origin: str = ""                 # ... and the import path of its package
    constructible: bool = True       # whether Python may create one (a usable zero value)
    frozen: bool = False             # an immutable value class: read-only value, hashable


@dataclass
class ResolveState:
    """The binding plan under construction (see :mod:`bindc.resolve` for the pass order)."""

    package: Package  # generic_types adds its instantiated declarations; later passes read that
    module_name: str
    sink: DiagnosticSink
    target_import: str | None
    symbols: SymbolTable
    env: TypeEnv = field(init=False)                                  # types
    class_names: dict[str, str] = field(default_factory=dict)         # types: Go name -> class name
    foreign: list[ForeignClass] = field(default_factory=list)         # foreign: other packages' classes
    foreign_interfaces: list[ForeignClass] = field(default_factory=list)  # ... and their interfaces' GoI classes
    shapes: list[ClassShape] = field(default_factory=list)            # classes
    functions: list[BoundFunction] = field(default_factory=list)      # functions (+ variables' accessors)
    classes: list[BoundClass] = field(default_factory=list)           # functions (methods attached)
    enums: list[BoundEnum] = field(default_factory=list)              # values
    constants: list[BoundConstant] = field(default_factory=list)      # values
    error_variables: list[ValueDecl] = field(default_factory=list)    # variables: left for sentinels
    sentinels: list[BoundSentinel] = field(default_factory=list)      # sentinels
    #: Instantiations the command line asked for (``--instantiate``), read by the instances pass.
    requests: tuple[InstanceRequest, ...] = ()
    #: Classes of the other modules of a bundle, by (import path, Go name) (typemap.classes).
    siblings: dict[tuple[str, str], SiblingClass] = field(default_factory=dict)

    @property
    def in_package(self) -> bool:
        """True when the output goes into the bound package itself (no ``--out``)."""
        return self.target_import is None
