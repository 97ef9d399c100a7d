"""The ``Channel`` class of a module that binds ``chan T`` or ``chan<- T``
(:class:`bindc.typemap.streams.ChannelMapping`): ``PyInit`` defines it with the runtime's
``py4go_bind_add_channel`` (its Python source lives in ``runtime/bindcrt/py4go_bind_chan.c``), and the
stub declares the same class, generic in its element type."""

from __future__ import annotations

from bindc.resolve import BoundModule
from bindc.stubmodel import Argument, Arguments, Attribute, Class, Function, StubModule
from bindc.typemap.streams import ChannelMapping


def uses_channels(module: BoundModule) -> bool:
    """Whether a function, method or field of ``module`` passes a Channel."""
    functions = list(module.functions) + [m for cls in module.classes for m in cls.methods]
    mappings = [bp.mapping for fn in functions for bp in fn.params] + [r.mapping for fn in functions for r in fn.results]
    mappings += [f.mapping for cls in module.classes for f in cls.fields]
    return any(isinstance(m, ChannelMapping) for m in mappings)


def channel_stubs(stub: StubModule) -> list[Class | Attribute]:
    """``_T``, ``ChannelClosed`` and ``Channel[_T]`` as the runtime defines them."""
    # Imported under private names: a Go type may be called TypeVar, Generic or Future.
    typevar = stub.need("typing", "TypeVar as _TypeVar").split(" as ")[-1]
    generic = stub.need("typing", "Generic as _Generic").split(" as ")[-1]
    future = stub.need("asyncio", "Future as _Future").split(" as ")[-1]
    self_ = Argument("self", "")
    timeout = Argument("timeout", "float | None", has_default=True, default="None")

    def method(name: str, returns: str, *args: Argument, doc: str = "", decorators: tuple[str, ...] = ()) -> Function:
        return Function(name, Arguments(args=(self_,) + args), returns, doc, decorators)

    return [
        Attribute("_T", "", f'{typevar}("_T")'),
        Class("ChannelClosed", ("EOFError",), doc="Receive from a Go channel that is closed and drained."),
        Class("Channel", (f"{generic}[_T]",), (
            method("__init__", "None", Argument("capacity", "int", has_default=True, default="0")),
            method("send", "None", Argument("value", "_T"), timeout,
                   doc="Send value (Go: ch <- value); a closed channel raises GoPanic."),
            method("recv", "_T", timeout, doc="Receive a value (Go: <-ch); ChannelClosed once closed and drained."),
            method("close", "None", doc="Close the channel (Go: close(ch)); closing twice raises GoPanic."),
            method("__iter__", "Channel[_T]"),
            method("__next__", "_T"),
            method("__aiter__", "Channel[_T]"),
            method("__anext__", f"{future}[_T]", doc="The next value as an asyncio future a goroutine completes (async for)."),
            method("__len__", "int"),
            method("capacity", "int", doc="cap(ch)", decorators=("property",)),
        ), doc="A Go channel: Channel[int](capacity) makes one (its Go element type is fixed by the first Go "
               "function it is passed to); a Go function may return one."),
    ]
