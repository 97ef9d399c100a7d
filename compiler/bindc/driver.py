"""The pipeline: locate -> parse -> resolve -> verify C API -> emit -> format -> files.

:func:`generate_files` produces every output file in memory, or only diagnostics; it never
touches the disk, so ``generate`` (write) and ``check`` (compare) share it exactly.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bindc.capi import CApiError, CSignature, load_model, verify
from bindc.capi.limited import LIMITED_API_3_11
from bindc.limited_check import limited_api_errors
from bindc.diagnostics import DiagnosticSink
from bindc.emit.aio import AIO_CAPI, aio_functions
from bindc.emit.vec import VEC_CAPI, vec_functions
from bindc.emit.channels import uses_channels
from bindc.emit.c_values import VALUES_CAPI
from bindc.emit.sentinels import SENTINEL_CAPI
from bindc.emit.c_wrappers import WRAPPER_CAPI, emit_c_file
from bindc.emit.go_trampolines import GENERATED_GO_NAMES, emit_go_file
from bindc.emit.proxies import proxy_interfaces
from bindc.emit.stubs import emit_stub
from bindc.format import check_stub, gofmt
from bindc.frontend import PackageNotFoundError, load_package, locate_package
from bindc.frontend.instances import InstanceRequest, InstanceSyntaxError, parse_instance
from bindc.interpreter import Interpreter, InterpreterError, find_interpreter
from bindc.naming import is_valid_python_identifier
from bindc.resolve import BoundModule, resolve
from bindc.resolve.types import package_level_names
from bindc.resources import GoToolchainError, runtime_c_dir
from bindc.typemap.classes import SiblingClass
from bindc.typemap.contexts import CONTEXT_CAPI
from bindc.typemap.streams import CHANNEL_CAPI
from bindc.writer import GeneratedFile


@dataclass(frozen=True)
class Request:
    """What the user asked for (the CLI's arguments)."""

    package: str = "."
    out: Path | None = None
    module: str | None = None
    python: str | None = None
    cwd: Path = field(default_factory=Path.cwd)
    strict: bool = False  # every skipped exported declaration is an error (for CI)
    #: Emit for the stable ABI (``NAME.abi3.so``): only the limited API of CPython 3.11, proven
    #: by :mod:`bindc.capi.limited` over the generated C and the runtime's.
    abi3: bool = False
    #: Instantiations of generic functions, as given to ``--instantiate``: ``pkg.Map[int,string]``
    #: or ``Map[int,string]=py_name`` (see :mod:`bindc.resolve.instances`).
    instantiate: tuple[str, ...] = ()
    #: Classes of the other modules linked into the same library (``bindc build A B --package``).
    siblings: tuple[SiblingClass, ...] = ()
    #: Called with each phase's name as it starts ("locate", "parse", "resolve", "verify C API",
    #: "emit"), so a front end can show progress; not part of the request's identity.
    on_phase: Callable[[str], None] | None = field(default=None, compare=False)

    def phase(self, name: str) -> None:
        """Announce that phase ``name`` starts."""
        if self.on_phase is not None:
            self.on_phase(name)


@dataclass
class Result:
    """Generated files (when there were no errors), the diagnostics, and the module plan."""

    files: list[GeneratedFile]
    sink: DiagnosticSink
    module: BoundModule | None = None
    interpreter: Interpreter | None = None


def output_names(module_name: str) -> tuple[str, str, str]:
    """File names of the Go, C and stub outputs for a module.

    The go tool ignores files whose names start with ``_``, so a private module name
    (``_fast``, as in ``demo._fast``) gets Go and C files named ``bindc_fast_bindc.*``.
    """
    stem = f"bindc{module_name}" if module_name.startswith("_") else module_name
    return f"{stem}_bindc.go", f"{stem}_bindc.c", f"{module_name}.pyi"


def generate_files(req: Request) -> Result:
    """Run the whole pipeline in memory. Never raises for bad input: errors are diagnostics."""
    sink = DiagnosticSink()
    req.phase("locate")
    try:
        interp = find_interpreter(req.python)
        located = locate_package(req.package, cwd=req.cwd)
    except (InterpreterError, PackageNotFoundError, GoToolchainError) as e:
        sink.error(str(e))
        return Result([], sink)

    req.phase("parse")
    package, diags = load_package(located.dir, import_path=located.import_path, skip_generated_by="bindc")
    sink.extend(diags)
    if not package.files:
        sink.error(f"no Go files to bind in {located.dir}")
        return Result([], sink, interpreter=interp)

    module_name = req.module or package.name
    if not is_valid_python_identifier(module_name):
        sink.error(f"module name {module_name!r} is not a valid Python identifier (choose one with --module)")
        return Result([], sink, interpreter=interp)
    if req.module is None and module_name in sys.stdlib_module_names:
        sink.warning(f"module name {module_name!r} (the Go package name) is also a module of Python's standard "
                     f"library: one would shadow the other on import; choose another name with "
                     f"--module (e.g. --module go_{module_name})")

    target_import = None
    if req.out is not None:
        target_import = located.import_path
        if target_import is None:
            sink.error(f"--out needs an importable package, but {located.dir} has no import path (is it inside a Go module?)")
            return Result([], sink, interpreter=interp)

    requests = _instance_requests(req.instantiate, package.name, sink)
    req.phase("resolve")
    module = resolve(package, module_name, sink, target_import=target_import,
                     siblings={(s.import_path, s.go_name): s for s in req.siblings}, instantiate=requests)
    _check_summary(module, req.strict, sink)
    if target_import is None:
        _check_generated_names(module, sink)
    req.phase("verify C API")
    _verify_c_api(module, interp, sink, limited_api=LIMITED_API_3_11 if req.abi3 else None)
    if sink.has_errors:
        return Result([], sink, module, interp)

    req.phase("emit")
    out_dir = req.out if req.out is not None else located.dir
    note = _source_note(module, located.import_path)
    go_name, c_name, pyi_name = output_names(module_name)
    files = [
        GeneratedFile(out_dir / go_name, gofmt(emit_go_file(module, note), go_name)),
        GeneratedFile(out_dir / c_name, emit_c_file(module, note)),
        GeneratedFile(out_dir / pyi_name, check_stub(emit_stub(module, note), pyi_name)),
    ]
    if req.abi3:
        req.phase("verify limited API")
        sink.extend(limited_api_errors(module, files[1], interp, go_file=files[0]))
        if sink.has_errors:
            return Result([], sink, module, interp)
    return Result(files, sink, module, interp)


def _instance_requests(texts: tuple[str, ...], package: str, sink: DiagnosticSink) -> tuple[InstanceRequest, ...]:
    """Parse ``--instantiate`` values; a malformed one, or one naming another package, is an error."""
    parsed: list[InstanceRequest] = []
    for text in texts:
        try:
            request = parse_instance(text, name_separator="=")
        except InstanceSyntaxError as e:
            sink.error(f"--instantiate {text!r}: {e}")
            continue
        if request.qualifier not in (None, package):
            sink.error(f"--instantiate {text!r} names package {request.qualifier}, but the package bound is {package}")
            continue
        parsed.append(request)
    return tuple(parsed)


def _check_summary(module: BoundModule, strict: bool, sink: DiagnosticSink) -> None:
    """A package of which nothing can be bound is an error (a module with nothing in it is
    never what the user wanted); with ``--strict``, so is every skipped declaration."""
    summary = module.summary
    if summary.bound == 0:
        what = f"none of its {summary.total} exported declarations" if summary.total else "it exports nothing"
        sink.error(f"nothing of package {module.package.name} can be bound: {what} "
                   f"({summary.line()}); the warnings above say why")
    if strict:
        for skip in summary.skipped:
            sink.error(f"{skip.name} is not bound ({skip.reason}); --strict makes every skip an error", skip.span)


def _check_generated_names(module: BoundModule, sink: DiagnosticSink) -> None:
    """In-package output adds top-level Go names; they must not clash with the user's."""
    taken = package_level_names(module.package)
    for name in list(GENERATED_GO_NAMES) + [i.proxy_type for i in proxy_interfaces(module)]:
        if name in taken:
            sink.error(f"package {module.package.name} already declares {name}, which bindc generates; "
                       f"rename it or generate into a separate package with --out")


def required_capi(module: BoundModule) -> dict[str, CSignature]:
    """Every C function the output will call, each naming what needs it (a mapping, or the
    wrappers themselves)."""
    wanted: dict[str, CSignature] = {s.name: s for s in WRAPPER_CAPI}
    if module.values:
        wanted.update((s.name, s) for s in VALUES_CAPI + SENTINEL_CAPI)
    methods = [m for cls in module.classes for m in cls.methods] + [m for e in module.values.enums for m in e.all_methods]
    if any(fn.context is not None for fn in list(module.functions) + methods):
        wanted.update((s.name, s) for s in CONTEXT_CAPI)
    if uses_channels(module):
        wanted.update((s.name, s) for s in CHANNEL_CAPI)
    if aio_functions(module):
        wanted.update((s.name, s) for s in AIO_CAPI)
    if vec_functions(module):
        wanted.update((s.name, s) for s in VEC_CAPI)
    for fn in module.functions:
        for mapping in [bp.mapping for bp in fn.params] + [r.mapping for r in fn.results] + \
                       ([fn.variadic.mapping] if fn.variadic else []):
            for sig in mapping.capi:
                wanted.setdefault(sig.name, CSignature(sig.name, sig.returns, sig.params, sig.variadic,
                                                       needed_by=f"the {mapping.go_type} mapping"))
    return wanted


def _verify_c_api(module: BoundModule, interp: Interpreter, sink: DiagnosticSink, limited_api: int | None = None) -> None:
    """Check every C function the output will call against the target's headers (only their
    limited API when ``limited_api`` is set: an abi3 build)."""
    wanted = required_capi(module)
    try:
        model = load_model(interp, include_runtime=True, runtime_dir=runtime_c_dir(), limited_api=limited_api)
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
