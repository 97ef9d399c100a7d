"""Benchmark: how long ``bindc build`` takes, cold and with nothing changed.

    python tests/bench/bench_build.py [--package kitchen] [--repeat 5] [--cold-go-cache]

For ``tests/e2e/<package>`` (a copy in a temp dir, a fresh bindc cache):
  first build       the first ``bindc build`` of the package (bindc cache empty; Go's build cache
                    as it is, or empty with --cold-go-cache: then the Go standard library and the
                    py4go runtime are compiled too)
  no-change (CLI)   ``bindc build`` again with nothing changed, the whole command (best of --repeat)
  no-change (API)   the same through ``bindc.build.build_extension`` in-process (no interpreter
                    start-up or imports)
  one Go edit       a rebuild after appending a function to the package
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "compiler"))


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", default="kitchen")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold-go-cache", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        root = Path(tmp)
        os.environ["BINDC_CACHE_DIR"] = str(root / "cache")
        if args.cold_go_cache:
            os.environ["GOCACHE"] = str(root / "gocache")
        pkg = root / args.package
        shutil.copytree(REPO / "tests" / "e2e" / args.package, pkg)
        out = root / "out"
        env = dict(os.environ, PYTHONPATH=str(REPO / "compiler"))
        cli = [sys.executable, "-m", "bindc", "build", str(pkg), "--out", str(out), "--quiet"]

        def run_cli() -> None:
            subprocess.run(cli, env=env, check=True)

        first = timed(run_cli)
        no_change_cli = min(timed(run_cli) for _ in range(args.repeat))

        from bindc.build import build_extension

        build_extension(str(pkg), out, cwd=root)   # warm the in-process caches (interpreter, C-API model)
        no_change_api = min(timed(lambda: build_extension(str(pkg), out, cwd=root)) for _ in range(args.repeat))
        go_file = next(p for p in sorted(pkg.glob("*.go")) if not p.name.endswith("_test.go"))
        go_file.write_text(go_file.read_text() + "\n// BenchEdited is new.\nfunc BenchEdited() int { return 1 }\n")
        edited = timed(run_cli)

    size = "cold Go cache" if args.cold_go_cache else "warm Go cache"
    print(f"bindc build tests/e2e/{args.package} (Python {sys.version.split()[0]}, {size}):")
    print(f"  first build        {first * 1000:8.0f} ms")
    print(f"  no-change (CLI)    {no_change_cli * 1000:8.0f} ms   (best of {args.repeat})")
    print(f"  no-change (API)    {no_change_api * 1000:8.1f} ms   (best of {args.repeat})")
    print(f"  one Go edit        {edited * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
