"""Go struct types (and pointers to them) <-> instances of generated Python classes.

An instance holds a ``runtime/cgo`` handle to a Go pointer ``*T``. A ``T`` parameter copies
the value out of the instance; a ``*T`` parameter shares it (``None`` is nil). A ``T`` result
is copied to the Go heap and wrapped; a ``*T`` result wraps the pointer itself (nil is None).
Field getters hand out the field's address, so ``outer.inner.x = 1`` changes ``outer``.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.ir import GoType, NamedType, PointerType
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, c_string
from bindc.typemap.env import TypeEnv

#: env.extra key: Go type name -> Python class name, for every struct the module binds.
CLASSES_KEY = "classes"
#: env.extra key: the Python module name (C identifiers of class objects include it).
MODULE_KEY = "module"


def class_type_var(module: str, py_class: str) -> str:
    """The C variable holding the class's ``PyTypeObject *``."""
    return f"bindc_{module}_{py_class}_type"


@dataclass(frozen=True)
class ClassMapping(TypeMapping):
    """``T`` (``pointer=False``) or ``*T`` (``pointer=True``) for a bound struct type ``T``."""

    named: NamedType = NamedType("")
    type_var: str = ""
    pointer: bool = False

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


def find_class(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """A bound struct type, by value or by pointer."""
    classes: dict[str, str] = env.extra.get(CLASSES_KEY, {})  # type: ignore[assignment]
    pointer = isinstance(t, PointerType)
    inner = t.elem if isinstance(t, PointerType) else t
    if not (isinstance(inner, NamedType) and inner.package is None and not inner.type_args and inner.name in classes):
        return None
    py = classes[inner.name]
    annotation = f"{py} | None" if pointer else py
    return ClassMapping(go_type=t.go_syntax(), py_annotation=annotation, c_arg_type="uintptr_t",
                        cgo_arg_type="C.uintptr_t", c_result_type="uintptr_t", cgo_result_type="C.uintptr_t",
                        named=inner, type_var=class_type_var(str(env.extra[MODULE_KEY]), py), pointer=pointer)
