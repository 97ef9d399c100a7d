"""The contract every type mapping fulfils."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from bindc.capi import CSignature
from bindc.ir import GoType


@dataclass(frozen=True)
class ArgSite:
    """Where an argument is converted: used in error messages the user sees.

    ``fn`` is the Python-visible function name, ``pos`` the 1-based argument position (or a
    C expression computing it, for the elements of a variadic parameter).
    """

    fn: str
    pos: int | str


def c_string(text: str) -> str:
    """A C string literal for ``text`` (UTF-8, escaped; safe for any input)."""
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0x20 <= byte < 0x7F and ch != "?":  # '?' avoided: trigraphs
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def go_string(text: str) -> str:
    """A Go interpreted string literal for ``text``."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


class GoRefs:
    """How the generated Go file spells things: the qualifiers it imports the py4go runtime and
    ``unsafe`` under, and every Go type, qualified for the file it lands in.

    Mappings spell Go code through this, so an import renamed to avoid a clash with the user's
    identifiers, or a type of the bound package seen from a wrapper package (``--out``), is
    still written correctly.
    """

    def __init__(self, rt: str = "py4go", unsafe: str = "unsafe",
                 type_syntax: "Callable[[GoType], str] | None" = None) -> None:
        self.rt = rt
        self.unsafe = unsafe
        self._type_syntax = type_syntax or (lambda t: t.go_syntax())

    def type_syntax(self, t: GoType) -> str:
        """``t`` as the generated file must write it."""
        return self._type_syntax(t)


@dataclass(frozen=True)
class TypeMapping:
    """How one Go type crosses between Python and Go, in both directions.

    Arguments travel Python object -> C local in the wrapper (``c_arg_*``) -> parameter of the
    Go trampoline, declared with the cgo spelling ``cgo_arg_type`` -> Go value
    (``go_arg_value``). Results travel Go value -> out-parameter of C type ``c_result_type``
    (``go_result_store``) -> Python object built by the C wrapper (``c_result_object``).

    Subclasses fill in the hooks; ``capi`` lists every C function their emitted code calls.
    """

    go_type: str
    py_annotation: str
    c_arg_type: str
    cgo_arg_type: str
    c_result_type: str
    cgo_result_type: str

    @property
    def capi(self) -> tuple[CSignature, ...]:
        """C functions the code emitted for this mapping calls (verified against the headers)."""
        return ()

    @property
    def py_param_annotation(self) -> str:
        """The stub annotation for a parameter; may be wider than the result annotation
        (``Sequence[int]`` accepted, ``list[int]`` returned)."""
        return self.py_annotation

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        """``(module, name)`` pairs the annotations need in the stub, e.g. ``("typing", "Any")``."""
        return ()

    # -- Python -> Go (arguments) -----------------------------------------------------------

    @property
    def variadic_ok(self) -> bool:
        """Whether ``...T`` of this type is supported (needs no per-element release)."""
        return self.c_arg_release("x") is None

    def c_arg_locals(self, var: str) -> list[str]:
        """C declarations (with initialisers) the wrapper needs for one argument."""
        return [f"{self.c_arg_type} {var} = {self.c_zero};"]

    @property
    def c_zero(self) -> str:
        """A C initialiser for ``c_arg_type``."""
        return "0"

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        """A C expression converting ``obj`` into ``*target``; 0 on success, -1 raising."""
        raise NotImplementedError

    def c_arg_release(self, var: str) -> str | None:
        """A C statement releasing what conversion acquired, or None when nothing is held."""
        return None

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        """Go statements run before the call that ``go_arg_value`` may rely on; they may
        ``return -1`` after raising a Python exception. Most mappings need none."""
        return []

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        """A Go expression of ``go_type`` built from the trampoline parameter ``c_expr``."""
        raise NotImplementedError

    def go_arg_finish(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        """Go statements run right after the call (holding the GIL again) that write what the
        function stored into its argument back into the Python object (a list Go sorted, a
        dict json.Unmarshal filled: :mod:`bindc.typemap.inout`); they may ``return -1``
        after raising. Only for mappings whose ``go_arg_prepare`` kept what they need."""
        return []

    # -- Go -> Python (results) -------------------------------------------------------------

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        """Go statements storing the Go value ``value`` through the out-pointer ``out``.

        They may ``return -1`` after raising a Python exception.
        """
        raise NotImplementedError

    def c_result_locals(self, var: str) -> list[str]:
        """C declaration of the out-value the trampoline fills."""
        if self.c_result_type.endswith("*"):
            return [f"{self.c_result_type}{var} = NULL;"]
        return [f"{self.c_result_type} {var} = 0;"]

    def c_result_object(self, var: str) -> str:
        """A C expression giving a new reference to the Python value of ``var`` (NULL raises)."""
        raise NotImplementedError

    def c_result_release(self, var: str) -> str | None:
        """A C statement dropping a result the wrapper could not hand to Python, if needed."""
        return None


@dataclass(frozen=True)
class NewReferenceResult(TypeMapping):
    """A mapping whose trampoline builds the result itself, as a new Python reference in a
    ``PyObject *`` out-parameter: the wrapper hands it on, or drops it when the call fails."""

    def c_result_object(self, var: str) -> str:
        return var  # ownership moves to the caller

    def c_result_release(self, var: str) -> str | None:
        return f"Py_XDECREF({var});"
