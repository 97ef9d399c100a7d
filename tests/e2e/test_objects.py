"""End to end: the Python object protocols of bound Go types (issue 14) on ``tests/e2e/objects``:
copy and deepcopy, pickle (by fields, through Go marshalers, refused with a reason), pickling
into ``multiprocessing`` children started with spawn, ``__match_args__`` and zero-value
signatures, named slices, arrays and maps as sequences and mappings, and the stub agreeing
(stubtest, mypy on a client, values against annotations). One build for the module."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext
from tests.e2e.objects_checks import CHECKS, PRELUDE

OBJECTS = Path(__file__).parent / "objects"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("objects_ext"), OBJECTS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_objects_extension(ext_dir: Path, name: str) -> None:
    run_python("import objects as o\n" + textwrap.dedent(PRELUDE) + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_pickles_cross_into_spawned_processes(ext_dir: Path, tmp_path: Path) -> None:
    """A multiprocessing Pool with the spawn and forkserver start methods: each child imports ``objects`` from
    sys.path, unpickles the arguments, and pickles Go values back. (A script file: spawn
    children re-import the main module to find ``work``.)"""
    script = tmp_path / "pool.py"
    script.write_text(textwrap.dedent("""
        import multiprocessing as mp
        import objects as o

        def work(args):
            p, ids, s, v = args
            return o.Point(p.x * 2, p.y, p.label + "!"), o.IDs(list(ids) + [ids.sum()]), len(s), str(v)

        if __name__ == "__main__":
            jobs = [(o.Point(i, -i, str(i)), o.IDs(range(i)), o.Set({str(k): True for k in range(i)}),
                     o.parse_version(f"1.{i}.0")) for i in range(4)]
            for method in ("spawn", "forkserver"):
                with mp.get_context(method).Pool(2) as pool:
                    out = pool.map(work, jobs)
                for i, (p, ids, n, v) in enumerate(out):
                    assert p == o.Point(2 * i, -i, f"{i}!"), p
                    assert ids == list(range(i)) + [sum(range(i))] and n == i and v == f"1.{i}.0"
            ctx = mp.get_context("spawn")
            try:
                with ctx.Pool(1) as pool:
                    pool.map(len, [o.new_secret(1, 2)])
            except TypeError as e:
                assert "Secret.hidden is unexported" in str(e), e
            else:
                raise AssertionError("a Secret crossed")
            print("ok")
    """))
    env = dict(os.environ, PYTHONPATH=str(ext_dir), PYTHONFAULTHANDLER="1")
    proc = run([sys.executable, str(script)], env=env, cwd=tmp_path, timeout=300)
    assert proc.stdout.strip() == "ok", proc.stdout + proc.stderr


def test_stubtest_accepts_objects_stub(ext_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "objects"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout


def test_mypy_sees_sequences_and_mappings(ext_dir: Path, tmp_path: Path) -> None:
    """A client type-checks against the stub: IDs is a MutableSequence[int], Set a
    MutableMapping[str, bool], copies keep their class; a wrong element type is an error."""
    client = tmp_path / "client.py"
    client.write_text(textwrap.dedent("""
        import copy
        from collections.abc import MutableMapping, MutableSequence, Sequence
        import objects as o

        ids = o.IDs([1, 2])
        ids.append(3)
        ids += [4]
        first: int = ids[0]
        some: list[int] = ids[0:1]
        seq: MutableSequence[int] = ids
        s: MutableMapping[str, bool] = o.Set({"a": True})
        flag: bool = s["a"]
        vec: Sequence[float] = o.Vec([1, 2, 3])
        p: o.Point = copy.deepcopy(o.Point(x=1.0, label="a"))
        total: int = o.sum_all(ids)
        ids.append("x")
    """))
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(client)], env=env, cwd=tmp_path,
               check=False)
    errors = [line for line in proc.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and 'client.py:17: error: Argument 1 to "append"' in errors[0], proc.stdout


def test_stub_agrees_with_values(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "objects")
