"""One Go source file to IR: :func:`parse_source`."""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from bindc.diagnostics import Diagnostic, Severity
from bindc.frontend import queries
from bindc.frontend.comments import CommentIndex
from bindc.frontend.context import FileContext
from bindc.frontend.declarations import extract_declarations
from bindc.frontend.directives import is_py4go_directive
from bindc.frontend.header import FileHeader, scan_header, without_bom
from bindc.frontend.syntax import node_span, node_text
from bindc.frontend.syntax_errors import syntax_errors
from bindc.ir import Func, Import, Span, SourceFile, TypeDecl, ValueDecl


@dataclass(frozen=True)
class ParsedFile:
    """Everything the frontend learned from one ``.go`` file.

    ``doc`` is the package doc comment written in this file (usually only ``doc.go`` has
    one); ``header`` holds its build constraints and generated-code marker. Value groups
    (``ValueDecl.group``) are numbered per file here; :func:`load_package` renumbers them.
    """

    file: SourceFile
    funcs: tuple[Func, ...]
    types: tuple[TypeDecl, ...]
    values: tuple[ValueDecl, ...]
    doc: str
    header: FileHeader
    package_span: Span | None


def parse_source(path: str, source: bytes) -> tuple[ParsedFile, list[Diagnostic]]:
    """Parse one Go file; ``path`` is used in spans and diagnostics only.

    Never raises on bad input: syntax errors become ERROR diagnostics and every declaration
    that parsed cleanly is still returned.
    """
    source = without_bom(source)
    root = queries.new_parser().parse(source).root_node
    diagnostics = syntax_errors(root, path)
    ctx = FileContext(path, CommentIndex(queries.captured_nodes("comments", root, "comment"), source))
    package, package_node, package_doc = _package_clause(root, ctx)
    if package_node is None and not any(d.span and (d.span.line, d.span.col) == (1, 1) for d in diagnostics):
        diagnostics.append(Diagnostic(Severity.ERROR, "expected 'package' clause", Span(path, 1, 1)))
    diagnostics += _top_level_order(root, path)
    imports = _imports(root, path)
    declarations, problems = extract_declarations(root, ctx)
    diagnostics += problems
    diagnostics += _orphan_directives(ctx)
    header = scan_header(source)
    parsed = ParsedFile(
        file=SourceFile(
            path=path,
            package=package,
            imports=imports,
            uses_cgo=any(i.path == "C" for i in imports),
            generated=header.generated,
        ),
        funcs=tuple(declarations.funcs),
        types=tuple(declarations.types),
        values=tuple(declarations.values),
        doc=package_doc,
        header=header,
        package_span=node_span(package_node, path) if package_node is not None else None,
    )
    return parsed, sorted(diagnostics, key=_position)


def _position(diagnostic: Diagnostic) -> tuple[int, int]:
    return (diagnostic.span.line, diagnostic.span.col) if diagnostic.span else (0, 0)


def _package_clause(root: Node, ctx: FileContext) -> tuple[str, Node | None, str]:
    """The package name, its clause node and the package doc comment above it."""
    for match in queries.matches("imports", root):
        if "package" in match and "package.name" in match:
            clause = match["package"][0]
            group = ctx.comments.doc_for(clause)
            return node_text(match["package.name"][0]), clause, group.text() if group else ""
    return "", None, ""


def _imports(root: Node, path: str) -> tuple[Import, ...]:
    found: list[Import] = []
    for match in queries.matches("imports", root):
        if "import" not in match or match["import"][0].has_error:
            continue
        name = match.get("import.name")
        found.append(Import(
            path=_unquote(node_text(match["import.path"][0])),
            name=node_text(name[0]) if name else None,
            span=node_span(match["import"][0], path),
        ))
    return tuple(sorted(found, key=lambda i: (i.span.line, i.span.col)))


_DECLARATIONS = frozenset({
    "function_declaration", "method_declaration", "type_declaration", "const_declaration",
    "var_declaration",
})


def _top_level_order(root: Node, path: str) -> list[Diagnostic]:
    """Go's top-level rules that tree-sitter-go does not enforce.

    Imports must come before other declarations, and statements may not appear outside a
    function body (the grammar accepts both, so the Go compiler would be the first to say).
    """
    found: list[Diagnostic] = []
    seen_declaration = False
    previous = ""
    for child in root.named_children:
        after_error, previous = previous == "ERROR", child.type  # recovery debris: reported already
        if child.type == "import_declaration" and seen_declaration:
            message = "syntax error: imports must appear before other declarations"
        elif child.type in _DECLARATIONS:
            seen_declaration = True
            continue
        elif child.type not in ("package_clause", "import_declaration", "comment", "ERROR") and not after_error:
            message = "syntax error: non-declaration statement outside function body"
        else:
            continue
        found.append(Diagnostic(Severity.ERROR, message, node_span(child, path)))
    return found


def _unquote(literal: str) -> str:
    """An import path literal without its quotes (import paths never contain escapes)."""
    return literal[1:-1] if len(literal) >= 2 else literal


def _orphan_directives(ctx: FileContext) -> list[Diagnostic]:
    """A ``//py4go:`` line that is not in a declaration's doc comment does nothing: say so."""
    return [
        Diagnostic(
            Severity.WARNING,
            f"{node_text(c).split()[0]} is not attached to a declaration "
            "(it must be in the comment block directly above one)",
            node_span(c, ctx.path),
        )
        for c in ctx.comments.all
        if is_py4go_directive(node_text(c)) and not ctx.comments.is_claimed(c)
    ]
