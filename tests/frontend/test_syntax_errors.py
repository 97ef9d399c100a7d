"""Syntax errors: exact positions and messages; clean declarations survive."""

from pathlib import Path

import pytest

from bindc.diagnostics import Severity
from bindc.frontend import parse_source

FIXTURES = Path(__file__).parent / "testdata" / "syntax_errors"

# fixture -> (expected "line:col: message" list, names of declarations still extracted)
EXPECTED = {
    "several.go": (
        ["6:24: syntax error: missing ')' before '{'",
         "10:9: syntax error: unexpected '+' in statement list"],
        ["Good", "Body", "After"],
    ),
    "unclosed_struct.go": (
        ["3:1: syntax error: unexpected end of file (unclosed 'type' declaration)"],
        [],
    ),
    "misplaced_import.go": (
        ["7:1: syntax error: imports must appear before other declarations"],
        ["X"],
    ),
    "mixed_params.go": (
        ["3:11: syntax error: mixed named and unnamed parameters"],
        ["Fine"],
    ),
    "call_and_var.go": (
        ["4:8: syntax error: missing ')' before '}'",
         "7:9: syntax error: unexpected ']'"],
        ["Call"],
    ),
    "odd_tokens.go": (
        ["3:1: syntax error: non-declaration statement outside function body",
         "5:9: syntax error: unexpected ']'",
         "7:9: syntax error: string literal not terminated"],
        [],
    ),
}


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.go")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_syntax_error_positions(name: str) -> None:
    path = FIXTURES / name
    parsed, diagnostics = parse_source(str(path), path.read_bytes())
    messages, survivors = EXPECTED[name]
    assert all(d.severity is Severity.ERROR and d.span.file == str(path) for d in diagnostics)
    assert [f"{d.span.line}:{d.span.col}: {d.message}" for d in diagnostics] == messages
    names = [d.name for d in (*parsed.funcs, *parsed.types, *parsed.values)]
    assert names == survivors


def test_rendered_diagnostic_has_file_line_col_and_caret() -> None:
    path = FIXTURES / "several.go"
    _, diagnostics = parse_source(str(path), path.read_bytes())
    line = path.read_text().splitlines()[5]
    rendered = diagnostics[0].render(line)
    assert rendered.splitlines() == [
        f"{path}:6:24: error: syntax error: missing ')' before '{{'",
        "    func missingParen(a int {",
        "                           ^",
    ]


def test_columns_count_bytes(parse_go) -> None:
    _, diagnostics = parse_go('var s = "é"; var t = ]\n')
    assert [(d.span.line, d.span.col) for d in diagnostics] == [(3, 23)]


def test_newer_go_syntax_is_a_warning_not_an_error(parse_go) -> None:
    parsed, diagnostics = parse_go("""
        var Key = new("key")

        func (r *Rand) N[Int intType](n Int) Int { return n }

        func Kept() {}
    """)
    assert [(d.severity, d.span.line, d.message) for d in diagnostics] == [
        (Severity.WARNING, 3, "new(expression) is not supported (cannot be parsed yet); its declaration is skipped"),
        (Severity.WARNING, 5, "generic method N is not supported (cannot be parsed yet); skipped"),
    ]
    assert [f.name for f in parsed.funcs] == ["Kept"]


def test_clean_file_has_no_diagnostics(parse_go) -> None:
    assert parse_go("func F() {}\n")[1] == []
