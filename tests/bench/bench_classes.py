"""Benchmark: Go structs as Python classes (method call, field get/set, construction).

    python tests/bench/bench_classes.py [--repeat 15] [--number 1000000]

Builds tests/e2e/classes with bindc and prints ns per operation (best of --repeat timeit
runs) in one run, next to gopy 0.4.10's figures from DESIGN.md (same machine kind).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "compiler"))

from bindc.build import build_extension  # noqa: E402

PACKAGE = REPO / "tests" / "e2e" / "classes"

CASES = [
    # label, statement, setup, gopy figure (ns) or None
    ("method call p.norm()", "p.norm()", "p = classes.Point(3, 4)", 406),
    ("field get p.x", "p.x", "p = classes.Point(3, 4)", 470),
    ("field set p.x = 5", "p.x = 5", "p = classes.Point(3, 4)", None),
    ("construct Point(1, 2)", "classes.Point(1, 2)", "", None),
    ("pointer arg move(p, 1, 1)", "classes.move(p, 1, 1)", "p = classes.Point(3, 4)", None),
]


def time_case(ext_dir: Path, stmt: str, setup: str, repeat: int, number: int) -> float:
    """Best-of-``repeat`` ns per ``stmt`` in a fresh interpreter."""
    code = textwrap.dedent(f"""
        import json, timeit
        t = timeit.Timer({stmt!r}, setup={("import classes; " + setup)!r})
        print(json.dumps(min(t.repeat(repeat={repeat}, number={number})) / {number} * 1e9))
    """)
    env = dict(os.environ, PYTHONPATH=str(ext_dir))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bindc-bench-") as tmp:
        build_extension(str(PACKAGE), Path(tmp), cwd=PACKAGE)
        print(f"classes: ns per operation, best of {args.repeat} x {args.number:,} (Python {sys.version.split()[0]})")
        for label, stmt, setup, gopy in CASES:
            ns = time_case(Path(tmp), stmt, setup, args.repeat, args.number)
            vs = f"   gopy {gopy} ns: {gopy / ns:.1f}x faster" if gopy else ""
            print(f"  {label:<28} {ns:8.1f} ns{vs}")


if __name__ == "__main__":
    main()
