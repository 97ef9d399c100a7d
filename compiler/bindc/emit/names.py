"""The C and Go identifiers generated code uses, in one place so every emitter agrees.

All are prefixed with ``bindc`` and the module name: C statics could not clash anyway, but
the exported Go trampolines are global C symbols of the final binary.
"""

from __future__ import annotations

from bindc.resolve import BoundFunction, BoundModule


def c_wrapper_name(module: BoundModule, fn: BoundFunction) -> str:
    """The static C function Python calls."""
    return f"bindcpy_{module.name}_{fn.c_name}"


def go_trampoline_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``//export``-ed Go function the C wrapper calls."""
    return f"bindcgo_{module.name}_{fn.c_name}"


def doc_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``PyDoc_STRVAR`` holding the function's text signature and doc."""
    return f"bindcdoc_{module.name}_{fn.c_name}"


def method_table_name(module: BoundModule) -> str:
    """The module's ``PyMethodDef`` array."""
    return f"bindc_{module.name}_methods"


def module_def_name(module: BoundModule) -> str:
    """The module's ``PyModuleDef``."""
    return f"bindc_{module.name}_module"
