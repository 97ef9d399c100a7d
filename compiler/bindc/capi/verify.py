"""Checking the C functions type mappings emit against the C-API model, before any C compiler runs.

Type mappings declare each C-API call they emit as a :class:`CSignature` (or a :class:`CMacro`);
:func:`verify` reports every one that the target headers lack or declare differently, so a
mapping written for one Python version fails with a message naming the function and the header
instead of a C compiler error in generated code (or, worse, a silent width mismatch).
"""

from __future__ import annotations

from typing import Iterable

from bindc.capi.canonical import canonicalize
from bindc.capi.model import CApiModel, CFunction, CMacro, CSignature, CType
from bindc.diagnostics import Diagnostic, Severity


def verify(model: CApiModel, requirements: Iterable[CSignature | CMacro]) -> list[Diagnostic]:
    """Diagnostics for every requirement the model does not satisfy (all of them, in order).

    Errors: a missing function or macro, a signature that differs, an expected signature clang
    cannot read. Warnings: a function the headers mark deprecated.
    """
    items = list(requirements)
    declared = _declared(model, [r for r in items if isinstance(r, CSignature)])
    canonical = dict(zip(declared, canonicalize(model, declared)))
    diagnostics: list[Diagnostic] = []
    for item in items:
        if isinstance(item, CMacro):
            diagnostics += _macro_diagnostics(model, item)
        else:
            diagnostics += _signature_diagnostics(model, item, canonical.get(item))
    return diagnostics


def signature_problems(model: CApiModel, expected: CSignature) -> list[str]:
    """The messages :func:`verify` would give for one signature, as plain strings."""
    return [d.message for d in verify(model, [expected])]


def _declared(model: CApiModel, signatures: list[CSignature]) -> list[CSignature]:
    # Only signatures whose function exists need clang; the rest are reported as missing.
    return [s for s in signatures if model.lookup(s.name) is not None]


def _needed_by(needed_by: str) -> str:
    return f" (needed by {needed_by})" if needed_by else ""


def _headers(model: CApiModel) -> str:
    if model.limited_api is not None:
        return (f"the limited API (Py_LIMITED_API=0x{model.limited_api:08x}) of the Python "
                f"{model.python_minor} headers at {model.include_dir}")
    return f"Python {model.python_minor} headers at {model.include_dir}"


def _missing_message(model: CApiModel, name: str, needed_by: str) -> str:
    text = f"{name} is not declared by {_headers(model)}{_needed_by(needed_by)}"
    if name.startswith("py4go_") and not model.includes_runtime:
        text += "; this model was built without py4go.h (load_model(include_runtime=True))"
    return text


def _macro_diagnostics(model: CApiModel, macro: CMacro) -> list[Diagnostic]:
    # A function serves as well as a macro: the call site looks the same.
    if model.is_macro(macro.name) or model.lookup(macro.name) is not None:
        return []
    return [Diagnostic(Severity.ERROR, _missing_message(model, macro.name, macro.needed_by))]


def _signature_diagnostics(model: CApiModel, sig: CSignature, expected: CFunction | str | None) -> list[Diagnostic]:
    found = model.lookup(sig.name)
    needed = _needed_by(sig.needed_by)
    if found is None:
        if model.is_macro(sig.name):
            message = (
                f"{sig.name} is a function-like macro in {_headers(model)}, not a function, so "
                f"`{sig.c_decl()}` cannot be checked; declare it as CMacro({sig.name!r}){needed}"
            )
        else:
            message = _missing_message(model, sig.name, sig.needed_by)
        return [Diagnostic(Severity.ERROR, message)]
    if isinstance(expected, str) or expected is None:
        return [Diagnostic(Severity.ERROR, f"{sig.name}: {expected or 'not canonicalized'}{needed}")]

    result = []
    differences = _differences(expected, found)
    if differences:
        result.append(
            Diagnostic(
                Severity.ERROR,
                f"{sig.name} does not match {_headers(model)}{needed}:\n"
                f"    expected: {sig.c_decl()}\n"
                f"    found:    {found.c_decl()}  ({found.location})\n"
                + "".join(f"    - {d}\n" for d in differences).rstrip("\n"),
            )
        )
    if found.deprecated:
        result.append(Diagnostic(Severity.WARNING, f"{sig.name} is deprecated in {_headers(model)} ({found.location}){needed}"))
    return result


def _differences(expected: CFunction, found: CFunction) -> list[str]:
    """What differs between two signatures, in canonical terms, one line per difference."""
    out = []
    if expected.returns != found.returns:
        out.append(f"return type: expected {_show(expected.returns)}, found {_show(found.returns)}")
    if len(expected.params) != len(found.params):
        out.append(f"expected {len(expected.params)} parameter(s), found {len(found.params)}")
    for i, (want, have) in enumerate(zip(expected.params, found.params), start=1):
        if want != have:
            name = f" ({found.param_names[i - 1]})" if found.param_names and found.param_names[i - 1] else ""
            out.append(f"parameter {i}{name}: expected {_show(want)}, found {_show(have)}")
    if expected.variadic != found.variadic:
        out.append("expected a variadic function" if expected.variadic else "found a variadic function")
    return out


def _show(t: CType) -> str:
    """``Py_ssize_t`` = ``long``: the written spelling and, when different, the canonical one."""
    if t.spelling and t.spelling != t.canonical:
        return f"`{t.spelling}` (= `{t.canonical}`)"
    return f"`{t.canonical}`"
