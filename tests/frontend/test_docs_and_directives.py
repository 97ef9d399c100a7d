"""Doc comments (Go's rules) and //py4go: directives."""

from bindc.diagnostics import Severity
from bindc.frontend.comments import doc_text
from bindc.ir import Directive, Span


def by_name(parsed):
    return {d.name: d for d in (*parsed.funcs, *parsed.types, *parsed.values)}


def test_doc_is_the_block_directly_above(parse_clean) -> None:
    decls = by_name(parse_clean("""
        // Hello says hello.
        //
        // It has two paragraphs.
        func Hello() {}

        // Detached comment.

        func NoDoc() {}
        func Trailing() {} // not a doc

        /*
           Block doc.
        */
        func Block() {}
    """))
    assert decls["Hello"].doc == "Hello says hello.\n\nIt has two paragraphs."
    assert decls["NoDoc"].doc == ""
    assert decls["Trailing"].doc == ""
    assert decls["Block"].doc == "Block doc."


def test_doc_text_follows_go_comment_group_text() -> None:
    assert doc_text(["// a", "//\tcode", "//", "//", "// b  ", "//go:noinline", "//line x.go:1"]) == "a\n\tcode\n\nb"
    assert doc_text(["//", "// x", "//"]) == "x"
    assert doc_text(["//export cgoName", "//py4go:skip", "//extern f"]) == ""
    assert doc_text(["//  two spaces keep one"]) == " two spaces keep one"


def test_directives_are_parsed_and_left_out_of_the_doc(parse_clean) -> None:
    decls = by_name(parse_clean("""
        // sayGoodbye prints goodbye.
        //
        //py4go:export
        func sayGoodbye() {}

        //py4go:export concat_strings
        // concat joins a and b.
        func concat(a, b string) string { return a + b }

        // Hidden is not bound.
        //py4go:skip
        //go:noinline
        func Hidden() {}
    """))
    assert decls["sayGoodbye"].doc == "sayGoodbye prints goodbye."
    assert decls["sayGoodbye"].directives == (Directive("export", None, Span("x.go", 5, 1, 5, 15)),)
    assert decls["concat"].directive("export").arg == "concat_strings"
    assert decls["concat"].doc == "concat joins a and b."
    assert decls["Hidden"].directive("skip") is not None
    assert decls["Hidden"].doc == "Hidden is not bound."


def test_malformed_directives_are_errors_at_the_argument(parse_go) -> None:
    parsed, diagnostics = parse_go("""
        //py4go:export 1abc
        func a() {}

        //py4go:export two names
        func b() {}

        //py4go:skip please
        func c() {}

        //py4go:export def
        func d() {}
    """)
    assert [(d.severity, d.span.line, d.span.col, d.message) for d in diagnostics] == [
        (Severity.ERROR, 3, 16, "//py4go:export name '1abc' is not a valid Python identifier"),
        (Severity.ERROR, 6, 16, "//py4go:export takes at most one name, got 'two names'"),
        (Severity.ERROR, 9, 14, "//py4go:skip takes no argument"),
        (Severity.ERROR, 12, 16, "//py4go:export name 'def' is not a valid Python identifier"),
    ]
    assert all(f.directives == () for f in parsed.funcs)


def test_unknown_directive_warns_and_is_kept(parse_go) -> None:
    parsed, diagnostics = parse_go("""
        //py4go:exprot hello
        func a() {}
    """)
    assert parsed.funcs[0].directives[0].kind == "exprot"
    assert [(d.severity, d.span.line, d.span.col) for d in diagnostics] == [(Severity.WARNING, 3, 1)]
    assert "unknown directive //py4go:exprot" in diagnostics[0].message


def test_directive_not_attached_to_a_declaration_warns(parse_go) -> None:
    _, diagnostics = parse_go("""
        //py4go:export

        func a() {}

        func b() {
            //py4go:skip
        }
    """)
    assert [(d.severity, d.span.line) for d in diagnostics] == [(Severity.WARNING, 3), (Severity.WARNING, 8)]
    assert "//py4go:export is not attached to a declaration" in diagnostics[0].message


def test_group_docs_and_directives_for_specs(parse_clean) -> None:
    decls = by_name(parse_clean("""
        // Celsius is a temperature.
        type Celsius float64

        // Kinds of things.
        //
        //py4go:skip
        const (
            // A is first.
            A = iota
            B // B is second.
        )

        // Only has one spec, so it takes the group's doc.
        type (
            Only int
        )
    """))
    assert decls["Celsius"].doc == "Celsius is a temperature."
    assert decls["A"].doc == "A is first." and decls["B"].doc == "B is second."
    assert decls["A"].directives[0].kind == "skip" and decls["B"].directives[0].kind == "skip"
    assert decls["Only"].doc == "Only has one spec, so it takes the group's doc."


def test_package_doc(parse_clean) -> None:
    parsed = parse_clean("""
        //go:build linux

        // Package p does things.
        package p
    """)
    assert parsed.doc == "Package p does things."
