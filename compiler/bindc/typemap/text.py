"""Go ``string`` <-> ``str`` and ``[]byte`` <-> ``bytes``: one copy each way."""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.typemap.base import ArgSite, GoRefs, NewReferenceResult, c_string, go_string

_OBJ = "PyObject *"
_CSTR = "const char *"


@dataclass(frozen=True)
class _BufferMapping(NewReferenceResult):
    """Shared by str and bytes: a ``py4go_strview`` argument, a new-object result."""

    @property
    def c_zero(self) -> str:
        return "{NULL, 0}"


@dataclass(frozen=True)
class String(_BufferMapping):
    """``string`` <-> ``str``, strict UTF-8 both ways.

    The wrapper borrows the str's cached UTF-8 buffer; the trampoline copies it into a Go
    string (the one copy). Results are decoded straight from Go memory into a new str.
    """

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        return f"py4go_bind_str({obj}, {c_string(site.fn)}, {site.pos}, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{refs.rt}.BindcString({refs.unsafe}.Pointer({c_expr}.p), int({c_expr}.n))"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"if *{out} = (*C.PyObject)({refs.rt}.BindcNewStr({go_string(fn)}, {value})); *{out} == nil {{",
                "return -1", "}"]

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_str", "int", (_OBJ, _CSTR, "int", "py4go_strview *")),
            CSignature("py4go_bind_new_str", _OBJ, (_CSTR, "Py_ssize_t", _CSTR, "Py_ssize_t")),
        )


@dataclass(frozen=True)
class Bytes(_BufferMapping):
    """``[]byte`` <-> ``bytes``; any buffer (bytes, bytearray, memoryview) is accepted, and a
    writable one (bytearray) gets Go's bytes copied back after the call (``Read(p)``)."""

    def c_arg_locals(self, var: str) -> list[str]:
        return [f"Py_buffer {var}_buf = {{0}};", f"py4go_strview {var} = {{NULL, 0}};"]

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        view = target[1:] if target.startswith("&") else f"(*{target})"
        return f"py4go_bind_bytes({obj}, {c_string(site.fn)}, {site.pos}, &{view}_buf, {target})"

    def c_arg_release(self, var: str) -> str | None:
        return f"py4go_bind_release_bytes(&{var}_buf);"

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"{c_expr}_go := {refs.rt}.BindcBytes({refs.unsafe}.Pointer({c_expr}.p), int({c_expr}.n))"]

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        return f"{c_expr}_go"

    def go_arg_finish(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        # A bytearray (writable buffer) sees what Go wrote: Read(p) fills it.
        return [f"{refs.rt}.BindcBytesBack({refs.unsafe}.Pointer({c_expr}.p), int({c_expr}.n), "
                f"{c_expr}.writable != 0, {c_expr}_go)"]

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"if *{out} = (*C.PyObject)({refs.rt}.BindcNewBytes({value})); *{out} == nil {{", "return -1", "}"]

    @property
    def capi(self) -> tuple[CSignature, ...]:
        return (
            CSignature("py4go_bind_bytes", "int", (_OBJ, _CSTR, "int", "Py_buffer *", "py4go_strview *")),
            CSignature("py4go_bind_release_bytes", "void", ("Py_buffer *",)),
            CSignature("py4go_bind_new_bytes", _OBJ, (_CSTR, "Py_ssize_t")),
        )


STRING = String("string", "str", "py4go_strview", "C.py4go_strview", "PyObject *", "*C.PyObject")
BYTES = Bytes("[]byte", "bytes", "py4go_strview", "C.py4go_strview", "PyObject *", "*C.PyObject")
