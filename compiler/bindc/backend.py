"""PEP 517 / PEP 660 build backend for Python projects whose extension modules are Go packages.

A project declares, in ``pyproject.toml``::

    [build-system]
    requires = ["py4go"]
    build-backend = "bindc.backend"

    [project]
    name = "demo"
    version = "0.1.0"

    [[tool.bindc.module]]
    name = "demo._fast"     # the extension module (here inside the project's package demo)
    package = "go/fast"     # the Go package directory, inside a Go module of the project

and ``pip wheel .``, ``pip install .``, ``pip install -e .`` and ``python -m build`` work.

* **wheel**: each module built with ``bindc build`` (``-trimpath``) for the interpreter running
  the backend, its ``.pyi`` beside it, ``py.typed`` in its package, plus the project's Python
  packages (every folder with ``__init__.py`` in ``src/`` when there is one, else in the project
  root; ``[tool.bindc] python-source`` overrides). Tag ``cpXY-cpXY-PLATFORM``.
* **editable**: the modules are built *in place* (next to the package's Python files) and a
  ``.pth`` puts the Python source folder on ``sys.path``. A changed Go file is rebuilt on the
  next ``pip install -e .`` (or ``bindc build``), not on import.
* **sdist**: every file of the project (VCS folders, caches, build outputs and compiled
  extensions excepted) with ``PKG-INFO``: Go sources, ``go.mod``/``go.sum`` included.

Several ``[[tool.bindc.module]]`` entries are linked into one library (one Go runtime) with a
generated loader module per entry (:func:`bindc.bundle.build_project_modules`).

``[tool.bindc] abi3 = true`` builds every module with ``bindc build --abi3`` (only the limited
API of CPython 3.11, named ``NAME.abi3.so``) and tags the wheel ``cp311-abi3-PLATFORM``: one
wheel for CPython 3.11 and later.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from bindc.wheelfile import (IGNORED_NAMES, ProjectError, WheelWriter, core_metadata, cpython_tag, entry_points,
                             load_pyproject, normalize_name, project_table, walk, write_sdist)

_Hook = TypeVar("_Hook", bound=Callable[..., Any])


def _hook(fn: _Hook) -> _Hook:
    """A PEP 517 hook whose :class:`ProjectError` ends the build with one line (what is wrong,
    where), not a traceback in pip's output."""
    import functools

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ProjectError as e:
            sys.stderr.write(f"error: {e}\n")
            raise SystemExit(1) from None

    return run  # type: ignore[return-value]


_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


@dataclass(frozen=True)
class ExtensionModule:
    """One ``[[tool.bindc.module]]`` entry."""

    name: str          # dotted Python name, e.g. "demo._fast"
    package: Path      # the Go package directory (absolute)

    @property
    def parent(self) -> list[str]:
        """The Python package holding the module, as path components (``[]`` at top level)."""
        return self.name.split(".")[:-1]

    @property
    def leaf(self) -> str:
        """The module's own name (what ``bindc build --module`` gets)."""
        return self.name.split(".")[-1]


@dataclass(frozen=True)
class Project:
    """What the backend reads from ``pyproject.toml``."""

    root: Path
    meta: dict[str, Any]
    modules: tuple[ExtensionModule, ...]
    python_source: Path
    abi3: bool = False

    def wheel_tag(self) -> str:
        """``cp311-abi3-PLATFORM`` for an abi3 project, else the running interpreter's own tag."""
        tag = cpython_tag()
        return "cp311-abi3-" + tag.split("-", 2)[2] if self.abi3 else tag


def load_project(root: Path) -> Project:
    """Read and check ``root/pyproject.toml``; :class:`ProjectError` names the key that is wrong."""
    pyproject = load_pyproject(root)
    where = root / "pyproject.toml"
    meta = project_table(pyproject, root)
    tool = (pyproject.get("tool") or {}).get("bindc") or {}
    if not isinstance(tool, dict):
        raise ProjectError(f"{where}: [tool.bindc] must be a table")
    unknown = set(tool) - {"module", "abi3", "python-source"}
    if unknown:
        raise ProjectError(f"{where}: [tool.bindc] has unknown key(s) {', '.join(sorted(unknown))} "
                           f"(known: module, abi3, python-source)")
    abi3 = tool.get("abi3", False)
    if not isinstance(abi3, bool):
        raise ProjectError(f"{where}: [tool.bindc] abi3 must be true or false, got {abi3!r}")
    if abi3 and sys.version_info < (3, 11):
        raise ProjectError(f"{where}: [tool.bindc] abi3 = true builds for the limited API of CPython 3.11; "
                           f"this is Python {sys.version_info[0]}.{sys.version_info[1]}")
    entries = tool.get("module") or []
    if not isinstance(entries, list) or not entries:
        raise ProjectError(f"{where}: no [[tool.bindc.module]] entries (each needs name and package)")
    modules = []
    for i, entry in enumerate(entries, 1):
        name, package = entry.get("name"), entry.get("package")
        if not isinstance(name, str) or not _DOTTED.match(name):
            raise ProjectError(f"{where}: [[tool.bindc.module]] #{i}: name must be a dotted Python module name, got {name!r}")
        if not isinstance(package, str) or not (root / package).is_dir():
            raise ProjectError(f"{where}: [[tool.bindc.module]] {name}: package {package!r} is not a directory of the project")
        extra = set(entry) - {"name", "package"}
        if extra:
            raise ProjectError(f"{where}: [[tool.bindc.module]] {name}: unknown key(s) {', '.join(sorted(extra))}")
        modules.append(ExtensionModule(name, (root / package).resolve()))
    source = tool.get("python-source") or ("src" if (root / "src").is_dir() else ".")
    return Project(root, meta, tuple(modules), (root / source).resolve(), abi3)


def _python_packages(project: Project) -> list[Path]:
    """Top-level Python packages in the project's Python source folder."""
    return [p for p in sorted(project.python_source.iterdir())
            if p.is_dir() and p.name not in IGNORED_NAMES and (p / "__init__.py").is_file()]


def _is_build_output(path: Path, modules: tuple[ExtensionModule, ...], source: Path) -> bool:
    """An extension, stub, library or loader an earlier in-place (editable) build left in the
    source tree."""
    from bindc.bundle import PROJECT_LIBRARY_STEM

    for m in modules:
        folder = source.joinpath(*m.parent)
        if path.parent == folder and (path.name == f"{m.leaf}.pyi" or
                                      (path.name.startswith(f"{m.leaf}.") and path.suffix in (".so", ".pyd"))):
            return True
        if len(modules) > 1 and path.parent == folder and (
                path.name == f"{m.leaf}.py" or path.name.startswith(PROJECT_LIBRARY_STEM + ".")):
            return True
    return False


def _build_outputs(project: Project, into: Path) -> list[Path]:
    """Build every module under ``into`` (its package path inside): every file written. One
    module is one extension (``bindc build``); several are linked into one library, one Go
    runtime, with a loader per module (:func:`bindc.bundle.build_project_modules`)."""
    if len(project.modules) == 1:
        return [p for _, so, stub in _build_modules(project, into) for p in (so, stub)]
    from bindc.build import BuildError
    from bindc.bundle import build_project_modules
    from bindc.progress import ConsoleReporter

    try:
        return build_project_modules([(m.name, str(m.package)) for m in project.modules], into,
                                     project.meta["name"], cwd=project.root,
                                     reporter=ConsoleReporter(force_plain=True), abi3=project.abi3)
    except BuildError as e:
        raise ProjectError(f"bindc.backend: building {', '.join(m.name for m in project.modules)} into one "
                           f"library failed: {e}") from None


def _build_modules(project: Project, into: Path) -> list[tuple[ExtensionModule, Path, Path]]:
    """``bindc build`` every module into ``into/<parent package path>``; (module, .so, .pyi) each."""
    from bindc.build import BuildError, build_extension
    from bindc.progress import ConsoleReporter

    built = []
    for m in project.modules:
        try:
            result = build_extension(str(m.package), into.joinpath(*m.parent), module=m.leaf, cwd=project.root,
                                     reporter=ConsoleReporter(force_plain=True), abi3=project.abi3)
        except BuildError as e:
            raise ProjectError(f"bindc.backend: building {m.name} from {m.package} failed: {e}") from None
        assert result.extension is not None and result.stub is not None
        built.append((m, result.extension, result.stub))
    return built


def _writer(project: Project, tag: str) -> WheelWriter:
    wheel = WheelWriter(project.meta["name"], project.meta["version"], tag, root_is_purelib=False)
    wheel.add_metadata(core_metadata(project.meta, project.root), entry_points(project.meta))
    return wheel


@_hook
def build_wheel(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                metadata_directory: str | None = None) -> str:
    """PEP 517: the extension modules, their stubs, and the project's Python packages."""
    import tempfile

    project = _load()
    wheel = _writer(project, project.wheel_tag())
    for package in _python_packages(project):
        for path in walk(package):
            if not _is_build_output(path, project.modules, project.python_source):
                wheel.add_path(path.relative_to(project.python_source).as_posix(), path)
    with tempfile.TemporaryDirectory(prefix="bindc-wheel-") as tmp:
        into = Path(tmp).resolve()
        for path in _build_outputs(project, into):
            wheel.add_path(path.relative_to(into).as_posix(), path)
        for m in project.modules:
            prefix = "/".join(m.parent + [""])
            if m.parent and f"{prefix}py.typed" not in wheel.files:
                wheel.add(f"{prefix}py.typed", "")
        return wheel.write(Path(wheel_directory)).name


@_hook
def build_editable(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                   metadata_directory: str | None = None) -> str:
    """PEP 660: build the modules in place; the wheel holds a ``.pth`` naming the source folder."""
    project = _load()
    _build_outputs(project, project.python_source)
    for m in project.modules:
        typed = project.python_source.joinpath(*m.parent, "py.typed")
        if m.parent and not typed.exists():
            typed.write_text("")
    wheel = _writer(project, project.wheel_tag())
    dist = normalize_name(project.meta["name"])
    wheel.add(f"__editable__.{dist}-{project.meta['version']}.pth", f"{project.python_source}\n")
    return wheel.write(Path(wheel_directory)).name


@_hook
def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    """PEP 517: every project file (Go sources, go.mod/go.sum included) plus PKG-INFO."""
    project = _load()
    files = [(p.relative_to(project.root).as_posix(), p) for p in walk(project.root)
             if p.suffix not in (".so", ".pyd") and not _is_build_output(p, project.modules, project.python_source)]
    return write_sdist(Path(sdist_directory), project.meta["name"], project.meta["version"], files,
                       core_metadata(project.meta, project.root)).name


@_hook
def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    """PEP 517: the dist-info folder without building anything (pip asks for it first)."""
    project = _load()
    wheel = _writer(project, project.wheel_tag())
    target = Path(metadata_directory) / wheel.dist_info
    target.mkdir(parents=True, exist_ok=True)
    for arcname, (data, _) in wheel.files.items():
        (target / arcname.split("/", 1)[1]).write_bytes(data)
    return wheel.dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """Nothing beyond what ``[build-system] requires`` lists (py4go itself)."""
    return []


get_requires_for_build_editable = get_requires_for_build_sdist = get_requires_for_build_wheel


def _load() -> Project:
    """The project in the current directory (PEP 517 runs hooks from the project root)."""
    return load_project(Path.cwd())
