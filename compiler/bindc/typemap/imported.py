"""Packages the bound package refers to, parsed on demand with the frontend (cached per run).

A type such as ``time.Duration`` in the bound API, or a constant such as ``math.MaxInt64`` in
a constant expression, is resolved by parsing the package that declares it: the standard
library straight from ``$GOROOT/src``, anything else located with ``go list``. One
:class:`PackageLoader` lives in the bound package's :class:`~bindc.typemap.env.TypeEnv`
(``extra``), so each package is located and parsed at most once per run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bindc.frontend import PackageNotFoundError, load_package, locate_package
from bindc.frontend.toolchain import goroot
from bindc.ir import Package
from bindc.resources import GoToolchainError
from bindc.typemap.env import TypeEnv

if TYPE_CHECKING:
    from bindc.constants import PackageConstants

_LOADER_KEY = "bindc.imported.loader"
_CONSTANTS_KEY = "bindc.imported.constants"


class PackageLoader:
    """Locates and parses imported packages, remembering failures too."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._envs: dict[str, TypeEnv | None] = {}

    def env(self, import_path: str) -> TypeEnv | None:
        """The type environment of the package at ``import_path`` (None if it cannot be read)."""
        if import_path not in self._envs:
            package = self._load(import_path)
            self._envs[import_path] = None if package is None else \
                TypeEnv(package, TypeEnv.for_package(package).imports, {_LOADER_KEY: self})
        return self._envs[import_path]

    def _load(self, import_path: str) -> Package | None:
        directory = self._std_dir(import_path)
        if directory is None:
            try:
                directory = locate_package(import_path, cwd=self.cwd).dir
            except (PackageNotFoundError, GoToolchainError):
                return None
        package, _ = load_package(directory, import_path=import_path, skip_generated_by="bindc")
        return package if package.files else None

    @staticmethod
    def _std_dir(import_path: str) -> Path | None:
        """``$GOROOT/src/<path>`` for a standard-library path (no dot in its first element)."""
        if "." in import_path.split("/", 1)[0]:
            return None
        try:
            candidate = goroot() / "src" / import_path
        except GoToolchainError:
            return None
        return candidate if candidate.is_dir() else None


def loader_of(env: TypeEnv) -> PackageLoader:
    """The run's loader, kept in ``env`` (created on first use)."""
    loader = env.extra.get(_LOADER_KEY)
    if not isinstance(loader, PackageLoader):
        loader = PackageLoader(Path(env.package.dir))
        env.extra[_LOADER_KEY] = loader
    return loader


def imported_env(env: TypeEnv, qualifier: str) -> TypeEnv | None:
    """The environment of the package ``env``'s files import as ``qualifier``."""
    path = env.imports.get(qualifier)
    return loader_of(env).env(path) if path else None


def constants_of(env: TypeEnv) -> "PackageConstants":
    """The (lazily evaluated) constants of ``env``'s package, cached in ``env``."""
    from bindc.constants import PackageConstants

    found = env.extra.get(_CONSTANTS_KEY)
    if not isinstance(found, PackageConstants):
        found = PackageConstants(env)
        env.extra[_CONSTANTS_KEY] = found
    return found
