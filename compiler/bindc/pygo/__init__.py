"""``bindc go``: typed Go wrappers for Python modules, generated from Python's own signatures.

Passes, each reading only what the earlier ones produced:

- :mod:`.source` finds the files (a ``.py``, a ``.pyi``, a directory, or a module's stub as a
  type checker finds it);
- :mod:`.reader` turns them into the :mod:`.model` (``ast`` only: nothing is imported);
- :mod:`.typemap` decides the Go type and the conversions of every Python type;
- :mod:`.names` hands out every Go identifier from one symbol table;
- :mod:`.emitter` prints the Go package; :mod:`.driver` formats it and returns the files.
"""
