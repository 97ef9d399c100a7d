"""Benchmark: items per second through a Go channel of ints iterated by Python, against a
Python generator yielding the same ints.

    python tests/bench/bench_channels.py [--items 200000] [--json]

Builds tests/e2e/concurrency as an extension module; Go's ``Produce(ch chan<- int, n)`` runs
on a Python thread (it releases the GIL) sending into a ``Channel[int](1024)`` that the main
thread iterates with ``sum(ch)``. Best of 5 runs each.
"""

from __future__ import annotations

import argparse
import json

from benchlib import run_against_package

TIMED = r"""
import json, sys, threading, time
import concurrency as c
n = int(sys.argv[1])

def gen(n):
    for i in range(n):
        yield i

def generator():
    start = time.perf_counter()
    assert sum(gen(n)) == n * (n - 1) // 2
    return n / (time.perf_counter() - start)

def channel():
    ch = c.Channel[int](1024)
    t = threading.Thread(target=c.produce, args=(ch, n))
    t.start()
    start = time.perf_counter()
    assert sum(ch) == n * (n - 1) // 2
    rate = n / (time.perf_counter() - start)
    t.join()
    return rate

print(json.dumps({"generator": max(generator() for _ in range(5)), "channel": max(channel() for _ in range(5))}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=200_000)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    r: dict[str, float] = run_against_package("concurrency", TIMED, str(args.items))
    if args.json:
        print(json.dumps(r))
        return
    print(f"Python generator        {r['generator'] / 1e6:8.2f} M items/s")
    print(f"Go chan int (Channel)   {r['channel'] / 1e6:8.2f} M items/s   "
          f"({r['generator'] / r['channel']:.0f}x fewer: a reflect.Select per item, the GIL released when it must wait)")


if __name__ == "__main__":
    main()
