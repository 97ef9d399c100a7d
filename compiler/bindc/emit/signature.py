"""Python-level signatures of bound functions, shared by ``__text_signature__`` and the stub."""

from __future__ import annotations

from bindc.resolve import BoundFunction


def text_signature(fn: BoundFunction) -> str:
    """The ``__text_signature__`` line CPython and mypy's stubtest read from ``ml_doc``.

    Parameters are positional-only (``/``); a variadic Go parameter becomes ``*name``.
    """
    parts = ["$self" if fn.receiver else "$module"] + [bp.py_name for bp in fn.params] + ["/"]
    if fn.variadic:
        parts.append("*" + fn.variadic.py_name)
    return f"{fn.py_name}({', '.join(parts)})"
