"""The stub's ``_GoIterator[T]``: what ``iter.Seq``, ``iter.Seq2`` and ``<-chan T`` results are.

At run time they are instances of the runtime's ``py4go.GoIterator`` (runtime/bindcrt/py4go_bind_iter.c),
an iterator (``for``: Go runs with the GIL released) and an async iterator (``async for``: each
item is an asyncio future a goroutine completes). ``collections.abc.Iterator`` alone would
make mypy reject ``async for``, so the stub declares a private class with both protocols; it
is private because the module has no such attribute (stubtest ignores private names).
"""

from __future__ import annotations

from bindc.resolve import BoundModule
from bindc.stubmodel import Argument, Arguments, Attribute, Class, Function, StubModule
from bindc.typemap.streams import GO_ITERATOR, StreamMapping

_ITEM = "_GoItem"


def uses_go_iterators(module: BoundModule) -> bool:
    """Whether a function, method or field of ``module`` returns a Go stream as an iterator."""
    functions = list(module.functions) + [m for cls in module.classes for m in cls.methods]
    functions += [m for enum in module.values.enums for m in enum.methods]
    mappings = [r.mapping for fn in functions for r in fn.results]
    mappings += [f.mapping for cls in module.classes for f in cls.fields]
    return any(isinstance(m, StreamMapping) and m.py_annotation.startswith(GO_ITERATOR + "[") for m in mappings)


def go_iterator_stubs(stub: StubModule) -> list[Class | Attribute]:
    """``_GoItem`` (covariant) and ``class _GoIterator(Iterator[_GoItem], AsyncIterator[_GoItem])``."""
    typevar = stub.need("typing", "TypeVar as _TypeVar").split(" as ")[-1]
    iterator, async_iterator, awaitable = (stub.need("collections.abc", n) for n in ("Iterator", "AsyncIterator",
                                                                                      "Awaitable"))
    self_ = Arguments(posonly=(Argument("self", ""),))
    return [
        Attribute(_ITEM, "", f'{typevar}("{_ITEM}", covariant=True)'),
        Class(GO_ITERATOR, (f"{iterator}[{_ITEM}]", f"{async_iterator}[{_ITEM}]"), (
            Function("__iter__", self_, f"{GO_ITERATOR}[{_ITEM}]"),
            Function("__next__", self_, _ITEM, "The next Go value; Go runs with the GIL released."),
            Function("__aiter__", self_, f"{GO_ITERATOR}[{_ITEM}]"),
            Function("__anext__", self_, f"{awaitable}[{_ITEM}]",
                     "The next Go value as an asyncio future a goroutine completes (async for)."),
        ), doc="A Go sequence or channel (py4go.GoIterator at run time): for or async for, lazily."),
    ]
