"""End to end: the vectorized forms ``mod.vec.f(xs, ys)`` (tests/e2e/vectorized), built with
``bindc build`` once for the module; results checked against the single calls (hypothesis)."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext
from tests.e2e.vectorized_checks import CHECKS, PRELUDE

VECTORIZED = Path(__file__).parent / "vectorized"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("vectorized_ext"), VECTORIZED)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_vectorized_extension(ext_dir: Path, name: str) -> None:
    run_python(PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_vectorized_results_equal_the_single_calls(ext_dir: Path) -> None:
    """Hypothesis: for any inputs, vec.f gives what [f(*args) for args in zip(...)] gives, or
    raises the same exception type the first failing single call raises."""
    run_python(textwrap.dedent('''
        import cmath, math
        from hypothesis import given, settings, strategies as st
        import vectorized as v

        def same(a, b):
            return a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b))

        def agree(fn, vec, *columns):
            try:
                want = [fn(*args) for args in zip(*columns)]
            except Exception as e:
                try:
                    vec(*columns)
                except type(e):
                    return
                raise AssertionError(f"{fn.__name__}: the single call raised {e!r}, the vectorized form did not")
            got = list(vec(*columns))
            assert len(got) == len(want) and all(map(same, got, want)), (fn.__name__, columns, got, want)

        ints = st.integers(min_value=-2**64, max_value=2**64)
        floats = st.floats(allow_nan=True, allow_infinity=True)
        texts = st.text(max_size=5)

        @settings(max_examples=300, deadline=None, derandomize=True, database=None)
        @given(st.lists(ints), st.lists(ints), st.lists(floats), st.lists(floats), st.lists(texts),
               st.lists(st.booleans()), st.lists(st.integers(-3, 3)))
        def check(a, b, f, g, s, t, small):
            agree(v.add, v.vec.add, a, b)
            agree(v.mask, v.vec.mask, a, b)
            agree(v.small, v.vec.small, a)
            agree(v.scale, v.vec.scale, f, g)
            agree(v.sqrt, v.vec.sqrt, f)
            agree(v.to_f, v.vec.to_f, f)
            agree(v.not_, v.vec.not_, t)
            agree(v.both, v.vec.both, t, list(reversed(t)))
            agree(v.repeat, v.vec.repeat, s, small)
            agree(v.len, v.vec.len, s)
            agree(v.invert, v.vec.invert, small)
            agree(v.level_of, v.vec.level_of, a)

        check()
        print("hypothesis ok")
    '''), path=ext_dir)


def test_stubtest_accepts_vectorized_stub(ext_dir: Path) -> None:
    """The stub and the built module agree (mypy's stubtest), and the stub type-checks strictly."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "vectorized"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout
    proc = run([sys.executable, "-m", "mypy", "--strict", str(ext_dir / "vectorized.pyi")], env=env, cwd=ext_dir,
               check=False)
    assert proc.returncode == 0, proc.stdout


def test_stub_declares_the_vec_namespace(ext_dir: Path) -> None:
    stub = (ext_dir / "vectorized.pyi").read_text()
    assert "class vec:" in stub
    assert "def add(a: _Iterable[int], b: _Iterable[int], /) -> _array[int]:" in stub
    assert "def repeat(s: _Iterable[str], n: _Iterable[int], /) -> list[str]:" in stub
    assert "def level_of(v: _Iterable[int], /) -> list[Level]:" in stub
    assert "def count(v: _Iterable[int], /) -> None:" in stub
    assert "def pair(" not in stub.split("class vec:")[1]


def test_typed_use_of_the_namespace_checks(ext_dir: Path, tmp_path: Path) -> None:
    """Code using vec type-checks strictly against the stub, and a wrong element type is caught."""
    good = tmp_path / "good.py"
    good.write_text("import vectorized as v\n"
                    "r = v.vec.add([1, 2], (3, 4))\n"
                    "total: int = sum(r)\n"
                    "words: list[str] = v.vec.repeat(['a'], iter([2]))\n")
    bad = tmp_path / "bad.py"
    bad.write_text("import vectorized as v\nv.vec.add(['x'], [1])\n")
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy", "--strict", str(good)], env=env, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stdout
    proc = run([sys.executable, "-m", "mypy", "--strict", str(bad)], env=env, cwd=tmp_path, check=False)
    assert proc.returncode == 1 and "bad.py:2: error: List item 0 has incompatible type \"str\"; expected \"int\"" in proc.stdout, \
        proc.stdout
