"""demo: a Python API over a Go package (``demo._fast``, built by bindc.backend)."""

from __future__ import annotations

import sys

from demo._fast import fib, median

__all__ = ["fib", "fib_table", "median", "main"]


def fib_table(n: int) -> list[int]:
    """The first ``n`` Fibonacci numbers, each computed in Go."""
    return [fib(i) for i in range(n)]


def main() -> None:
    """``demo-stats 3 1 2``: print the median of the numbers given."""
    print(median([float(x) for x in sys.argv[1:]]))
