"""Hypothesis checks of the object protocols of the ``objects`` e2e package (issue 14).

Run as a script in its own interpreter (``python fuzz_objects.py MAX_EXAMPLES``) with the built
``objects`` module importable: a crash kills this process, not pytest. Three parts, one line
``<part>: N examples ok`` each:

- round trips: for generated values of every struct shape and value class of the package,
  ``pickle.loads(pickle.dumps(x)) == x`` (every protocol), ``copy.copy(x) == x`` and
  ``copy.deepcopy(x) == x``, and the copies are independent of ``x``;
- ``IDs`` (a named ``[]int``) driven by a state machine against a Python ``list`` doing the same
  operations (indexing, slices, assignment, deletion, append/extend/insert/pop/remove, ``+=``),
  including ones that must fail (out-of-range values, bad types): same results, same
  exception classes, same contents after every step;
- ``Set`` (a named ``map[string]bool``) the same way against a ``dict``.
"""

from __future__ import annotations

import copy
import pickle
import sys
from typing import Any, Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

import objects as o

I64 = st.integers(-(2**63), 2**63 - 1)
F64 = st.floats(allow_nan=False)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
POINTS = st.builds(o.Point, F64, F64, TEXT)


def shapes(depth: int = 2) -> st.SearchStrategy[Any]:
    parent = st.none() if depth == 0 else st.one_of(st.none(), shapes(depth - 1))
    return st.builds(
        o.Shape, name=TEXT, points=st.lists(POINTS, max_size=3), tags=st.dictionaries(TEXT, I64, max_size=3),
        origin=POINTS, parent=parent, count=I64, ok=st.booleans(),
        ratio=st.floats(width=32, allow_nan=False), raw=st.binary(max_size=8), code=st.integers(0, 255),
        z=st.complex_numbers(allow_nan=False))


def shape_state(s: Any) -> tuple[Any, ...] | None:
    """A Shape's whole state as plain Python values (Shape holds slices: no Go ==)."""
    if s is None:
        return None
    return (s.name, s.points, s.tags, s.origin, shape_state(s.parent), s.count, s.ok, s.ratio, s.raw, s.code, s.z)


VALUES = st.one_of(
    POINTS,
    st.builds(o.Node, I64, st.one_of(st.none(), st.builds(o.Node, I64))),
    st.builds(o.IDs, st.lists(I64, max_size=6)),
    st.builds(o.Names, st.lists(TEXT, max_size=4)),
    st.builds(o.Vec, st.lists(F64, min_size=3, max_size=3)),
    st.builds(o.Set, st.dictionaries(TEXT, st.booleans(), max_size=4)),
    st.builds(o.Kelvin, F64),
    st.builds(o.Pts, st.lists(POINTS, max_size=3)),
    st.builds(o.new_token, st.integers(0, 2**32 - 1), TEXT),
    st.builds(lambda a, b, c: o.parse_version(f"{a}.{b}.{c}"), *[st.integers(0, 999)] * 3),
)


def state(x: Any) -> Any:
    """What two equal values share, for any kind the strategies make."""
    if isinstance(x, o.Shape):
        return shape_state(x)
    if isinstance(x, o.Node):
        return (x.value, state(x.next)) if x is not None else None
    if isinstance(x, o.Point):
        return (x.x, x.y, x.label)
    if isinstance(x, o.Token):
        return x.describe()
    if isinstance(x, o.Version):
        return str(x)
    if x is None:
        return None
    return x.value


def check_round_trips(n: int) -> None:
    from hypothesis import given

    @settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(VALUES, shapes()), st.integers(0, pickle.HIGHEST_PROTOCOL))
    def round_trip(x: Any, proto: int) -> None:
        for y in (pickle.loads(pickle.dumps(x, proto)), copy.copy(x), copy.deepcopy(x)):
            assert type(y) is type(x), (x, y)
            assert state(y) == state(x), (x, y)
        if isinstance(x, (o.IDs, o.Names, o.Pts)) and len(x):
            c = copy.deepcopy(x)
            del c[0]                       # the copy is independent of the original
            assert len(c) == len(x) - 1

    round_trip()
    print(f"round trips: {n} examples ok", flush=True)


class Refused(Exception):
    """Raised by a model for a value Go cannot hold: the binding must raise TypeError (wrong
    type) or OverflowError (out of range), where a list or dict would have taken the value."""


def refuse() -> None:
    raise Refused


def same(got: Callable[[], Any], want: Callable[[], Any]) -> None:
    """Both calls return equal values, or raise the same exception class (for Refused:
    TypeError or OverflowError)."""
    try:
        expected: Any = ("ok", want())
    except Exception as e:  # noqa: BLE001 - the model's exception class is the expectation
        expected = ("raise", type(e))
    try:
        result: Any = ("ok", got())
    except Exception as e:  # noqa: BLE001
        result = ("raise", type(e))
    if expected == ("raise", Refused):
        assert result in (("raise", TypeError), ("raise", OverflowError)), result
        return
    assert result == expected, (result, expected)


ELEM = st.one_of(st.integers(-(2**63), 2**63 - 1), st.integers(-(2**70), 2**70), st.just("x"))
INDEX = st.integers(-8, 8)
SLICES = st.builds(slice, st.one_of(st.none(), INDEX), st.one_of(st.none(), INDEX), st.sampled_from([None, 1, 2, -1]))


def in_go_range(v: Any) -> bool:
    return isinstance(v, int) and -(2**63) <= v < 2**63


class SequenceMachine(RuleBasedStateMachine):
    """IDs against list: every operation, with the list doing what Go may store."""

    def __init__(self) -> None:
        super().__init__()
        self.ids, self.model = o.IDs(), []

    @rule(v=ELEM)
    def append(self, v: Any) -> None:
        same(lambda: self.ids.append(v), lambda: self.model.append(v) if in_go_range(v) else refuse())

    @rule(vs=st.lists(ELEM, max_size=3))
    def extend(self, vs: list[Any]) -> None:
        ok = all(in_go_range(v) for v in vs)
        same(lambda: self.ids.extend(vs), lambda: self.model.extend(vs) if ok else refuse())

    @rule(vs=st.lists(st.integers(-5, 5), max_size=3))
    def iadd(self, vs: list[int]) -> None:
        ids = self.ids
        ids += vs
        assert ids is self.ids
        self.model += vs

    @rule(i=INDEX)
    def getitem(self, i: int) -> None:
        same(lambda: self.ids[i], lambda: self.model[i])

    @rule(s=SLICES)
    def getslice(self, s: slice) -> None:
        same(lambda: self.ids[s], lambda: self.model[s])

    @rule(i=INDEX, v=ELEM)
    def setitem(self, i: int, v: Any) -> None:
        def model() -> None:
            self.model[i]  # IndexError first, as the binding checks the index first
            if not in_go_range(v):
                refuse()
            self.model[i] = v
        same(lambda: self.ids.__setitem__(i, v), model)

    @rule(s=SLICES, vs=st.lists(st.integers(-5, 5), max_size=3))
    def setslice(self, s: slice, vs: list[int]) -> None:
        same(lambda: self.ids.__setitem__(s, vs), lambda: self.model.__setitem__(s, vs))

    @rule(i=st.one_of(INDEX, SLICES))
    def delitem(self, i: Any) -> None:
        same(lambda: self.ids.__delitem__(i), lambda: self.model.__delitem__(i))

    @rule(i=INDEX, v=st.integers(-5, 5))
    def insert(self, i: int, v: int) -> None:
        same(lambda: self.ids.insert(i, v), lambda: self.model.insert(i, v))

    @rule(i=INDEX)
    def pop(self, i: int) -> None:
        same(lambda: self.ids.pop(i), lambda: self.model.pop(i))

    @rule(v=st.integers(-5, 5))
    def remove_index_count_contains(self, v: int) -> None:
        same(lambda: (v in self.ids, self.ids.count(v)), lambda: (v in self.model, self.model.count(v)))
        same(lambda: self.ids.index(v), lambda: self.model.index(v))
        same(lambda: self.ids.remove(v), lambda: self.model.remove(v))

    @rule()
    def reverse_copy_pickle(self) -> None:
        self.ids.reverse()
        self.model.reverse()
        assert copy.deepcopy(self.ids) == self.model and pickle.loads(pickle.dumps(self.ids)) == self.model

    @invariant()
    def agrees(self) -> None:
        assert len(self.ids) == len(self.model) and self.ids == self.model and list(self.ids) == self.model
        assert self.ids.sum() == sum(self.model) % 2**64 - (2**64 if sum(self.model) % 2**64 >= 2**63 else 0)


KEY = st.one_of(st.sampled_from(["a", "b", "c", ""]), st.just(1))
VAL = st.one_of(st.booleans(), st.just(1.5))


class MappingMachine(RuleBasedStateMachine):
    """Set against dict."""

    def __init__(self) -> None:
        super().__init__()
        self.s, self.model = o.Set(), {}

    @rule(k=KEY, v=VAL)
    def setitem(self, k: Any, v: Any) -> None:
        ok = isinstance(k, str) and isinstance(v, bool)
        same(lambda: self.s.__setitem__(k, v), lambda: self.model.__setitem__(k, v) if ok else refuse())

    @rule(k=KEY)
    def reads(self, k: Any) -> None:
        same(lambda: self.s[k], lambda: self.model[k])
        same(lambda: (k in self.s, self.s.get(k), self.s.get(k, 7)),
             lambda: (k in self.model, self.model.get(k), self.model.get(k, 7)))

    @rule(k=KEY)
    def delitem(self, k: Any) -> None:
        same(lambda: self.s.__delitem__(k), lambda: self.model.__delitem__(k))

    @rule(k=KEY)
    def pop(self, k: Any) -> None:
        same(lambda: self.s.pop(k, None), lambda: self.model.pop(k, None))

    @rule(d=st.dictionaries(st.sampled_from(["a", "d"]), st.booleans(), max_size=2))
    def update(self, d: dict[str, bool]) -> None:
        self.s.update(d)
        self.model.update(d)

    @rule()
    def copies(self) -> None:
        assert copy.copy(self.s) == self.model and pickle.loads(pickle.dumps(self.s)) == self.model

    @invariant()
    def agrees(self) -> None:
        assert len(self.s) == len(self.model) and self.s == self.model and dict(self.s) == self.model
        assert sorted(self.s) == sorted(self.model) and sorted(self.s.items()) == sorted(self.model.items())
        assert o.count_true(self.s) == sum(self.model.values())


def main() -> int:
    n = int(sys.argv[1])
    check_round_trips(n)
    machine_settings = settings(max_examples=max(n // 4, 10), stateful_step_count=30, deadline=None,
                                suppress_health_check=list(HealthCheck))
    run_state_machine_as_test(SequenceMachine, settings=machine_settings)
    print(f"sequence machine: {machine_settings.max_examples} examples ok", flush=True)
    run_state_machine_as_test(MappingMachine, settings=machine_settings)
    print(f"mapping machine: {machine_settings.max_examples} examples ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
