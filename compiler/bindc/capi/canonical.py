"""Canonical types for the signatures type mappings *expect*, computed by clang itself.

A mapping writes ``"Py_ssize_t *"`` or ``"PyObject *const *"``; the model holds canonical
spellings (``long *``, ``struct _object *const *``). Rather than re-implement C declarator
syntax, each expected signature becomes a function typedef in a tiny translation unit, and
clang spells its canonical types. The typedef names the signatures use are declared from the
model's typedef table (``typedef __typeof__(<canonical>) Py_ssize_t;``), so this needs neither
Python.h nor a re-parse of it: the TU is a few lines and parses in about a millisecond.
"""

from __future__ import annotations

import re
from typing import Iterable

from bindc.capi.libclang import clang_diagnostics, gcc_builtin_include, new_index
from bindc.capi.model import CApiModel, CFunction, CSignature, CType

_IDENT = re.compile(r"\b[A-Za-z_]\w*\b")
_EXPECTED = "bindc_expected_"
_SOURCE = "bindc_expected_signatures.c"


def canonicalize(model: CApiModel, signatures: Iterable[CSignature]) -> list[CFunction | str]:
    """For each signature, its canonical :class:`CFunction` or a message saying why clang rejected it.

    The returned functions carry the expected spellings (for messages) and no location.
    """
    import clang.cindex as ci

    sigs = list(signatures)
    if not sigs:
        return []
    lines = ["#include <stdbool.h>"]  # `bool` is a macro in C; mappings may well write it
    lines += _typedef_lines(model, sigs)
    first = len(lines) + 1  # 1-based line of signature 0
    for i, sig in enumerate(sigs):
        params = list(sig.params) + (["..."] if sig.variadic else [])
        lines.append(f"typedef {sig.returns} {_EXPECTED}{i}({', '.join(params) or 'void'});")
    source = "\n".join(lines) + "\n"

    tu = new_index().parse(_SOURCE, args=["-x", "c", "-std=gnu11", *gcc_builtin_include()], unsaved_files=[(_SOURCE, source)])
    problems: dict[int, list[str]] = {}
    for d in clang_diagnostics(tu):
        index = d.span.line - first if d.span is not None else -1
        problems.setdefault(index if 0 <= index < len(sigs) else -1, []).append(d.message)

    results: list[CFunction | str] = []
    found = {c.spelling: c for c in tu.cursor.get_children() if c.kind == ci.CursorKind.TYPEDEF_DECL}
    for i, sig in enumerate(sigs):
        errors = problems.get(i, []) + problems.get(-1, [])
        cursor = found.get(f"{_EXPECTED}{i}")
        if errors or cursor is None:
            results.append(f"clang cannot read the expected signature `{sig.c_decl()}`: {'; '.join(errors) or 'no declaration'}")
            continue
        ftype = cursor.underlying_typedef_type.get_canonical()
        results.append(
            CFunction(
                name=sig.name,
                returns=CType(ftype.get_result().spelling, sig.returns),
                params=tuple(CType(t.spelling, s) for t, s in zip(ftype.argument_types(), sig.params)),
                variadic=ftype.is_function_variadic(),
            )
        )
    return results


def _typedef_lines(model: CApiModel, sigs: list[CSignature]) -> list[str]:
    """Declarations of every model typedef the signatures mention, dependencies first."""
    wanted: list[str] = []
    pending = [name for sig in sigs for spelling in (sig.returns, *sig.params) for name in _IDENT.findall(spelling)]
    while pending:
        name = pending.pop()
        if name in model.typedefs and name not in wanted:
            wanted.append(name)
            pending.extend(_IDENT.findall(model.typedefs[name]))
    # A canonical spelling names another typedef only when that typedef is an anonymous
    # struct/enum (clang prints it by the typedef's name); declare those first, as tags.
    anonymous = [n for n in wanted if model.typedefs[n] == n]
    named = [n for n in wanted if model.typedefs[n] != n]
    return [f"typedef struct {{ int bindc_opaque; }} {n};" for n in anonymous] + [
        f"typedef __typeof__({model.typedefs[n]}) {n};" for n in named
    ]
