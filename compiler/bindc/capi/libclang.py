"""Access to libclang: loading it with a clear error, its version, and its diagnostics.

Everything else in :mod:`bindc.capi` goes through here to touch ``clang.cindex``, so a missing
or broken libclang is reported once, in one wording, as a :class:`CApiError`.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from bindc.diagnostics import Diagnostic, Severity
from bindc.ir import Span

if TYPE_CHECKING:
    import clang.cindex as cindex


class CApiError(Exception):
    """The C-API model could not be built: libclang is unusable or the headers do not parse.

    ``diagnostics`` holds clang's own messages with ``file:line:col`` where there are any.
    """

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        self.diagnostics = list(diagnostics)
        details = "".join(f"\n  {d.render()}" for d in self.diagnostics)
        super().__init__(message + details)


def new_index() -> "cindex.Index":
    """A fresh ``clang.cindex.Index``; raises :class:`CApiError` when libclang cannot be loaded."""
    try:
        import clang.cindex as cindex

        return cindex.Index.create()
    except ImportError as e:
        raise CApiError(f"the libclang Python bindings are not installed ({e}); install them with `pip install libclang`") from e
    except Exception as e:  # LibclangError, OSError from ctypes: both mean "no usable library"
        raise CApiError(
            f"libclang could not be loaded: {e}. bindc checks C-API calls against the target headers "
            "with libclang; install it with `pip install libclang`"
        ) from e


@lru_cache(maxsize=None)
def clang_version() -> str:
    """The loaded libclang's version string, e.g. ``"clang version 18.1.1"`` (part of the cache key)."""
    new_index()  # loads the library or raises CApiError
    import clang.cindex as cindex

    # clang_getClangVersion is not among the functions the bindings declare; give it the
    # CXString return convention they use for every other string-returning call.
    fn = cindex.conf.lib.clang_getClangVersion
    fn.restype = cindex._CXString
    fn.errcheck = cindex._CXString.from_result
    return str(fn())


@lru_cache(maxsize=None)
def gcc_builtin_include() -> tuple[str, ...]:
    """``-isystem <gcc's include dir>``: the PyPI libclang 18 wheel lacks ``stddef.h`` and friends.

    Empty when there is no gcc; libclang builds that ship their own resource dir need nothing.
    """
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        return ()
    try:
        out = subprocess.run([gcc, "-print-file-name=include"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return ("-isystem", out) if out and out != "include" else ()


def clang_diagnostics(tu: "cindex.TranslationUnit", min_severity: int = 3) -> list[Diagnostic]:
    """clang's diagnostics at or above ``min_severity`` (3 = error, 4 = fatal) as bindc diagnostics."""
    result = []
    for d in tu.diagnostics:
        if d.severity < min_severity:
            continue
        loc = d.location
        span = Span(loc.file.name, loc.line, loc.column) if loc.file is not None else None
        result.append(Diagnostic(Severity.ERROR, d.spelling, span))
    return result
