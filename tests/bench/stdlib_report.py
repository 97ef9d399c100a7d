"""Report: how much of each standard-library package bindc binds, and why the rest is skipped.

    python tests/bench/stdlib_report.py [PKG ...] [--markdown]

For every package (default: strings strconv unicode/utf8 path math net/url) bindc generates
a wrapper package in memory (``bindc generate PKG --out ...``, nothing is written) and the
script counts the package's exported plain functions (methods belong to classes and are not
counted), the ones bound, and the skipped ones grouped by the reason bindc gave for each
(the first reason when there are several). Constants, enum classes and variable accessors
are counted too.
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

DEFAULT_PACKAGES = ["strings", "strconv", "unicode/utf8", "path", "math", "net/url"]

# Reason text -> group, first match wins. Groups say which piece of work would bind them.
_GROUPS = [
    (r"type func\(", "func parameter (callbacks: not yet)"),
    (r"type iter\.Seq|generic", "generics (iter.Seq, type parameters)"),
    (r"type \[\][A-Z]\w* is not supported|struct types? of other packages?",
     "struct type of another package (not yet)"),
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
        m = re.match(r"(?:generic function )?(\w+)(?: skipped: | is not supported; skipped)(.*)", d.message)
        if m and m.group(1) not in reasons:
            reasons[m.group(1)] = m.group(2) or "generic function"
    skipped = Counter(classify(reasons.get(f.name, "unknown")) for f in exported if f.name not in bound)
    return {
        "package": import_path,
        "exported": len(exported),
        "bound": len(bound),
        "skipped": sum(skipped.values()),
        "reasons": skipped,
        "constants": len(module.values.constants),
        "enums": len(module.values.enums),
        "variables": sum(1 for f in module.functions if f.local) // 2,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("packages", nargs="*", default=DEFAULT_PACKAGES)
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables (docs/stdlib.md)")
    args = parser.parse_args()
    rows = [report(p) for p in args.packages]
    if args.markdown:
        print("| package | exported functions | bound | skipped | constants | variables |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| `{r['package']}` | {r['exported']} | {r['bound']} | {r['skipped']} | {r['constants']} | {r['variables']} |")
        print()
        print("| package | skipped because | functions |")
        print("|---|---|---:|")
        for r in rows:
            for reason, n in sorted(r["reasons"].items(), key=lambda kv: (-kv[1], kv[0])):  # type: ignore[attr-defined]
                print(f"| `{r['package']}` | {reason} | {n} |")
        return
    for r in rows:
        print(f"{r['package']:<14} exported {r['exported']:>3}  bound {r['bound']:>3}  skipped {r['skipped']:>3}"
              f"  constants {r['constants']:>3}  enums {r['enums']}  variables {r['variables']}")
        for reason, n in sorted(r["reasons"].items(), key=lambda kv: (-kv[1], kv[0])):  # type: ignore[attr-defined]
            print(f"    {n:>3}  {reason}")


if __name__ == "__main__":
    main()
