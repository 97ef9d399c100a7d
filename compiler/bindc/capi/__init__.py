"""The C-API model: the target interpreter's ``Python.h`` (and py4go's ``py4go.h``) as libclang sees it.

Every C function a type mapping emits is looked up here before any C compiler runs::

    from bindc.capi import CSignature, load_model, verify

    model = load_model(find_interpreter("python3.11"))          # cached after the first parse
    model.lookup("PyLong_FromLongLong").c_decl()                 # 'PyObject *PyLong_FromLongLong(long long)'
    for d in verify(model, [CSignature("PyLong_AsLongLong", "long long", ("PyObject *",),
                                       needed_by="the int64 mapping")]):
        sink.items.append(d)

Modules: :mod:`.model` (frozen values, JSON form), :mod:`.parse` (libclang -> model),
:mod:`.canonical` (expected spellings -> canonical types), :mod:`.verify` (comparison and
messages), :mod:`.cache` (on-disk cache keyed by header contents), :mod:`.load` (cache or parse).
"""

from bindc.capi.libclang import CApiError
from bindc.capi.load import load_model, model_for
from bindc.capi.model import CApiModel, CFunction, CMacro, CSignature, CType
from bindc.capi.verify import verify

__all__ = [
    "CApiError",
    "CApiModel",
    "CFunction",
    "CMacro",
    "CSignature",
    "CType",
    "load_model",
    "model_for",
    "verify",
]
