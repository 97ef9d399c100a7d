"""Report: how much of each standard-library package bindc binds, and why the rest is skipped.

    python tests/bench/stdlib_report.py [PKG ...] [--proof | --everyday] [--markdown]

For every package (default: strings strconv unicode/utf8 path math math/cmplx net/url slices maps cmp;
``--proof``: the 16 packages of issue 9's proof, checked by tests/stdlib; ``--everyday``: the
everyday packages of tests/stdlib/test_stdlib_everyday.py) bindc
generates a wrapper package in memory (``bindc generate PKG --out ...``, nothing is written)
and the script counts the package's exported plain functions, the ones bound, and the skipped
ones grouped by the reason bindc gave for each (the first reason when there are several).
Methods are counted apart: the exported methods declared on the package's exported types,
the ones bound (as methods of a class, or as its ``__str__``), and the skipped ones with
their reasons; a method of a type that is not bound as a class is skipped for that reason.
Constants, enum classes, variable accessors and sentinel error classes are counted too.
First of all, bindc's own account (the summary line ``generate``/``build`` print: ``bound N of M
exported declarations; skipped ...``, over functions, methods, types, constants and variables).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "compiler"))

from bindc.driver import Request, generate_files  # noqa: E402
from bindc.ir import StructType, TypeDecl  # noqa: E402
from bindc.resolve import BoundModule  # noqa: E402
from bindc.naming import STR_METHODS  # noqa: E402

DEFAULT_PACKAGES = ["strings", "strconv", "unicode/utf8", "path", "math", "math/cmplx", "net/url",
                    "slices", "maps", "cmp"]  # the generic ones with their default instantiations
#: Issue 9's proof: the standard library as the corpus of published code (tests/stdlib).
PROOF_PACKAGES = ["time", "regexp", "encoding/json", "encoding/base64", "encoding/hex", "crypto/sha256",
                  "hash/crc32", "bytes", "sort", "html", "net/netip", "math/big", "text/template",
                  "container/list", "mime", "net/url"]
#: Everyday packages with idioms of their own (tests/stdlib/test_stdlib_everyday.py; sha256 is above).
EVERYDAY_PACKAGES = ["encoding/csv", "compress/gzip", "crypto/hmac", "hash/fnv", "text/tabwriter", "encoding/binary",
                     "path/filepath", "unicode", "log/slog", "container/heap", "net/mail", "html/template",
                     "encoding/xml", "bufio"]

# Reason text -> group, first match wins. Groups say which piece of work would bind them.
_GROUPS = [
    (r"type func\(", "func parameter (callbacks: not yet)"),
    (r"not instantiated", "generic function, not instantiated (//py4go:instantiate, --instantiate)"),
    (r"generic", "generic types and methods (not yet)"),
    (r"type \[\](?:\w+\.)?[A-Z]\w* is not supported|struct types? of other packages?",
     "struct type of another package (not yet)"),
    (r"type \*[a-z]\w*\.[A-Z]\w* is not supported", "struct type of another package (not yet)"),
    (r"type (<-)?chan", "channels"),
    (r"type \*", "pointer to struct (classes: not yet)"),
    (r"type (\[\]|map\[|\[\d)", "slice/array/map other than []byte (containers: not yet)"),
    (r"complex", "complex64/complex128"),
    (r"interface|type any|error result", "interfaces / any (not yet)"),
]


def classify(reason: str) -> str:
    """The group of a skip reason."""
    for pattern, group in _GROUPS:
        if re.search(pattern, reason):
            return group
    return "other: " + reason


def report(import_path: str) -> dict[str, object]:
    """Counts for one package."""
    with tempfile.TemporaryDirectory() as tmp:
        result = generate_files(Request(package=import_path, out=Path(tmp) / "w", cwd=Path(tmp)))
    module = result.module
    if module is None:
        raise SystemExit(f"{import_path}: generation failed:\n{result.sink.render_all()}")
    exported = [f for f in module.package.functions if f.exported]
    bound = {f.go_name for f in module.functions if not f.local}
    reasons: dict[str, str] = {}
    for d in result.sink.items:
        m = re.match(r"(?:generic function )?([\w.]+)(?: skipped: | is not supported; skipped)(.*)", d.message)
        if m and m.group(1) not in reasons:
            reasons[m.group(1)] = m.group(2) or "generic function"
    skipped = Counter(classify(reasons.get(f.name, "unknown")) for f in exported if f.name not in bound)
    methods = method_counts(module, reasons)
    summary = module.summary
    return {
        "package": import_path,
        "declarations": summary.total,
        "declarations_bound": summary.bound,
        "summary": summary.line(),
        "exported": len(exported),
        "bound": len(bound),
        "skipped": sum(skipped.values()),
        "reasons": skipped,
        "constants": len(module.values.constants),
        "enums": len(module.values.enums),
        "variables": len({f.variable for f in module.functions if f.local}),  # read-only ones have no setter
        "sentinels": len(module.values.sentinels),
        "foreign": ", ".join(c.go_display for c in module.classes if c.foreign),
        "foreign_methods": f"{module.summary.foreign_methods} of {module.summary.foreign_total}",
        **methods,
    }


def method_counts(module: BoundModule, reasons: dict[str, str]) -> dict[str, object]:
    """Exported methods declared on exported types, bound ones, and skipped ones by reason
    (``reasons`` maps ``Type.Method`` to bindc's warning text)."""
    package = module.package
    types = {t.name: t for t in package.types}
    declared = [f for f in package.funcs if f.receiver is not None and f.exported
                and f.receiver.type_name in types and types[f.receiver.type_name].exported]
    # Classes of other packages (color.RGBA in image) may share a name with the package's own.
    classes = {c.decl.name: c for c in module.classes if not c.foreign}
    bound: set[tuple[str, str]] = set()
    for cls in classes.values():
        for bf in cls.methods + ((cls.str_method,) if cls.str_method else ()):
            assert bf.func.receiver is not None
            bound.add((bf.func.receiver.type_name, bf.func.name))
    enums = {e.decl.name for e in module.values.enums}
    for enum in module.values.enums:
        for bf in enum.all_methods:  # methods set on an IntEnum class
            assert bf.func.receiver is not None
            bound.add((bf.func.receiver.type_name, bf.func.name))
    skipped: Counter[str] = Counter()
    for f in declared:
        assert f.receiver is not None
        owner = f.receiver.type_name
        cls = classes.get(owner)
        if (owner, f.name) in bound or (cls is not None and cls.str_method is not None and f.name in STR_METHODS):
            continue  # bound, or an Error()/String() whose twin is the class's __str__
        if cls is None and owner not in enums:
            skipped[unbound_type_group(types[owner])] += 1
        else:
            skipped[classify(reasons.get(f"{owner}.{f.name}", "unknown"))] += 1
    return {"methods": len(declared), "methods_bound": len(declared) - sum(skipped.values()),
            "methods_skipped": sum(skipped.values()), "method_reasons": skipped}


def unbound_type_group(decl: TypeDecl) -> str:
    """The skip group of a method whose receiver type is not bound as a class."""
    if decl.type_params:
        return "generic types and methods (not yet)"
    if decl.directive("skip"):
        return "receiver type marked //py4go:skip"
    if isinstance(decl.type, StructType):
        return "receiver struct not bound (other)"
    return "receiver type not bound (other)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("packages", nargs="*")
    parser.add_argument("--proof", action="store_true", help="the 16 packages of issue 9's proof")
    parser.add_argument("--everyday", action="store_true", help="the everyday packages of test_stdlib_everyday.py")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables (docs/stdlib.md)")
    args = parser.parse_args()
    chosen = PROOF_PACKAGES if args.proof else EVERYDAY_PACKAGES if args.everyday else DEFAULT_PACKAGES
    rows = [report(p) for p in args.packages or chosen]
    if args.markdown:
        print("| package | bound | of | skipped (bindc's summary line) |")
        print("|---|---:|---:|---|")
        for r in rows:
            skipped = str(r["summary"]).partition("; skipped ")[2] or "—"
            print(f"| `{r['package']}` | {r['declarations_bound']} | {r['declarations']} | {skipped} |")
        print()
        print("| package | exported functions | bound | skipped | exported methods | bound | skipped "
              "| constants | variables | error classes |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| `{r['package']}` | {r['exported']} | {r['bound']} | {r['skipped']} | {r['methods']} "
                  f"| {r['methods_bound']} | {r['methods_skipped']} | {r['constants']} | {r['variables']} "
                  f"| {r['sentinels']} |")
        print()
        print("| package | skipped because | functions | methods |")
        print("|---|---|---:|---:|")
        for r in rows:
            funcs, meths = r["reasons"], r["method_reasons"]
            assert isinstance(funcs, Counter) and isinstance(meths, Counter)
            for reason in sorted(funcs.keys() | meths.keys(), key=lambda k: (-funcs[k] - meths[k], k)):
                print(f"| `{r['package']}` | {reason} | {funcs[reason]} | {meths[reason]} |")
        if any(r["foreign"] for r in rows):
            print()
            print("| package | classes of other packages | their methods bound |")
            print("|---|---|---:|")
            for r in rows:
                if r["foreign"]:
                    print(f"| `{r['package']}` | {r['foreign']} | {r['foreign_methods']} |")
        return
    for r in rows:
        print(f"{r['package']:<14} {r['summary']}")
        print(f"{'':<14} exported {r['exported']:>3}  bound {r['bound']:>3}  skipped {r['skipped']:>3}"
              f"  constants {r['constants']:>3}  enums {r['enums']}  variables {r['variables']}"
              f"  error classes {r['sentinels']}")
        for reason, n in sorted(r["reasons"].items(), key=lambda kv: (-kv[1], kv[0])):  # type: ignore[attr-defined]
            print(f"    {n:>3}  {reason}")
        print(f"{'':<14} methods  {r['methods']:>3}  bound {r['methods_bound']:>3}  skipped {r['methods_skipped']:>3}")
        if r["foreign"]:
            print(f"{'':<14} classes of other packages: {r['foreign']} ({r['foreign_methods']} methods)")
        for reason, n in sorted(r["method_reasons"].items(), key=lambda kv: (-kv[1], kv[0])):  # type: ignore[attr-defined]
            print(f"    {n:>3}  {reason}")


if __name__ == "__main__":
    main()
