"""A leading ``context.Context`` parameter: bindc fills it, Python never passes it.

| Go | Python |
| --- | --- |
| ``func F(ctx context.Context, x T) (R, error)`` | ``f(x, /, *, timeout: float \\| None = None) -> R`` |

The context is made per call by the runtime (``runtime/bindcrt/bindc_context.go``): ``timeout``
seconds become ``context.WithTimeout``; the Go function runs on a goroutine while the calling
thread waits with the GIL released, waking every few milliseconds to let Python run its
signal handlers, so Ctrl-C (a ``KeyboardInterrupt`` raised by the main thread's handler)
cancels the context and the call returns with that exception. A deadline that passes raises
``TimeoutError``. The context is cancelled when the call returns, which ends goroutines the Go
function started on it. Only the first parameter is filled this way (Go's convention); a
context elsewhere is not bound.

This is not a :class:`~bindc.typemap.base.TypeMapping`: nothing crosses the boundary. The
resolver drops the parameter from the Python signature and records it on the bound function
(``BoundFunction.context``); the emitters read that one flag.
"""

from __future__ import annotations

from bindc.capi import CSignature
from bindc.ir import GoType, NamedType
from bindc.typemap.env import TypeEnv

#: The keyword-only parameter every context-taking function gets, and its stub annotation.
TIMEOUT_KEYWORD = "timeout"
TIMEOUT_ANNOTATION = "float | None"

#: The runtime's C helper a wrapper of a context-taking function calls (checked by libclang).
CONTEXT_CAPI: tuple[CSignature, ...] = (
    CSignature("py4go_bind_timeout", "int", ("const char *", "PyObject *const *", "PyObject *", "double *")),
)


def is_context(t: GoType, env: TypeEnv) -> bool:
    """True when ``t`` is ``context.Context`` as the package names it (any import alias)."""
    return (isinstance(t, NamedType) and t.package is not None and not t.type_args
            and t.name == "Context" and env.imports.get(t.package) == "context")
