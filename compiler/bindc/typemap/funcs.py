"""Go func types <-> Python callables.

A func-typed *parameter* accepts any Python callable: the C wrapper checks callability, the Go
trampoline wraps the callable in a :class:`python.Callback` (one reference, released when the
Go closure is garbage collected) and passes a generated closure of the exact Go func type,
which takes the GIL, converts arguments with the runtime's ``FromGo``, calls, and decodes
the result with ``Decode``'s range and type checks. A func-typed *result* becomes a builtin
Python function whose ``self`` is a capsule owning a ``runtime/cgo.Handle`` of the Go func.

Each distinct signature gets one closure builder (Go) and one calling wrapper (C + Go);
:mod:`bindc.emit.funcs` emits them, named by :attr:`FuncMapping.sig_id`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from bindc.capi import CSignature
from bindc.ir import ArrayType, FuncType, GoType, InterfaceType, MapType, NamedType, PointerType, SliceType
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, c_string
from bindc.typemap.env import TypeEnv

_OBJ = "PyObject *"


@dataclass(frozen=True)
class FuncMapping(TypeMapping):
    """A Go func type: ``Callable[[params], result]`` in Python.

    ``params`` and ``results`` are the mappings of the signature's parameter and result types
    (the trailing ``error``, if any, is ``returns_error``); the Go side of a callback converts
    with the runtime instead, but the C wrapper that calls a returned Go func uses them.
    """

    func: FuncType = FuncType((), ())
    params: tuple[TypeMapping, ...] = ()
    results: tuple[TypeMapping, ...] = ()
    returns_error: bool = False
    #: A parameter the function compares with nil (:attr:`bindc.ir.Func.nil_checked`): ``None``
    #: passes a nil func. Other parameters need a callable, so mypy catches a ``None`` by mistake.
    none_ok: bool = False

    @property
    def py_param_annotation(self) -> str:
        return self.py_annotation if self.none_ok else self.py_annotation.removesuffix(" | None")

    @property
    def sig_id(self) -> str:
        """A short stable identifier of the signature, for generated helper names."""
        return hashlib.sha1(self.func.go_syntax().encode()).hexdigest()[:10]

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        imports = {("collections.abc", "Callable")}
        for m in self.params + self.results:
            imports.update(m.stub_imports)
        return tuple(sorted(imports))

    @property
    def capi(self) -> tuple[CSignature, ...]:
        own = (
            CSignature("py4go_bind_callable", "int", (_OBJ, "const char *", "int", "py4go_callable *")),
            CSignature("py4go_bind_callable_or_none", "int", (_OBJ, "const char *", "int", "py4go_callable *")),
            CSignature("py4go_bind_new_func", _OBJ, ("uintptr_t", "PyMethodDef *")),
            CSignature("py4go_bind_drop_func", "void", ("uintptr_t",)),
            CSignature("py4go_bind_func_handle", "uintptr_t", (_OBJ,)),
            CSignature("PyCallable_Check", "int", (_OBJ,)),
        )
        return own + tuple(s for m in self.params + self.results for s in m.capi)

    @property
    def c_zero(self) -> str:
        return "{NULL, NULL, 0}"

    # -- Python callable -> Go func (parameters) ---------------------------------------------

    @property
    def variadic_ok(self) -> bool:
        # ...Option (type Option func(*Server)): each element is converted like a single func
        # parameter, borrowing its callable from the call's arguments (the Go side takes its
        # own reference), so nothing is released per element.
        return True

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        convert = "py4go_bind_callable_or_none" if self.none_ok else "py4go_bind_callable"
        return f"{convert}({obj}, {c_string(site.fn)}, {site.pos}, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return (f"{callback_builder_name(self)}({refs.rt}.BindcCallback({refs.unsafe}.Pointer({c_expr}.obj), "
                f"{refs.unsafe}.Pointer({c_expr}.fn), int({c_expr}.pos)))")

    # -- Go func -> Python callable (results) ------------------------------------------------

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"if {value} != nil {{", f"*{out} = C.uintptr_t({refs.rt}.BindcFuncHandle({value}))", "}"]

    def c_result_object(self, var: str) -> str:
        return f"py4go_bind_new_func({var}, &{method_def_name(self)})"

    def c_result_release(self, var: str) -> str | None:
        return f"py4go_bind_drop_func({var});"


def func_mappings_in(mapping: TypeMapping) -> tuple[FuncMapping, ...]:
    """The func signatures a value of ``mapping`` carries: itself, the func type under a
    named func type (``type Handler func()``), or the elements of a slice of funcs."""
    from bindc.typemap.named import NamedMapping

    if isinstance(mapping, NamedMapping):
        mapping = mapping.inner
    if isinstance(mapping, FuncMapping):
        return (mapping,)
    return tuple(getattr(mapping, "funcs", ()))


def accepting_none(mapping: TypeMapping) -> TypeMapping:
    """``mapping`` taking ``None`` (a nil func) as a parameter when it is a func type, or a
    named func type (``type EvictCallback func(k, v)``); any other mapping unchanged."""
    from bindc.typemap.named import NamedMapping

    if isinstance(mapping, FuncMapping):
        return replace(mapping, none_ok=True)
    if isinstance(mapping, NamedMapping) and isinstance(mapping.inner, FuncMapping):
        return replace(mapping, inner=replace(mapping.inner, none_ok=True))
    return mapping


def callback_builder_name(m: FuncMapping) -> str:
    """The generated Go function turning a ``*python.Callback`` into the Go func type."""
    return f"bindcFunc_{m.sig_id}"


def method_def_name(m: FuncMapping) -> str:
    """The static ``PyMethodDef`` of the builtin that calls a Go func of this signature."""
    return f"bindcdef_{m.sig_id}"


def _runtime_convertible(t: GoType, env: TypeEnv, seen: set[str]) -> bool:
    """Whether the runtime's reflection-based FromGo and Decode handle ``t`` (the callback side
    converts with them): predeclared types, ``any``, slices, arrays, maps and pointers of
    such, the package's named types over them, its bound struct classes (``T`` and ``*T``:
    the runtime finds their class in its registry) and the well-known types (``time.Time``,
    ``time.Duration``, ``*big.Int``...); not other structs, channels or funcs."""
    if _bound_struct(t, env):
        return True
    from bindc.typemap.wellknown import CALLS_BACK, well_known_key

    key = well_known_key(t, env)
    if key is not None:
        # time.Time, time.Duration, *big.Int...: FromGo and Decode convert them (as in
        # containers: runtime/bindcrt/bindc_wellknown.go), so Schedule.Next(time.Time) time.Time
        # can be a Python method. An io.Reader's object would be called back from a callback.
        return key not in CALLS_BACK
    if isinstance(t, NamedType):
        if t.package is None and not t.type_args and t.name in env.local_types:
            if t.name in seen:
                return False
            decl = env.local_types[t.name]
            return _runtime_convertible(decl.type, env, seen | {t.name})
        return env.is_predeclared(t) and t.name not in ("error", "comparable")
    if isinstance(t, (SliceType, ArrayType, PointerType)):
        return _runtime_convertible(t.elem, env, seen)
    if isinstance(t, MapType):
        return _runtime_convertible(t.key, env, seen) and _runtime_convertible(t.value, env, seen)
    if isinstance(t, InterfaceType):
        return not t.methods and not t.embeds
    return False


def _bound_struct(t: GoType, env: TypeEnv) -> bool:
    """``T`` or ``*T`` for a struct type the module binds as a class."""
    from bindc.typemap.classes import ClassMapping, ValueClassMapping, find_class

    mapping = find_class(t, env)
    return isinstance(mapping, ClassMapping) and not isinstance(mapping, ValueClassMapping)


def find_func(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """``func(...) ...`` types whose parameters and results all have mappings."""
    if not isinstance(t, FuncType):
        return None
    from bindc.typemap.registry import MappingError, is_error_type, lookup_mapping

    if t.variadic:
        raise MappingError(f"variadic func type {t.go_syntax()} is not supported")

    def inner(p: GoType, what: str) -> TypeMapping:
        from bindc.typemap.interfaces import InterfaceMapping

        if isinstance(p, FuncType):
            raise MappingError(f"{what} of func type in {t.go_syntax()} is not supported")
        try:
            mapping = lookup_mapping(p, env)
        except MappingError as e:
            raise MappingError(f"in {t.go_syntax()}: {e}") from None
        # A result of a mapped interface (hmac.New(h func() hash.Hash, ...)): the runtime's
        # Decode takes a bound instance implementing it, or a proxy of an object with its methods.
        decodable = what == "a result" and isinstance(mapping, InterfaceMapping)
        if not decodable and not _runtime_convertible(p, env, set()):
            raise MappingError(f"in {t.go_syntax()}: type {p.go_syntax()} cannot cross in a callback "
                               f"(the runtime's FromGo/Decode do not convert it)")
        return mapping

    params = tuple(inner(p.type, "a parameter") for p in t.params)
    results_types = [r.type for r in t.results]
    returns_error = bool(results_types) and is_error_type(results_types[-1], env)
    if returns_error:
        results_types = results_types[:-1]
    if any(is_error_type(r, env) for r in results_types):
        raise MappingError(f"in {t.go_syntax()}: an error result is supported only in the last position")
    results = tuple(inner(r, "a result") for r in results_types)

    args = ", ".join(m.py_param_annotation for m in params)
    if not results:
        ret = "None"
    elif len(results) == 1:
        ret = results[0].py_annotation
    else:
        ret = "tuple[" + ", ".join(m.py_annotation for m in results) + "]"
    annotation = f"Callable[[{args}], {ret}]"
    # A nil func comes back as None: the result annotation says so (a parameter needs a callable).
    return FuncMapping(t.go_syntax(), f"{annotation} | None", "py4go_callable", "C.py4go_callable", "uintptr_t", "C.uintptr_t",
                       func=t, params=params, results=results, returns_error=returns_error)
