"""Benchmark: vectorized calls ``mod.vec.add(xs, ys)`` against the single call in a Python loop
and Python's own ``map``, in one run.

    python tests/bench/bench_vectorized.py [--repeat 5] [--n 1000000]

Builds one extension from the Go package below (``Add(a, b int) int``, ``Scale(x, f float64)
float64``, ``Repeat(s string, n int) string``) and prints the time per element (best of
--repeat, one fresh interpreter) over N pairs: ``vec.add(xs, ys)`` (ints in, an
``array.array('q')`` out), the single call ``[add(x, y) for x, y in zip(xs, ys)]``, and
``list(map(operator.add, xs, ys))`` (no Go at all: what the interpreter does by itself); the
same over two ``array.array('q')`` (read in place, no conversion); the same for floats, and for strings (a list of str out); and ``vec.add`` once more over lists built
once (their objects side by side in memory, instead of spread over a heap that earlier
repetitions freed). Ratios: the vectorized form against each. Last, the GIL: ``vec.hypot``
holding it and ``vec.hypot_no_gil`` (``//py4go:nogil``) releasing it, alone and beside a thread
spinning in Python.
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

BENCH_GO = """\
package benchvec

import (
	"math"
	"strings"
)

// Add returns a + b.
func Add(a, b int) int { return a + b }

// Scale returns x * f.
func Scale(x, f float64) float64 { return x * f }

// Repeat repeats s n times.
func Repeat(s string, n int) string { return strings.Repeat(s, n) }

// Hypot holds the GIL (the default).
func Hypot(a, b float64) float64 { return math.Hypot(a, b) }

// HypotNoGIL releases it: its vectorized form converts the whole run, then releases it once.
//
//py4go:nogil
func HypotNoGIL(a, b float64) float64 { return math.Hypot(a, b) }
"""

CASES: list[tuple[str, str]] = [
    ("int    vec.add(xs, ys)                      bindc", "vec.add(xs, ys)"),
    ("int    [add(x, y) for x, y in zip(xs, ys)]  bindc", "[add(x, y) for x, y in zip(xs, ys)]"),
    ("int    list(map(operator.add, xs, ys))      python", "list(map(operator.add, xs, ys))"),
    ("int    vec.add(array('q'), array('q'))      bindc", "vec.add(axs, ays)"),
    ("float  vec.scale(fs, gs)                    bindc", "vec.scale(fs, gs)"),
    ("float  list(map(operator.mul, fs, gs))      python", "list(map(operator.mul, fs, gs))"),
    ("str    vec.repeat(ss, ks)                   bindc", "vec.repeat(ss, ks)"),
    ("str    [repeat(s, k) for ...]               bindc", "[repeat(s, k) for s, k in zip(ss, ks)]"),
    ("str    list(map(operator.mul, ss, ks))      python", "list(map(operator.mul, ss, ks))"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    setup = textwrap.dedent(f"""
        import array, operator
        from benchvec import vec, add, repeat
        N = {args.n}
        xs = list(range(N))
        ys = list(range(N, 2 * N))
        axs, ays = array.array("q", xs), array.array("q", ys)
        fs = [float(i) for i in xs]
        gs = [0.5] * N
        ss = ["ab", "c", "def"] * (N // 3) + ["x"] * (N % 3)
        ks = [i % 4 for i in range(N)]
    """)
    with tempfile.TemporaryDirectory(prefix="bindc-bench-") as tmp:
        work = Path(tmp)
        pkg = work / "benchvec"
        pkg.mkdir()
        (pkg / "go.mod").write_text("module example.com/benchvec\n\ngo 1.22\n")
        (pkg / "benchvec.go").write_text(BENCH_GO)
        print("building...", file=sys.stderr)
        build_extension(str(pkg), work, cwd=pkg)
        # Each repetition runs the setup again (timeit's way): the lists' objects are then spread
        # over a heap that earlier repetitions freed, as a program's data usually is. One more
        # figure, taken first: vec.add over lists built once in the fresh interpreter (objects
        # side by side).
        code = textwrap.dedent(f"""
            import json, timeit
            exec({setup!r})  # first, in a fresh heap: the lists' objects side by side
            once = min(timeit.repeat("vec.add(xs, ys)", globals=globals(), repeat={args.repeat}, number=1))
            out = []
            for stmt in {[c[1] for c in CASES]!r}:
                t = timeit.Timer(stmt, setup={setup!r})
                out.append(min(t.repeat(repeat={args.repeat}, number=1)))
            out.append(once)
            # The GIL: vec.hypot (held) and vec.hypot_no_gil (released once) alone, then beside
            # a thread spinning in Python that wants the GIL all the time.
            import threading
            gil = [min(timeit.repeat(stmt, globals=globals(), repeat={args.repeat}, number=1))
                   for stmt in ("vec.hypot(fs, gs)", "vec.hypot_no_gil(fs, gs)")]
            stop = False
            def spin():
                x = 0
                while not stop:
                    x += 1
            th = threading.Thread(target=spin)
            th.start()
            gil += [min(timeit.repeat(stmt, globals=globals(), repeat={args.repeat}, number=1))
                    for stmt in ("vec.hypot(fs, gs)", "vec.hypot_no_gil(fs, gs)")]
            stop = True
            th.join()
            print(json.dumps(out + gil))
        """)
        proc = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(work)),
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"benchmark failed:\n{proc.stderr}")
        seconds = json.loads(proc.stdout)
    ns = [s / args.n * 1e9 for s in seconds]
    print(f"N = {args.n:,} elements; time per element, best of {args.repeat} (Python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.1f})")
    for (label, _), t in zip(CASES, ns):
        print(f"  {label:<55} {t:7.2f} ns/element")
    vec_int, single_int, map_int, vec_arrays, vec_float, map_float, vec_str, single_str, map_str, vec_once = ns[:10]
    held, nogil, held_busy, nogil_busy = (t * 1e3 for t in seconds[10:])
    print(f"  {'int    vec.add(xs, ys), lists built once          bindc':<55} {vec_once:7.2f} ns/element")
    print(f"int:   vec.add {vec_int:.2f} ns/element (target <= 10): {single_int / vec_int:.1f}x faster than the "
          f"single call in a loop, {map_int / vec_int:.1f}x faster than list(map(operator.add, ...))")
    print(f"int:   vec.add over array('q') inputs (read in place) {vec_arrays:.2f} ns/element, "
          f"{map_int / vec_arrays:.0f}x list(map(operator.add, ...))")
    print(f"float: vec.scale {map_float / vec_float:.1f}x faster than list(map(operator.mul, ...))")
    print(f"GIL:   vec.hypot over N float pairs, held {held:.1f} ms alone, {held_busy:.1f} ms beside a thread spinning "
          f"in Python; //py4go:nogil (released once) {nogil:.1f} ms alone, {nogil_busy:.1f} ms beside it")
    print(f"str:   vec.repeat {single_str / vec_str:.1f}x faster than the single call, "
          f"{map_str / vec_str:.2f}x list(map(operator.mul, ...))")


if __name__ == "__main__":
    main()
