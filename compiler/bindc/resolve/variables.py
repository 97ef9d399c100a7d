"""Pass 7, variables: package variables as ``get_<name>()`` / ``set_<name>(value)`` functions.

A module attribute cannot run code when read (modules have no properties, and a module
``__getattr__`` is only consulted for *missing* names), so a value copied into the module at
import would silently go stale when Go changes the variable. Accessor functions always read
and write the live Go variable, convert exactly like a function result or parameter, and
show up in the stub with their types.

Each accessor is an ordinary :class:`~bindc.resolve.model.BoundFunction` whose Go function is
a tiny helper generated into the wrapper file itself (``local=True``, its name handed out by
the symbol table), so the C wrapper, the trampoline and the stub need nothing new.

Error variables (sentinels) are not accessors: this pass sets them aside for the sentinels
pass, which makes them exception classes.
"""

from __future__ import annotations

import re

from bindc.ir import Func, Param, ValueDecl
from bindc.naming import python_safe, snake_case
from bindc.resolve.functions import skip_reason
from bindc.resolve.model import BoundFunction, BoundParam, BoundResult
from bindc.resolve.state import ResolveState
from bindc.resolve.values import add_imported_enums
from bindc.resolve.variable_types import constant_type, exported_interface, variable_type
from bindc.typemap.env import TypeEnv
from bindc.typemap.registry import MappingError, is_error_type, lookup_mapping

#: Calls that make a new error value, by import path of the package and function name.
_CONSTRUCTORS = {("errors", "New"), ("fmt", "Errorf")}
_CALL = re.compile(r"\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*\(")

#: The Go helpers an accessor pair calls, ``{}`` being the variable's stem.
HELPER_TEMPLATES = ("bindcget_{}", "bindcset_{}")


def is_sentinel(decl: ValueDecl, env: TypeEnv) -> bool:
    """Whether the package variable ``decl`` is an error value: its type is written ``error``,
    or its initialiser calls ``errors.New`` or ``fmt.Errorf``."""
    if decl.kind != "var":
        return False
    if decl.type is not None:
        return is_error_type(decl.type, env)
    m = _CALL.match(decl.value or "")
    return m is not None and (env.imports.get(m.group(1)), m.group(2)) in _CONSTRUCTORS


def run(state: ResolveState) -> None:
    """Getter and setter functions for every exported package variable whose type maps,
    appended to ``state.functions``; error variables go to ``state.error_variables``."""
    env, sink = state.env, state.sink
    accessors: list[BoundFunction] = []
    for decl in env.package.values:
        if decl.kind != "var" or not decl.exported or any(d.kind == "skip" for d in decl.directives):
            continue
        go_type = decl.type if decl.type is not None else constant_type(decl.value, env)
        if go_type is None:
            go_type = variable_type(decl, env)
        if is_sentinel(decl, env) or (go_type is not None and is_error_type(go_type, env)):
            state.error_variables.append(decl)
            continue
        if go_type is None:
            sink.skipped(f"var {decl.name}", "untyped var")
            sink.warning(f"variable {decl.name} skipped: its type is not written and its initialiser is "
                         f"not a constant expression, a composite literal or a call of a function with one "
                         f"result", decl.span)
            continue
        read_only = False
        exposed = exported_interface(go_type, env)
        if exposed is not None:
            # var BigEndian bigEndian: Python sees it as the package's interface it implements
            # (binary.ByteOrder); a wrapper cannot convert back, so it has no setter.
            sink.note(f"variable {decl.name} (of unexported type {go_type.go_syntax()}) is bound read-only as "
                      f"{exposed.name}, the package's interface with the most methods it implements", decl.span)
            go_type, read_only = exposed, True
        try:
            mapping = lookup_mapping(go_type, env)
        except MappingError as e:
            sink.warning(f"variable {decl.name} skipped: {e}", decl.span)
            sink.skipped(f"var {decl.name}", skip_reason(str(e)))
            continue
        base = python_safe(snake_case(decl.name)).rstrip("_")
        clash = [n for n in (f"get_{base}", f"set_{base}") if state.symbols.owner(n) is not None]
        if clash:
            sink.skipped(f"var {decl.name}", "name clash")
            sink.warning(f"variable {decl.name} skipped: its accessor name {clash[0]!r} is already used in the "
                         f"module", decl.span)
            continue
        state.symbols.claim(f"get_{base}", f"variable {decl.name}")
        state.symbols.claim(f"set_{base}", f"variable {decl.name}")
        stem = state.symbols.allocate(("variable", decl.name), decl.name, HELPER_TEMPLATES)
        getter_name, setter_name = (t.format(stem) for t in HELPER_TEMPLATES)
        doc = f"The Go package variable {decl.name}" + (f": {decl.doc}" if decl.doc else ".")
        value = Param("value", go_type, decl.span)
        getter = Func(getter_name, (), (Param(None, go_type, decl.span),), False, "Read " + doc, (), decl.span)
        setter = Func(setter_name, (value,), (), False, "Write " + doc, (), decl.span)
        accessors.append(BoundFunction(getter, f"get_{base}", (), None,
                                       (BoundResult(getter.results[0], mapping, "r0"),), False, local=True,
                                       variable=decl.name))
        if not read_only:
            accessors.append(BoundFunction(setter, f"set_{base}", (BoundParam(value, "value", mapping, "a0"),),
                                           None, (), False, local=True, variable=decl.name))
    state.functions += accessors
    # An enum of another package that only a variable uses still becomes a class of the module.
    add_imported_enums(state, [(r.mapping, fn.func.span) for fn in accessors for r in fn.results])
