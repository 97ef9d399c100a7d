"""Sentinel errors: exported ``error`` variables as Python exception classes.

Go code signals kinds of failure with package variables (``var ErrRange =
errors.New("value out of range")``) that callers test with ``errors.Is(err, strconv.ErrRange)``.
Each such variable becomes an exception class of the module, named like the variable and
deriving from ``GoError``, so Python code writes ``except go_strconv.ErrRange``. A Go error
returned by any function of the module that ``errors.Is`` a sentinel is raised as that class;
when the error's own type is a bound error class (``*strconv.NumError`` wrapping
``ErrRange``), the exception is an instance of a subclass of both, so ``except NumError`` and
``except ErrRange`` both catch it and ``e.err``-style fields stay readable. The first
sentinel in declaration order that matches wins.

A variable is a sentinel when its type is written ``error``, or its initialiser is a call of
``errors.New`` or ``fmt.Errorf`` (the standard library's way to make one). The runtime reads
the live variable at each check (a getter is registered, not a copy of the value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bindc.diagnostics import DiagnosticSink
from bindc.ir import ValueDecl
from bindc.typemap.env import TypeEnv
from bindc.typemap.registry import is_error_type

#: Calls that make a new error value, by import path of the package and function name.
_CONSTRUCTORS = {("errors", "New"), ("fmt", "Errorf")}
_CALL = re.compile(r"\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*\(")


@dataclass(frozen=True)
class BoundSentinel:
    """An exported Go error variable as the exception class ``py_name`` (a GoError subclass)."""

    decl: ValueDecl
    py_name: str

    @property
    def doc(self) -> str:
        """The class docstring: the Go doc comment, or a sentence naming the variable."""
        return self.decl.doc or f"The Go error value {self.decl.name}."


def is_sentinel(decl: ValueDecl, env: TypeEnv) -> bool:
    """Whether the package variable ``decl`` is an error value (see the module doc)."""
    if decl.kind != "var":
        return False
    if decl.type is not None:
        return is_error_type(decl.type, env)
    m = _CALL.match(decl.value or "")
    return m is not None and (env.imports.get(m.group(1)), m.group(2)) in _CONSTRUCTORS


def resolve_sentinels(env: TypeEnv, sink: DiagnosticSink, taken: set[str]) -> tuple[BoundSentinel, ...]:
    """The sentinel classes of ``env``'s package; ``taken`` holds the module's names in use
    (a clash skips the variable with a warning)."""
    from bindc.resolve.values import attr_name

    out: list[BoundSentinel] = []
    for decl in env.package.values:
        if not decl.exported or any(d.kind == "skip" for d in decl.directives) or not is_sentinel(decl, env):
            continue
        export = next((d for d in decl.directives if d.kind == "export" and d.arg), None)
        py_name = export.arg if export is not None and export.arg else attr_name(decl.name)
        if py_name in taken:
            sink.warning(f"{decl.name} skipped: Python name {py_name!r} is already used in the module", decl.span)
            continue
        taken.add(py_name)
        out.append(BoundSentinel(decl, py_name))
    return tuple(out)
