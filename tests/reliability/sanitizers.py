"""AddressSanitizer (with LeakSanitizer) for the C runtime: build flags, run environment, and
reading the sanitizer's report.

Why ASan and not valgrind: valgrind does not understand the Go runtime (goroutine stacks
look like stack switching to it, and the runtime reads stack slots it never wrote), so the
e2e checks under memcheck, with CPython's and the Go runtime's uninitialised-value reports
already suppressed, still gave 24 (kitchen) to 632 (callbacks) error contexts in Go and
CPython internals, each needing a suppression; it was also ~10x slower (classes checks: 78 s
against 7 s under ASan). Its leak check agreed with LSan (nothing definitely lost).

ASan instruments the code compiled with it: the C runtime (runtime/bindcrt/*.c), the generated C
wrappers and cgo's glue, all built by ``go build -asan`` (which instruments the Go code's
memory accesses too). The interpreter is not instrumented, but the ASan runtime replaces
``malloc``/``free`` process-wide and intercepts ``memcpy``/``strlen``..., so any read or write
our code makes into a freed or overrun heap block is caught, whoever allocated it.

Two settings make that hold for Python objects as well:

* ``PYTHONMALLOC=malloc``: CPython otherwise serves objects up to 512 bytes from its own
  arenas, where ASan sees neither object bounds nor frees, so a use of a str's buffer after
  its last ``Py_DECREF`` goes unnoticed (``asan_canary`` mode ``use_after_decref`` shows it is
  caught with this setting; without it, it is not). It also silences CPython's exit-time
  "leaks": with pymalloc, the large blocks its arenas point to become unreachable once the
  arenas are unmapped at finalization, and LSan reports them (13 KB in 6 blocks for an
  empty ``Py_Initialize``/``Py_FinalizeEx``); with malloc there are none.
* extension modules: ``python`` itself is not built with ASan, so libasan is loaded first
  with ``LD_PRELOAD`` (the ASan runtime must come before libc in the symbol search order).

LeakSanitizer runs at exit. Its suppressions (``lsan.supp``) hold only allocations that are
kept on purpose for the life of the process, each with the reason.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
SUPPRESSIONS = HERE / "lsan.supp"

#: ASan settings, for every sanitized run. halt_on_error: the first memory error ends the
#: process (a later report could be a consequence of the first). detect_leaks: LeakSanitizer
#: at exit. fast_unwind_on_malloc=1 keeps allocation-heavy runs fast; allocation stacks
#: through libpython (built without frame pointers) may then be cut short, while the stack
#: of the faulting access is always unwound fully (fast_unwind_on_fatal=0 is the default).
#: For a full allocation stack when debugging a report, rerun with fast_unwind_on_malloc=0.
ASAN_OPTIONS = "halt_on_error=1:detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=1:malloc_context_size=30"


@lru_cache(maxsize=None)
def libasan() -> Path | None:
    """The ASan runtime of the C compiler cgo uses (gcc), or None when it is not installed."""
    gcc = shutil.which("gcc")
    if gcc is None:
        return None
    out = subprocess.run([gcc, "-print-file-name=libasan.so"], capture_output=True, text=True).stdout.strip()
    # gcc prints the bare name back when it has no such file.
    return Path(out).resolve() if out and Path(out).is_absolute() and Path(out).exists() else None


def skip_reason() -> str | None:
    """Why sanitized runs cannot happen on this machine, or None when they can."""
    if libasan() is None:
        return "AddressSanitizer runtime not found: `gcc -print-file-name=libasan.so` names no file (install libasan)"
    return None


def build_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` (a Go build environment with the interpreter's CGO flags) for an ASan build:
    ``-asan`` in GOFLAGS, so that ``bindc build`` (which runs ``go build`` itself, with the
    CGO flags it computes) produces an instrumented module too. (Frame pointers would give
    longer allocation stacks, but CGO_CFLAGS is bindc's, and ``go build -asan`` refuses a CC
    with flags in it.)"""
    out = dict(env)
    flags = shlex.split(out.get("GOFLAGS", ""))
    if "-mod=mod" not in flags:
        flags.append("-mod=mod")  # go_env's default, which an explicit GOFLAGS would replace
    out["GOFLAGS"] = " ".join([*flags, "-asan"])
    return out


def run_env(env: dict[str, str], *, preload: bool) -> dict[str, str]:
    """``env`` for running sanitized code; ``preload`` for a Python that is not itself built
    with ASan (extension modules)."""
    out = dict(env, ASAN_OPTIONS=ASAN_OPTIONS, LSAN_OPTIONS=f"suppressions={SUPPRESSIONS}:print_suppressions=1",
               PYTHONMALLOC="malloc")
    if preload:
        lib = libasan()
        assert lib is not None, skip_reason()
        out["LD_PRELOAD"] = str(lib)
    return out


@dataclass(frozen=True)
class Report:
    """What the sanitizers said about one run."""

    errors: tuple[str, ...]
    """Each error report ("ERROR: AddressSanitizer: heap-use-after-free ..."), with its stacks."""
    suppressed: tuple[str, ...]
    """Lines of the "Suppressions used" table (count, bytes, pattern): leaks we keep on purpose."""

    @property
    def clean(self) -> bool:
        return not self.errors


_ERROR = re.compile(r"^==\d+==ERROR: (AddressSanitizer|LeakSanitizer):", re.M)


def read_report(stderr: str) -> Report:
    """Split a sanitized process's stderr into its error reports and its suppressed leaks."""
    starts = [m.start() for m in _ERROR.finditer(stderr)]
    errors = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(stderr)
        block = stderr[start:end]
        summary = re.search(r"^SUMMARY: .*$", block, re.M)  # the report ends there
        errors.append(block[:summary.end()] if summary else block.strip())
    suppressed: list[str] = []
    table = re.search(r"Suppressions used:\n\s*count\s+bytes\s+template\n((?:\s*\d+\s+\d+\s+\S+\n?)+)", stderr)
    if table:
        suppressed = [" ".join(line.split()) for line in table.group(1).splitlines() if line.strip()]
    return Report(tuple(errors), tuple(suppressed))


def describe(what: str, proc: subprocess.CompletedProcess[str]) -> str:
    """A failure message: what ran, how it ended, everything it printed."""
    return f"{what} exited {proc.returncode}\n--- stdout\n{proc.stdout[-20000:]}\n--- stderr\n{proc.stderr[-30000:]}"
