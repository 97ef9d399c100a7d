"""A Python process that makes a 5 s context-taking Go call and gets SIGINT from its parent.

Usage: ``context_child.py`` with the ``concurrency`` e2e module importable. It prints
``calling`` just before ``concurrency.sleep(5 s)`` and, once the call has returned, a JSON line:
the exception raised, ``caught_at`` (``time.monotonic()``, one clock for every process on
Linux, so the parent subtracts the time it sent the signal), whether the Go function has
returned, and the goroutine count before and after (the ``py4goDebugGoroutines`` export).
"""

from __future__ import annotations

import ctypes
import json
import time

import concurrency

_GO = ctypes.CDLL(concurrency.__file__)


def main() -> None:
    before = _GO.py4goDebugGoroutines()
    outcome: dict[str, object] = {}
    print("calling", flush=True)
    try:
        concurrency.sleep(5 * 10**9)
        outcome["raised"] = None
    except BaseException as exc:  # KeyboardInterrupt is the point
        outcome["raised"] = type(exc).__name__
    outcome["caught_at"] = time.monotonic()
    outcome["running"] = concurrency.running()
    end = time.monotonic() + 1
    while _GO.py4goDebugGoroutines() != before and time.monotonic() < end:
        time.sleep(0.005)
    outcome["goroutines"] = [before, _GO.py4goDebugGoroutines()]
    print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    main()
