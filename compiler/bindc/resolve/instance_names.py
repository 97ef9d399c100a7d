"""The Python name of an instantiation: ``Map[int, string]`` is ``map_int_str``.

The generic function's snake_case name, then one token per type argument as written, joined by
``_``. A token reads like the Python type the argument becomes:

=========================  ==========================  ===================================
Go type argument           token                       example
=========================  ==========================  ===================================
``string``                 ``str``                     ``Map[int, string]`` → ``map_int_str``
other predeclared types    the Go name                 ``Sum[float64]`` → ``sum_float64``
a defined type             its snake_case name         ``Max[Celsius]`` → ``max_celsius``
``*T``                     ``ptr_`` + T                ``First[*Point]`` → ``first_ptr_point``
``[]T``, ``[N]T``          ``list_`` + T               ``Sort[[]int]`` → ``sort_list_int``
``map[K]V``                ``dict_`` + K + ``_`` + V   ``Keys[map[string]int]`` → ``keys_dict_str_int``
``G[A, B]``                G + A + B                   ``Len[Pair[int, string]]`` → ``len_pair_int_str``
anything else              ``func``, ``chan_``+T, ``any``, ``struct``
=========================  ==========================  ===================================

A name given in the request (``//py4go:instantiate Sort[[]int] sort_ints``) replaces this one.
"""

from __future__ import annotations

from bindc.ir import (ArrayType, ChanType, FuncType, GoType, InterfaceType, MapType, NamedType, PointerType,
                      SliceType)
from bindc.naming import python_safe, snake_case


def type_token(t: GoType) -> str:
    """The part of an instantiation's Python name that stands for type argument ``t``."""
    if isinstance(t, NamedType):
        base = "str" if t.package is None and t.name == "string" else snake_case(t.name)
        return "_".join([base] + [type_token(a) for a in t.type_args])
    if isinstance(t, PointerType):
        return "ptr_" + type_token(t.elem)
    if isinstance(t, (SliceType, ArrayType)):
        return "list_" + type_token(t.elem)
    if isinstance(t, MapType):
        return f"dict_{type_token(t.key)}_{type_token(t.value)}"
    if isinstance(t, ChanType):
        return "chan_" + type_token(t.elem)
    if isinstance(t, FuncType):
        return "func"
    if isinstance(t, InterfaceType):
        return "any"
    return "struct"


def instance_name(go_name: str, type_args: tuple[GoType, ...]) -> str:
    """The default Python name of ``go_name[type_args...]`` (see the module doc)."""
    return python_safe("_".join([snake_case(go_name)] + [type_token(a) for a in type_args]))
