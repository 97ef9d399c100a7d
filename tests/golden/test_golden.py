"""Golden tests: bindc's output for fixed inputs, compared byte for byte.

After an intended change to the generated code, rewrite the expectations with
``pytest tests/golden --update-golden`` and review the diff like any other change.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from bindc.driver import Request, generate_files

HERE = Path(__file__).parent
E2E = HERE.parent / "e2e"

CASES = {
    # name: (package directory, --out directory or None, module name)
    "kitchen_inpackage": (E2E / "kitchen", None, None),
    "kitchen_out": (E2E / "kitchen", Path("wrapper"), "kitchenpy"),
    "callbacks_out": (E2E / "callbacks", Path("wrapper"), None),
    "classes_out": (E2E / "classes", Path("wrapper"), None),
    "containers_out": (E2E / "containers", Path("wrapper"), None),
    "named_out": (E2E / "named", Path("wrapper"), None),
    "extras_out": (E2E / "extras", Path("wrapper"), None),
    "interfaces_out": (E2E / "interfaces", Path("wrapper"), None),
    "interfaces_inpackage": (E2E / "interfaces", None, None),
    "names_out": (E2E / "names", Path("wrapper"), None),
    "idioms_out": (E2E / "idioms", Path("wrapper"), None),
    "generics_out": (E2E / "generics", Path("wrapper"), None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_output_matches_golden(case: str, update_golden: bool, tmp_path: Path) -> None:
    pkg, out, module = CASES[case]
    result = generate_files(Request(package=str(pkg), out=(tmp_path / out) if out else None, module=module, cwd=pkg))
    assert not result.sink.has_errors, result.sink.render_all()
    expected_dir = HERE / case
    produced = {f.path.name: f.content for f in result.files}
    produced["diagnostics.txt"] = _portable(result.sink.render_all(), pkg) + "\n"
    if update_golden:
        expected_dir.mkdir(exist_ok=True)
        for name, content in produced.items():
            (expected_dir / name).write_text(content)
        return
    for name, content in produced.items():
        golden = expected_dir / name
        assert golden.exists(), f"missing golden file {golden}; run: pytest tests/golden --update-golden"
        expected = golden.read_text()
        if content != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), content.splitlines(True),
                                                f"{golden} (golden)", f"{name} (generated)"))
            pytest.fail(f"{name} differs from its golden file; if the change is intended, run:\n"
                        f"    pytest tests/golden --update-golden\n{diff}")


def _portable(text: str, pkg: Path) -> str:
    """Diagnostics with the machine-specific package path removed."""
    return text.replace(str(pkg.resolve()) + "/", "").replace(str(pkg) + "/", "")
