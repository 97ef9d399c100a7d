"""End to end: named types, enums and constants of ``tests/e2e/named``, in extension mode
(``bindc build``) and embedded mode (generated in-package, linked into a Go host)."""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext, write_host_tree
from tests.e2e.named_checks import CHECKS

NAMED = Path(__file__).parent / "named"
pytestmark = pytest.mark.go


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("named_ext"), NAMED)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_named_extension(ext_dir: Path, name: str) -> None:
    run_python("import named\n" + textwrap.dedent(CHECKS[name]), path=ext_dir)


def test_stubtest_accepts_named_stub(ext_dir: Path) -> None:
    import os

    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "named"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout


def host_tree(root: Path) -> Path:
    """A Go module at ``root`` whose ``main`` embeds Python with ``named`` generated in-package."""
    return write_host_tree(root, NAMED)


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    """The host binary (registers ``named`` before Initialize)."""
    root = host_tree(tmp_path_factory.mktemp("named_embedded"))
    run([go, "build", "-o", "host", "."], cwd=root, env=embed_env)
    return root / "host"


def test_changed_constant_fails_the_build(host: Path, tmp_path: Path, go: str, embed_env: dict[str, str]) -> None:
    """The generated guards catch a constant edited after generation (values are copied)."""
    root = host_tree(tmp_path)
    source = root / "named" / "named.go"
    edited, n = re.subn(r"(Answer\s*=\s*)42", r"\g<1>43", source.read_text())
    assert n == 1
    source.write_text(edited)
    proc = run([go, "build", "-o", "host", "."], cwd=root, env=embed_env, check=False)
    assert proc.returncode != 0
    assert "named_bindc.go" in proc.stderr and "out of bounds" in proc.stderr, proc.stderr


def test_named_embedded(host: Path, tmp_path: Path) -> None:
    """Every check in one embedded interpreter (one process: the host is slow to start)."""
    script = tmp_path / "check.py"
    body = "\n".join(f"def check_{name}():\n{textwrap.indent(textwrap.dedent(code), '    ')}\n"
                     for name, code in CHECKS.items())
    script.write_text("import named\n" + body + "\n" + "\n".join(f"check_{n}()" for n in CHECKS) + "\n")
    run([str(host), str(script)], timeout=120)


def test_named_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "named")
