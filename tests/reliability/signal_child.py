"""A Python process that imports the soak extension and gets a signal during a long Go call.

Usage: ``signal_child.py VARIANT SIGNAL HANDLER`` with VARIANT ``nogil`` (soak.long, GIL
released), ``gil`` (soak.long_holding) or ``callback`` (Python code sleeping inside a callback
inside a Go call), SIGNAL ``INT`` or ``TERM``, HANDLER ``default`` or ``python`` (a Python
handler that records the signal; for TERM it raises SystemExit(143)). It prints ``calling``
just before the call (the parent then sends the signal) and a JSON line of what happened.
"""

from __future__ import annotations

import json
import signal
import sys
import time

import soak

CALL_MS = 3000


def main() -> None:
    variant, signame, handler = sys.argv[1:4]
    signum = getattr(signal, "SIG" + signame)
    seen: list[float] = []
    if handler == "python":
        def on_signal(num: int, frame: object) -> None:
            seen.append(time.monotonic() - start)
            if num == signal.SIGTERM:
                raise SystemExit(143)
        signal.signal(signum, on_signal)
    call = {
        "nogil": lambda: soak.long(CALL_MS),
        "gil": lambda: soak.long_holding(CALL_MS),
        "callback": lambda: soak.apply(lambda ms: time.sleep(ms / 1000) or ms, CALL_MS),
    }[variant]
    outcome = {"variant": variant, "signal": signame, "handler": handler}
    print("calling", flush=True)
    start = time.monotonic()
    try:
        outcome["result"] = call()
        outcome["raised"] = None
    except BaseException as exc:
        outcome["raised"] = type(exc).__name__
        if not isinstance(exc, KeyboardInterrupt):
            raise
    finally:
        outcome["elapsed"] = round(time.monotonic() - start, 3)
        outcome["handler_ran_at"] = [round(t, 3) for t in seen]
        outcome["go_counts"] = soak.counts()
        outcome["add_after"] = soak.add(1, 2)  # the process keeps working
        print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    main()
