"""The resolve package is a sequence of passes that never call back up (bindc.resolve docs)."""

from __future__ import annotations

import ast
from pathlib import Path

import bindc.resolve as resolve_pkg
from bindc.resolve import PASSES

PASS_NAMES = [p.__name__.rsplit(".", 1)[-1] for p in PASSES]
#: Modules every pass may use: the data they exchange, the symbol table, and pure functions of
#: the model (which Go method shapes give a protocol).
SHARED = {"model", "state", "symbols", "go_protocols"}
#: Helpers of one pass that are not passes themselves (they may import no pass either).
HELPERS = {"generics", "instance_names", "stdlib_instances", "instance_requests", "variable_types"}


def _resolve_imports(path: Path) -> set[str]:
    """The ``bindc.resolve.*`` submodules a file imports (at any depth of the file)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bindc.resolve."):
            out.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[2] for a in node.names if a.name.startswith("bindc.resolve.")}
    return out


def test_pass_order_is_the_documented_one():
    assert PASS_NAMES == ["generic_types", "types", "foreign", "classes", "functions", "instances", "outparams", "values", "variables",
                          "sentinels", "names"]


def test_a_pass_imports_only_earlier_passes():
    folder = Path(resolve_pkg.__file__).parent
    for i, name in enumerate(PASS_NAMES):
        imported = _resolve_imports(folder / f"{name}.py") - SHARED - HELPERS
        later = imported - set(PASS_NAMES[:i])
        assert not later, f"pass {name} imports {sorted(later)}, which run after it"


def test_shared_modules_import_no_pass():
    folder = Path(resolve_pkg.__file__).parent
    for name in SHARED:
        assert _resolve_imports(folder / f"{name}.py") <= SHARED, name


def test_pass_helpers_import_no_pass():
    folder = Path(resolve_pkg.__file__).parent
    for name in HELPERS:
        assert not _resolve_imports(folder / f"{name}.py") & set(PASS_NAMES), name
