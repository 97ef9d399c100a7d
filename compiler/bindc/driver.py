"""The pipeline: locate -> parse -> resolve -> verify C API -> emit -> format -> files.

:func:`generate_files` produces every output file in memory, or only diagnostics; it never
touches the disk, so ``generate`` (write) and ``check`` (compare) share it exactly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bindc.capi import CApiError, CSignature, load_model, verify
from bindc.diagnostics import DiagnosticSink
from bindc.emit.c_values import VALUES_CAPI
from bindc.emit.sentinels import SENTINEL_CAPI
from bindc.emit.c_wrappers import WRAPPER_CAPI, emit_c_file
from bindc.emit.go_trampolines import GENERATED_GO_NAMES, emit_go_file, package_level_names
from bindc.emit.proxies import proxy_interfaces
from bindc.emit.stubs import emit_stub
from bindc.format import check_stub, gofmt
from bindc.frontend import PackageNotFoundError, load_package, locate_package
from bindc.interpreter import Interpreter, InterpreterError, find_interpreter
from bindc.naming import is_valid_python_identifier
from bindc.outparams import mark_out_params
from bindc.resolve import BoundModule, resolve
from bindc.resources import GoToolchainError, runtime_dir
from bindc.writer import GeneratedFile


@dataclass(frozen=True)
class Request:
    """What the user asked for (the CLI's arguments)."""

    package: str = "."
    out: Path | None = None
    module: str | None = None
    python: str | None = None
    cwd: Path = field(default_factory=Path.cwd)


@dataclass
class Result:
    """Generated files (when there were no errors), the diagnostics, and the module plan."""

    files: list[GeneratedFile]
    sink: DiagnosticSink
    module: BoundModule | None = None
    interpreter: Interpreter | None = None


def output_names(module_name: str) -> tuple[str, str, str]:
    """File names of the Go, C and stub outputs for a module."""
    return f"{module_name}_bindc.go", f"{module_name}_bindc.c", f"{module_name}.pyi"


def generate_files(req: Request) -> Result:
    """Run the whole pipeline in memory. Never raises for bad input: errors are diagnostics."""
    sink = DiagnosticSink()
    try:
        interp = find_interpreter(req.python)
        located = locate_package(req.package, cwd=req.cwd)
    except (InterpreterError, PackageNotFoundError, GoToolchainError) as e:
        sink.error(str(e))
        return Result([], sink)

    package, diags = load_package(located.dir, import_path=located.import_path, skip_generated_by="bindc")
    sink.extend(diags)
    if not package.files:
        sink.error(f"no Go files to bind in {located.dir}")
        return Result([], sink, interpreter=interp)

    module_name = req.module or package.name
    if not is_valid_python_identifier(module_name):
        sink.error(f"module name {module_name!r} is not a valid Python identifier (choose one with --module)")
        return Result([], sink, interpreter=interp)

    target_import = None
    if req.out is not None:
        target_import = located.import_path
        if target_import is None:
            sink.error(f"--out needs an importable package, but {located.dir} has no import path (is it inside a Go module?)")
            return Result([], sink, interpreter=interp)

    module = mark_out_params(resolve(package, module_name, sink, target_import=target_import))
    if target_import is None:
        _check_generated_names(module, sink)
    _verify_c_api(module, interp, sink)
    if sink.has_errors:
        return Result([], sink, module, interp)

    out_dir = req.out if req.out is not None else located.dir
    note = _source_note(module, located.import_path)
    go_name, c_name, pyi_name = output_names(module_name)
    files = [
        GeneratedFile(out_dir / go_name, gofmt(emit_go_file(module, note), go_name)),
        GeneratedFile(out_dir / c_name, emit_c_file(module, note)),
        GeneratedFile(out_dir / pyi_name, check_stub(emit_stub(module, note), pyi_name)),
    ]
    return Result(files, sink, module, interp)


def _check_generated_names(module: BoundModule, sink: DiagnosticSink) -> None:
    """In-package output adds top-level Go names; they must not clash with the user's."""
    taken = package_level_names(module.package)
    for name in list(GENERATED_GO_NAMES) + [i.proxy_type for i in proxy_interfaces(module)]:
        if name in taken:
            sink.error(f"package {module.package.name} already declares {name}, which bindc generates; "
                       f"rename it or generate into a separate package with --out")


def _verify_c_api(module: BoundModule, interp: Interpreter, sink: DiagnosticSink) -> None:
    """Check every C function the output will call against the target's headers."""
    wanted: dict[str, CSignature] = {s.name: s for s in WRAPPER_CAPI}
    if module.values:
        wanted.update((s.name, s) for s in VALUES_CAPI + SENTINEL_CAPI)
    for fn in module.functions:
        for mapping in [bp.mapping for bp in fn.params] + [r.mapping for r in fn.results] + \
                       ([fn.variadic.mapping] if fn.variadic else []):
            for sig in mapping.capi:
                wanted.setdefault(sig.name, CSignature(sig.name, sig.returns, sig.params, sig.variadic,
                                                       needed_by=f"the {mapping.go_type} mapping"))
    try:
        model = load_model(interp, include_runtime=True, runtime_dir=runtime_dir())
    except CApiError as e:
        sink.error(str(e))
        sink.extend(getattr(e, "diagnostics", []))
        return
    sink.extend(verify(model, list(wanted.values())))


def _source_note(module: BoundModule, import_path: str | None) -> str:
    """Where the bindings came from, stable across machines (no absolute paths)."""
    files = sorted(os.path.basename(f.path) for f in module.package.files)
    origin = import_path or module.package.name
    return f"{origin} ({', '.join(files)})"
