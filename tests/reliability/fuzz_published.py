"""Boundary fuzzing of the published libraries (``tests/e2e/published``: go_uuid, semver,
version), like ``fuzz_foreign.py``: run as a script in its own interpreter (``python
fuzz_published.py MAX_EXAMPLES``) so a crash kills this process, not pytest.

The kinds fixed for them get well-typed values near the edges and arbitrary Python values,
and a model predicts the result or the exception: value classes as container elements
(``UUIDs([...])`` from instances, bytes of every length and junk), ``bytes(u)``, ``sort()`` of
a named slice (Go's ``sort.Interface`` with ``None`` elements and ``reverse``; Python's order
with a ``key``), ``==`` from ``Equals``, text that parses or raises the sentinel class, and
(lru, cron) ``None`` or junk for a func parameter compared with nil, and variadic func options.
Exits 1 on the first mismatch.
"""

from __future__ import annotations

import sys
import uuid as py
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cron
import go_uuid as gu
import lru
import semver
import version

junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4),
                 st.lists(st.integers(-3, 300), max_size=3), st.just(object()), st.just(py.uuid4()))
uuid_bytes = st.binary(min_size=16, max_size=16)
uuid_like = uuid_bytes | st.binary(max_size=20) | st.binary(min_size=16, max_size=16).map(bytearray) | junk
semver_text = st.from_regex(r"\Av?[0-9]{1,3}(\.[0-9]{1,3}){0,2}(-[a-z][a-z0-9]{0,2}(\.[1-9][0-9]?)?)?(\+[a-z]{1,2})?\Z")


def check(call: Callable[[], Any], ok: Callable[[Any], bool] | None,
          bad: Callable[[BaseException], bool] | None) -> None:
    try:
        got = call()
    except BaseException as e:  # noqa: BLE001 - the model decides
        if bad is None or not bad(e):
            raise AssertionError(f"unexpected {type(e).__name__}: {e}") from e
        return
    if ok is None or not ok(got):
        raise AssertionError(f"unexpected result {got!r}")


def as_uuid_bytes(x: Any) -> bytes | None:
    """What one element of a ``[]UUID`` decodes to, or None when it cannot be one."""
    if isinstance(x, gu.UUID):
        return bytes(x)
    if isinstance(x, (bytes, bytearray)) and len(x) == 16:
        return bytes(x)
    if isinstance(x, list) and len(x) == 16 and all(0 <= i < 256 for i in x):
        return bytes(x)
    return None


def uuids_case(items: list[Any]) -> None:
    """UUIDs(items): every element an instance or 16 bytes, else ValueError/TypeError/
    OverflowError naming the element; the result holds UUID instances with those bytes."""
    want = [as_uuid_bytes(x) for x in items]
    if all(w is not None for w in want):
        def same(ids: Any) -> bool:
            got = list(ids)
            return (all(type(u) is gu.UUID for u in got) and [bytes(u) for u in got] == want
                    and ids.strings() == [str(py.UUID(bytes=w)) for w in want])  # type: ignore[arg-type]
        return check(lambda: gu.UUIDs(items), same, None)
    check(lambda: gu.UUIDs(items), None,
          lambda e: isinstance(e, (TypeError, ValueError, OverflowError)) and "UUIDs" in str(e))


def uuid_text_case(b: bytes, x: Any) -> None:
    """A UUID's text and bytes round-trip; parse of anything else raises GoError or TypeError."""
    u = gu.UUID(b)
    check(lambda: (bytes(u), gu.parse(str(u)), gu.parse_bytes(u.marshal_text())),
          lambda got: got[0] == b and got[1] == u == got[2], None)
    if isinstance(x, str):
        return check(lambda: gu.parse(x), lambda got: isinstance(got, gu.UUID),
                     lambda e: isinstance(e, gu.GoError))
    check(lambda: gu.parse(x), None, lambda e: isinstance(e, TypeError) and "parse()" in str(e))


def semver_sort_case(texts: list[str], nones: int, reverse: bool) -> None:
    """Collection.sort() is Go's stable sort by Less: the order of sorted() on the same
    versions; a None element makes Go's Less dereference nil: GoPanic, the process lives."""
    vs = [semver.must_parse(t) for t in texts]
    col = semver.Collection(vs + [None] * nones)
    if nones and len(vs) + nones > 1:
        return check(lambda: col.sort(reverse=reverse), None,
                     lambda e: isinstance(e, semver.GoPanic) and "Collection.sort()" in str(e))
    col.sort(reverse=reverse)
    want = [str(v).split("+")[0] for v in sorted(vs, reverse=reverse)] + ["None"] * nones  # at most one item
    check(lambda: [str(v) for v in col], lambda got: [g.split("+")[0] for g in got] == want, None)


def semver_parse_case(text: str) -> None:
    """new_version gives a Version whose str parses back equal, or raises a GoError (a sentinel
    class when the text does not match the SemVer pattern at all)."""
    def ok(v: Any) -> bool:
        return isinstance(v, semver.Version) and semver.new_version(str(v)) == v
    check(lambda: semver.new_version(text), ok, lambda e: isinstance(e, semver.GoError))


def constraints_case(a: list[str], b: list[str], key: bool) -> None:
    """Constraints == Constraints is element-wise Equals (operator and version); sort() with a
    key is Python's order on a snapshot, stored back."""
    ca = version.new_constraint(", ".join(a))
    cb = version.new_constraint(", ".join(b))
    same = len(a) == len(b) and all(version.new_constraint(x)[0].equals(version.new_constraint(y)[0])
                                    for x, y in zip(a, b))
    check(lambda: ca == cb, lambda got: got is same, None)
    if key:
        ca.sort(key=str)
        check(lambda: [str(c) for c in ca], lambda got: got == sorted(got), None)


def optional_callback_case(cb: Any) -> None:
    """NewWithEvict(size, onEvicted): the function compares onEvicted with nil, so None (nil)
    and callables are taken, anything else is a TypeError; the callable sees every eviction."""
    seen: list[tuple[str, int]] = []
    record = (lambda k, v: seen.append((k, v))) if cb == "record" else cb
    if record is None or callable(record):
        def ok(c: Any) -> bool:
            c.add("a", 1)
            c.add("b", 2)
            return len(c) == 1 and seen == ([("a", 1)] if cb == "record" else [])
        check(lambda: lru.new_with_evict_str_int(1, record), ok, None)
    else:
        check(lambda: lru.new_with_evict_str_int(1, record), None,
              lambda e: isinstance(e, TypeError) and "argument 2 must be callable" in str(e))


def variadic_options_case(opts: list[Any]) -> None:
    """cron.New(opts ...Option), type Option func(*Cron): every element a callable (each called
    once with the Cron), else TypeError naming the first bad position."""
    calls: list[str] = []
    items = [(lambda c: calls.append(type(c).__name__)) if o == "option" else o for o in opts]
    bad = next((i for i, o in enumerate(items) if not callable(o)), None)
    if bad is None:
        check(lambda: cron.new(*items), lambda c: type(c) is cron.Cron and calls == ["Cron"] * len(items), None)
    else:
        check(lambda: cron.new(*items), None,
              lambda e: isinstance(e, TypeError) and f"argument {bad + 1} must be callable" in str(e))


def main() -> int:
    n = int(sys.argv[1])
    cfg = settings(max_examples=n, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))
    ops = st.sampled_from([">=", "<", "=", "~>", "!="])
    con = st.builds(lambda o, x, y: f"{o} {x}.{y}", ops, st.integers(0, 3), st.integers(0, 3))
    cases = [
        (given(st.lists(uuid_like | st.builds(gu.UUID, uuid_bytes), max_size=5))(uuids_case), "[]UUID elements"),
        (given(uuid_bytes, st.text(max_size=45) | junk)(uuid_text_case), "UUID bytes and text"),
        (given(st.lists(semver_text, max_size=8), st.integers(0, 2), st.booleans())(semver_sort_case),
         "sort.Interface sort()"),
        (given(semver_text | st.text(max_size=12))(semver_parse_case), "semver parse"),
        (given(st.lists(con, min_size=1, max_size=3), st.lists(con, min_size=1, max_size=3),
               st.booleans())(constraints_case), "Equals and sort(key=)"),
        (given(st.just("record") | st.just(print) | junk)(optional_callback_case), "None for a nil-checked func"),
        (given(st.lists(st.just("option") | junk, max_size=4))(variadic_options_case), "variadic func options"),
    ]
    for fn, name in cases:
        cfg(fn)()
        print(f"{name}: {n} examples ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
