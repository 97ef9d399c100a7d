"""The C and Go identifiers generated code uses, read from the module's symbol table.

Every identifier is handed out once by :mod:`bindc.resolve.names` (the last resolve pass),
prefixed with ``bindc`` and the module name: C statics could not clash across modules anyway,
but the exported Go trampolines are global C symbols of the final binary. Emitters ask here
instead of formatting names themselves, so two of them can never disagree or collide.
"""

from __future__ import annotations

from bindc.resolve.model import BoundClass, BoundField, BoundFunction, BoundModule, BoundSentinel
from bindc.resolve.names import class_key, field_key, sentinel_key


def c_wrapper_name(module: BoundModule, fn: BoundFunction) -> str:
    """The static C function Python calls."""
    return f"bindcpy_{module.stem(fn)}"


def go_trampoline_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``//export``-ed Go function the C wrapper calls."""
    return f"bindcgo_{module.stem(fn)}"


def doc_name(module: BoundModule, fn: BoundFunction) -> str:
    """The ``PyDoc_STRVAR`` holding the function's text signature and doc."""
    return f"bindcdoc_{module.stem(fn)}"


def method_table_name(module: BoundModule) -> str:
    """The module's ``PyMethodDef`` array."""
    return f"bindc_{module.name}_methods"


def go_init_name(module: BoundModule) -> str:
    """The exported Go function ``PyInit`` calls first: it returns once Go has initialised
    every package (each ``init()`` has run)."""
    return f"bindcgo_{module.name}_go_init"


def module_def_name(module: BoundModule) -> str:
    """The module's ``PyModuleDef``."""
    return f"bindc_{module.name}_module"


def class_stem(module: BoundModule, cls: BoundClass) -> str:
    """Common stem of the C and Go identifiers generated for ``cls`` (``<module>_<Class>``)."""
    return module.stem(class_key(cls))


def field_stem(module: BoundModule, cls: BoundClass, field: BoundField) -> str:
    """The part after ``..._get_`` / ``..._set_`` in a field accessor's identifiers."""
    return module.stem(field_key(cls, field))


def sentinel_var(module: BoundModule, sentinel: BoundSentinel) -> str:
    """The C global holding a sentinel's exception class (read by the Go registration function)."""
    return f"bindc_{module.stem(sentinel_key(sentinel))}_error"
