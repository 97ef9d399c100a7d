"""What a package module re-exports from its own submodules, found as a type checker finds it.

Published packages rarely define their API in ``__init__``: ``tomli/__init__.py`` is
``from ._parser import loads, load, TOMLDecodeError``, ``more_itertools`` is
``from .more import *``. A type checker follows those imports, so ``bindc go tomli`` must too.
A name counts as re-exported (PEP 484's stub rules, mypy's for ``.py`` files) when it is
public and

- the module has an ``__all__`` that lists it, or
- in a ``.pyi`` stub, it is imported as ``from .x import name as name``, or
- in a ``.py`` file without ``__all__``, it is imported at all;

``from .x import *`` brings ``x``'s ``__all__`` (or its public names). Only imports from the
same top-level package are followed: a name of another distribution is not this module's API.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

STAR = "*"


@dataclass(frozen=True)
class ReExport:
    """Names that one ``from ... import`` of the same package brings into the module."""

    module: str                         # the submodule's dotted name
    file: Path                          # its .pyi or .py
    names: tuple[tuple[str, str], ...]  # (name in the submodule, public name); (STAR, STAR) for *


def declared_all(stmts: list[ast.stmt]) -> set[str] | None:
    """The module's ``__all__`` when it is a literal list or tuple of strings (``+=`` included)."""
    names: set[str] | None = None
    for stmt in stmts:
        if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
            if not (isinstance(target, ast.Name) and target.id == "__all__") or stmt.value is None:
                continue
            if not isinstance(stmt.value, (ast.List, ast.Tuple)):
                continue
            items = {e.value for e in stmt.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            names = items if names is None or isinstance(stmt, (ast.Assign, ast.AnnAssign)) else names | items
    return names


def _package(path: Path, module: str) -> tuple[Path, list[str]] | None:
    """The directory and dotted parts of the package ``module`` (at ``path``) belongs to."""
    parts = module.split(".")
    pkg = parts if path.stem == "__init__" else parts[:-1]
    return (path.parent, pkg) if pkg else None


def _target(stmt: ast.ImportFrom, pkg: list[str]) -> str | None:
    """The absolute module an ``import from`` names, or None when it leaves the package."""
    if stmt.level == 0:
        return stmt.module
    if stmt.level - 1 >= len(pkg):
        return None
    base = pkg[:len(pkg) - (stmt.level - 1)]
    return ".".join(base + ([stmt.module] if stmt.module else []))


def _file_of(pkg_dir: Path, pkg: list[str], target: str) -> Path | None:
    """The stub (preferred) or source of ``target``, a module of the same top-level package."""
    parts = target.split(".")
    if parts[0] != pkg[0]:
        return None
    top = pkg_dir
    for _ in pkg[1:]:
        top = top.parent
    base = top.joinpath(*parts[1:])
    candidates = [base / "__init__.pyi", base / "__init__.py"]
    if len(parts) > 1:
        candidates = [base.with_suffix(".pyi"), base.with_suffix(".py"), *candidates]
    return next((c for c in candidates if c.is_file()), None)


def find_reexports(path: Path, module: str, stmts: list[ast.stmt]) -> list[ReExport]:
    """The same-package imports of ``module`` (read from ``path``) whose names it re-exports."""
    located = _package(path, module)
    if located is None:
        return []
    pkg_dir, pkg = located
    exported = declared_all(stmts)
    stub = path.suffix == ".pyi"
    found: list[ReExport] = []
    for stmt in stmts:
        if not isinstance(stmt, ast.ImportFrom):
            continue
        target = _target(stmt, pkg)
        if target is None or target == module:
            continue
        file = _file_of(pkg_dir, pkg, target)
        if file is None or file.resolve() == path.resolve():
            continue
        names = []
        for alias in stmt.names:
            if alias.name == STAR:
                names.append((STAR, STAR))
                continue
            public = alias.asname or alias.name
            if public.startswith("_"):
                continue
            if exported is not None:
                keep = public in exported
            else:
                keep = alias.asname == alias.name if stub else True
            if keep:
                names.append((alias.name, public))
        if names:
            found.append(ReExport(target, file, tuple(names)))
    return found
