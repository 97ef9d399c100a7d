"""py4go's own PEP 517 / PEP 660 build backend (``backend-path = ["compiler"]`` in pyproject.toml).

A wheel of py4go is the ``bindc`` package plus, as package data under ``bindc/_data/``, the
``runtime/`` Go module and the ``grammar/`` queries that :mod:`bindc.resources` looks for
there. An editable install is a ``.pth`` file naming ``compiler/``; bindc then finds
``runtime/`` and ``grammar/`` in the checkout itself. Nothing but the standard library is
needed, so ``pip wheel --no-build-isolation .`` works offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bindc.wheelfile import (WheelWriter, core_metadata, entry_points, load_pyproject, project_table,
                             walk, write_sdist)

#: Top-level folders of the checkout shipped inside the wheel as ``bindc/_data/<name>``.
DATA_FOLDERS = ("runtime", "grammar")
#: What an sdist holds besides pyproject.toml (tests and docs too: it is the whole source).
SDIST_ENTRIES = ("README.md", "compiler", "runtime", "grammar", "docs", "examples", "tests")


def _root() -> Path:
    return Path.cwd()


def _writer(root: Path, editable: bool = False) -> WheelWriter:
    project = project_table(load_pyproject(root), root)
    wheel = WheelWriter(project["name"], project["version"], "py3-none-any", root_is_purelib=True)
    wheel.add_metadata(core_metadata(project, root), entry_points(project))
    if editable:
        wheel.add(f"__editable__.{wheel.dist}-{wheel.version}.pth", f"{(root / 'compiler').resolve()}\n")
    return wheel


def build_wheel(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                metadata_directory: str | None = None) -> str:
    """PEP 517: the py4go wheel (bindc + runtime/ + grammar/ as package data)."""
    root = _root()
    wheel = _writer(root)
    for path in walk(root / "compiler" / "bindc"):
        relative = path.relative_to(root / "compiler").as_posix()
        if not relative.startswith("bindc/_data/"):
            wheel.add_path(relative, path)
    for name in DATA_FOLDERS:
        wheel.add_tree(f"bindc/_data/{name}", root / name)
    return wheel.write(Path(wheel_directory)).name


def build_editable(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                   metadata_directory: str | None = None) -> str:
    """PEP 660: a wheel whose ``.pth`` puts ``compiler/`` of this checkout on ``sys.path``."""
    return _writer(_root(), editable=True).write(Path(wheel_directory)).name


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    """PEP 517: the source distribution."""
    root = _root()
    project = project_table(load_pyproject(root), root)
    files = [("pyproject.toml", root / "pyproject.toml")]
    for entry in SDIST_ENTRIES:
        path = root / entry
        if path.is_file():
            files.append((entry, path))
        elif path.is_dir():
            files += [(p.relative_to(root).as_posix(), p) for p in walk(path)]
    return write_sdist(Path(sdist_directory), project["name"], project["version"], files,
                       core_metadata(project, root)).name


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """Nothing beyond the standard library."""
    return []


get_requires_for_build_editable = get_requires_for_build_sdist = get_requires_for_build_wheel
