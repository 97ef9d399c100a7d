"""Finding what ``bindc go SOURCE`` reads, the way a type checker finds a module's types.

SOURCE is a ``.py`` file (its annotations), a ``.pyi`` stub, a directory of them (each file
one module, named by its path under the directory), or an importable module name. For a
module name the stub is found as mypy finds it (PEP 561's order): a stub-only package
(``<top>-stubs`` on ``sys.path``), the package's own ``.pyi`` next to its source (or a
``py.typed`` package's ``.py``; a module compiled to an extension, as mypyc does, is read
from the ``.pyi``/``.py`` beside it), else the typeshed stubs shipped inside mypy.
The module is located with ``importlib.util.find_spec`` on its parent package only, which
does not execute the module itself.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """SOURCE names nothing readable; the message says what was tried."""


@dataclass(frozen=True)
class SourceFile:
    """One module to read: its file, importable name, and how generated headers name it."""

    path: Path
    module: str
    label: str


def _typeshed_dir() -> Path | None:
    try:
        import mypy
    except ImportError:
        return None
    d = Path(mypy.__file__).parent / "typeshed" / "stdlib"
    return d if d.is_dir() else None


def _typeshed_stub(module: str) -> Path | None:
    root = _typeshed_dir()
    if root is None:
        return None
    rel = Path(*module.split("."))
    for candidate in (root / rel.with_suffix(".pyi"), root / rel / "__init__.pyi"):
        if candidate.is_file():
            return candidate
    return None


def _module_origin(module: str) -> Path | None:
    """The file ``module`` would be imported from, without running it (only its parents)."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or spec.origin in ("built-in", "frozen"):
        return None
    return Path(spec.origin)


def _stub_package(module: str) -> Path | None:
    """The module's stub in a PEP 561 stub-only package (``<top>-stubs``) on ``sys.path``."""
    top, *rest = module.split(".")
    for entry in sys.path:
        root = Path(entry or ".") / f"{top}-stubs"
        if not root.is_dir():
            continue
        sub = root.joinpath(*rest)
        for candidate in ((sub.with_suffix(".pyi"), sub / "__init__.pyi") if rest else (root / "__init__.pyi",)):
            if candidate.is_file():
                return candidate
    return None


def _beside_extension(origin: Path) -> Path:
    """For a compiled extension module, the ``.pyi`` or ``.py`` next to it (mypyc keeps the
    source; C extensions often ship a stub), else ``origin`` itself."""
    if not any(origin.name.endswith(suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES):
        return origin
    base = origin.parent / origin.name.split(".", 1)[0]
    for suffix in (".pyi", ".py"):
        if base.with_suffix(suffix).is_file():
            return base.with_suffix(suffix)
    return origin


def locate(source: str, cwd: Path) -> list[SourceFile]:
    """The files SOURCE stands for (raises :class:`SourceError`)."""
    path = (cwd / source) if not Path(source).is_absolute() else Path(source)
    if path.suffix in (".py", ".pyi"):
        if not path.is_file():
            raise SourceError(f"{source}: no such file")
        return [SourceFile(path, path.stem, path.name)]
    files = sorted({*path.rglob("*.py"), *path.rglob("*.pyi")}) if path.is_dir() else []
    if files or (path.is_dir() and not all(part.isidentifier() for part in source.split("."))):
        stubs = {f.with_suffix("") for f in files if f.suffix == ".pyi"}
        chosen = [f for f in files if f.suffix == ".pyi" or f.with_suffix("") not in stubs]  # a stub wins
        out = []
        for f in chosen:
            rel = f.relative_to(path).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            if not parts:
                parts = [path.name]
            out.append(SourceFile(f, ".".join(parts), str(f.relative_to(path))))
        if not out:
            raise SourceError(f"{source}: the directory has no .py or .pyi files")
        return out
    if not all(part.isidentifier() for part in source.split(".")):
        raise SourceError(f"{source}: not a .py/.pyi file, a directory, or a module name")
    stub_only = _stub_package(source)
    if stub_only is not None:
        return [SourceFile(stub_only, source, f"{stub_only.name} (stub package)")]
    origin = _module_origin(source)
    if origin is not None:
        origin = _beside_extension(origin)
        if origin.suffix == ".pyi":
            return [SourceFile(origin, source, origin.name)]
    if origin is not None and origin.suffix == ".py":
        stub = origin.with_suffix(".pyi")
        if stub.is_file():
            return [SourceFile(stub, source, stub.name)]
        typed = any((parent / "py.typed").is_file() for parent in origin.parents[:source.count(".") + 1])
        if typed:
            return [SourceFile(origin, source, origin.name)]
    typeshed = _typeshed_stub(source)
    if typeshed is not None:
        return [SourceFile(typeshed, source, f"typeshed stub {typeshed.name} (stdlib)")]
    if origin is not None and origin.suffix == ".py":
        return [SourceFile(origin, source, origin.name)]
    where = "mypy's typeshed" if _typeshed_dir() else "mypy's typeshed (mypy is not installed)"
    raise SourceError(f"{source}: no stub found (looked for {source}.pyi next to the module, a py.typed package, "
                      f"and {where}); sys.path is {sys.path[:3]}...")
