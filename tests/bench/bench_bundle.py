"""Benchmark: the size of N Go packages linked into one library (``bindc build ... --package``)
against the N separate extension modules, and the time to import them all.

    python tests/bench/bench_bundle.py

Uses tests/e2e/kitchen, classes and callbacks (N = 1, 2, 3). Each separate module carries its
own Go runtime (and its own copy of py4go's); the bundle carries one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "compiler")]

from bindc.build import build_extension  # noqa: E402
from bindc.bundle import build_bundle  # noqa: E402

PACKAGES = ["kitchen", "classes", "callbacks"]


def import_time(path: Path, statement: str) -> float:
    """Best of 5 wall times (ms) of a fresh interpreter running ``statement``."""
    code = f"import time; t = time.perf_counter(); {statement}; print((time.perf_counter() - t) * 1e3)"
    runs = [float(subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(path)),
                                 capture_output=True, text=True, check=True).stdout) for _ in range(5)]
    return min(runs)


def main() -> None:
    e2e = REPO / "tests" / "e2e"
    with tempfile.TemporaryDirectory(prefix="bindc-bench-bundle-") as tmp:
        root = Path(tmp)
        separate = {}
        for name in PACKAGES:
            built = build_extension(str(e2e / name), root / "apart", cwd=e2e / name)
            assert built.extension is not None
            separate[name] = built.extension.stat().st_size
        print(f"{'packages':<30} {'separate MB':>11} {'bundle MB':>10} {'ratio':>6} {'import separate ms':>19} "
              f"{'import bundle ms':>17}")
        for n in range(1, len(PACKAGES) + 1):
            names = PACKAGES[:n]
            bundle = build_bundle([str(e2e / p) for p in names], root / f"b{n}", f"b{n}", cwd=e2e)
            apart = sum(separate[p] for p in names)
            size = bundle.library.stat().st_size
            t_apart = import_time(root / "apart", "; ".join(f"import {p}" for p in names))
            t_bundle = import_time(root / f"b{n}", f"import b{n}")
            print(f"{', '.join(names):<30} {apart / 1e6:>11.1f} {size / 1e6:>10.1f} {size / apart:>6.2f} "
                  f"{t_apart:>19.1f} {t_bundle:>17.1f}", flush=True)


if __name__ == "__main__":
    main()
