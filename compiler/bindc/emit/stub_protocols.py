"""Stub entries for the Python object protocols of a class (:mod:`bindc.emit.protocols`).

Every class declares ``__match_args__``, ``__copy__``/``__deepcopy__`` and the pickle pair. A
container class subclasses ``MutableSequence[T]``, ``Sequence[T]`` or ``MutableMapping[K, V]``
and declares the abstract methods its slots implement; the mixin methods (``append``, ``get``,
``keys``...) are inherited from the abc base in the stub, which is also what the runtime methods
do (they take the same arguments; being ``METH_VARARGS`` they carry no text signature, so
stubtest compares nothing it could disagree on). A named slice also has ``sort``, as a list
does (the abc has none), declared here.
"""

from __future__ import annotations

from bindc.emit.protocols import ARRAY, MAP, SLICE, ClassProtocols
from bindc.resolve.model import BoundClass
from bindc.stubmodel import Argument, Arguments, Attribute, Function, StubModule

_ABC = "collections.abc"


def _self(*args: Argument) -> Arguments:
    return Arguments(posonly=(Argument("self", ""),) + args)


def object_protocol_stubs(cls: BoundClass, protocols: ClassProtocols, stub: StubModule) -> list[Function | Attribute]:
    """``__match_args__``, copy and pickle methods (those a Go method has not taken)."""
    names = ", ".join(repr(f.py_name) for f in cls.init_fields)
    out: list[Function | Attribute] = [Attribute("__match_args__", "", f"({names},)" if len(cls.init_fields) == 1
                                                 else f"({names})")]
    if protocols.len_method is not None:
        out.append(Function("__len__", _self(), "int"))
    if protocols.iter_method is not None:
        out.append(Function("__iter__", _self(), protocols.iter_method.results[0].mapping.py_annotation))
    if protocols.contains_method is not None:
        out.append(Function("__contains__", _self(Argument("value", "object")), "bool"))
    own = {m.py_name for m in protocols.methods}
    if "__bytes__" in own:
        out.append(Function("__bytes__", _self(), "bytes"))
    self_type = stub.need("typing_extensions", "Self")
    if "__copy__" in own:
        out.append(Function("__copy__", _self(), self_type))
    if "__deepcopy__" in own:
        out.append(Function("__deepcopy__", _self(Argument("memo", "dict[int, " + stub.need("typing", "Any") + "]")),
                            self_type))
    if cls.is_error:
        # BaseException's stub declares the pickle pair already (with a dict state); ours
        # takes the same arguments, so the inherited declaration stands.
        return out
    if "__reduce__" in own:
        out.append(Function("__reduce__", _self(), "tuple[" + stub.need("typing", "Any") + ", ...]"))
    if "__setstate__" in own:
        out.append(Function("__setstate__", _self(Argument("state", "tuple[" + stub.need("typing", "Any") + ", ...]")),
                            "None"))
    return out


def container_bases(protocols: ClassProtocols, stub: StubModule) -> tuple[str, ...]:
    """The abc base of a container class, parameterised by its elements (none otherwise)."""
    elems = ", ".join(protocols.element_annotations)
    if protocols.container == SLICE:
        return (f"{stub.need(_ABC, 'MutableSequence')}[{elems}]",)
    if protocols.container == ARRAY:
        return (f"{stub.need(_ABC, 'Sequence')}[{elems}]",)
    if protocols.container == MAP:
        return (f"{stub.need(_ABC, 'MutableMapping')}[{elems}]",)
    return ()


def container_stubs(protocols: ClassProtocols, stub: StubModule) -> list[Function | Attribute]:
    """The slot methods of a container class, as its abc base declares them."""
    if not protocols.is_container:
        return []
    overload = stub.need("typing", "overload")
    out: list[Function | Attribute] = [Function("__len__", _self(), "int")]
    if protocols.container in (SLICE, ARRAY):
        (elem,) = protocols.element_annotations
        index = stub.need("typing", "SupportsIndex")
        out += [
            Function("__getitem__", _self(Argument("index", index)), elem, decorators=(overload,)),
            Function("__getitem__", _self(Argument("index", "slice")), f"list[{elem}]", decorators=(overload,)),
            Function("__setitem__", _self(Argument("index", index), Argument("value", elem)), "None",
                     decorators=(overload,)),
            Function("__setitem__", _self(Argument("index", "slice"),
                                          Argument("value", f"{stub.need(_ABC, 'Iterable')}[{elem}]")), "None",
                     decorators=(overload,)),
            Function("__delitem__", _self(Argument("index", f"{index} | slice")), "None"),
            Function("__iter__", _self(), f"{stub.need(_ABC, 'Iterator')}[{elem}]"),
            Function("__contains__", _self(Argument("value", "object")), "bool"),
        ]
        if protocols.container == SLICE:
            out += [
                Function("insert", _self(Argument("index", index), Argument("value", elem)), "None"),
                Function("__iadd__", _self(Argument("values", f"{stub.need(_ABC, 'Iterable')}[{elem}]")),
                         stub.need("typing_extensions", "Self")),
            ]
            if any(m.py_name == "sort" for m in protocols.methods):  # list.sort's; not in the abc
                key = f"{stub.need(_ABC, 'Callable')}[[{elem}], {stub.need('typing', 'Any')}] | None"
                out.append(Function("sort", Arguments(posonly=(Argument("self", ""),),
                                                      kwonly=(Argument("key", key, True, "None"),
                                                              Argument("reverse", "bool", True, "False"))), "None"))
    else:
        key, value = protocols.element_annotations
        out += [
            Function("__getitem__", _self(Argument("key", key)), value),
            Function("__setitem__", _self(Argument("key", key), Argument("value", value)), "None"),
            Function("__delitem__", _self(Argument("key", key)), "None"),
            Function("__iter__", _self(), f"{stub.need(_ABC, 'Iterator')}[{key}]"),
            Function("__contains__", _self(Argument("key", "object")), "bool"),
        ]
    out += [
        Function("__eq__", _self(Argument("other", "object")), "bool"),
        Attribute("__hash__", stub.need("typing", "ClassVar") + "[None]  # type: ignore[assignment]"),
    ]
    return out
