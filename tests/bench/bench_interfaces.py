"""Benchmark: Go calling a Python object's method through a Go interface (a bindc proxy).

    python tests/bench/bench_interfaces.py [--repeat 15] [--number 200000] [--json]

Builds tests/e2e/interfaces as an extension module and prints ns per call (best of --repeat
timeit runs) for:
  python-area      a plain Python ``def area_of(s): return s.area()`` (the floor)
  go-shape         Python calls Go ``AreaOf(s Shape)`` with a Go Square (no callback)
  python-shape     the same with a Python object: Go calls its area() back through the proxy
  goroutines-4     per call, 4 goroutines calling area() concurrently (``AreaInGoroutine``)
The callback figures of ``bench_callbacks.py`` (``apply``: ~500 ns) are the comparison.
"""

from __future__ import annotations

import argparse
import json

from benchlib import run_against_package

TIMED = r"""
import json, sys, timeit
import interfaces
number, repeat = int(sys.argv[1]), int(sys.argv[2])
class Circle:
    def area(self):
        return 3
def area_of(s):
    return s.area()
c, sq = Circle(), interfaces.Square(2)
cases = {
    "python-area": lambda: area_of(c),
    "go-shape": lambda: interfaces.area_of(sq),
    "python-shape": lambda: interfaces.area_of(c),
    "empty-lambda": lambda: None,
}
out = {}
for name, stmt in cases.items():
    out[name] = min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e9
out["goroutines-4"] = min(timeit.repeat(lambda: interfaces.area_in_goroutine(c, number), number=1,
                                        repeat=max(3, repeat // 3))) / number * 1e9
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--number", type=int, default=200_000)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    ns: dict[str, float] = run_against_package("interfaces", TIMED, str(args.number), str(args.repeat))
    overhead = ns.pop("empty-lambda")  # not part of goroutines-4, which times one call
    if args.json:
        print(json.dumps({"ns": ns, "timeit_lambda_overhead": overhead}))
        return
    print(f"{'case':<14} {'ns/call':>9}   (timeit lambda overhead {overhead:.0f} ns included)")
    for name, v in ns.items():
        print(f"{name:<14} {v:>9.0f}")
    print(f"a proxy's round trip over a Go value's: {ns['python-shape'] - ns['go-shape']:.0f} ns")


if __name__ == "__main__":
    main()
