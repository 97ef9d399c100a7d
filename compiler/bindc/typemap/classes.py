"""Go struct types (and pointers to them) <-> instances of generated Python classes.

An instance holds a ``runtime/cgo`` handle to a Go pointer ``*T``. A ``T`` parameter copies
the value out of the instance; a ``*T`` parameter shares it (``None`` is nil). A ``T`` result
is copied to the Go heap and wrapped; a ``*T`` result wraps the pointer itself (nil is None).
Field getters hand out the field's address, so ``outer.inner.x = 1`` changes ``outer``.

A *value class* (a defined non-struct type with methods, ``type Kelvin float64``) works the
same way; in addition a ``T`` parameter accepts whatever the class's constructor accepts (a
plain ``float`` for ``Kelvin``): the wrapper builds a temporary instance from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.ir import GoType, NamedType, PointerType, StructType, TypeDecl
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, c_string
from bindc.typemap.env import TypeEnv

#: env.extra key: Go type name -> Python class name, for every struct the module binds.
CLASSES_KEY = "classes"
#: env.extra key: the Python module name (C identifiers of class objects include it).
MODULE_KEY = "module"
#: env.extra key: (import path, Go name) -> :class:`SiblingClass`, the classes other modules of
#: the same bundle bind (``bindc build pkg/a pkg/b --package NAME``).
SIBLINGS_KEY = "sibling_classes"
#: env.extra key: Go names of the immutable value classes (``bindc.resolve.types.frozen_classes``).
FROZEN_KEY = "frozen_classes"


@dataclass(frozen=True)
class SiblingClass:
    """A struct class bound by another module linked into the same shared library: its type
    object is a C variable of that module, which this one declares ``extern`` and converts to."""

    import_path: str
    go_name: str
    module: str      # the sibling's module name (``a``): its C identifiers include it
    py_class: str    # ``Point``
    py_module: str   # where stubs import it from (``shapes.a``)

    @property
    def type_var(self) -> str:
        """The sibling's ``PyTypeObject *`` variable."""
        return class_type_var(self.module, self.py_class)


def class_type_var(module: str, py_class: str) -> str:
    """The C variable holding the class's ``PyTypeObject *``."""
    return f"bindc_{module}_{py_class}_type"


@dataclass(frozen=True)
class ClassMapping(TypeMapping):
    """``T`` (``pointer=False``) or ``*T`` (``pointer=True``) for a bound struct type ``T``."""

    named: NamedType = NamedType("")
    type_var: str = ""
    pointer: bool = False
    #: For a sibling module's class: ``(module, class)`` the stub imports it from.
    stub_import: tuple[str, str] | None = None

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        return (self.stub_import,) if self.stub_import else ()

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        return (f"py4go_bind_handle_arg({obj}, {c_string(site.fn)}, {site.pos}, {self.type_var}, "
                f"{1 if self.pointer else 0}, {target})")

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        ptr = f"{refs.rt}.BindcPtr[{refs.type_syntax(self.named)}](uintptr({c_expr}))"
        return ptr if self.pointer else f"*{ptr}"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        if self.pointer:
            return [f"*{out} = C.uintptr_t({refs.rt}.BindcPtrHandle({value}))"]
        # &value: a copy for a local result, the field's address for a field getter.
        return [f"*{out} = C.uintptr_t({refs.rt}.BindcNewHandle(&{value}))"]

    def c_result_object(self, var: str) -> str:
        return f"py4go_bind_wrap({self.type_var}, {var})"

    def c_result_release(self, var: str) -> str | None:
        return f"py4go_bind_drop_handle({var});"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_handle_arg", "int",
                       ("PyObject *", "const char *", "int", "PyTypeObject *", "int", "uintptr_t *")),
            CSignature("py4go_bind_wrap", "PyObject *", ("PyTypeObject *", "uintptr_t")),
            CSignature("py4go_bind_drop_handle", "void", ("uintptr_t",)),
        )


@dataclass(frozen=True)
class ValueClassMapping(ClassMapping):
    """``T`` for a value class: an instance, or anything ``T(value)`` accepts."""

    value_annotation: str = ""
    #: An immutable value class: a result is always a copy (see ``bindc.resolve.types._frozen``).
    frozen: bool = False

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        if self.frozen:
            return [f"*{out} = C.uintptr_t({refs.rt}.BindcNewHandle({refs.rt}.BindcCopyOf({value})))"]
        return super().go_result_store(out, value, fn, refs)

    @property
    def py_param_annotation(self) -> str:
        return f"{self.py_annotation} | {self.value_annotation}" if self.value_annotation else self.py_annotation

    @property
    def variadic_ok(self) -> bool:
        return False  # each element would need its temporary released

    def c_arg_locals(self, var: str) -> list[str]:
        return [f"PyObject *{var}_tmp = NULL;"] + super().c_arg_locals(var)

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        tmp = f"&{target[1:]}_tmp" if target.startswith("&") else f"&(*{target})_tmp"
        expected = c_string(self.py_param_annotation.replace(" | ", " or "))
        return (f"py4go_bind_value_arg({obj}, {c_string(site.fn)}, {site.pos}, {self.type_var}, {expected}, "
                f"{tmp}, {target})")

    def c_arg_release(self, var: str) -> str | None:
        return f"Py_XDECREF({var}_tmp);"

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return super().capi + (
            CSignature("py4go_bind_value_arg", "int",
                       ("PyObject *", "const char *", "int", "PyTypeObject *", "const char *", "PyObject **",
                        "uintptr_t *")),
        )


def find_class(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """A bound struct type or value class, by value or by pointer."""
    classes: dict[str, str] = env.extra.get(CLASSES_KEY, {})  # type: ignore[assignment]
    pointer = isinstance(t, PointerType)
    inner = t.elem if isinstance(t, PointerType) else t
    if isinstance(inner, NamedType) and inner.package is not None and not inner.type_args:
        return _sibling_class(t, inner, pointer, env)
    if not (isinstance(inner, NamedType) and inner.package is None and not inner.type_args and inner.name in classes):
        return None
    py = classes[inner.name]
    annotation = f"{py} | None" if pointer else py
    type_var = class_type_var(str(env.extra[MODULE_KEY]), py)
    decl = env.local_types.get(inner.name)
    if pointer or decl is None or isinstance(decl.type, StructType):
        return ClassMapping(t.go_syntax(), annotation, "uintptr_t", "C.uintptr_t", "uintptr_t", "C.uintptr_t",
                            named=inner, type_var=type_var, pointer=pointer)
    frozen: frozenset[str] = env.extra.get(FROZEN_KEY, frozenset())  # type: ignore[assignment]
    return ValueClassMapping(t.go_syntax(), annotation, "uintptr_t", "C.uintptr_t", "uintptr_t", "C.uintptr_t",
                             named=inner, type_var=type_var, value_annotation=_value_annotation(inner, decl, env),
                             frozen=inner.name in frozen)


def _sibling_class(t: GoType, inner: NamedType, pointer: bool, env: TypeEnv) -> TypeMapping | None:
    """``a.Point`` / ``*a.Point`` when another module of the bundle binds ``Point`` of ``a``:
    that module's class, so instances cross between the modules."""
    siblings: dict[tuple[str, str], SiblingClass] = env.extra.get(SIBLINGS_KEY, {})  # type: ignore[assignment]
    path = env.imports.get(inner.package or "")
    sibling = siblings.get((path or "", inner.name))
    if sibling is None:
        return None
    annotation = f"{sibling.py_class} | None" if pointer else sibling.py_class
    return ClassMapping(t.go_syntax(), annotation, "uintptr_t", "C.uintptr_t", "uintptr_t", "C.uintptr_t",
                        named=inner, type_var=sibling.type_var, pointer=pointer,
                        stub_import=(sibling.py_module, sibling.py_class))


def _value_annotation(t: NamedType, decl: TypeDecl, env: TypeEnv) -> str:
    """What a value class's constructor accepts besides an instance ("" when unknown, e.g. while
    the type's own underlying type is being looked up: ``type List []List``)."""
    from bindc.typemap.named import NamedTypeError, underlying_mapping

    with env.visiting("value class", t.name) as first:
        if not first:
            return ""
        try:
            return underlying_mapping(t, decl, env, env).py_param_annotation
        except NamedTypeError:
            return ""
