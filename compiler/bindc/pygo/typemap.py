"""How each Python type crosses into Go: one :class:`GoMapping` per type, read by the emitter.

A mapping says, in one place, the Go type, whether a value packs into a ``TypedCall``
without the GIL or a Python object (``fast``: scalars, str, bytes and optional scalars, so a
call is one cgo crossing), how to convert a Go value to a new Python object otherwise
(``to_py``), and the Go function that turns a Python result into the Go value (``from_py``,
``func(*bindcrt.Object, op string) (T, error)``, consuming the object). Generated code works
with the implementation's ``*bindcrt.Object`` inside and shows users ``*python.Object`` (Any
results, fields, callback arguments, ``PyObject()``); the two are the same memory.

``plain`` types (scalars, Any, and containers of plain types) convert with the runtime's
reflection-based FromGo/Decode; the module's own types (enums, records, classes, protocols)
use functions generated next to them (:class:`NamedTypes` knows their Go names).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.pygo import model as m

_SCALAR_GO = {m.INT: "int", m.FLOAT: "float64", m.STR: "string", m.BYTES: "[]byte", m.BOOL: "bool"}
_SCALAR_PACK = {m.INT: "Int", m.FLOAT: "Float", m.STR: "Str", m.BYTES: "Bytes", m.BOOL: "Bool"}
_KEY_KINDS = frozenset({m.INT, m.STR, m.FLOAT, m.BOOL})


@dataclass(frozen=True)
class GoMapping:
    """The Go side of one Python type."""

    go_type: str
    fast: bool = False         # packs (and returns) without the GIL or Python objects
    pack: str = ""             # fast: TypedCall method for the value ("Int"); "?Int" for an optional
    result: str = ""           # fast: the TypedCall result method ("CallInt")
    to_py: str = ""            # Go expression template ({v}) giving (*bindcrt.Object, error), a new reference
    from_py: str = ""          # Go func expression: func(*bindcrt.Object, string) (T, error)
    borrowed: bool = False     # a class instance: packed as {v}.PyObject(), no conversion


@dataclass(frozen=True)
class NamedInfo:
    """The generated Go names of one module type."""

    kind: str     # enum, record, class, protocol
    go_name: str  # the exported type
    to_py: str    # unexported conversion functions
    from_py: str


#: What users see of a Python object: an Any result, field or callback argument.
USER_OBJECT = "*python.Object"

_TIME_GO = {m.DATETIME: "time.Time", m.TIMEDELTA: "time.Duration"}


def is_plain(t: m.PyType) -> bool:
    """Whether the runtime's FromGo/Decode convert the type on their own."""
    if t.kind in m.SCALARS or t.kind == m.ANY or t.kind in _TIME_GO:
        return True
    if t.kind in (m.OPTIONAL, m.LIST):
        return is_plain(t.args[0])
    if t.kind == m.DICT:
        return t.args[0].kind in _KEY_KINDS and is_plain(t.args[1])
    return False


def plain_go(t: m.PyType, result: bool) -> str:
    """The Go type of a plain type (Any is ``any`` inside containers and parameters)."""
    if t.kind in _SCALAR_GO:
        return _SCALAR_GO[t.kind]
    if t.kind in _TIME_GO:
        return _TIME_GO[t.kind]
    if t.kind == m.ANY:
        return USER_OBJECT if result else "any"
    if t.kind == m.OPTIONAL:
        inner = plain_go(t.args[0], result)
        return inner if inner in ("any", USER_OBJECT) else "*" + inner
    if t.kind == m.LIST:
        return "[]" + plain_go(t.args[0], False)
    if t.kind == m.DICT:
        return f"map[{plain_go(t.args[0], False)}]{plain_go(t.args[1], False)}"
    raise ValueError(t)


class TypeMap:
    """Maps types of one module; ``unsupported(t, role)`` says why a type must fall back."""

    def __init__(self, named: dict[str, NamedInfo]) -> None:
        self.named = named

    def unsupported(self, t: m.PyType, role: str) -> str | None:
        """Why ``t`` has no mapping in this ``role`` ("param", "result", "element"), or None."""
        if is_plain(t):
            return None
        k = t.kind
        if k == m.NONE:
            return None if role == "result" else "None as a value type"
        if k == m.NAMED:
            return None if t.name in self.named else f"type {t.name} is not bound"
        if k == m.OPTIONAL:
            if t.args[0].kind in (m.TUPLE, m.ITER, m.CALLABLE, m.NONE):
                # A tuple or an iterator is a Go result list / slice, a Callable a Go func:
                # none of them has a "missing" value of its own (an optional Callable
                # parameter is unwrapped by the caller: a nil func is None).
                return f"`{t}`: an optional tuple, iterator or callable has no Go type here"
            return self.unsupported(t.args[0], role)
        if k == m.LIST and t.args[0].kind == m.NAMED and t.args[0].name in self.named:
            return None  # a list of the module's own types: converted item by item
        if k in (m.LIST, m.DICT):
            return (f"`{t}`: container elements must be scalars, str, bytes, Any, the module's own types "
                    "(in a list) or containers of them")
        if k == m.ITER:
            if role != "result":
                return "an iterator outside a result"
            return None if is_plain(t.args[0]) else f"`{t}`: iterator elements must be plain values"
        if k == m.TUPLE:
            if role != "result":
                return "a fixed-size tuple outside a result"
            for a in t.args:
                why = self.unsupported(a, "element")
                if why or a.kind in (m.TUPLE, m.ITER, m.CALLABLE, m.NONE):
                    return why or f"`{t}`: tuple items must be values"
            return None
        if k == m.CALLABLE:
            if role != "param":
                return "a Callable outside a parameter (only Go funcs passed to Python are supported)"
            for a in t.args[:-1]:
                if self.unsupported(a, "element") or a.kind in (m.TUPLE, m.ITER, m.CALLABLE, m.NONE):
                    return f"`{t}`: callback parameters must be values"
            r = t.args[-1]
            if r.kind != m.NONE and (self.unsupported(r, "element") or r.kind in (m.TUPLE, m.ITER, m.CALLABLE)):
                return f"`{t}`: a callback result must be a value or None"
            return None
        return f"`{t}` is not supported"

    def mapping(self, t: m.PyType, result: bool = False) -> GoMapping:
        """The mapping of a supported type (see :meth:`unsupported`)."""
        k = t.kind
        if k in _SCALAR_GO:
            return GoMapping(_SCALAR_GO[k], fast=True, pack=_SCALAR_PACK[k], result="Call" + _SCALAR_PACK[k],
                             to_py="bindcrt.FromGo({v})", from_py=f"bindcrt.TypedDecode[{_SCALAR_GO[k]}]")
        if k == m.OPTIONAL and t.args[0].kind in _SCALAR_GO:
            inner = t.args[0].kind
            go = "*" + _SCALAR_GO[inner]
            return GoMapping(go, fast=True, pack="?" + _SCALAR_PACK[inner], result="CallOpt" + _SCALAR_PACK[inner],
                             to_py="bindcrt.FromGo({v})", from_py=f"bindcrt.TypedDecode[{go}]")
        if k == m.ANY:
            if result:
                return GoMapping(USER_OBJECT, fast=True, result="CallObject", from_py="bindcrt.TypedKeep[python.Object]")
            return GoMapping("any", to_py="bindcrt.FromGo({v})", from_py="bindcrt.TypedKeep[python.Object]")
        if is_plain(t):
            go = plain_go(t, result)
            return GoMapping(go, to_py="bindcrt.FromGo({v})", from_py=f"bindcrt.TypedDecode[{go}]")
        if k == m.LIST and t.args[0].kind == m.NAMED:
            item = self.mapping(t.args[0], result)
            go = "[]" + item.go_type
            to_item = (f"func(v {item.go_type}) (*bindcrt.Object, error) {{ return bindcrt.FromGo(v.PyObject()) }}"
                       if item.borrowed else item.to_py.replace("({v})", ""))
            return GoMapping(go, to_py=f"bindcrt.TypedEncodeList({{v}}, {to_item})",
                             from_py=f"func(o *bindcrt.Object, op string) ({go}, error) "
                                     f"{{ return bindcrt.TypedDecodeList(o, op, {item.from_py}) }}")
        if k == m.ITER:
            elem = plain_go(t.args[0], False)
            return GoMapping("[]" + elem, from_py=f"bindcrt.TypedDecodeIter[{elem}]")
        if k == m.OPTIONAL:
            target = self.mapping(t.args[0], result)
            if t.args[0].kind == m.NAMED and self.named[t.args[0].name].kind in ("class", "protocol"):
                return target  # a pointer or an interface already: nil is None
            go = "*" + target.go_type
            return GoMapping(go, to_py="func() (*bindcrt.Object, error) { if {v} == nil { return bindcrt.FromGo(nil) }; "
                                       "return " + target.to_py.replace("{v}", "*{v}") + " }()",
                             from_py=f"func(o *bindcrt.Object, op string) ({go}, error) "
                                     f"{{ return bindcrt.TypedOptional(o, op, {target.from_py}) }}")
        if k == m.NAMED:
            info = self.named[t.name]
            go = "*" + info.go_name if info.kind == "class" else info.go_name
            return GoMapping(go, to_py=info.to_py + "({v})", from_py=info.from_py, borrowed=info.kind == "class")
        if k == m.CALLABLE:
            # Callback parameters are values coming from Python (Any: *python.Object).
            params = ", ".join(self.mapping(a, result=True).go_type for a in t.args[:-1])
            r = t.args[-1]
            results = "error" if r.kind == m.NONE else f"({self.mapping(r).go_type}, error)"
            return GoMapping(f"func({params}) {results}")
        raise ValueError(t)
