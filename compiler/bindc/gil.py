"""Which bound functions release the GIL around their Go call.

Releasing lets other Python threads run while Go works, and it is what makes a callback
invoked from another goroutine possible at all (that goroutine must take the GIL, which the
calling thread would otherwise keep until the Go call returns: a deadlock). It costs two
extra C calls per Go call (measured in docs/gil.md), so the default depends on the function:

* a function taking a ``context.Context`` (filled by bindc): always, and by the runtime, which
  runs the call on a goroutine and waits for it watching for Ctrl-C (:mod:`bindc.typemap.contexts`);
* ``//py4go:nogil`` on the function: release;
* ``//py4go:gil``: hold (a function taking funcs then must call them on its own goroutine);
* otherwise: release when a parameter is a func (a callback), an interface that Python
  objects may implement (a proxy calls back the same way) or an ``io.Reader`` (a file's
  ``read`` is called back), or when the function is a method of a type that keeps funcs or
  interface values (``Cron`` keeps its jobs: ``Entries()`` waits for the goroutine calling
  them), hold for everything else.
"""

from __future__ import annotations

from bindc.resolve import BoundFunction
from bindc.typemap.funcs import func_mappings_in
from bindc.typemap.interfaces import interfaces_in
from bindc.typemap.wellknown import calls_back_python

#: Whether functions without a directive and without func parameters release the GIL.
RELEASE_BY_DEFAULT = False


def releases_gil(fn: BoundFunction) -> bool:
    """True when the trampoline of ``fn`` must release the GIL around the Go call."""
    if fn.context is not None:
        return True
    if fn.func.directive("nogil") is not None:
        return True
    if fn.func.directive("gil") is not None:
        return False
    if fn.receiver is not None and fn.receiver.keeps_callbacks:
        # c.Entries() asks the goroutine running Python's Schedule.Next for a snapshot: holding
        # the GIL while waiting for it would deadlock.
        return True
    params = [bp.mapping for bp in fn.params] + ([fn.variadic.mapping] if fn.variadic else [])
    # func_mappings_in also sees a named func type (type Option func(*Server)) and a []func().
    calls_back = any(func_mappings_in(m) or any(i.proxy for i in interfaces_in(m)) or calls_back_python(m)
                     for m in params)
    return calls_back or RELEASE_BY_DEFAULT
