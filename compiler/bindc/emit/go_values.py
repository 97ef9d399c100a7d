"""Compile-time guards for bound integer constants in the generated Go file.

Constant values are copied into the extension at generation time, so a constant whose value
changed since (a new Go release for a standard-library wrapper, an edited package) would
silently give Python the old value. Like stringer's ``_ = x[A-0]``, each guard indexes a
one-element array with ``Const - value``: any difference is an out-of-range constant index,
and the build fails until the bindings are regenerated. (Float, string and bool constants
have no such trick; ``bindc check`` covers them.)
"""

from __future__ import annotations

from bindc.emit.printer import LinePrinter
from bindc.resolve import BoundModule


def emit_value_guards(p: LinePrinter, module: BoundModule, target: str | None) -> None:
    """A ``func _()`` holding one index expression per integer constant."""
    ints = [(c, c.value) for c in module.values.constants if isinstance(c.value, int) and not isinstance(c.value, bool)]
    if not ints:
        return
    p.P()
    p.P("// Compile-time guards: a constant whose value changed since generation fails the build.")
    p.P("func _() {")
    p.P("var x [1]struct{}")
    for const, number in ints:
        ref = f"{target}.{const.decl.name}" if target else const.decl.name
        value = f"({number})" if number < 0 else str(number)
        p.P(f"_ = x[{ref}-{value}]")
    p.P("}")
