"""The build module's go.mod (bindc.gomod), without running Go."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.gomod import BuildModule, GoMod, Replace, placeholder_version
from bindc.uptodate import local_replacements


@pytest.mark.parametrize(("path", "version"), [
    ("example.com/lib", "v0.0.0"), ("example.com/lib/v4", "v4.0.0"), ("example.com/lib/v12", "v12.0.0"),
    ("example.com/lib/v1", "v0.0.0"), ("example.com/v4x", "v0.0.0"), ("gopkg.in/yaml.v3", "v3.0.0"),
    ("gopkg.in/check.v1", "v1.0.0"), ("github.com/py4go/py4go/runtime", "v0.0.0"),
])
def test_placeholder_version_matches_the_major_version_of_the_path(path: str, version: str) -> None:
    assert placeholder_version(path) == version


def test_carry_over_resolves_relative_replacements_and_keeps_ours(tmp_path: Path) -> None:
    bound = GoMod("example.com/app/v2", "1.23", requires=(("example.com/dep", "v1.4.0"), ("golang.org/x/text", "v0.3.0"),
                                                           ("github.com/py4go/py4go/runtime", "v0.0.0")),
                  replaces=(Replace("example.com/dep", "v1.4.0", "../dep", ""),
                            Replace("golang.org/x/text", "", "golang.org/x/text", "v0.4.0"),
                            Replace("github.com/py4go/py4go/runtime", "", "../../runtime", "")))
    build = BuildModule("bindc.build/extension")
    build.carry_over(bound, tmp_path / "app", keep={"github.com/py4go/py4go/runtime", bound.path})
    build.use_directory(bound.path, tmp_path / "app")
    build.use_directory("github.com/py4go/py4go/runtime", tmp_path / "rt")
    assert build.render() == (
        "module bindc.build/extension\n\ngo 1.23\n\nrequire (\n"
        "\texample.com/app/v2 v2.0.0\n\texample.com/dep v1.4.0\n\tgithub.com/py4go/py4go/runtime v0.0.0\n"
        "\tgolang.org/x/text v0.3.0\n)\n\nreplace (\n"
        f"\texample.com/app/v2 => {tmp_path / 'app'}\n"
        f"\texample.com/dep v1.4.0 => {tmp_path / 'dep'}\n"
        f"\tgithub.com/py4go/py4go/runtime => {tmp_path / 'rt'}\n"
        "\tgolang.org/x/text => golang.org/x/text v0.4.0\n)\n")


def test_local_replacements_text_scan(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text('module m\n\nreplace a => ../a\nreplace (\n\tb v1.0.0 => "./b c" // why\n'
                                     "\tc => c.example v1.2.0\n\td => /abs/d\n)\n")
    assert local_replacements(tmp_path / "go.mod") == [(tmp_path.parent / "a").resolve(), tmp_path / "b c",
                                                       Path("/abs/d")]
