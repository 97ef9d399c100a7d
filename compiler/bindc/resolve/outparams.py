"""Pass 5, outparams: which ``any`` parameters are *out-parameters*.

Go's decoders take the place to store their result as an ``any`` holding a pointer
(``json.Unmarshal(data []byte, v any) error``, ``(*gob.Decoder).Decode(e any)``). Passed a
dict, the ordinary ``any`` conversion would hand Go a copied map, which Go cannot store into
("cannot decode to non-pointer map"), and the result would be lost. An out-parameter instead
gets a pointer whose target is written back into the Python object after the call
(:class:`bindc.typemap.inout.OutAny`).

An ``any`` parameter is an out-parameter when

- the function's doc comment says so, Go's way: a sentence naming the parameter and saying
  "pointer" or "pointed to" (``stores the result in the value pointed to by v``, ``e must
  be a pointer``); or
- the function is a decoder by name (``Unmarshal…``, ``Decode…``, or ending so:
  toml's ``PrimitiveDecode(prim, v)``) and it is its last ``any`` parameter.

Every other ``any`` parameter keeps the in-only conversion: a function that reads a
``map[string]any`` out of its ``any`` (a template's data) must keep getting one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bindc.ir import Func, Param
from bindc.resolve.model import BoundFunction
from bindc.resolve.state import ResolveState
from bindc.typemap.containers import RuntimeValue
from bindc.typemap.inout import out_any

_DECODER_NAME = re.compile(r"^(Unmarshal|Decode)|(Unmarshal|Decode)$")


def _is_any(mapping: object) -> bool:
    """The plain ``any`` mapping (not a container, not already an out-parameter)."""
    return type(mapping) is RuntimeValue and mapping.result_helper == "BindcFromAny"


def is_out_param(func: Func, param: Param, any_params: list[Param]) -> bool:
    """Whether ``param`` (an ``any`` parameter of ``func``; ``any_params`` are all of them) is
    an out-parameter by the rules of this module."""
    if param.name and param.name != "_":
        name = re.escape(param.name)
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(func.doc.split())):
            if re.search(rf"\b{name}\b", sentence) and re.search(r"\bpoint(er|ed to)\b", sentence):
                return True
    return bool(_DECODER_NAME.search(func.name)) and param is any_params[-1]


def _mark(fn: BoundFunction) -> BoundFunction:
    any_params = [bp.param for bp in fn.params if _is_any(bp.mapping)]
    if not any_params:
        return fn
    params = tuple(replace(bp, mapping=out_any(bp.mapping)) if _is_any(bp.mapping)  # type: ignore[arg-type]
                   and is_out_param(fn.func, bp.param, any_params) else bp for bp in fn.params)
    return replace(fn, params=params)


def run(state: ResolveState) -> None:
    """Map the out-parameters of the package functions and class methods the functions pass
    bound as such (the functions' names, signatures and everything else stay)."""
    state.functions[:] = [_mark(f) for f in state.functions]
    state.classes[:] = [replace(c, methods=tuple(_mark(m) for m in c.methods)) for c in state.classes]

