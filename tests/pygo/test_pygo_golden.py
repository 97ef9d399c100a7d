"""Golden tests for `bindc go`: the Go emitted for fixed Python inputs, byte for byte, and
its diagnostics. Rewrite after an intended change with
``pytest tests/pygo/test_pygo_golden.py --update-golden`` and review the diff."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from bindc.pygo.driver import GoRequest, generate_go

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"

CASES = {
    # name: (SOURCE, cwd); the package name follows SOURCE
    "typedmod": ("typedmod/typedmod.py", HERE),
    "edge": ("edge/edge.pyi", HERE),
    "textwrap": ("textwrap", HERE),  # typeshed's stub inside mypy (pinned by the dev venv)
}


def _portable(text: str, source_dir: Path) -> str:
    """Diagnostics without machine-specific paths."""
    import mypy
    text = text.replace(str(Path(mypy.__file__).parent / "typeshed" / "stdlib") + "/", "typeshed/")
    return text.replace(str(source_dir) + "/", "")


@pytest.mark.parametrize("case", sorted(CASES))
def test_pygo_output_matches_golden(case: str, update_golden: bool, tmp_path: Path) -> None:
    source, cwd = CASES[case]
    result = generate_go(GoRequest(source=source, out=tmp_path, cwd=cwd, version=(3, 11)))
    assert not result.sink.has_errors, result.sink.render_all()
    produced = {f.path.name: f.content for f in result.files}
    produced["diagnostics.txt"] = _portable(result.sink.render_all(), HERE) + "\n"
    expected_dir = GOLDEN / case
    if update_golden:
        expected_dir.mkdir(parents=True, exist_ok=True)
        for name, content in produced.items():
            (expected_dir / name).write_text(content)
        return
    for name, content in produced.items():
        golden = expected_dir / name
        assert golden.exists(), f"missing golden file {golden}; run: pytest {__file__} --update-golden"
        expected = golden.read_text()
        if content != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), content.splitlines(True),
                                                f"{golden} (golden)", f"{name} (generated)"))
            pytest.fail(f"{name} differs from its golden file (update with --update-golden if intended):\n{diff}")
