"""End to end: Go's concurrency from Python (tests/e2e/concurrency): functions taking a
``context.Context`` (timeout=, Ctrl-C, TimeoutError), the awaitable forms of ``mod.aio`` and
channels as ``mod.Channel``, built with ``bindc build`` once for the module."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.concurrency_checks import CHECKS, PRELUDE
from tests.e2e.hosts import build_ext

HERE = Path(__file__).parent
PACKAGE = HERE / "concurrency"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("concurrency_ext"), PACKAGE)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_concurrency_extension(ext_dir: Path, name: str) -> None:
    run_python(PRELUDE + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_sigint_from_outside_interrupts_a_5s_context_call(ext_dir: Path) -> None:
    """SIGINT sent by another process during a 5 s context-taking Go call: control is back in
    Python in under 100 ms, as KeyboardInterrupt, the Go function has returned and no
    goroutine is left (tests/e2e/context_child.py)."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), PYTHONFAULTHANDLER="1")
    child = subprocess.Popen([sys.executable, str(HERE / "context_child.py")], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "calling\n", child.communicate(timeout=30)
        time.sleep(0.3)  # well inside the call
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, (out, err)
    got = json.loads(out.splitlines()[-1])
    latency = got["caught_at"] - sent
    print(f"SIGINT to KeyboardInterrupt: {latency * 1000:.1f} ms")
    assert got["raised"] == "KeyboardInterrupt" and got["running"] == 0, got
    assert latency < 0.1, latency
    assert got["goroutines"][0] == got["goroutines"][1], got


def test_stubtest_accepts_concurrency_stub(ext_dir: Path) -> None:
    """The stub and the built module agree (mypy's stubtest), keyword-only timeout= included."""
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "concurrency"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout


def test_stub_declares_keyword_only_timeout(ext_dir: Path) -> None:
    stub = (ext_dir / "concurrency.pyi").read_text()
    for line in ("def sleep(d: timedelta | int, /, *, timeout: float | None = None) -> None:",
                 "def deadline(*, timeout: float | None = None) -> float:",
                 "def bump(self, ms: int, /, *, timeout: float | None = None) -> int:",
                 "def add(a: int, b: int, /) -> int:"):
        assert line in stub, line


def test_mypy_strict_checks_timeout(ext_dir: Path, tmp_path: Path) -> None:
    """A client using timeout= passes mypy --strict; passing the context or a bad timeout is caught."""
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    good = tmp_path / "client.py"
    good.write_text("import concurrency\n\n"
                    "concurrency.sleep(10, timeout=0.5)\n"
                    "left: float = concurrency.deadline(timeout=2)\n"
                    "n: int = concurrency.Counter().bump(1, timeout=None)\n")
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad_client.py"
    bad.write_text("import concurrency\nconcurrency.echo(None, 'x')\nconcurrency.echo('x', timeout='1')\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1, proc.stdout
    assert "bad_client.py:2: error: Too many positional arguments" in proc.stdout, proc.stdout
    assert 'bad_client.py:3: error: Argument "timeout" to "echo" has incompatible type "str"' in proc.stdout, \
        proc.stdout


def test_stub_types_the_aio_forms(ext_dir: Path) -> None:
    stub = (ext_dir / "concurrency.pyi").read_text()
    assert "from asyncio import Future as _Future" in stub
    for line in ("class aio:",
                 "    def nap(ms: int, /, *, timeout: float | None = None) -> _Future[int]:",
                 "    def pair(a: str, b: int, /, *, timeout: float | None = None) -> _Future[tuple[str, int]]:",
                 "    def work(ms: int, /) -> _Future[int]:",
                 "    def apply(f: Callable[[int], int], x: int, /) -> _Future[int]:"):
        assert line in stub, line
    aio = stub.split("class aio:")[1].split("\nclass ")[0]  # up to the next class (vec)
    assert "def add(" not in aio  # holds the GIL: no awaitable form


def test_mypy_strict_checks_awaits(ext_dir: Path, tmp_path: Path) -> None:
    """Awaiting a form gives the function's result type under mypy --strict; a wrong use is caught."""
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    good = tmp_path / "client.py"
    good.write_text("import asyncio\nimport concurrency\n\n\n"
                    "async def main() -> None:\n"
                    "    n: int = await concurrency.aio.nap(10, timeout=1.5)\n"
                    "    s, k = await concurrency.aio.pair('a', 1)\n"
                    "    t: asyncio.Future[int] = concurrency.aio.work(5)\n"
                    "    t.cancel()\n"
                    "    xs: list[int] = await asyncio.gather(*[concurrency.aio.nap(1) for _ in range(3)])\n\n\n"
                    "asyncio.run(main())\n")
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad_client.py"
    bad.write_text("import concurrency\n\n\nasync def main() -> None:\n"
                   "    s: str = await concurrency.aio.nap(10)\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1, proc.stdout
    assert 'bad_client.py:5: error: Incompatible types in assignment (expression has type "int"' in proc.stdout, \
        proc.stdout


def test_stub_declares_channels(ext_dir: Path) -> None:
    stub = (ext_dir / "concurrency.pyi").read_text()
    for line in ("class ChannelClosed(EOFError):", "class Channel(_Generic[_T]):",
                 "    def recv(self, timeout: float | None = None) -> _T:",
                 "def produce(ch: Channel[int], n: int, /) -> None:",
                 "def consume(ch: Iterable[int], /) -> int:",
                 "def pipe(capacity: int, /) -> Channel[str] | None:",
                 "def relay(in_: Channel[str], out: Channel[str], /) -> None:"):
        assert line in stub, line


def test_mypy_strict_checks_channels(ext_dir: Path, tmp_path: Path) -> None:
    env = dict(os.environ, MYPYPATH=str(ext_dir))
    good = tmp_path / "client.py"
    good.write_text("import concurrency\n\n"
                    "ch = concurrency.Channel[int](3)\n"
                    "concurrency.produce(ch, 3)\n"
                    "xs: list[int] = list(ch)\n"
                    "p = concurrency.pipe(1)\n"
                    "assert p is not None\n"
                    "p.send('a', timeout=0.5)\n"
                    "s: str = p.recv()\n")
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)], env=env)
    bad = tmp_path / "bad_client.py"
    bad.write_text("import concurrency\nconcurrency.produce(concurrency.Channel[str](), 1)\n")
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], env=env, check=False)
    assert proc.returncode == 1 and 'bad_client.py:2: error: Argument 1 to "produce"' in proc.stdout, proc.stdout


def test_concurrency_values_agree_with_stub(ext_dir: Path) -> None:
    """Results are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "concurrency")
