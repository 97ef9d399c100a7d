"""Report: how much of ten standard-library modules `bindc go` types from typeshed's stubs.

    python tests/bench/pygo_stdlib_report.py [MODULE ...]

For each module: functions and methods (constructors included) that got a fully typed Go
signature, those that fell back in part or whole to ``any`` / ``*python.Object`` (an Any or
TypeVar in the stub, an overload, or a type with no Go mapping), classes bound (classes,
enums, records, protocols, exception types), and warnings. Prints a Markdown table.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "compiler"))

from bindc.pygo import model as m  # noqa: E402
from bindc.pygo.driver import GoRequest, generate_go  # noqa: E402

MODULES = ("textwrap", "difflib", "colorsys", "html", "json", "shlex", "statistics", "fnmatch", "base64", "keyword")


def has_any(t: m.PyType) -> bool:
    return t.kind == m.ANY or any(has_any(a) for a in t.args)


def typed(f: m.Function, warned: set[int]) -> bool:
    """Fully typed: no overload, no Any/TypeVar/fallback in any parameter or the result."""
    if f.overloaded or has_any(f.result) or f.span.line in warned:
        return False
    return not any(has_any(p.type) or p.span.line in warned for p in f.params)


def main(modules: list[str]) -> None:
    print("| module | functions typed | fell back | classes | warnings |")
    print("| --- | ---: | ---: | ---: | ---: |")
    totals = [0, 0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for name in modules:
            r = generate_go(GoRequest(source=name, out=Path(tmp) / name))
            if r.sink.has_errors:
                print(f"| {name} | error: {r.sink.render_all().splitlines()[0]} | | | |")
                continue
            warned = {d.span.line for d in r.sink.items if d.span}
            funcs: list[m.Function] = []
            classes = 0
            for mod in r.modules:
                funcs += mod.functions
                for c in mod.classes:
                    funcs += [*c.methods, *c.statics] + ([c.init] if c.init else [])
                classes += len(mod.classes) + len(mod.enums) + len(mod.records) + len(mod.protocols) + \
                    len(mod.exceptions)
            ok = sum(typed(f, warned) for f in funcs)
            row = [ok, len(funcs) - ok, classes, len(r.sink.items)]
            totals = [a + b for a, b in zip(totals, row)]
            print(f"| {name} | " + " | ".join(map(str, row)) + " |")
    print("| **total** | " + " | ".join(f"**{x}**" for x in totals) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or list(MODULES))
