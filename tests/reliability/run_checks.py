"""Run behaviour-check snippets of a bound extension module in this one interpreter.

``python run_checks.py CHECKS.json`` (or ``run_all(path)`` from a Go host's Python): the file maps a check's name to Python source (already
complete: imports, prelude, body). Each snippet runs in a fresh namespace, in name order, its garbage
collected before the next; ``ok NAME`` is printed after it passes; the first failure propagates (exit 1 with the
traceback). Used by ``test_sanitizers.py`` to run the e2e checks inside one sanitized process,
where starting an interpreter per check would cost more than the checks themselves.
"""

from __future__ import annotations

import gc
import json
import sys


def run_all(path: str) -> None:
    """Run every check of the JSON file at ``path`` (also called by embedded Go hosts, which
    have no ``sys.argv`` to give)."""
    with open(path, encoding="utf-8") as f:
        checks: dict[str, str] = json.load(f)
    for name in sorted(checks):
        namespace = {"__name__": f"check_{name}"}
        exec(compile(checks[name], f"<check {name}>", "exec"), namespace)
        # What one check made must not be alive in the next (some count live Go handles).
        namespace.clear()
        gc.collect()
        print("ok", name, flush=True)


def main() -> int:
    run_all(sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
