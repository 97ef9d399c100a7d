"""Benchmark: awaiting Go calls from asyncio (``mod.aio``) against ``asyncio.to_thread``.

    python tests/bench/bench_aio.py [--calls 1000] [--sequential 20000] [--json]

Builds tests/e2e/concurrency as an extension module and prints:
  concurrent   wall time of --calls concurrent awaits of a Go function sleeping 10 ms
               (``Nap(ctx, 10)``): ``asyncio.gather`` of ``mod.aio.nap(10)``, and of
               ``asyncio.to_thread(mod.nap, 10)`` (the default thread pool: min(32, cores + 4)
               threads); serial would be calls × 10 ms
  per await    microseconds per await of a quick context-taking Go call, one after the other
               (``echo(ctx, s)``): ``await mod.aio.echo(s)``, ``await asyncio.to_thread(mod.echo, s)``,
               and the plain synchronous ``mod.echo(s)`` (which already runs the Go function on
               a goroutine, for Ctrl-C) next to ``mod.add(1, 2)`` (no context)
Best of 5 runs each.
"""

from __future__ import annotations

import argparse
import json

from benchlib import run_against_package

TIMED = r"""
import asyncio, json, sys, time
import concurrency as c
calls, sequential = int(sys.argv[1]), int(sys.argv[2])

async def concurrent(make):
    start = time.perf_counter()
    await asyncio.gather(*[make() for _ in range(calls)])
    return time.perf_counter() - start

async def per_await(make, n):
    start = time.perf_counter()
    for _ in range(n):
        await make()
    return (time.perf_counter() - start) / n * 1e6

def per_call(fn, n):
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6

async def main():
    await c.aio.echo("warm")
    out = {}
    out["concurrent_aio_s"] = min([await concurrent(lambda: c.aio.nap(10)) for _ in range(5)])
    out["concurrent_to_thread_s"] = min([await concurrent(lambda: asyncio.to_thread(c.nap, 10)) for _ in range(5)])
    out["await_aio_us"] = min([await per_await(lambda: c.aio.echo("x"), sequential) for _ in range(5)])
    out["await_to_thread_us"] = min([await per_await(lambda: asyncio.to_thread(c.echo, "x"), sequential // 4)
                                     for _ in range(5)])
    out["sync_context_call_us"] = min(per_call(lambda: c.echo("x"), sequential) for _ in range(5))
    out["sync_plain_call_us"] = min(per_call(lambda: c.add(1, 2), sequential) for _ in range(5))
    print(json.dumps(out))

asyncio.run(main())
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--sequential", type=int, default=20_000)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    r: dict[str, float] = run_against_package("concurrency", TIMED, str(args.calls), str(args.sequential))
    if args.json:
        print(json.dumps(r))
        return
    print(f"{args.calls} concurrent awaits of a 10 ms Go call (serial: {args.calls * 10 / 1000:.1f} s):")
    print(f"  await mod.aio.nap(10)             {r['concurrent_aio_s']:8.3f} s")
    print(f"  await asyncio.to_thread(nap, 10)  {r['concurrent_to_thread_s']:8.3f} s"
          f"   ({r['concurrent_to_thread_s'] / r['concurrent_aio_s']:.0f}x slower)")
    print("per await of a quick Go call (echo), one after the other:")
    print(f"  await mod.aio.echo(s)             {r['await_aio_us']:8.1f} us")
    print(f"  await asyncio.to_thread(echo, s)  {r['await_to_thread_us']:8.1f} us"
          f"   ({r['await_to_thread_us'] / r['await_aio_us']:.1f}x)")
    print(f"  echo(s), synchronous              {r['sync_context_call_us']:8.2f} us (context call: goroutine + wait)")
    print(f"  add(1, 2), synchronous            {r['sync_plain_call_us']:8.2f} us (no context)")


if __name__ == "__main__":
    main()
