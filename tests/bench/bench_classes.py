"""Benchmark: Go structs as Python classes (method call, field get/set, construction), and
value classes and enum methods from tests/e2e/named.

    python tests/bench/bench_classes.py [--repeat 15] [--number 1000000]

Builds tests/e2e/classes and tests/e2e/named with bindc and prints ns per operation (best of --repeat timeit
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

PACKAGES = ("classes", "named")

CASES = [
    # label, module, statement, setup, gopy figure (ns) or None
    ("method call p.norm()", "classes", "p.norm()", "p = classes.Point(3, 4)", 406),
    ("field get p.x", "classes", "p.x", "p = classes.Point(3, 4)", 470),
    ("field set p.x = 5", "classes", "p.x = 5", "p = classes.Point(3, 4)", None),
    ("construct Point(1, 2)", "classes", "classes.Point(1, 2)", "", None),
    ("pointer arg move(p, 1, 1)", "classes", "classes.move(p, 1, 1)", "p = classes.Point(3, 4)", None),
    ("value class k.celsius()", "named", "k.celsius()", "k = named.Kelvin(300)", None),
    ("value class arg hotter(k, k)", "named", "named.hotter(k, k)", "k = named.Kelvin(300)", None),
    ("float for it hotter(1.0, 2.0)", "named", "named.hotter(1.0, 2.0)", "", None),
    ("enum method s.red()", "named", "s.red()", "s = named.Suit.Hearts", None),
    ("enum str(s)", "named", "str(s)", "s = named.Suit.Hearts", None),
]


def time_case(ext_dir: Path, module: str, stmt: str, setup: str, repeat: int, number: int) -> float:
    """Best-of-``repeat`` ns per ``stmt`` in a fresh interpreter."""
    code = textwrap.dedent(f"""
        import json, timeit
        t = timeit.Timer({stmt!r}, setup={(f"import {module}; " + setup)!r})
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
        for name in PACKAGES:
            package = REPO / "tests" / "e2e" / name
            build_extension(str(package), Path(tmp), cwd=package)
        print(f"classes: ns per operation, best of {args.repeat} x {args.number:,} (Python {sys.version.split()[0]})")
        for label, module, stmt, setup, gopy in CASES:
            ns = time_case(Path(tmp), module, stmt, setup, args.repeat, args.number)
            vs = f"   gopy {gopy} ns: {gopy / ns:.1f}x faster" if gopy else ""
            print(f"  {label:<30} {ns:8.1f} ns{vs}")


if __name__ == "__main__":
    main()
