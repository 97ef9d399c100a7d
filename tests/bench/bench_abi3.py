"""Benchmark: the per-call cost of an abi3 module (limited API) against a full-API build.

    python tests/bench/bench_abi3.py [--repeat 7] [--number 500000] [--rounds 3] [--pythons P1,P2]

Builds tests/e2e/kitchen, classes and callbacks once with ``--abi3`` (one ``NAME.abi3.so``
for every version) and once per interpreter with the full API, then times ``add(1, 2)``, a
method call ``p.norm()`` and a field get ``p.x`` with each, in a fresh interpreter per figure
(best of --rounds × --repeat timeit runs, the two builds alternating), and prints ns per call and the abi3/full ratio. Interpreters:
--pythons, else one per supported version found (tests/pythons.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
import sys  # noqa: E402

sys.path[:0] = [str(REPO / "compiler"), str(REPO)]

from bindc.build import build_extension  # noqa: E402
from tests.pythons import interpreters  # noqa: E402

CASES = [
    # label, package, statement, setup
    ("add(1, 2)", "kitchen", "kitchen.add(1, 2)", ""),
    ("method call p.norm()", "classes", "p.norm()", "p = classes.Point(3, 4)"),
    ("field get p.x", "classes", "p.x", "p = classes.Point(3, 4)"),
    ("callback apply(f, 1)", "callbacks", "callbacks.apply(f, 1)", "f = lambda x: x + 1"),
]


def time_case(python: str, ext_dir: Path, package: str, stmt: str, setup: str, repeat: int, number: int) -> float:
    """Best-of-``repeat`` ns per ``stmt`` in a fresh ``python``."""
    code = textwrap.dedent(f"""
        import json, timeit
        t = timeit.Timer({stmt!r}, setup={(f"import {package}; " + setup)!r})
        print(json.dumps(min(t.repeat(repeat={repeat}, number={number})) / {number} * 1e9))
    """)
    env = dict(os.environ, PYTHONPATH=str(ext_dir))
    out = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=500_000)
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the two builds per figure")
    parser.add_argument("--pythons", default=None, help="comma-separated interpreters (default: discovered)")
    args = parser.parse_args()
    found = [f for f in interpreters(args.pythons) if f.executable is not None]
    packages = sorted({c[1] for c in CASES})
    with tempfile.TemporaryDirectory(prefix="bindc-bench-abi3-") as tmp:
        root = Path(tmp)
        for package in packages:
            src = REPO / "tests" / "e2e" / package
            build_extension(str(src), root / "abi3" / package, cwd=src, abi3=True)
            for f in found:
                build_extension(str(src), root / f.version / package, cwd=src, python=f.executable)
        print(f"{'case':<24} {'python':<7} {'full API ns':>12} {'abi3 ns':>9} {'abi3/full':>10}")
        for label, package, stmt, setup in CASES:
            for f in found:
                assert f.executable is not None
                # Alternate the two builds, best of --rounds each: on a shared machine the load
                # changes between runs, and alternating exposes both to the same load.
                full = abi3 = float("inf")
                for _ in range(args.rounds):
                    full = min(full, time_case(f.executable, root / f.version / package, package, stmt, setup,
                                               args.repeat, args.number))
                    abi3 = min(abi3, time_case(f.executable, root / "abi3" / package, package, stmt, setup,
                                               args.repeat, args.number))
                print(f"{label:<24} {f.version:<7} {full:>12.1f} {abi3:>9.1f} {abi3 / full:>9.2f}x", flush=True)


if __name__ == "__main__":
    main()
