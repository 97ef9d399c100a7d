"""Writing wheels (PEP 427, PEP 660) and sdists with the standard library only.

Used by both PEP 517 backends: :mod:`bindc.backend` (projects that bind Go packages) and
:mod:`bindc.selfbuild` (py4go itself). Archives are reproducible: sorted entries, fixed
timestamps (``$SOURCE_DATE_EPOCH`` when set), normalised permissions. This module must import
nothing outside the standard library: a backend runs before any dependency is installed.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import re
import sys
import sysconfig
import tarfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: Files and directories never packed from a source tree.
IGNORED_NAMES = {".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".tox", ".nox", ".mypy_cache",
                 ".pytest_cache", "build", "dist", ".eggs", ".DS_Store"}


class ProjectError(Exception):
    """``pyproject.toml`` is missing something a build needs; the message says what and where."""


def normalize_name(name: str) -> str:
    """A distribution name as it appears in file names (PEP 427/503: runs of ``-_.`` become ``_``)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's first date
    return time.gmtime(max(epoch, 315532800))[:6]


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


class WheelWriter:
    """Collects files, then writes ``{dist}-{version}-{tag}.whl`` with its dist-info and RECORD."""

    def __init__(self, name: str, version: str, tag: str, *, root_is_purelib: bool) -> None:
        self.dist = normalize_name(name)
        self.version = version
        self.tag = tag
        self.root_is_purelib = root_is_purelib
        self.files: dict[str, tuple[bytes, int]] = {}

    @property
    def filename(self) -> str:
        """The wheel's file name."""
        return f"{self.dist}-{self.version}-{self.tag}.whl"

    @property
    def dist_info(self) -> str:
        """The ``.dist-info`` directory name inside the wheel."""
        return f"{self.dist}-{self.version}.dist-info"

    def add(self, arcname: str, data: bytes | str, *, executable: bool = False) -> None:
        """Add one file at ``arcname`` (POSIX path inside the wheel)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if arcname in self.files:
            raise ProjectError(f"two files would be packed as {arcname} in the wheel")
        self.files[arcname] = (data, 0o755 if executable else 0o644)

    def add_path(self, arcname: str, path: Path) -> None:
        """Add the file ``path`` at ``arcname`` (keeps its executable bit)."""
        self.add(arcname, path.read_bytes(), executable=os.access(path, os.X_OK))

    def add_tree(self, prefix: str, directory: Path, *, suffixes: tuple[str, ...] | None = None) -> None:
        """Add every file under ``directory`` (ignored names skipped) below ``prefix``."""
        for path in walk(directory):
            if suffixes is None or path.name.endswith(suffixes):
                self.add_path(f"{prefix}/{path.relative_to(directory).as_posix()}".lstrip("/"), path)

    def add_metadata(self, metadata: str, entry_points: str = "") -> None:
        """The dist-info files: METADATA, WHEEL, and entry_points.txt when there are any."""
        self.add(f"{self.dist_info}/METADATA", metadata)
        from bindc import __version__

        self.add(f"{self.dist_info}/WHEEL", (
            "Wheel-Version: 1.0\n"
            f"Generator: bindc {__version__}\n"
            f"Root-Is-Purelib: {'true' if self.root_is_purelib else 'false'}\n"
            f"Tag: {self.tag}\n"
        ))
        if entry_points:
            self.add(f"{self.dist_info}/entry_points.txt", entry_points)

    def write(self, directory: Path) -> Path:
        """Write the wheel into ``directory``: files sorted, dist-info last, RECORD at the end."""
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / self.filename
        record_name = f"{self.dist_info}/RECORD"
        ordered = sorted(self.files, key=lambda n: (n.startswith(self.dist_info + "/"), n))
        stamp = _timestamp()
        record = io.StringIO()
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in ordered:
                data, mode = self.files[name]
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.external_attr = (0o100000 | mode) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
                record.write(f"{_csv(name)},{_record_hash(data)},{len(data)}\n")
            record.write(f"{_csv(record_name)},,\n")
            info = zipfile.ZipInfo(record_name, date_time=stamp)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, record.getvalue())
        return target


def _csv(field: str) -> str:
    return f'"{field}"' if "," in field or '"' in field else field


def walk(directory: Path) -> Iterable[Path]:
    """Every file under ``directory``, sorted, skipping :data:`IGNORED_NAMES`, egg-info and
    compiled Python files."""
    for path in sorted(directory.iterdir()):
        if path.name in IGNORED_NAMES or path.name.endswith((".egg-info", ".pyc", ".pyo")):
            continue
        if path.is_dir() and not path.is_symlink():
            yield from walk(path)
        elif path.is_file():
            yield path


def cpython_tag() -> str:
    """``cpXY-cpXY-PLATFORM`` for the running interpreter (the one a backend builds for)."""
    if sys.implementation.name != "cpython":
        raise ProjectError(f"bindc builds CPython extension modules; this is {sys.implementation.name}")
    py = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    return f"{py}-{py}-{platform_tag()}"


def platform_tag() -> str:
    """The wheel platform tag (``linux_x86_64``) of the running interpreter."""
    return re.sub(r"[-.]", "_", sysconfig.get_platform())


# --- core metadata (PEP 621 [project] -> METADATA 2.1) ----------------------------------------

def load_pyproject(root: Path) -> dict[str, Any]:
    """The parsed ``root/pyproject.toml``; :class:`ProjectError` naming the file otherwise."""
    import tomllib

    path = root / "pyproject.toml"
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ProjectError(f"{path}: not found") from None
    except tomllib.TOMLDecodeError as e:
        raise ProjectError(f"{path}: {e}") from None


def project_table(pyproject: dict[str, Any], root: Path) -> dict[str, Any]:
    """``[project]`` with its required keys checked."""
    project = pyproject.get("project")
    if not isinstance(project, dict):
        raise ProjectError(f"{root / 'pyproject.toml'}: no [project] table")
    for key in ("name", "version"):
        if not isinstance(project.get(key), str):
            if key in project.get("dynamic", []):
                raise ProjectError(f"{root / 'pyproject.toml'}: [project] {key} must be static for bindc.backend")
            raise ProjectError(f"{root / 'pyproject.toml'}: [project] needs a {key} string")
    return project


def core_metadata(project: dict[str, Any], root: Path) -> str:
    """METADATA (core metadata 2.1) from a ``[project]`` table."""
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}"]
    if project.get("description"):
        lines.append(f"Summary: {project['description']}")
    for key, field in (("keywords", "Keywords"),):
        if project.get(key):
            lines.append(f"{field}: {','.join(project[key])}")
    for role, field in (("authors", "Author"), ("maintainers", "Maintainer")):
        people = project.get(role) or []
        names = [p["name"] for p in people if "name" in p and "email" not in p]
        emails = [f"{p['name']} <{p['email']}>" if "name" in p else p["email"] for p in people if "email" in p]
        if names:
            lines.append(f"{field}: {', '.join(names)}")
        if emails:
            lines.append(f"{field}-email: {', '.join(emails)}")
    license_ = project.get("license")
    if isinstance(license_, dict) and "text" in license_:
        lines.append(f"License: {license_['text']}")
    elif isinstance(license_, str):
        lines.append(f"License: {license_}")
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    lines += [f"Project-URL: {k}, {v}" for k, v in (project.get("urls") or {}).items()]
    if project.get("requires-python"):
        lines.append(f"Requires-Python: {project['requires-python']}")
    lines += [f"Requires-Dist: {d}" for d in project.get("dependencies", [])]
    for extra, deps in (project.get("optional-dependencies") or {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f"Requires-Dist: {_with_extra(d, extra)}" for d in deps]
    body = ""
    readme = project.get("readme")
    if readme:
        text, content_type = _readme(readme, root)
        lines.append(f"Description-Content-Type: {content_type}")
        body = text
    return "\n".join(lines) + "\n\n" + body


def _with_extra(requirement: str, extra: str) -> str:
    name, sep, marker = requirement.partition(";")
    condition = f'extra == "{extra}"'
    return f"{name.strip()}; ({marker.strip()}) and {condition}" if sep else f"{name.strip()}; {condition}"


def _readme(readme: str | dict[str, str], root: Path) -> tuple[str, str]:
    if isinstance(readme, str):
        path = root / readme
        content_type = {".md": "text/markdown", ".rst": "text/x-rst"}.get(path.suffix.lower(), "text/plain")
        try:
            return path.read_text(encoding="utf-8"), content_type
        except OSError as e:
            raise ProjectError(f"{root / 'pyproject.toml'}: readme {readme!r}: {e.strerror}") from None
    if "text" in readme:
        return readme["text"], readme.get("content-type", "text/plain")
    text, guessed = _readme(readme["file"], root)
    return text, readme.get("content-type", guessed)


def entry_points(project: dict[str, Any]) -> str:
    """``entry_points.txt`` from ``[project.scripts]``, ``gui-scripts`` and ``entry-points``."""
    groups: dict[str, dict[str, str]] = {}
    if project.get("scripts"):
        groups["console_scripts"] = project["scripts"]
    if project.get("gui-scripts"):
        groups["gui_scripts"] = project["gui-scripts"]
    groups.update(project.get("entry-points") or {})
    return "".join(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in items.items()) + "\n"
                   for group, items in groups.items())


# --- sdists -----------------------------------------------------------------------------------

def write_sdist(directory: Path, name: str, version: str, files: list[tuple[str, Path]], pkg_info: str) -> Path:
    """Write ``{name}-{version}.tar.gz`` holding ``files`` (arcname relative to the project root)
    and PKG-INFO under one top directory, reproducibly."""
    base = f"{normalize_name(name)}-{version}"
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{base}.tar.gz"
    mtime = max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)

    def add(tar: tarfile.TarFile, arcname: str, data: bytes, mode: int) -> None:
        info = tarfile.TarInfo(f"{base}/{arcname}")
        info.size, info.mode, info.mtime = len(data), mode, int(mtime)
        info.uname = info.gname = ""
        tar.addfile(info, io.BytesIO(data))

    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=int(mtime)) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for arcname, path in sorted(files):
            add(tar, arcname, path.read_bytes(), 0o755 if os.access(path, os.X_OK) else 0o644)
        add(tar, "PKG-INFO", pkg_info.encode("utf-8"), 0o644)
    return target
