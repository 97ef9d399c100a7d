"""Go helpers behind package-variable accessors (see :mod:`bindc.resolve.variables`)."""

from __future__ import annotations

from bindc.emit.printer import LinePrinter
from bindc.resolve.model import BoundModule
from bindc.typemap.base import GoRefs


def emit_variable_helpers(p: LinePrinter, module: BoundModule, refs: GoRefs, target: str | None) -> None:
    """The Go helpers the accessor trampolines call (one getter and one setter per variable)."""
    for fn in module.functions:
        if not fn.local:
            continue
        var = f"{target}.{fn.variable}" if target else fn.variable
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
