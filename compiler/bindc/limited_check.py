"""The abi3 proof of one module: its generated C and the whole runtime use only the limited API.

:mod:`bindc.capi.limited` parses the C with ``Py_LIMITED_API`` and finds every use outside it;
this module turns what it found into diagnostics that name who needs the offending code: the
type mapping whose C-API function reaches it, or the generated function, or (since cgo compiles
every runtime C file into the extension) the runtime function itself.
"""

from __future__ import annotations

from bindc.capi import CApiError, load_model
from bindc.capi.cache import default_cache_dir
from bindc.capi.limited import (LIMITED_API_3_11, Scan, cgo_preambles, check_go_calls, go_c_calls, go_source_c_calls,
                                runtime_scan, scan_sources)
from bindc.diagnostics import Diagnostic, Severity
from bindc.interpreter import Interpreter
from bindc.resolve import BoundModule
from bindc.resources import runtime_c_dir
from bindc.writer import GeneratedFile

LIMITED = f"the limited API of CPython 3.11 (Py_LIMITED_API=0x{LIMITED_API_3_11:08x})"


def limited_api_errors(module: BoundModule, c_file: GeneratedFile, interp: Interpreter,
                       go_file: GeneratedFile | None = None) -> list[Diagnostic]:
    """Errors for everything an abi3 build of ``module`` would compile that is outside the
    limited API (empty when the proof succeeds): the generated C file, the generated Go file's
    preamble and ``C.name(...)`` calls, and the whole runtime."""
    from bindc.driver import required_capi  # the driver imports this module

    try:
        full = load_model(interp, include_runtime=True, runtime_dir=runtime_c_dir())
        names = frozenset(full.functions) | full.function_macros
        limited = load_model(interp, include_runtime=True, runtime_dir=runtime_c_dir(), limited_api=LIMITED_API_3_11)
        go_calls = go_c_calls(runtime_c_dir())
        units = [(c_file.path.name, c_file.content)]
        if go_file is not None:
            go_calls += go_source_c_calls(go_file.path.name, go_file.content)
            units += [(go_file.path.name, text) for text in cgo_preambles(go_file.content)]
        go_uses = check_go_calls(go_calls, names, frozenset(limited.functions))
        runtime = runtime_scan(runtime_c_dir(), interp.include_dir, names, default_cache_dir())
        generated = scan_sources(units, c_file.path.parent, interp.include_dir, names, include_dirs=(runtime_c_dir(),))
    except CApiError as e:
        return [Diagnostic(Severity.ERROR, f"cannot check the limited API: {e}")]
    scan = Scan()
    scan.merge(runtime)
    scan.merge(generated)
    unclean = scan.unclean()
    errors: list[Diagnostic] = []
    explained = set()
    for name, sig in required_capi(module).items():
        if name in unclean:
            use = unclean[name]
            who = sig.needed_by or "the generated wrappers"
            errors.append(_error(f"{name} ({scan.defined_at.get(name, '?')}), needed by {who}, uses {use.what} at "
                                 f"{use.where}, which is not part of {LIMITED}"))
            explained.add(name)
    own = f"{c_file.path.name}:"
    for name in sorted(generated.calls):
        if not scan.defined_at.get(name, "").startswith(own):
            continue  # a runtime header's inline function, reported as the runtime's
        if name in unclean and not (generated.calls[name] & explained):
            use = unclean[name]
            errors.append(_error(f"generated {name} ({scan.defined_at.get(name, '?')}) uses {use.what} at "
                                 f"{use.where}, which is not part of {LIMITED}"))
    for name, uses in sorted(runtime.uses.items()):
        for use in uses:
            errors.append(_error(f"the py4go runtime's {name} ({runtime.defined_at.get(name, '?')}) uses {use.what} "
                                 f"at {use.where}, which is not part of {LIMITED} (cgo compiles every runtime C "
                                 f"file into the extension)"))
    for use in go_uses:
        errors.append(_error(f"Go code calls {use.what} at {use.where}, which is not part of {LIMITED}"))
    for use in runtime.outside + generated.outside:
        errors.append(_error(f"{use.where}: {use.what} (not part of {LIMITED})"))
    return errors


def _error(message: str) -> Diagnostic:
    return Diagnostic(Severity.ERROR, f"--abi3: {message}")
