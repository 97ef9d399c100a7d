"""Go interface types with methods <-> instances of the bound classes that implement them.

A parameter of interface type accepts an instance of any bound class (or of a Python
subclass); the Go side checks that its Go type implements the interface and raises TypeError
naming the function otherwise. ``None`` is the nil interface. A result comes back as an
instance of its dynamic type's class (a value is copied, a pointer shared), ``None`` for nil.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.ir import GoType, InterfaceType, NamedType
from bindc.typemap.base import ArgSite, GoRefs, NewReferenceResult, TypeMapping, c_string, go_string
from bindc.typemap.classes import CLASSES_KEY
from bindc.typemap.env import TypeEnv


@dataclass(frozen=True)
class InterfaceMapping(NewReferenceResult):
    """A named interface type of the bound package that has methods."""

    named: NamedType = NamedType("")

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        expected = c_string(f"an object implementing {self.named.name} or None")
        return f"py4go_bind_any_instance_arg({obj}, {c_string(site.fn)}, {site.pos}, {expected}, 1, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{refs.rt}.BindcImplements[{refs.type_syntax(self.named)}](uintptr({c_expr}))"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"if *{out} = (*C.PyObject)({refs.rt}.BindcWrapValue({go_string(fn)}, {value})); *{out} == nil {{",
                "return -1", "}"]

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (CSignature("py4go_bind_any_instance_arg", "int",
                           ("PyObject *", "const char *", "int", "const char *", "int", "uintptr_t *")),)


def find_interface(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """A named interface type with methods, declared by the bound package."""
    if not (isinstance(t, NamedType) and t.package is None and not t.type_args):
        return None
    decl = env.local_types.get(t.name)
    if decl is None or not isinstance(decl.type, InterfaceType) or not decl.type.methods or decl.type_params:
        return None
    wanted = {m.name for m in decl.type.methods}
    classes: dict[str, str] = env.extra.get(CLASSES_KEY, {})  # type: ignore[assignment]
    # The stub names the bound classes whose own methods cover the interface; the runtime
    # check (which also sees promoted methods) is the authority.
    implementers = sorted(py for go, py in classes.items()
                          if wanted <= {m.name for m in env.package.methods_of(go)})
    annotation = " | ".join(implementers + ["None"]) if implementers else "object"
    return InterfaceMapping(go_type=t.go_syntax(), py_annotation=annotation, c_arg_type="uintptr_t",
                            cgo_arg_type="C.uintptr_t", c_result_type="PyObject *", cgo_result_type="*C.PyObject",
                            named=t)
