"""The measurement the leak scripts share (leak_*.py run as scripts from this directory).

A leak grows with the number of calls; what else moves a window's counts (a cache filled
once, a Go heap or malloc arena taken on a busy machine, a free list emptied by Python's GC)
does not. :func:`measure` therefore measures a window of n calls, and when that is over the
limits tests/reliability/test_leaks.py applies, a second window of 2n calls, and reports the
difference: still n calls' worth of a real leak, while a constant residue cancels out (and,
when the residue varies, a window of 4n calls gives a second difference; the smaller counts).
"""

from __future__ import annotations

from typing import Callable

#: Above these a window is measured again (the limits of tests/reliability/test_leaks.py).
SUSPECT_RSS, SUSPECT_BLOCKS = 1 << 20, 64


def measure(fn: Callable[[], object], n: int, rss: Callable[[], int], blocks: Callable[[], int]) -> tuple[int, int]:
    """(RSS growth, allocated-block growth) over n calls of fn; see the module doc."""
    def window(calls: int) -> tuple[int, int]:
        b0, r0 = blocks(), rss()
        for _ in range(calls):
            fn()
        return rss() - r0, blocks() - b0

    def suspect(w: tuple[int, int]) -> bool:
        return w[0] >= SUSPECT_RSS or w[1] > SUSPECT_BLOCKS

    first = window(n)
    if not suspect(first):
        return first
    second = window(2 * n)
    once = (second[0] - first[0], second[1] - first[1])
    if not suspect(once):
        return once
    # Still over: a residue that varies between windows (references Go's finalizers release
    # later, a free list) can make one difference large. A leak is n calls' worth in every
    # doubling, so the smaller of two such differences still shows it.
    fourth = window(4 * n)
    again = ((fourth[0] - second[0]) // 2, (fourth[1] - second[1]) // 2)
    return min(once, again, key=lambda w: (w[1], w[0]))
