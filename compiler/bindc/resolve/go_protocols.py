"""Python protocols that Go's own method shapes give a class (the method-shape table of
docs/idioms.md): ``Len() int`` is ``__len__``; ``All() iter.Seq[T]`` (else ``Values()``) is
``__iter__``; ``Contains(T) bool`` (else ``Has(T) bool``) is ``__contains__``; ``GoString()
string`` (fmt.GoStringer) is ``__repr__``. Containers (named slices and maps) have the runtime's
protocols instead (:mod:`bindc.emit.protocols`)."""

from __future__ import annotations

from bindc.resolve.model import BoundClass, BoundFunction

#: Go method shapes that give a Python protocol, in order of preference per protocol:
#: (protocol, Go method names, parameter count, the result's stub annotation or its prefix).
GO_PROTOCOLS = (
    ("__len__", ("Len",), 0, "int"),
    ("__iter__", ("All", "Values"), 0, "_GoIterator["),  # bindc.typemap.streams.GO_ITERATOR
    ("__contains__", ("Contains", "Has"), 1, "bool"),
    ("__repr__", ("GoString",), 0, "str"),
)


def go_protocols(cls: BoundClass) -> dict[str, BoundFunction]:
    """The Python protocols ``cls``'s Go methods give it, protocol -> method (the first
    candidate in :data:`GO_PROTOCOLS` order); :func:`competing_protocols` names the others.
    Go's ``Len() int`` idiom (``bytes.Buffer``, ``sort.Interface``, ``list.List``) is
    ``__len__`` (so, as Python has it for sized objects, a zero length is falsy)."""
    found: dict[str, BoundFunction] = {}
    for protocol, _names, _arity, _annotation in GO_PROTOCOLS:
        candidates = _candidates(cls, protocol)
        if candidates:
            found[protocol] = candidates[0]
    return found


def competing_protocols(cls: BoundClass) -> list[tuple[str, BoundFunction, tuple[BoundFunction, ...]]]:
    """(protocol, the method chosen, the methods that also qualify) where several compete."""
    out = []
    for protocol, *_ in GO_PROTOCOLS:
        candidates = _candidates(cls, protocol)
        if len(candidates) > 1:
            out.append((protocol, candidates[0], tuple(candidates[1:])))
    return out


def _candidates(cls: BoundClass, protocol: str) -> list[BoundFunction]:
    (names, arity, annotation), = [(n, a, t) for p, n, a, t in GO_PROTOCOLS if p == protocol]
    by_name = {m.func.name: m for m in cls.methods}
    out = []
    for name in names:
        m = by_name.get(name)
        if (m is None or len(m.params) != arity or m.variadic or m.returns_error or len(m.results) != 1):
            continue
        result = m.results[0].mapping.py_annotation
        if result == annotation or (annotation.endswith("[") and result.startswith(annotation)):
            out.append(m)
    return out
