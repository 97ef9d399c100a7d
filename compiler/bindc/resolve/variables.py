"""Package variables as ``get_<name>()`` / ``set_<name>(value)`` functions.

A module attribute cannot run code when read (modules have no properties, and a module
``__getattr__`` is only consulted for *missing* names), so a value copied into the module at
import would silently go stale when Go changes the variable. Accessor functions always read
and write the live Go variable, convert exactly like a function result or parameter, and
show up in the stub with their types.

Each accessor is an ordinary :class:`~bindc.resolve.BoundFunction` whose Go function is a
tiny helper generated into the wrapper file itself (``local=True``), so the C wrapper, the
trampoline and the stub need nothing new.
"""

from __future__ import annotations

from fractions import Fraction

from bindc.consteval import ConstEvalError, ExactComplex, evaluate
from bindc.diagnostics import DiagnosticSink
from bindc.emit.printer import LinePrinter
from bindc.ir import Func, GoType, NamedType, Param, ValueDecl
from bindc.naming import python_safe, snake_case
from bindc.resolve.functions import BoundFunction, BoundModule, BoundParam, BoundResult
from bindc.resolve.sentinels import is_sentinel
from bindc.typemap.base import GoRefs
from bindc.typemap.env import TypeEnv
from bindc.typemap.imported import constants_of
from bindc.typemap.registry import MappingError, lookup_mapping

def getter_name(decl: ValueDecl) -> str:
    """The Go helper that reads the variable."""
    return f"bindcget_{decl.name}"


def setter_name(decl: ValueDecl) -> str:
    """The Go helper that writes the variable."""
    return f"bindcset_{decl.name}"


def variable_accessors(env: TypeEnv, sink: DiagnosticSink, taken: set[str]) -> list[BoundFunction]:
    """Getter and setter functions for every exported package variable whose type maps;
    ``taken`` holds the Python names of the bound functions (a clash skips the variable)."""
    out: list[BoundFunction] = []
    for decl in env.package.values:
        if decl.kind != "var" or not decl.exported or any(d.kind == "skip" for d in decl.directives):
            continue
        if is_sentinel(decl, env):
            continue  # an exception class of the module (bindc.resolve.sentinels)
        go_type = decl.type if decl.type is not None else _constant_type(decl.value, env)
        if go_type is None:
            sink.warning(f"variable {decl.name} skipped: its type is not written and its initialiser is "
                         f"not a constant expression", decl.span)
            continue
        try:
            mapping = lookup_mapping(go_type, env)
        except MappingError as e:
            sink.warning(f"variable {decl.name} skipped: {e}", decl.span)
            continue
        base = python_safe(snake_case(decl.name)).rstrip("_")
        clash = {f"get_{base}", f"set_{base}"} & taken
        if clash:
            sink.warning(f"variable {decl.name} skipped: its accessor name {sorted(clash)[0]!r} is already a "
                         f"function of the module", decl.span)
            continue
        doc = f"The Go package variable {decl.name}" + (f": {decl.doc}" if decl.doc else ".")
        value = Param("value", go_type, decl.span)
        getter = Func(getter_name(decl), (), (Param(None, go_type, decl.span),), False, "Read " + doc, (), decl.span)
        setter = Func(setter_name(decl), (value,), (), False, "Write " + doc, (), decl.span)
        out.append(BoundFunction(getter, f"get_{base}", (), None, (BoundResult(getter.results[0], mapping, "r0"),),
                                 False, local=True))
        out.append(BoundFunction(setter, f"set_{base}", (BoundParam(value, "value", mapping, "a0"),), None, (),
                                 False, local=True))
    return out


def _constant_type(value: str | None, env: TypeEnv) -> GoType | None:
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


def emit_variable_helpers(p: LinePrinter, module: BoundModule, refs: GoRefs, target: str | None) -> None:
    """The Go helpers the accessor trampolines call (one getter and one setter per variable)."""
    for fn in module.functions:
        if not fn.local:
            continue
        name = fn.go_name.removeprefix("bindcget_").removeprefix("bindcset_")
        var = f"{target}.{name}" if target else name
        p.P()
        if fn.results:
            go_type = refs.type_syntax(fn.func.results[0].type)
            p.P(f"func {fn.go_name}() {go_type} {{")
            p.P(f"return {var}")
        else:
            go_type = refs.type_syntax(fn.func.params[0].type)
            p.P(f"func {fn.go_name}(v {go_type}) {{")
            p.P(f"{var} = v")
        p.P("}")
