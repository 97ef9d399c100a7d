"""Benchmark: Go -> Python callback round trips through bindc, next to gopy's figure.

    python tests/bench/bench_callbacks.py [--repeat 15] [--number 200000] [--json]

Builds tests/e2e/callbacks as an extension module and prints ns per call (best of --repeat
timeit runs) for:
  python-apply     a plain Python ``def apply(f, x): return f(x)`` (the floor)
  apply            Python calls Go ``Apply(f, x)``, which calls the Python f(x) once; Apply
                   takes a func, so it releases the GIL around the Go call (the default)
  apply-gil        the same with ``//py4go:gil`` (the callback re-enters the held GIL)
  go-func          calling a Go func returned to Python (``make_adder(1)(x)``)
  goroutines-8     per callback, 8 goroutines calling f concurrently (``Concurrent(f, n, 8)``)
  add / add-nogil  ``Add(a, b int) int`` holding the GIL / releasing it (the cost of release)
The gopy 0.4.10 figure for the callback round trip on this machine is 1.92 us (DESIGN.md).
"""

from __future__ import annotations

import argparse
import json

from benchlib import run_against_package

GOPY_CALLBACK_NS = 1920.0

TIMED = r"""
import json, sys, timeit
import callbacks
number, repeat = int(sys.argv[1]), int(sys.argv[2])
def f(x):
    return x
def python_apply(f, x):
    return f(x)
adder = callbacks.make_adder(1)
cases = {
    "python-apply": lambda: python_apply(f, 1),
    "apply": lambda: callbacks.apply(f, 1),
    "apply-gil": lambda: callbacks.apply_holding(f, 1),
    "go-func": lambda: adder(1),
    "add": lambda: callbacks.add(1, 2),
    "add-nogil": lambda: callbacks.add_no_gil(1, 2),
    "empty-lambda": lambda: None,
}
out = {}
for name, stmt in cases.items():
    out[name] = min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e9
out["goroutines-8"] = min(timeit.repeat(lambda: callbacks.concurrent(f, number, 8), number=1,
                                        repeat=max(3, repeat // 3))) / number * 1e9
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--number", type=int, default=200_000)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    ns: dict[str, float] = run_against_package("callbacks", TIMED, str(args.number), str(args.repeat))
    overhead = ns.pop("empty-lambda")  # not part of goroutines-8, which times one call
    if args.json:
        print(json.dumps({"ns": ns, "timeit_lambda_overhead": overhead}))
        return
    print(f"{'case':<14} {'ns/call':>9}   (timeit lambda overhead {overhead:.0f} ns included)")
    for name, v in ns.items():
        note = ""
        if name.startswith("apply"):
            note = f"   gopy {GOPY_CALLBACK_NS:.0f} ns: {GOPY_CALLBACK_NS / v:.1f}x faster"
        print(f"{name:<14} {v:>9.0f}{note}")
    print(f"GIL release+reacquire around a Go call: {ns['add-nogil'] - ns['add']:.0f} ns")


if __name__ == "__main__":
    main()
