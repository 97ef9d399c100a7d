"""Every example's checked-in generated files are fresh (protobuf-go's integration test idea):
`bindc check` exits 0 for each package that has bindc output, and fails loudly when stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.driver import Request, generate_files
from bindc.writer import stale_files

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GENERATED_PACKAGES = sorted({p.parent for p in EXAMPLES.rglob("*_bindc.go")})


def test_examples_have_generated_packages() -> None:
    assert GENERATED_PACKAGES, "no example has generated bindings"


@pytest.mark.parametrize("pkg", GENERATED_PACKAGES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_generated_files_are_fresh(pkg: Path) -> None:
    result = generate_files(Request(package=str(pkg), cwd=pkg))
    assert not result.sink.has_errors, result.sink.render_all()
    stale = stale_files(result.files)
    assert not stale, "stale generated files; run `bindc generate " + str(pkg) + "`:\n" + \
        "\n".join(diff for _, diff in stale)
