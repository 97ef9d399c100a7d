"""Deciding what to bind: from a parsed :class:`~bindc.ir.Package` to a :class:`BoundModule`.

Resolution is a fixed sequence of passes over one :class:`~bindc.resolve.state.ResolveState`.
Each pass reads what the earlier ones produced and adds its own layer; none calls back into an
earlier one (module imports point the same way: a pass imports only earlier passes, the model
and the symbol table).

====  =================  ==================================================================
 #    pass               adds
====  =================  ==================================================================
 0    ``generic_types``  a concrete declaration per requested generic-type instantiation (``Set[string]``)
 1    ``types``          the type environment; which Go types become classes
 2    ``foreign``        which struct types of other packages become classes (to depth 2)
 3    ``classes``        class names (claimed), fields, constructor arguments, method sets
 4    ``functions``      package functions and class methods, with their type mappings
 4b   ``instances``      generic functions, once per requested instantiation (``map_int_str``)
 5    ``outparams``      ``any`` parameters Go decodes into (``json.Unmarshal``'s ``v``)
 6    ``values``         enum classes (with their methods), constants, imported enums
 7    ``variables``      ``get_x``/``set_x`` accessors; error variables set aside
 8    ``sentinels``      exception classes for the error variables
 9    ``names``          every generated C and Go identifier
====  =================  ==================================================================

One :class:`~bindc.resolve.symbols.SymbolTable` per module hands out every name the output
declares: passes 2-8 claim Python names in the module namespace (first claim wins; a later
clash is a diagnostic at the later declaration), and the names pass allocates the C and Go
identifiers so that no two of them can be spelled alike. The emitters only read it.

After the passes, :func:`~bindc.resolve.summary.summarize` counts the exported declarations
against what was bound (``bound 99 of 108 exported declarations; skipped 9: 7 *big.Int, ...``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping

from bindc.diagnostics import DiagnosticSink
from bindc.ir import Package
from bindc.frontend.instances import InstanceRequest
from bindc.resolve import (classes, foreign, functions, generic_types, instances, names, outparams, sentinels, types,
                          values, variables)
from bindc.resolve.functions import bind_function, wanted
from bindc.resolve.model import (BoundClass, BoundConstant, BoundEnum, BoundField, BoundFunction, BoundModule,
                                 BoundParam, BoundReceiver, BoundResult, BoundSentinel, ModuleValues)
from bindc.resolve.state import ResolveState
from bindc.resolve.symbols import RESERVED_MODULE_NAMES, SymbolTable
from bindc.resolve.summary import summarize
from bindc.resolve.types import package_level_names

#: The passes, in the order they run.
PASSES = (generic_types, types, foreign, classes, functions, instances, outparams, values, variables, sentinels, names)

__all__ = ["BoundClass", "BoundConstant", "BoundEnum", "BoundField", "BoundFunction", "BoundModule", "BoundParam",
           "BoundReceiver", "BoundResult", "BoundSentinel", "ModuleValues", "PASSES", "RESERVED_MODULE_NAMES",
           "bind_function", "resolve", "wanted"]


if TYPE_CHECKING:
    from bindc.typemap.classes import SiblingClass


#: Names a module defines when the package passes Go channels (see :func:`_mentions_channels`).
CHANNEL_MODULE_NAMES = ("Channel", "ChannelClosed")


def _mentions_channels(package: Package) -> bool:
    """Whether a signature or type declaration of ``package`` spells a channel type: then its
    module may define ``Channel``, and a Go type of that name must take another Python name.
    A package without channels keeps ``type Channel struct`` as ``Channel``."""
    spelled = [p.type.go_syntax() for f in package.funcs for p in f.params + f.results]
    spelled += [d.type.go_syntax() for d in package.types]
    return any(re.search(r"\bchan\b", text) for text in spelled)


def resolve(package: Package, module_name: str, sink: DiagnosticSink, *,
            target_import: str | None = None, siblings: "Mapping[tuple[str, str], SiblingClass] | None" = None,
            instantiate: tuple[InstanceRequest, ...] = ()) -> BoundModule:
    """Build the binding plan for ``package`` as Python module ``module_name``.

    With ``target_import`` (``bindc generate --out``) only the exported API is bound and the
    generated package calls it through that import path. ``siblings`` are the classes of the
    other modules of a bundle (one shared library), which this module's API may take and return.
    ``instantiate`` are the command line's instantiations of generic functions (``--instantiate``).
    """
    in_package = target_import is None
    # In-package, generated Go functions share the package's namespace: its names are taken.
    symbols = SymbolTable(module_name, package_level_names(package) if in_package else ())
    if _mentions_channels(package):
        # The module then defines Channel and ChannelClosed itself (bindc.emit.channels).
        for name in CHANNEL_MODULE_NAMES:
            symbols.claim(name, "bindc")
    state = ResolveState(package, module_name, sink, target_import, symbols, requests=instantiate,
                         siblings=dict(siblings or {}))
    for p in PASSES:
        p.run(state)
    return BoundModule(
        name=module_name,
        go_package=package.name if in_package else module_name,
        package=state.package,  # with the generic-types pass's instantiations
        functions=tuple(sorted(state.functions, key=lambda f: f.func.span)),
        target_import=target_import,
        classes=tuple(state.classes),
        values=ModuleValues(tuple(state.enums), tuple(state.constants), tuple(state.sentinels)),
        symbols=symbols,
        imports=tuple(state.env.imports.items()),
        summary=summarize(state),
        sibling_classes=tuple(state.siblings.values()),
    )
