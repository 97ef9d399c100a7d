"""Go streams as Python iterators: ``iter.Seq[T]``, ``iter.Seq2[K, V]`` and ``<-chan T``.

| Go | Python result | Python parameter accepts |
| --- | --- | --- |
| ``iter.Seq[T]`` | ``_GoIterator[T]`` (an ``Iterator`` and ``AsyncIterator``), lazy: one Go value per ``next`` or ``anext`` (a nil one is empty) | any ``Iterable[T]``, drawn lazily as Go ranges |
| ``iter.Seq2[K, V]`` | ``_GoIterator[tuple[K, V]]`` | any ``Iterable[tuple[K, V]]`` |
| ``<-chan T`` | ``_GoIterator[T]``, ends when the channel is closed | any ``Iterable[T]``, read at the call into a closed, buffered channel |
| ``chan T`` | ``Channel[T]``, or None for a nil channel | a ``Channel[T]`` |
| ``chan<- T`` | not bound | a ``Channel[T]`` |

Element types are those the runtime converts in containers (scalars, strings, bytes, bound
classes, containers of them...). The runtime side (``runtime/bindcrt/bindc_iter.go``) documents the
rest: the GIL is released while Go produces a value, a waiting channel receive lets Ctrl-C
through, and dropping an unfinished iterator stops the sequence. A sequence parameter takes
the GIL for each value, so a function taking one releases the GIL around its call like one
taking a callback (:mod:`bindc.gil`); its Python iterator's exception (or a value of the wrong
type) is raised by the call. A bidirectional ``chan T`` and a send-only ``chan<- T`` cross as
the module's ``Channel`` class (``runtime/bindcrt/bindc_chan.go``, ``py4go_bind_chan.c``): a Channel
made by Python gets its Go element type from the first Go function it is passed to.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.ir import ChanType, GoType, NamedType
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, go_string
from bindc.typemap.containers import _element, _merge, _runtime_value
from bindc.typemap.env import TypeEnv
from bindc.typemap.wellknown import CallsBackValue

_ABC = "collections.abc"
#: The stub's name for the iterators Go streams become (defined by bindc.emit.go_iterators).
GO_ITERATOR = "_GoIterator"


@dataclass(frozen=True)
class StreamMapping(CallsBackValue):
    """A stream: ``result_helper`` makes the Python iterator, ``arg_helper`` the Go value of
    a parameter (``BindcSeqArg``...); never an element of a container."""

    arg_helper: str = "BindcSeqArg"

    @property
    def variadic_ok(self) -> bool:
        return False

    @property
    def element_ok(self) -> bool:
        return False  # the runtime's reflection converts no func or chan inside a container

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"var {c_expr}_go {refs.type_syntax(self.go)}",
                f"if {refs.rt}.{self.arg_helper}({go_string(site.fn)}, {site.pos}, {refs.unsafe}.Pointer({c_expr}), "
                f"&{c_expr}_go) < 0 {{",
                "return -1", "}"]


@dataclass(frozen=True)
class ChannelMapping(StreamMapping):
    """``chan T`` / ``chan<- T``: the module's ``Channel`` object (its Go channel). The module
    defines ``Channel`` when any function uses one (:func:`uses_channels`)."""


#: The runtime's C helper PyInit calls to define Channel (checked by libclang).
CHANNEL_CAPI: tuple[CSignature, ...] = (CSignature("py4go_bind_add_channel", "int", ("PyObject *",)),)


def stream_kind(t: GoType, env: TypeEnv) -> str | None:
    """``"Seq"``, ``"Seq2"`` or ``"chan"`` when ``t`` is a stream type bindc knows by its form."""
    if isinstance(t, ChanType):
        return "chan"
    if isinstance(t, NamedType) and t.package is not None and env.imports.get(t.package) == "iter" \
            and t.name in ("Seq", "Seq2") and len(t.type_args) == (1 if t.name == "Seq" else 2):
        return t.name
    return None


def find_stream(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``iter.Seq[T]``, ``iter.Seq2[K, V]`` and ``<-chan T`` of elements the runtime converts."""
    from bindc.typemap.registry import MappingError  # the registry imports this module

    kind = stream_kind(t, env)
    if kind is None:
        return None
    args = (t.elem,) if isinstance(t, ChanType) else t.type_args if isinstance(t, NamedType) else ()
    elems = []
    for a in args:
        mapping = _element(a, env)
        if mapping is None:
            raise MappingError(f"in {t.go_syntax()}: type {a.go_syntax()} cannot be an element of a stream "
                               f"(the runtime does not convert it)")
        elems.append(mapping)
    if kind == "Seq2":
        result = f"tuple[{elems[0].py_annotation}, {elems[1].py_annotation}]"
        param = f"tuple[{elems[0].py_param_annotation}, {elems[1].py_param_annotation}]"
    else:
        result, param = elems[0].py_annotation, elems[0].py_param_annotation
    if isinstance(t, ChanType) and t.direction != "recv":
        # Python's side is a Channel object (the stub defines the class when it is used).
        base = _runtime_value(t, f"Channel[{result}] | None", f"Channel[{param}]",
                              _merge(*(e.stub_imports for e in elems)), elements=tuple(elems))
        return ChannelMapping(base.go_type, base.py_annotation, base.c_arg_type, base.cgo_arg_type,
                              base.c_result_type, base.cgo_result_type, base.go, base.param_annotation, base.imports,
                              "BindcFromChanBoth" if t.direction == "both" else "BindcFromChanSend",
                              base.interfaces, "BindcChanParam")
    # _GoIterator: the stub's private class for the runtime's GoIterator (bindc.emit.go_iterators),
    # both an Iterator and an AsyncIterator, so `async for` type-checks too.
    imports = _merge(*(e.stub_imports for e in elems), ((_ABC, "Iterable"),))
    base = _runtime_value(t, f"{GO_ITERATOR}[{result}]", f"Iterable[{param}]", imports, elements=tuple(elems))
    helper, arg = {"Seq": ("BindcFromSeq", "BindcSeqArg"), "Seq2": ("BindcFromSeq2", "BindcSeq2Arg"),
                   "chan": ("BindcFromChan", "BindcChanArg")}[kind]
    return StreamMapping(base.go_type, base.py_annotation, base.c_arg_type, base.cgo_arg_type, base.c_result_type,
                         base.cgo_result_type, base.go, base.param_annotation, base.imports, helper,
                         base.interfaces, arg)
