"""Emitters: one per output language, all reading the same :class:`~bindc.resolve.BoundModule`.

- :mod:`bindc.emit.c_wrappers`: the ``.c`` file (METH_FASTCALL wrappers, method table, PyInit);
- :mod:`bindc.emit.go_trampolines`: the ``.go`` file (``//export`` trampolines, guards, Register);
- :mod:`bindc.emit.stubs`: the ``.pyi`` stub, through the stub model in :mod:`bindc.stubmodel`.
"""
