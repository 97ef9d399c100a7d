"""Build constraints: //go:build expressions, // +build lines and file-name suffixes."""

import pytest

from bindc.frontend import BuildContext, ConstraintSyntaxError

LINUX = BuildContext("linux", "amd64", frozenset({"custom"}), cgo=True, go_minor=22)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("linux", True),
        ("darwin", False),
        ("amd64", True),
        ("!windows", True),
        ("linux && amd64", True),
        ("linux && arm64", False),
        ("darwin || linux", True),
        ("!(darwin || windows)", True),
        ("linux && !cgo", False),
        ("cgo", True),
        ("unix", True),
        ("gc", True),
        ("gccgo", False),
        ("go1.18", True),
        ("go1.22", True),
        ("go1.23", False),
        ("custom", True),
        ("other", False),
        ("a || b && c || linux", True),  # && binds tighter than ||
        ("(linux || darwin) && !(386 || arm)", True),
        ("!!linux", True),
        ("  linux  ", True),
    ],
)
def test_build_expressions(expr: str, expected: bool) -> None:
    assert LINUX.matches_expr(expr) is expected


def test_implied_os_tags() -> None:
    android = BuildContext("android", "arm64")
    assert android.matches_expr("linux") and android.matches_expr("unix")
    assert BuildContext("ios", "arm64").matches_expr("darwin")
    assert BuildContext("illumos", "amd64").matches_expr("solaris")
    assert not BuildContext("windows", "amd64").matches_expr("unix")
    assert not BuildContext("linux", "amd64", cgo=False).matches_expr("cgo")


@pytest.mark.parametrize("expr", ["", "linux &&", "(linux", "linux)", "&& linux", "linux $ darwin", "linux darwin", "!"])
def test_bad_expressions_raise(expr: str) -> None:
    with pytest.raises(ConstraintSyntaxError):
        LINUX.matches_expr(expr)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("linux",), True),
        (("darwin windows",), False),
        (("darwin linux",), True),
        (("linux,amd64",), True),
        (("linux,!amd64",), False),
        (("linux", "!cgo"), False),
        ((), True),
    ],
)
def test_plus_build_lines(lines: tuple[str, ...], expected: bool) -> None:
    assert LINUX.matches_plus_build(lines) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x.go", True),
        ("linux.go", True),  # the part before the first _ never counts
        ("x_linux.go", True),
        ("x_darwin.go", False),
        ("x_amd64.go", True),
        ("x_arm64.go", False),
        ("x_linux_amd64.go", True),
        ("x_linux_arm64.go", False),
        ("x_windows_amd64.go", False),
        ("x_unix.go", True),  # unix is not a file-name suffix
        ("x_foo_linux.go", True),
        ("x_linux_foo.go", True),
    ],
)
def test_file_name_suffixes(name: str, expected: bool) -> None:
    assert LINUX.matches_file_name(name) is expected


def test_android_builds_linux_files() -> None:
    assert BuildContext("android", "arm64").matches_file_name("x_linux.go")
