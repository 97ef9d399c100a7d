"""Pass 9, names: every C and Go identifier the output declares, handed out by the symbol table.

Order matters, because the first request for a spelling gets it and later ones step aside
(``_2``, ``_3``...): first the module's own fixed names (``PyInit_<module>``, the method table,
the registration functions), then each class's slots and tables, each enum's tables, each
sentinel's global, each field's getter and setter, and last the wrappers of functions and
methods, whose names come from the user. So ``func (S) Init()`` cannot take the class's
``tp_init`` wrapper ``bindcpy_<module>_S_init`` (it gets ``bindcpy_<module>_S_init_2``), and
``func (p *P) GetName()`` cannot take the getter of field ``Name``.

The one exception are the Go helpers behind variable accessors (``bindcget_X``): they are
the accessors' Go function names, so the variables pass takes them from the same table when
it makes the accessors. The emitters read the results through :mod:`bindc.emit.names`.
"""

from __future__ import annotations

from bindc.diagnostics import DiagnosticSink
from bindc.resolve.model import BoundClass, BoundEnum, BoundField, BoundFunction, BoundSentinel
from bindc.resolve.state import ResolveState
from bindc.resolve.symbols import SymbolTable
from bindc.typemap.classes import class_type_var

#: The module's fixed identifiers, ``{}`` being the module name.
MODULE_IDENTS = ("PyInit_{}", "bindc_{}_methods", "bindc_{}_module", "bindcgo_{}_go_init",
                 "bindcgo_{}_register_classes",
                 "bindc_{}_add_values", "bindcgo_{}_register_sentinels", "bindc_{}_vec_methods")

#: One class's identifiers, ``{}`` being its stem (``<module>_<Class>``).
CLASS_TEMPLATES = ("bindcpy_{}_new", "bindcpy_{}_init", "bindcpy_{}_repr", "bindcpy_{}_str",
                   "bindcpy_{}_richcompare", "bindcgo_{}_new", "bindcgo_{}__eq", "bindcgo_{}__cmp",
                   "bindcpy_{}__len", "bindc_{}_getset",
                   "bindc_{}_methods", "bindc_{}_slots", "bindc_{}_spec", "bindc_{}_type")

#: A function's (or method's) wrapper, trampoline and docstring, and those of its vectorized form
#: (:mod:`bindc.emit.vec`), ``{}`` being its stem.
FUNCTION_TEMPLATES = ("bindcpy_{}", "bindcgo_{}", "bindcdoc_{}", "bindcpyvec_{}", "bindcvec_{}", "bindcdocvec_{}")

#: A sentinel's class global, ``{}`` being its stem.
SENTINEL_TEMPLATES = ("bindc_{}_error",)


def field_templates(class_stem: str) -> tuple[str, ...]:
    """A field's getter and setter (C and Go), ``{}`` being the field's stem."""
    return tuple(f"{prefix}_{class_stem}_{kind}_{{}}" for prefix in ("bindcpy", "bindcgo") for kind in ("get", "set"))


def class_key(cls: BoundClass) -> tuple[str, str]:
    """The symbol-table key of a class's identifiers."""
    return ("class", cls.py_name)


def field_key(cls: BoundClass, field: BoundField) -> tuple[str, str, str]:
    """The symbol-table key of a field's getter and setter."""
    return ("field", cls.py_name, field.py_name)


def sentinel_key(sentinel: BoundSentinel) -> tuple[str, str]:
    """The symbol-table key of a sentinel's class global."""
    return ("sentinel", sentinel.py_name)


def run(state: ResolveState) -> None:
    """Allocate every generated identifier of the module in ``state.symbols``."""
    symbols, module = state.symbols, state.module_name
    symbols.reserve(*(t.format(module) for t in MODULE_IDENTS))
    for cls in state.classes:
        stem = symbols.allocate(class_key(cls), f"{module}_{cls.py_name}", CLASS_TEMPLATES)
        # Type mappings spell the type variable from the class name alone; no fixed module
        # identifier ends like a class identifier, so a class's stem is never bumped.
        assert f"bindc_{stem}_type" == class_type_var(module, cls.py_name), stem
    for enum in state.enums:
        _reserve_enum(symbols, enum, state.sink)
    for s in state.sentinels:
        symbols.allocate(sentinel_key(s), f"{module}_{s.py_name}", SENTINEL_TEMPLATES)
    for cls in state.classes:
        templates = field_templates(symbols.stem(class_key(cls)))
        for f in cls.fields:
            symbols.allocate(field_key(cls, f), f.py_name, templates)
    for fn in _functions_in_order(state):
        symbols.allocate(fn, f"{module}_{fn.c_name}", FUNCTION_TEMPLATES)


def _reserve_enum(symbols: SymbolTable, enum: BoundEnum, sink: DiagnosticSink) -> None:
    """An enum's member table and method table are spelled by its type mapping."""
    for ident in (enum.mapping.members_var, f"bindc_enum_{enum.decl.name}_methods"):
        if symbols.is_taken(ident):
            sink.error(f"bindc would declare {ident} twice (enum {enum.mapping.go_type}); "
                       f"rename one of the types", enum.decl.span)
        symbols.reserve(ident)


def _functions_in_order(state: ResolveState) -> list[BoundFunction]:
    """Every bound function needing a wrapper, in the order the output declares them."""
    out = sorted(state.functions, key=lambda f: f.func.span)
    for cls in state.classes:
        out += ([cls.str_method] if cls.str_method else []) + list(cls.methods)
    for enum in state.enums:
        out += enum.all_methods
    return out
