"""The ``go.mod`` of the temporary build module that links a bound package as an extension.

The build module is a new *main* module, so the bound module's own ``go.mod`` would otherwise be
ignored: Go applies ``replace`` directives of the main module only. :func:`build_go_mod` carries
the bound module's ``require`` and ``replace`` lines over (relative replacement directories
rewritten against the bound module's root), points the bound module itself and the py4go runtime
at their directories, and gives each ``require`` a version Go accepts for that path
(``example.com/lib/v4`` needs ``v4.x.y``, ``gopkg.in/yaml.v3`` needs ``v3.x.y``).

Reading a ``go.mod`` goes through ``go mod edit -json``, which never writes.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bindc.resources import find_go, go_env

#: Go's default language version for the build module when no module says more.
DEFAULT_GO_VERSION = "1.22"

_MAJOR_SUFFIX = re.compile(r"/v([2-9]|[1-9][0-9]+)$")
_GOPKG_IN = re.compile(r"^gopkg\.in/.*\.v([0-9]+)(?:-unstable)?$")


class GoModError(Exception):
    """A ``go.mod`` could not be read."""


@dataclass(frozen=True)
class Replace:
    """One ``replace old [v] => new [v]`` directive."""

    old_path: str
    old_version: str
    new_path: str
    new_version: str

    @property
    def is_local(self) -> bool:
        """A replacement by a directory (Go: the new path starts with ``./``, ``../`` or ``/``)."""
        return not self.new_version and (self.new_path.startswith(("./", "../", "/")) or self.new_path in (".", ".."))


@dataclass(frozen=True)
class GoMod:
    """What a ``go.mod`` declares (the parts a build module carries over)."""

    path: str
    go: str | None
    requires: tuple[tuple[str, str], ...] = ()
    replaces: tuple[Replace, ...] = ()


def read_go_mod(module_root: Path) -> GoMod:
    """Parse ``module_root/go.mod`` with ``go mod edit -json`` (read-only)."""
    gomod = module_root / "go.mod"
    proc = subprocess.run([find_go(), "mod", "edit", "-json", str(gomod)], capture_output=True, text=True,
                          env=go_env(), timeout=60)
    if proc.returncode != 0:
        raise GoModError(f"cannot read {gomod}: {proc.stderr.strip()}")
    data = json.loads(proc.stdout)
    return GoMod(
        path=data["Module"]["Path"],
        go=data.get("Go"),
        requires=tuple((r["Path"], r["Version"]) for r in data.get("Require") or ()),
        replaces=tuple(Replace(r["Old"]["Path"], r["Old"].get("Version", ""), r["New"]["Path"],
                               r["New"].get("Version", "")) for r in data.get("Replace") or ()),
    )


def placeholder_version(module_path: str) -> str:
    """A version Go accepts in ``require`` for a module replaced by a directory.

    Go checks the major version against the path: ``/vN`` (N >= 2) and ``gopkg.in/x.vN``
    paths need ``vN.x.y``; every other path needs v0 or v1.
    """
    match = _MAJOR_SUFFIX.search(module_path) or _GOPKG_IN.match(module_path)
    return f"v{match.group(1)}.0.0" if match else "v0.0.0"


@dataclass
class BuildModule:
    """The requirements of a build module, collected before rendering."""

    path: str
    go: str = DEFAULT_GO_VERSION
    requires: dict[str, str] = field(default_factory=dict)
    #: (old path, old version) -> (new path, new version); a directory has no version.
    replaces: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def use_directory(self, module_path: str, directory: Path) -> None:
        """Require ``module_path`` and build it from ``directory`` (wins over anything carried over)."""
        self.requires[module_path] = placeholder_version(module_path)
        for key in [k for k in self.replaces if k[0] == module_path]:
            del self.replaces[key]
        self.replaces[(module_path, "")] = (str(directory), "")

    def carry_over(self, bound: GoMod, bound_root: Path, *, keep: set[str]) -> None:
        """Add ``bound``'s requirements and replacements, except for module paths in ``keep``."""
        if bound.go and _version_key(bound.go) > _version_key(self.go):
            self.go = bound.go
        for path, version in bound.requires:
            if path not in keep:
                self.requires.setdefault(path, version)
        for r in bound.replaces:
            if r.old_path in keep:
                continue
            if r.is_local:
                new = (str((bound_root / r.new_path).resolve()), "")
            else:
                new = (r.new_path, r.new_version)
            self.replaces[(r.old_path, r.old_version)] = new

    def render(self) -> str:
        """The ``go.mod`` text (gofmt-like layout, stable order)."""
        lines = [f"module {self.path}", "", f"go {self.go}", ""]
        if self.requires:
            lines += ["require ("] + [f"\t{_quote(p)} {v}" for p, v in sorted(self.requires.items())] + [")", ""]
        if self.replaces:
            lines += ["replace ("]
            for (old, old_version), (new, new_version) in sorted(self.replaces.items()):
                left = f"{_quote(old)} {old_version}".rstrip()
                right = f"{_quote(new)} {new_version}".rstrip()
                lines.append(f"\t{left} => {right}")
            lines += [")", ""]
        return "\n".join(lines)


def _quote(token: str) -> str:
    """Quote a go.mod token when it holds characters Go's lexer would split on."""
    return json.dumps(token) if re.search(r'[\s"\'`]|//', token) else token


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in re.split(r"[.rc]+", version) if p)
