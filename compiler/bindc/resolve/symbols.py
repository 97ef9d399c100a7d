"""The symbol table: one per generated module, the only place a generated name comes from.

Two namespaces are kept:

* the **Python module namespace** (functions, classes, enum classes, constants, exception
  classes, variable accessors, and the names bindc itself defines: ``GoError``, ``GoPanic``).
  A pass *claims* a name for a declaration; a name already claimed is refused and the pass
  reports the clash at the later declaration (first claim wins, in pass order).
* the **C and Go identifiers** the output declares: C statics and ``//export``-ed Go
  trampolines (which are global C symbols of the final binary), and in-package Go helpers
  (which share the bound package's namespace). Each request gives a *stem* and the
  *templates* it fills (``bindcpy_{}``, ``bindcgo_{}``, ``bindcdoc_{}``); the table tries the
  stem, then ``stem_2``, ``stem_3``... until every template is free, reserves them all and
  remembers the stem under the requester's key. So two generated identifiers cannot collide,
  whatever the user names things: ``func (S) Init()`` gets ``bindcpy_pkg_S_init_2`` because
  the class's own ``tp_init`` wrapper took ``bindcpy_pkg_S_init`` first.

Names are handed out in pass order, structural names (method tables, class slots, field
accessors) before user-named functions, so a user's name is the one that steps aside.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

#: Names every generated module defines itself; a bound declaration may not take them.
RESERVED_MODULE_NAMES = frozenset({"GoError", "GoPanic", "aio", "vec"})  # aio, vec: bindc.emit.aio, bindc.emit.vec


class SymbolTable:
    """Every Python name and C/Go identifier of one generated module (see the module doc)."""

    def __init__(self, module: str, go_taken: Iterable[str] = ()) -> None:
        self.module = module
        self._python: dict[str, str] = {name: "bindc" for name in RESERVED_MODULE_NAMES}
        self._idents: set[str] = set(go_taken)
        self._stems: dict[Hashable, str] = {}

    # ---- the Python module namespace -------------------------------------------------------

    def claim(self, name: str, owner: str) -> str | None:
        """Claim module attribute ``name`` for ``owner`` (a description such as ``type Point``).
        Returns None on success, else the description of the declaration holding it."""
        holder = self._python.get(name)
        if holder is not None:
            return holder
        self._python[name] = owner
        return None

    def owner(self, name: str) -> str | None:
        """Who holds module attribute ``name`` (None when it is free)."""
        return self._python.get(name)

    @property
    def python_names(self) -> frozenset[str]:
        """Every module attribute name claimed so far (bindc's own included)."""
        return frozenset(self._python)

    # ---- C and Go identifiers --------------------------------------------------------------

    def allocate(self, key: Hashable, stem: str, templates: tuple[str, ...]) -> str:
        """Reserve ``template.format(s)`` for every template with the first free ``s`` of
        ``stem``, ``stem_2``, ``stem_3``...; remember and return ``s`` for ``key``. Asking again
        for the same key returns the stem handed out the first time."""
        if key in self._stems:
            return self._stems[key]
        candidate, n = stem, 1
        while any(t.format(candidate) in self._idents for t in templates):
            n += 1
            candidate = f"{stem}_{n}"
        self._idents.update(t.format(candidate) for t in templates)
        self._stems[key] = candidate
        return candidate

    def reserve(self, *idents: str) -> None:
        """Reserve identifiers whose spelling is fixed (module init, method table...). They are
        reserved first, so nothing allocated later can take them."""
        self._idents.update(idents)

    def stem(self, key: Hashable) -> str:
        """The stem handed out for ``key``; KeyError means a pass forgot to allocate it."""
        return self._stems[key]

    def is_taken(self, ident: str) -> bool:
        """Whether a generated (or, in-package, user) identifier already has this spelling."""
        return ident in self._idents
