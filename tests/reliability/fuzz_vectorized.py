"""Boundary fuzzing of the vectorized forms ``mod.vec.f(xs, ys)`` (the ``vectorized`` e2e
package): run as a script in its own interpreter (``python fuzz_vectorized.py MAX_EXAMPLES``) so
a crash kills this process, not pytest.

Columns of values at and beyond each Go type's edges (huge ints, NaN and infinities, float32
overflow, lone surrogates, wrong kinds, int subclasses and ``__index__`` objects), of unequal
lengths, given as lists, tuples, generators or array.array buffers and crossing the 4,096-element chunk, go through
the vectorized forms and the single calls: the results must be equal, and a failing run must
raise the exception type of the first failing single call with the failing argument and index
(or element) in its message. Exits 1 on the first mismatch.
"""

from __future__ import annotations

import array
import math
import re
import sys
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vectorized as v


class Index:
    """An int-like object: converted through __index__ (Python code run mid-conversion)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


class SubInt(int):
    """An int subclass (the slow path of the int converter)."""


edge_ints = st.sampled_from([0, 1, -1, 2**7, -(2**7) - 1, 2**15, 2**31, 2**62, 2**63 - 1, -(2**63), 2**63, 2**64 - 1,
                             2**64, -(2**64), 10**30])
ints = st.one_of(st.integers(-(2**65), 2**65), edge_ints, edge_ints.map(SubInt), edge_ints.map(Index))
floats = st.one_of(st.floats(), st.sampled_from([3.5e38, -3.5e38, 1e300, 0.0, -0.0]), st.integers(-(2**70), 2**70))
texts = st.text(max_size=4) | st.sampled_from(["\ud800", "a\udfffb", "é", ""])
junk = st.sampled_from([None, "1", b"1", 1.5, [], 1j])


def column(elems: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    """A list of mostly good values, sometimes one of the wrong kind, sometimes past a chunk."""
    small = st.lists(st.one_of(elems, elems, elems, junk), max_size=12)
    big = st.tuples(elems, st.integers(4090, 4100)).map(lambda t: [t[0]] * t[1])
    return st.one_of(small, small, small, big)


shapes = st.sampled_from(["list", "tuple", "generator", "array"])


def shaped(values: list[Any], how: str) -> Any:
    if how == "array" and not any(type(x) is bool for x in values):
        # An array.array('q'/'d') when the values fit one (read in place for 64-bit params); not
        # for bools, which an array would turn into ints the single calls never saw.
        try:
            if all(type(x) is float for x in values):
                return array.array("d", values)
            return array.array("q", values)
        except (TypeError, OverflowError):
            return values
    if how == "tuple":
        return tuple(values)
    if how == "generator":
        return (x for x in values)
    return values


def same(a: Any, b: Any) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def agree(single: Callable[..., Any], vec: Callable[..., Any], columns: list[list[Any]], how: list[str]) -> None:
    """vec(*columns) equals the single calls, or raises the type one of the failing single calls
    raises (arguments are converted a column and a chunk at a time, so the first failure of
    the vectorized run need not be the first element's), naming the argument and index or
    the element."""
    want: list[Any] = []
    failed: Exception | None = None
    raised: set[type] = set()
    for args in zip(*columns):
        try:
            want.append(single(*args))
        except Exception as e:  # noqa: BLE001 - any exception: the vectorized form must raise its type
            failed = failed or e
            raised.add(type(e))
    try:
        got = vec(*[shaped(c, h) for c, h in zip(columns, how)])
    except Exception as e:  # noqa: BLE001
        if failed is None:
            raise AssertionError(f"vec.{single.__name__} raised {e!r}; the single calls did not") from e
        assert type(e) in raised, (single.__name__, e, raised)
        message = str(e) + " ".join(getattr(e, "__notes__", []))
        assert re.search(rf"vec\.{single.__name__}\(\) (argument \d+(\[\d+\])?|element \d+)", message), message
        return
    if failed is not None:
        raise AssertionError(f"vec.{single.__name__} returned; the single call raised {failed!r}")
    got = list(got) if got is not None else [None] * len(want)
    assert len(got) == len(want) and all(map(same, got, want)), (single.__name__, got[:5], want[:5])


@given(column(ints), column(ints), shapes, shapes)
def integer_forms(a: list[Any], b: list[Any], ha: str, hb: str) -> None:
    agree(v.add, v.vec.add, [a, b], [ha, hb])
    agree(v.mask, v.vec.mask, [a, b], [ha, hb])
    agree(v.small, v.vec.small, [a], [ha])
    agree(v.invert, v.vec.invert, [a], [ha])            # panics on 0
    agree(v.check, v.vec.check, [a, b], [ha, hb])       # errors
    agree(v.level_of, v.vec.level_of, [a], [ha])


@given(column(floats), column(floats), shapes, shapes)
def float_forms(f: list[Any], g: list[Any], hf: str, hg: str) -> None:
    agree(v.scale, v.vec.scale, [f, g], [hf, hg])      # float32 overflow
    agree(v.sqrt, v.vec.sqrt, [f], [hf])                # errors
    agree(v.to_f, v.vec.to_f, [f], [hf])
    agree(v.hypot, v.vec.hypot, [f, g], [hf, hg])      # nogil


@given(column(texts), column(st.integers(-2, 3)), column(st.booleans()), shapes)
def string_and_bool_forms(s: list[Any], k: list[Any], t: list[Any], how: str) -> None:
    agree(v.repeat, v.vec.repeat, [s, k], [how, "list"])  # negative count panics
    agree(v.len, v.vec.len, [s], [how])
    agree(v.not_, v.vec.not_, [t], [how])
    agree(v.bad_utf8, v.vec.bad_utf8, [k], [how])       # invalid UTF-8 results


def main() -> int:
    n = int(sys.argv[1])
    for name, test in [("integer_forms", integer_forms), ("float_forms", float_forms),
                       ("string_and_bool_forms", string_and_bool_forms)]:
        settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck))(test)()
        print(f"{name}: {n} examples ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
