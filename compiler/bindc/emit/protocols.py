"""Which Python object protocols a bound class gets, decided once for the C emitter and the stub.

Every class gets ``__copy__``/``__deepcopy__`` and pickling (``__reduce__``/``__setstate__``)
from the runtime (``runtime/bindcrt/py4go_bind_objects.c``), and ``__match_args__`` in constructor
order. What differs per class is decided here, from the Go declaration:

- the *pickle refusal*: ``None`` when the value's whole state is its constructor fields (every
  field of the struct exported and bound, or a value class's ``value``), else the sentence the
  ``TypeError`` gives. A Go ``MarshalBinary``/``MarshalText`` pair is found by the runtime and
  wins over both, so a type with unexported state can still opt in;
- the *container kind*: a value class over a slice (``MutableSequence``), an array
  (``Sequence``) or a map (``MutableMapping``) of convertible elements, with the runtime's slot
  and method functions. A method the Go type already has keeps its name (``url.Values.Get`` stays
  Go's ``get``), so container methods of the same Python name are left out;
- Go's own method shapes on a class that is not a container (see :data:`GO_PROTOCOLS`):
  ``Len() int`` is ``__len__``, ``All() iter.Seq[T]`` (else ``Values()``) is ``__iter__``,
  ``Contains(T) bool`` (else ``Has(T) bool``) is ``__contains__``, ``GoString() string`` is
  ``__repr__``;
- ``__bytes__`` for a value class over bytes (``type UUID [16]byte``, ``type Raw []byte``), so
  ``bytes(u)`` is its bytes, as for Python's ``uuid.UUID``;
- the *defaults* the constructor's text signature and the stub show: the Python value of each
  field's Go zero value where it is a literal (``x=0.0, label=''``), ``...`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.ir import ArrayType, MapType, NamedType, PointerType, SliceType, StructType
from bindc.ordering import class_ordering
from bindc.resolve.go_protocols import go_protocols
from bindc.resolve.model import BoundClass, BoundField, BoundFunction
from bindc.typemap.named import NamedMapping

#: Container kinds; the numbers are the runtime's PY4GO_CONTAINER_* constants.
NONE, SLICE, ARRAY, MAP = 0, 1, 2, 3

#: The zero value of a Go field, by the annotation its mapping gives Python.
_ZERO_BY_ANNOTATION = {"int": "0", "float": "0.0", "complex": "0j", "bool": "False", "str": "''",
                       "bytes": "b''"}


@dataclass(frozen=True)
class ProtocolMethod:
    """A runtime function in a class's method table."""

    py_name: str
    c_function: str
    flags: str
    doc: str


#: Methods every class has.
OBJECT_METHODS = (
    ProtocolMethod("__copy__", "py4go_bind_copy", "METH_NOARGS",
                   "A copy of the Go value (Go assignment; a named slice or map gets its own backing store)."),
    ProtocolMethod("__deepcopy__", "py4go_bind_deepcopy", "METH_O",
                   "A deep copy: slices, maps, exported fields and pointers to bound types copied too."),
    ProtocolMethod("__reduce__", "py4go_bind_reduce", "METH_NOARGS",
                   "Pickle support: by MarshalBinary/MarshalText, else by the constructor's fields."),
    ProtocolMethod("__setstate__", "py4go_bind_setstate", "METH_O", "Restore the state __reduce__ gave."),
)

_SEQUENCE_READ = (
    ProtocolMethod("index", "py4go_bind_seq_index", "METH_VARARGS", "The first index of value (ValueError if absent)."),
    ProtocolMethod("count", "py4go_bind_seq_count", "METH_VARARGS", "How many elements equal value."),
)
_SEQUENCE_WRITE = (
    ProtocolMethod("append", "py4go_bind_seq_append", "METH_VARARGS", "Append one element, as Go's append does."),
    ProtocolMethod("extend", "py4go_bind_seq_extend", "METH_VARARGS", "Append every element of an iterable."),
    ProtocolMethod("insert", "py4go_bind_seq_insert", "METH_VARARGS", "Insert value before index."),
    ProtocolMethod("pop", "py4go_bind_seq_pop", "METH_VARARGS", "Remove and return the element at index (default last)."),
    ProtocolMethod("remove", "py4go_bind_seq_remove", "METH_VARARGS", "Remove the first element equal to value."),
    ProtocolMethod("reverse", "py4go_bind_seq_reverse", "METH_VARARGS", "Reverse in place."),
    ProtocolMethod("sort", "py4go_bind_seq_sort", "METH_VARARGS | METH_KEYWORDS",
                   "Sort in place, stably, as list.sort: by the Go type's own sort.Interface (Len, Less, Swap) "
                   "when it has one and no key is given, else by the elements' < (or key)."),
    ProtocolMethod("clear", "py4go_bind_obj_clear", "METH_VARARGS", "Remove every element (an empty, non-nil slice)."),
)
_MAPPING = (
    ProtocolMethod("get", "py4go_bind_map_get", "METH_VARARGS", "m[key] if key is in m, else default."),
    ProtocolMethod("keys", "py4go_bind_map_keys", "METH_VARARGS", "The keys (of a snapshot of the map)."),
    ProtocolMethod("items", "py4go_bind_map_items", "METH_VARARGS", "The (key, value) pairs (of a snapshot)."),
    ProtocolMethod("values", "py4go_bind_map_values", "METH_VARARGS", "The values (of a snapshot)."),
    ProtocolMethod("pop", "py4go_bind_map_pop", "METH_VARARGS", "Remove key and return its value (or default)."),
    ProtocolMethod("popitem", "py4go_bind_map_popitem", "METH_VARARGS", "Remove and return some (key, value) pair."),
    ProtocolMethod("setdefault", "py4go_bind_map_setdefault", "METH_VARARGS", "m[key], setting it to default first if absent."),
    ProtocolMethod("update", "py4go_bind_map_update", "METH_VARARGS | METH_KEYWORDS", "Store every pair of a mapping or iterable, and keywords."),
    ProtocolMethod("clear", "py4go_bind_obj_clear", "METH_VARARGS", "Remove every key."),
)

_BYTES = ProtocolMethod("__bytes__", "py4go_bind_obj_bytes", "METH_NOARGS", "The Go value's bytes (a copy).")

#: Slots of each container kind: (slot, runtime function).
_SEQUENCE_SLOTS = (("Py_sq_length", "py4go_bind_obj_length"), ("Py_sq_item", "py4go_bind_seq_item"),
                   ("Py_sq_contains", "py4go_bind_seq_contains"), ("Py_mp_subscript", "py4go_bind_seq_subscript"),
                   ("Py_mp_ass_subscript", "py4go_bind_seq_ass_subscript"), ("Py_tp_iter", "py4go_bind_obj_iter"),
                   ("Py_tp_richcompare", "py4go_bind_obj_richcompare"),
                   ("Py_tp_hash", "PyObject_HashNotImplemented"))
_MAP_SLOTS = (("Py_mp_length", "py4go_bind_obj_length"), ("Py_mp_subscript", "py4go_bind_map_subscript"),
              ("Py_mp_ass_subscript", "py4go_bind_map_ass_subscript"), ("Py_sq_contains", "py4go_bind_map_contains"),
              ("Py_tp_iter", "py4go_bind_obj_iter"), ("Py_tp_richcompare", "py4go_bind_obj_richcompare"),
              ("Py_tp_hash", "PyObject_HashNotImplemented"))


@dataclass(frozen=True)
class ClassProtocols:
    """What :func:`class_protocols` decided for one class."""

    container: int
    pickle_refusal: str | None
    methods: tuple[ProtocolMethod, ...]
    slots: tuple[tuple[str, str], ...]
    #: Stub annotations of the elements: (element,) for a sequence, (key, value) for a map.
    element_annotations: tuple[str, ...] = ()
    #: The ``Len() int`` method that gives a class that is not a container ``__len__``.
    len_method: BoundFunction | None = None
    #: ``All()``/``Values()`` returning an ``iter.Seq``: the class's ``__iter__``.
    iter_method: BoundFunction | None = None
    #: ``Contains(x) bool`` / ``Has(x) bool``: the class's ``__contains__``.
    contains_method: BoundFunction | None = None
    #: ``GoString() string`` (fmt.GoStringer): the class's ``__repr__``.
    repr_method: BoundFunction | None = None
    #: An immutable value class whose == is Go's own: hashed by its value.
    hashable: bool = False
    #: Go methods whose Python name is a method of the container's abc (``Scores.Get`` as
    #: ``get``): Go's keeps the name, so the stub marks it as an incompatible override.
    shadowed: frozenset[str] = frozenset()

    @property
    def is_container(self) -> bool:
        """A sequence or mapping class (its == is the runtime's list/dict equality)."""
        return self.container != NONE


def class_protocols(cls: BoundClass) -> ClassProtocols:
    """The protocols of ``cls`` (see the module docstring)."""
    container, elements = _container(cls)
    taken = {m.py_name for m in cls.methods} | {f.py_name for f in cls.fields}
    methods = list(OBJECT_METHODS)
    slots: tuple[tuple[str, str], ...] = ()
    if container in (SLICE, ARRAY):
        methods += _SEQUENCE_READ
        slots = _SEQUENCE_SLOTS
        if container == SLICE:
            methods += _SEQUENCE_WRITE
            slots += (("Py_sq_inplace_concat", "py4go_bind_seq_inplace_concat"),)
    elif container == MAP:
        methods += _MAPPING
        slots = _MAP_SLOTS
    if _is_bytes(cls):
        methods.append(_BYTES)
    # list.sort is no method of MutableSequence: a Go Sort() taking its name overrides nothing.
    abc_names = {m.py_name for m in methods if m not in OBJECT_METHODS and m.py_name != "sort"}
    methods = [m for m in methods if m.py_name not in taken]
    own = {} if container else go_protocols(cls)
    return ClassProtocols(container, _pickle_refusal(cls), tuple(methods), slots, elements,
                          len_method=own.get("__len__"), iter_method=own.get("__iter__"),
                          contains_method=own.get("__contains__"), repr_method=own.get("__repr__"),
                          hashable=_hashable(cls),
                          shadowed=frozenset(abc_names & taken))


def _hashable(cls: BoundClass) -> bool:
    """A frozen value class (see ``bindc.resolve.classes``) whose == is Go's own: a type's
    ``Equal``/``Compare`` may call values equal that differ (case-insensitive names), and a hash
    of the value would then break Python's rule that equal objects hash equal."""
    if not cls.frozen:
        return False
    order = class_ordering(cls)
    return order.go_eq and order.equal is None and order.compare is None


def zero_literal(field: BoundField) -> str | None:
    """The Python literal of the field's Go zero value as its getter returns it, or None when
    it is not a literal (a struct, a list, an enum member): the signature then shows ``...``."""
    m = field.mapping
    if m.py_annotation.endswith(" | None") and m.go_type.startswith("*"):
        return "None"  # a nil pointer
    return _ZERO_BY_ANNOTATION.get(m.py_annotation)


def _container(cls: BoundClass) -> tuple[int, tuple[str, ...]]:
    """The container kind of a value class, with its element annotations."""
    if not cls.is_value or not cls.fields:
        return NONE, ()
    t = cls.decl.type
    mapping = cls.fields[0].mapping
    annotation = mapping.py_annotation
    if not isinstance(mapping, NamedMapping):
        return NONE, ()
    if isinstance(t, (SliceType, ArrayType)) and annotation.startswith("list[") and not _is_byte(t.elem):
        return (SLICE if isinstance(t, SliceType) else ARRAY), (annotation[5:-1],)
    if isinstance(t, MapType) and annotation.startswith("dict["):
        key, value = _split_pair(annotation[5:-1])
        return MAP, (key, value)
    return NONE, ()


def _is_bytes(cls: BoundClass) -> bool:
    """A value class whose Go type is ``[N]byte`` or ``[]byte`` underneath."""
    t = cls.decl.type
    return cls.is_value and isinstance(t, (SliceType, ArrayType)) and _is_byte(t.elem)


def _is_byte(t: object) -> bool:
    return isinstance(t, NamedType) and t.package is None and t.name in ("byte", "uint8")


def _split_pair(text: str) -> tuple[str, str]:
    """``"str, list[int]"`` -> ``("str", "list[int]")``: split at the top-level comma."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "["
        depth -= ch == "]"
        if ch == "," and depth == 0:
            return text[:i].strip(), text[i + 1:].strip()
    raise ValueError(f"not a key, value pair: {text!r}")


def _pickle_refusal(cls: BoundClass) -> str | None:
    """Why ``cls`` cannot be pickled by its constructor fields, or None when it can."""
    name = cls.decl.name
    hint = (f"give {name} MarshalBinary/UnmarshalBinary (or MarshalText/UnmarshalText) methods to make it "
            f"picklable")
    if cls.is_value:
        return None if cls.init_fields else f"its Go value has no Python form; {hint}"
    assert isinstance(cls.decl.type, StructType)
    bound = {f.go_name for f in cls.init_fields}
    for f in cls.decl.type.fields:
        go_name = f.name if f.name is not None else _embedded_name(f.type)
        if go_name is None or not go_name[:1].isupper():
            shown = go_name or f.type.go_syntax()
            return f"Go field {name}.{shown} is unexported, so a pickle would lose it; {hint}"
        if go_name not in bound:
            return f"Go field {name}.{go_name} is not bound to Python, so a pickle would lose it; {hint}"
    return None


def _embedded_name(t: object) -> str | None:
    inner = t.elem if isinstance(t, PointerType) else t
    return inner.name if isinstance(inner, NamedType) else None
