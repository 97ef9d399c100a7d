"""``bindc go``: locate -> read -> emit -> gofmt, all in memory (the CLI writes or compares)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from bindc.diagnostics import DiagnosticSink
from bindc.ir import Span
from bindc.format import GeneratedCodeError, gofmt
from bindc.pygo import model as m
from bindc.pygo.emitter import ModuleEmitter
from bindc.pygo.names import GO_KEYWORDS, Scope
from bindc.pygo.reader import Reader
from bindc.pygo.source import SourceError, locate
from bindc.writer import GeneratedFile


@dataclass(frozen=True)
class GoRequest:
    """The arguments of ``bindc go``."""

    source: str
    out: Path
    package: str | None = None
    cwd: Path = field(default_factory=Path.cwd)
    version: tuple[int, int] = sys.version_info[:2]


@dataclass
class GoResult:
    """The generated files (empty on errors) and every diagnostic."""

    files: list[GeneratedFile] = field(default_factory=list)
    sink: DiagnosticSink = field(default_factory=DiagnosticSink)
    modules: list[m.Module] = field(default_factory=list)


def default_package(source: str) -> str:
    """The Go package name for SOURCE: its last name component, lower case, a valid identifier."""
    stem = Path(source.rstrip("/")).name
    for suffix in (".pyi", ".py"):
        stem = stem.removesuffix(suffix)
    name = "".join(ch for ch in stem.split(".")[-1].lower() if ch.isalnum() or ch == "_") or "pymod"
    if not name[0].isalpha():
        name = "py" + name
    return name + "_" if name in GO_KEYWORDS else name


def generate_go(req: GoRequest) -> GoResult:
    """Everything ``bindc go`` would write, or the diagnostics saying why not."""
    result = GoResult()
    package = req.package or default_package(req.source)
    if not package.isidentifier() or package in GO_KEYWORDS:
        result.sink.error(f"--package {package!r} is not a valid Go package name")
        return result
    try:
        sources = locate(req.source, req.cwd)
    except SourceError as e:
        result.sink.error(str(e))
        return result
    scope = Scope()
    out = req.out if req.out.is_absolute() else req.cwd / req.out
    for i, src in enumerate(sources):
        try:
            mod = Reader(src.path, src.module, src.label, result.sink, req.version).read()
        except SyntaxError as e:
            result.sink.error(f"cannot parse: {e.msg}", Span(str(src.path), e.lineno or 1, e.offset or 1))
            continue
        result.modules.append(mod)
        # One package: every module's names come from the one scope, so none collide.
        text = ModuleEmitter(mod, package, scope, result.sink, i == 0).emit()
        name = mod.name.replace(".", "_") + "_pygo.go"
        try:
            result.files.append(GeneratedFile(out / name, gofmt(text, name)))
        except GeneratedCodeError as e:
            result.sink.error(str(e))
    if result.sink.has_errors:
        result.files = []
    return result
