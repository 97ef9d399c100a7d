"""Shared helpers for the frontend tests."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from bindc.diagnostics import Diagnostic, Severity
from bindc.frontend import ParsedFile, parse_source

ParseGo = Callable[..., tuple[ParsedFile, list[Diagnostic]]]


@pytest.fixture
def parse_go() -> ParseGo:
    """Parse dedented Go source; prepends ``package p`` unless the source has a package clause."""

    def parse(source: str, path: str = "x.go") -> tuple[ParsedFile, list[Diagnostic]]:
        text = textwrap.dedent(source).lstrip("\n")
        if not any(line.startswith("package ") for line in text.splitlines()):
            text = "package p\n\n" + text
        return parse_source(path, text.encode())

    return parse


@pytest.fixture
def parse_clean(parse_go: ParseGo) -> Callable[..., ParsedFile]:
    """Like parse_go, but fails the test on any ERROR diagnostic."""

    def parse(source: str, path: str = "x.go") -> ParsedFile:
        parsed, diagnostics = parse_go(source, path)
        errors = [d.render() for d in diagnostics if d.severity is Severity.ERROR]
        assert not errors, "\n".join(errors)
        return parsed

    return parse
