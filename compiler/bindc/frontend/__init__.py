"""The bindc frontend: Go source read with tree-sitter into the IR of :mod:`bindc.ir`.

Public API:

* :func:`locate_package` — a directory or import path to a :class:`LocatedPackage`;
* :func:`load_package` — every file of a package that builds on the target, as a
  :class:`~bindc.ir.Package` plus diagnostics;
* :func:`parse_source` — one file, as a :class:`ParsedFile` plus diagnostics.

Nothing here raises on bad Go input: problems come back as
:class:`~bindc.diagnostics.Diagnostic` values with ``file:line:col``.
"""

from bindc.frontend.constraints import BuildContext, ConstraintSyntaxError
from bindc.frontend.locate import LocatedPackage, PackageNotFoundError, locate_package
from bindc.frontend.package import load_package
from bindc.frontend.parse import ParsedFile, parse_source

__all__ = [
    "BuildContext",
    "ConstraintSyntaxError",
    "LocatedPackage",
    "PackageNotFoundError",
    "ParsedFile",
    "load_package",
    "locate_package",
    "parse_source",
]
