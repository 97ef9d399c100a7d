"""Slices, arrays, maps, ``any`` and ``*python.Object`` <-> Python objects.

These values are converted by the py4go runtime, not in C: the wrapper hands the borrowed
``PyObject *`` to the Go trampoline, which decodes it into a Go variable with
``BindcDecode`` (one cgo crossing per container level; typed paths for ``[]int``,
``[]int64``, ``[]float64`` and ``[]string``) and builds results with ``BindcFromGo``.

- ``[]T`` and ``[N]T`` <-> ``list`` (any list, tuple or other Sequence accepted; an array
  needs exactly N items, else ValueError); ``map[K]V`` <-> ``dict`` (any Mapping accepted);
  nested freely. Elements are scalars, ``string``, ``[]byte``, ``any``, ``*python.Object``,
  bound structs, bound interfaces (instances, or Python objects through registered proxies:
  :mod:`bindc.typemap.interfaces`) and containers of those; keys are scalars or ``string``. A nil slice or map result becomes
  an empty list or dict (never None, so the result type is always what the stub says).
- ``any`` / ``interface{}`` <-> any object, by the runtime's ToGo / FromGo rules (a list
  arrives as ``[]any``, a dict as ``map[string]any`` or ``map[any]any``, an object with no Go
  equivalent as ``*python.Object``; going back, a nil slice or map inside an ``any`` is None,
  as FromGo has it).
- ``*T`` for a scalar or ``string`` T <-> ``T | None``: None is nil; otherwise the Go
  function gets a pointer to a new copy (writes through it are not seen by Python), and a
  non-nil result is its pointee's value.
- ``*python.Object`` <-> any object, unconverted. A parameter is a new reference the Go
  function owns (it may keep it; Release it when done, else its finalizer does); a returned
  ``*python.Object`` hands its reference to Python (the Object is released; nil is None).
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.ir import ArrayType, GoType, InterfaceType, MapType, NamedType, PointerType, SliceType
from bindc.resources import RUNTIME_IMPORT_PATH
from bindc.typemap.base import ArgSite, GoRefs, NewReferenceResult, TypeMapping, go_string
from bindc.typemap.env import TypeEnv
from bindc.typemap.numbers import NUMERIC_MAPPINGS
from bindc.typemap.text import BYTES, STRING

_ABC = "collections.abc"


@dataclass(frozen=True)
class RuntimeValue(NewReferenceResult):
    """A Go value the runtime converts from and to a ``PyObject *`` (see the module doc).

    ``go`` is the Go type (spelled for the generated file through :class:`GoRefs`),
    ``param_annotation`` the stub annotation of a parameter (``py_annotation`` is the
    result's), ``imports`` what both need, and ``result_helper`` the runtime function that
    turns a result into a new reference.
    """

    go: GoType = NamedType("any")
    param_annotation: str = "object"
    imports: tuple[tuple[str, str], ...] = ()
    result_helper: str = "BindcFromGo"
    #: The bound interfaces among the elements, at any depth (their proxies and Protocol
    #: classes must be generated too).
    interfaces: tuple[TypeMapping, ...] = ()

    @property
    def py_param_annotation(self) -> str:
        return self.param_annotation

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        return self.imports

    @property
    def variadic_ok(self) -> bool:
        return True  # the trampoline decodes each element (go_arg_prepare in its loop)

    @property
    def element_ok(self) -> bool:
        """Whether values of this mapping convert inside containers (the runtime's reflection)."""
        return True

    @property
    def c_zero(self) -> str:
        return "NULL"

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        # Nothing to do in C: the trampoline converts the borrowed object.
        return f"((*{target}) = {obj}, 0)"

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"var {c_expr}_go {refs.type_syntax(self.go)}",
                f"if {refs.rt}.BindcDecode({go_string(site.fn)}, {site.pos}, {refs.unsafe}.Pointer({c_expr}), "
                f"&{c_expr}_go) < 0 {{",
                "return -1", "}"]

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{c_expr}_go"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"if *{out} = (*C.PyObject)({refs.rt}.{self.result_helper}({go_string(fn)}, {value})); *{out} == nil {{",
                "return -1", "}"]


def _runtime_value(go: GoType, result: str, param: str, imports: tuple[tuple[str, str], ...],
                   helper: str = "BindcFromGo", elements: tuple[TypeMapping, ...] = ()) -> RuntimeValue:
    from bindc.typemap.interfaces import InterfaceMapping  # interfaces imports the registry, which imports this

    interfaces: list[TypeMapping] = []
    for e in elements:
        nested = [e] if isinstance(e, InterfaceMapping) else list(e.interfaces) if isinstance(e, RuntimeValue) else []
        interfaces += [i for i in nested if i not in interfaces]
    return RuntimeValue(go.go_syntax(), result, "PyObject *", "*C.PyObject", "PyObject *", "*C.PyObject",
                        go, param, imports, helper, tuple(interfaces))


def _is_python_object(t: GoType, env: TypeEnv) -> bool:
    """``*python.Object``: the runtime's object type, under whatever qualifier it is imported."""
    return (isinstance(t, PointerType) and isinstance(t.elem, NamedType) and t.elem.name == "Object"
            and not t.elem.type_args and t.elem.package is not None
            and env.imports.get(t.elem.package) == RUNTIME_IMPORT_PATH)


def _is_any(t: GoType, env: TypeEnv) -> bool:
    """``any`` or ``interface{}`` (only the empty interface)."""
    if isinstance(t, InterfaceType):
        return not t.methods and not t.embeds
    return isinstance(t, NamedType) and env.is_predeclared(t, "any")


_SCALARS = frozenset(id(m) for m in NUMERIC_MAPPINGS.values()) | {id(STRING)}


def _element(t: GoType, env: TypeEnv, key: bool = False) -> TypeMapping | None:
    """The mapping of a container's element (or key) type when the runtime can convert it."""
    from bindc.typemap.classes import ClassMapping
    from bindc.typemap.interfaces import InterfaceMapping
    from bindc.typemap.named import NamedMapping
    from bindc.typemap.registry import MappingError, lookup_mapping  # registry imports this module

    try:
        mapping = lookup_mapping(t, env)
    except MappingError:
        return None
    mapping = getattr(mapping, "element_form", mapping)  # a buffer-viewing slice: top level only
    if id(mapping) in _SCALARS:
        return mapping
    if type(mapping) is NamedMapping and id(mapping.inner) in _SCALARS:
        # A defined scalar without methods (big.Word, a uint): the runtime converts elements by
        # reflect kind, so a []Word crosses as a list of ints, as Word alone crosses as an int.
        # Enums (IntEnum members promised) and value classes (instances) stay out.
        return mapping.inner
    if key:
        return None
    if mapping is BYTES or isinstance(mapping, RuntimeValue) and mapping.element_ok:
        return mapping
    if isinstance(mapping, RuntimeValue):
        return None
    if isinstance(mapping, ClassMapping):
        # The runtime finds the class of a struct value through its registry, and of a value
        # class's value too, before it looks at the kind (a []UUID is a list of UUID instances,
        # toml's MetaData.Keys() []Key a list of Key instances; an element may also be anything
        # UUID(...) takes, decoded by its kind).
        return mapping
    if isinstance(mapping, InterfaceMapping):
        return mapping  # the same registry, and one of proxies for Python objects
    return None


def find_runtime_value(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """Containers of supported elements, ``any``, ``*python.Object`` and pointers to scalars;
    None otherwise (so a later finder may still bind, say, a slice of structs)."""
    if _is_python_object(t, env):
        return _runtime_value(t, "Any", "object", (("typing", "Any"),), helper="BindcTakeObject")
    if _is_any(t, env):
        return _runtime_value(t, "Any", "Any", (("typing", "Any"),), helper="BindcFromAny")
    if isinstance(t, PointerType):
        target = _element(t.elem, env, key=True)
        if target is None:
            return None
        return _runtime_value(t, f"{target.py_annotation} | None", f"{target.py_param_annotation} | None", ())
    if isinstance(t, (SliceType, ArrayType)):
        elem = _element(t.elem, env)
        if elem is None:
            return None
        return _runtime_value(t, f"list[{elem.py_annotation}]", f"Sequence[{elem.py_param_annotation}]",
                              _merge(elem.stub_imports, ((_ABC, "Sequence"),)), elements=(elem,))
    if isinstance(t, MapType):
        key, value = _element(t.key, env, key=True), _element(t.value, env)
        if key is None or value is None:
            return None
        return _runtime_value(t, f"dict[{key.py_annotation}, {value.py_annotation}]",
                              f"Mapping[{key.py_param_annotation}, {value.py_param_annotation}]",
                              _merge(value.stub_imports, ((_ABC, "Mapping"),)), elements=(value,))
    return None


def _merge(*groups: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for group in groups:
        out += [i for i in group if i not in out]
    return tuple(out)
