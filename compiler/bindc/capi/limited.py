"""Proof that C code uses only the limited API (the stable ABI behind ``NAME.abi3.so``).

Every C file an abi3 extension compiles — the generated wrappers, the runtime's ``.c`` files and
the C in the runtime's cgo preambles — is parsed by libclang with ``Py_LIMITED_API`` defined, as
the build compiles it. Under that macro the headers declare only the stable ABI, so each use of
anything else is a clang error: a call to a function the limited headers do not declare
(``PyTuple_GET_ITEM``), a member of a type they keep opaque (``Py_TYPE(o)->tp_name``), a type
they lack (``PyConfig``). Each error is attributed to the C function containing it, and a call
graph over the parsed functions says which functions reach one. :func:`limited_api_errors`
turns that into diagnostics naming the mapping (or generated function) that needs the
offending function, the offending use and where it is.

Calls to functions nobody declares that are not part of the C API at all (the Go functions
cgo declares in ``_cgo_export.h``) are not violations: only names the full-API headers declare
and the limited ones do not are.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from bindc.capi.libclang import clang_version, gcc_builtin_include, new_index

#: The abi3 floor: the limited API of CPython 3.11 (``Py_LIMITED_API`` = ``0x030b0000``).
LIMITED_API_3_11 = 0x030B0000

_UNDECLARED_CALL = re.compile(r"(?:call to undeclared function|implicit declaration of function) '(\w+)'")
_CGO_PREAMBLE = re.compile(r"/\*(.*?)\*/\s*import \"C\"", re.S)
_FORMAT = 1


@dataclass(frozen=True)
class Use:
    """One use of something outside the limited API: what, and where (``file:line``)."""

    what: str
    where: str


@dataclass
class Scan:
    """What the parse found: direct violations and calls, per C function (by name)."""

    uses: dict[str, list[Use]] = field(default_factory=dict)
    calls: dict[str, set[str]] = field(default_factory=dict)
    defined_at: dict[str, str] = field(default_factory=dict)
    #: Violations outside any function (a file-scope declaration), by file.
    outside: list[Use] = field(default_factory=list)

    def merge(self, other: "Scan") -> None:
        """Add ``other``'s facts to this scan (first definition site wins)."""
        for name, uses in other.uses.items():
            mine = self.uses.setdefault(name, [])
            mine += [u for u in uses if u not in mine]
        for name, callees in other.calls.items():
            self.calls.setdefault(name, set()).update(callees)
        for name, where in other.defined_at.items():
            self.defined_at.setdefault(name, where)
        self.outside += [u for u in other.outside if u not in self.outside]

    def unclean(self) -> dict[str, Use]:
        """Every function that uses, or calls a function that uses, something outside the
        limited API, with the first such use it reaches."""
        reason: dict[str, Use] = {name: uses[0] for name, uses in self.uses.items() if uses}
        changed = True
        while changed:
            changed = False
            for name, callees in self.calls.items():
                if name in reason:
                    continue
                for callee in sorted(callees):
                    if callee in reason and callee != name:
                        inner = reason[callee]
                        reason[name] = Use(f"{callee} ({self.defined_at.get(callee, '?')}), which uses {inner.what}"
                                           if " which uses " not in inner.what else f"{callee}, {inner.what}",
                                           inner.where)
                        changed = True
                        break
        return reason

    def to_json(self) -> dict[str, Any]:
        """The cacheable form."""
        return {"uses": {k: [[u.what, u.where] for u in v] for k, v in self.uses.items()},
                "calls": {k: sorted(v) for k, v in self.calls.items()}, "defined_at": self.defined_at,
                "outside": [[u.what, u.where] for u in self.outside]}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "Scan":
        """Inverse of :meth:`to_json`."""
        uses = {k: [Use(*u) for u in v] for k, v in raw["uses"].items()}
        calls = {k: set(v) for k, v in raw["calls"].items()}
        return cls(uses, calls, dict(raw["defined_at"]), [Use(*u) for u in raw["outside"]])


def cgo_preambles(go_file: Path | str) -> list[str]:
    """The C of every cgo preamble (the block comment right before ``import "C"``) in a Go file
    (a path, or the file's text)."""
    text = go_file.read_text(encoding="utf-8") if isinstance(go_file, Path) else go_file
    preambles = [m.group(1) for m in _CGO_PREAMBLE.finditer(text)]
    # `#cgo CFLAGS: ...` lines are for the go tool, not the C compiler: keep the line numbers.
    return ["\n".join("" if line.lstrip().startswith("#cgo ") else line for line in p.split("\n")) for p in preambles]


_GO_C_CALL = re.compile(r"\bC\.(\w+)\(")


def go_c_calls(runtime: Path) -> list[tuple[str, str]]:
    """Every ``C.name(`` in the runtime's Go files (calls, and conversions to C types) as
    ``(name, "file.go:line")``: cgo calls functions only, never macros."""
    return [call for go in sorted(runtime.glob("*.go")) if not go.name.endswith("_test.go")
            for call in go_source_c_calls(go.name, go.read_text(encoding="utf-8"))]


def go_source_c_calls(name: str, source: str) -> list[tuple[str, str]]:
    """:func:`go_c_calls` of one Go file's text (a generated file, say), named ``name``."""
    return [(m.group(1), f"{name}:{number}") for number, line in enumerate(source.splitlines(), 1)
            for m in _GO_C_CALL.finditer(line)]


def check_go_calls(calls: list[tuple[str, str]], c_api_names: frozenset[str], limited_functions: frozenset[str]) -> list[Use]:
    """The Go calls of C-API names that the limited headers do not declare as functions (a
    macro there, as the runtime's shims are, cannot be called from Go either)."""
    return [Use(f"C.{name} (not a function of the limited API)", where)
            for name, where in calls if name in c_api_names and name not in limited_functions]


def runtime_sources(runtime: Path) -> list[tuple[str, str]]:
    """The runtime's C translation units as cgo compiles them: each ``.c`` file and each Go
    file's preamble (named ``file.go``), as ``(name, source)`` pairs."""
    units = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(runtime.glob("*.c"))]
    for go in sorted(runtime.glob("*.go")):
        if go.name.endswith("_test.go"):
            continue
        units += [(go.name, text) for text in cgo_preambles(go) if "Py" in text or "py4go" in text]
    return units


def scan_sources(units: Iterable[tuple[str, str]], directory: Path, include_dir: str, c_api_names: frozenset[str],
                 limited_api: int = LIMITED_API_3_11, include_dirs: tuple[Path, ...] = ()) -> Scan:
    """Parse each ``(name, source)`` as if it were ``directory/name`` with ``Py_LIMITED_API``
    defined, and collect violations and calls per function. ``c_api_names`` are the names the
    full-API headers declare (functions and function-like macros); ``include_dirs`` are
    searched after ``directory`` (the runtime's, for generated files)."""
    import clang.cindex as ci

    index = new_index()
    args = ["-x", "c", "-std=gnu11", f"-DPy_LIMITED_API=0x{limited_api:08x}", f"-I{include_dir}", f"-I{directory}",
            *(f"-I{d}" for d in include_dirs), "-ferror-limit=0", *gcc_builtin_include()]
    scan = Scan()
    empty_export = (str(directory / "_cgo_export.h"), "")
    for name, source in units:
        path = str(directory / name)
        tu = index.parse(path, args=args, unsaved_files=[(path, source), empty_export])
        scan.merge(_scan_unit(tu, ci, include_dir, c_api_names))
    return scan


def _scan_unit(tu, ci, include_dir: str, c_api_names: frozenset[str]) -> Scan:  # type: ignore[no-untyped-def]
    """One translation unit's functions (outside Python's own headers), calls and violations."""
    scan = Scan()
    extents: list[tuple[str, int, int, str]] = []
    for cursor in tu.cursor.get_children():
        if cursor.kind != ci.CursorKind.FUNCTION_DECL or not cursor.is_definition():
            continue
        file = cursor.location.file.name if cursor.location.file else ""
        if not file or file.startswith(include_dir):
            continue
        name = cursor.spelling
        extents.append((file, cursor.extent.start.line, cursor.extent.end.line, name))
        scan.defined_at.setdefault(name, f"{Path(file).name}:{cursor.location.line}")
        callees = scan.calls.setdefault(name, set())
        for node in cursor.walk_preorder():
            if node.kind == ci.CursorKind.CALL_EXPR and node.spelling:
                callees.add(node.spelling)
    for d in tu.diagnostics:
        if d.severity < 3 or d.location.file is None:
            continue
        file, line = d.location.file.name, d.location.line
        undeclared = _UNDECLARED_CALL.search(d.spelling)
        if undeclared and undeclared.group(1) not in c_api_names:
            continue  # a Go export (declared by _cgo_export.h) or another non-C-API function
        what = (f"{undeclared.group(1)} (not in the limited API)" if undeclared else d.spelling)
        use = Use(what, f"{Path(file).name}:{line}")
        owner = next((n for f, a, b, n in extents if f == file and a <= line <= b), None)
        if owner is None:
            if use not in scan.outside:
                scan.outside.append(use)
            continue
        uses = scan.uses.setdefault(owner, [])
        if use not in uses:
            uses.append(use)
    return scan


def runtime_scan(runtime: Path, include_dir: str, c_api_names: frozenset[str], cache_dir: Path | None,
                 limited_api: int = LIMITED_API_3_11) -> Scan:
    """:func:`scan_sources` of the runtime, cached by the contents of its C and Go files, the
    headers' directory and libclang's version (parsing it takes seconds)."""
    units = runtime_sources(runtime)
    headers = sorted(p for p in runtime.glob("*.h"))
    digest = hashlib.sha256(json.dumps([_FORMAT, clang_version(), include_dir, limited_api, units,
                                        [(p.name, p.read_text(encoding="utf-8")) for p in headers]]).encode()).hexdigest()
    entry = cache_dir / f"limited-{digest[:40]}.json" if cache_dir is not None else None
    if entry is not None and entry.is_file():
        try:
            return Scan.from_json(json.loads(entry.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError):
            pass
    scan = scan_sources(units, runtime, include_dir, c_api_names, limited_api)
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(".tmp")
            tmp.write_text(json.dumps(scan.to_json()), encoding="utf-8")
            tmp.replace(entry)
        except OSError:
            pass
    return scan
