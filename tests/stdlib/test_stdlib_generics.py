"""Go's generic ``slices``, ``maps`` and ``cmp`` bound unmodified with their default
instantiations (docs/generics.md) and checked against Python's own behaviour with hypothesis."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

import pytest

from bindc.build import Built
from bindc.resolve.stdlib_instances import default_instances
from tests.conftest import run_python
from tests.stdlib.conftest import STD_MODULES

pytestmark = pytest.mark.go

PRELUDE = """
import math
from hypothesis import given, settings, strategies as st
settings.register_profile("bindc", max_examples=200, deadline=None, derandomize=True, database=None)
settings.load_profile("bindc")
ints = st.integers(-2**63, 2**63 - 1)
floats = st.floats(allow_nan=False)
texts = st.text(max_size=8)
ELEMENTS = {"int": ints, "float64": floats, "str": texts}
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), str(e)
    else:
        raise AssertionError(f"{fn!r}{args!r} did not raise {exc.__name__}")
"""


def check(std_build: Callable[[str], tuple[Path, Built]], import_path: str, code: str) -> None:
    """Run ``code`` with the package imported as ``go``."""
    out, _ = std_build(import_path)
    run_python(f"import {STD_MODULES[import_path]} as go\n" + PRELUDE + textwrap.dedent(code), path=out, timeout=300)


@pytest.mark.parametrize("path", ["slices", "maps", "cmp"])
def test_every_default_instantiation_is_bound(std_build, path: str) -> None:
    """The documented list is what the module has: nothing silently dropped."""
    _, built = std_build(path)
    names = {f.py_name for f in built.result.module.functions}
    assert names == {text.rsplit(" ", 1)[1] for text in default_instances(path)}


def test_slices_against_python(std_build) -> None:
    check(std_build, "slices", """
        for tok, elems in ELEMENTS.items():
            f = lambda name: getattr(go, f"{name}_{tok}")
            @given(st.lists(elems, max_size=12), elems)
            def t(xs, v):
                ys = list(xs)
                assert f("sort")(ys) is None and ys == sorted(xs)      # sorted in place (written back)
                assert f("is_sorted")(ys) and f("is_sorted")(xs) == (xs == sorted(xs))
                assert f("contains")(xs, v) == (v in xs)
                assert f("index")(xs, v) == (xs.index(v) if v in xs else -1)
                assert f("binary_search")(ys, v) == (__import__("bisect").bisect_left(ys, v), v in ys)
                zs = list(xs)
                f("reverse")(zs)
                assert zs == xs[::-1]
                assert f("clone")(xs) == xs and f("equal")(xs, list(xs)) and not f("equal")(xs, xs + [v])
                assert f("compare")(xs, ys) == (xs > ys) - (xs < ys)
                assert f("insert")(xs, 0, v, v) == [v, v] + xs
                assert f("repeat")(xs, 2) == xs * 2
                assert f("concat")(xs, ys, [v]) == xs + ys + [v]
                assert f("sorted")(iter(xs)) == sorted(xs)
                if xs:
                    assert f("max")(xs) == max(xs) and f("min")(xs) == min(xs)
                else:
                    expect(go.GoPanic, "empty list", f("max"), xs)
            t()
        expect(TypeError, "must be int", go.sort_int, [1, "a"])
        assert math.isnan(go.max_float64([1.0, math.nan]))     # Go: Max propagates NaN (Python's max does not)
    """)


def test_maps_against_python(std_build) -> None:
    check(std_build, "maps", """
        for ktok, keys in (("str", texts), ("int", ints)):
            for vtok, values in ELEMENTS.items():
                f = lambda name: getattr(go, f"{name}_{ktok}_{vtok}")
                @given(st.dictionaries(keys, values, max_size=10))
                def t(d):
                    assert sorted(f("keys")(d)) == sorted(d)
                    assert sorted(f("values")(d), key=repr) == sorted(d.values(), key=repr)
                    assert dict(f("all")(d)) == d
                    assert f("clone")(d) == d and f("equal")(d, dict(d))
                    if d:
                        k = next(iter(d))
                        assert not f("equal")(d, {kk: vv for kk, vv in d.items() if kk != k})
                t()
        it = go.keys_str_int({"a": 1})
        assert iter(it) is it and list(it) == ["a"] and list(it) == []   # a lazy iterator
    """)


def test_cmp_against_python(std_build) -> None:
    check(std_build, "cmp", """
        for tok, elems in ELEMENTS.items():
            f = lambda name: getattr(go, f"{name}_{tok}")
            @given(elems, elems)
            def t(x, y):
                assert f("compare")(x, y) == (x > y) - (x < y)
                assert f("less")(x, y) == (x < y)
                assert f("or")(x, y) == (x or y) and f("or")() == type(x)()
            t()
        assert go.compare_float64(math.nan, 1.0) == -1 and go.less_float64(math.nan, -math.inf)  # Go orders NaN first
    """)
