"""Pass 8, sentinels: exported ``error`` variables as Python exception classes.

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
``errors.New`` or ``fmt.Errorf`` (the standard library's way to make one); the variables pass
sets those aside (:func:`bindc.resolve.variables.is_sentinel`). The runtime reads
the live variable at each check (a getter is registered, not a copy of the value).
"""

from __future__ import annotations

from bindc.resolve.model import BoundSentinel, attr_name
from bindc.resolve.state import ResolveState


def run(state: ResolveState) -> None:
    """The sentinel classes of the error variables the variables pass set aside
    (``state.sentinels``); a name clash skips the variable with a warning."""
    for decl in state.error_variables:
        export = next((d for d in decl.directives if d.kind == "export" and d.arg), None)
        py_name = export.arg if export is not None and export.arg else attr_name(decl.name)
        if state.symbols.claim(py_name, decl.name) is not None:
            state.sink.skipped(f"var {decl.name}", "name clash")
            state.sink.warning(f"{decl.name} skipped: Python name {py_name!r} is already used in the module",
                               decl.span)
            continue
        state.sentinels.append(BoundSentinel(decl, py_name))
