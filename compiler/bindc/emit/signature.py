"""Python-level signatures of bound functions, shared by ``__text_signature__`` and the stub."""

from __future__ import annotations

from bindc.resolve import BoundFunction
from bindc.typemap.contexts import TIMEOUT_KEYWORD


def text_signature(fn: BoundFunction) -> str:
    """The ``__text_signature__`` line CPython and mypy's stubtest read from ``ml_doc``.

    Parameters are positional-only (``/``); a variadic Go parameter becomes ``*name``; a
    function taking a ``context.Context`` has a keyword-only ``timeout=None``.
    """
    parts = ["$self" if fn.receiver else "$module"] + [bp.py_name for bp in fn.params] + ["/"]
    if fn.variadic:
        parts.append("*" + fn.variadic.py_name)
    if fn.context is not None:
        parts += ([] if fn.variadic else ["*"]) + [f"{TIMEOUT_KEYWORD}=None"]
    return f"{fn.py_name}({', '.join(parts)})"


def call_flags(fn: BoundFunction) -> str:
    """The ``PyMethodDef`` flags of the wrapper of ``fn``: keywords only for ``timeout=``."""
    return "METH_FASTCALL | METH_KEYWORDS" if fn.context is not None else "METH_FASTCALL"
