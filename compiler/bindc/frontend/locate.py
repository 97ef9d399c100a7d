"""Finding a package's directory from what the user typed: :func:`locate_package`."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from bindc.frontend.toolchain import goroot
from bindc.resources import GoToolchainError, find_go, go_env

_FORMAT = "{{.Dir}}\t{{.ImportPath}}\t{{.Name}}\t{{with .Module}}{{.Dir}}{{end}}"


@dataclass(frozen=True)
class LocatedPackage:
    """Where a package lives: its directory, import path and module root.

    ``import_path`` is None for a directory outside any module; ``module_root`` is None for
    the standard library and for such directories. ``name`` is the Go package name when the
    go command reported it.
    """

    dir: Path
    import_path: str | None
    module_root: Path | None = None
    name: str | None = None


class PackageNotFoundError(LookupError):
    """The spec names no directory and no package the go command can find."""


def locate_package(spec: str, *, cwd: Path) -> LocatedPackage:
    """Resolve ``spec`` (a directory or an import path) to a :class:`LocatedPackage`.

    A spec that is absolute, starts with ``.``, or names an existing directory under ``cwd``
    is a directory; anything else (``strings``, ``net/url``, ``example.com/m/pkg``) is an
    import path. Both are asked of ``go list`` (offline); a standard-library path falls back
    to ``$GOROOT/src/<path>`` and a directory outside any module is still accepted.
    Raises :class:`PackageNotFoundError` with the go command's explanation otherwise.
    """
    as_dir = package_dir_of(spec, cwd)
    if as_dir is not None:
        return _locate_dir(as_dir, spec)
    return _locate_import_path(spec, cwd)


def package_dir_of(spec: str, cwd: Path) -> Path | None:
    """``spec`` as a directory by :func:`locate_package`'s rule, or None for an import path.

    A bare name that is both a directory under ``cwd`` and a standard-library package
    (``log``, ``errors``, ``net`` are common folder names) raises PackageNotFoundError: the
    go command would read it as the import path, a user may mean the folder, and binding
    the other one by surprise loses more than asking (``./log`` says the folder).
    """
    path = Path(spec)
    if path.is_absolute() or spec.startswith("."):
        return (path if path.is_absolute() else cwd / path).resolve()
    as_dir = cwd / spec
    if not as_dir.is_dir():
        return None
    try:
        std = goroot() / "src" / spec
    except GoToolchainError:
        std = None
    if std is not None and std.is_dir() and any(std.glob("*.go")) and as_dir.resolve() != std.resolve():
        raise PackageNotFoundError(f"{spec!r} is both the directory {as_dir} and the standard-library package "
                                   f"{spec}: write ./{spec} for the directory, or run bindc from another folder "
                                   "for the standard library's")
    return as_dir.resolve()


def _locate_dir(dir: Path, spec: str) -> LocatedPackage:
    if not dir.is_dir():
        raise PackageNotFoundError(f"package directory {spec!r} does not exist ({dir})")
    listed, _ = _go_list(".", dir)
    return listed or LocatedPackage(dir, None)


def _locate_import_path(path: str, cwd: Path) -> LocatedPackage:
    listed, why = _go_list(path, cwd)
    if listed is not None:
        return listed
    try:
        std = goroot() / "src" / path
    except GoToolchainError:
        std = None
    if std is not None and std.is_dir() and any(std.glob("*.go")):
        return LocatedPackage(std, path)
    raise PackageNotFoundError(f"cannot find package {path!r}: {why or 'no such package'}")


def _go_list(pattern: str, cwd: Path) -> tuple[LocatedPackage | None, str]:
    """Ask ``go list`` about one package; (None, reason) when it cannot say."""
    try:
        done = subprocess.run(
            [find_go(), "list", "-f", _FORMAT, pattern],
            cwd=cwd, capture_output=True, text=True, env=go_env(), timeout=120,
        )
    except (OSError, subprocess.SubprocessError, GoToolchainError) as exc:
        return None, str(exc)
    if done.returncode != 0:
        return None, done.stderr.strip()
    fields = done.stdout.rstrip("\n").split("\t")
    if len(fields) < 4 or not fields[0]:
        return None, f"unexpected `go list` output: {done.stdout.strip()!r}"
    directory, import_path, name, module = fields[:4]
    return LocatedPackage(
        Path(directory),
        import_path if not import_path.startswith("_/") else None,  # _/abs/dir: outside a module
        Path(module) if module else None,
        name or None,
    ), ""
