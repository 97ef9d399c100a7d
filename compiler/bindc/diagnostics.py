"""Diagnostics: positioned messages that are all collected, never raised one at a time.

Every stage of bindc reports problems as :class:`Diagnostic` values carrying a
:class:`~bindc.ir.Span`; the driver renders them GCC-style (``file:line:col: error: ...``
followed by the source line and a caret) so editors and CI logs can jump to them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from bindc.ir import Span


class Severity(enum.Enum):
    """How serious a diagnostic is; errors make ``bindc`` exit with status 2."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Diagnostic:
    """One message about one place in the input."""

    severity: Severity
    message: str
    span: Span | None = None

    def render(self, source_line: str | None = None) -> str:
        """Return ``file:line:col: severity: message`` plus the source line and a caret."""
        where = f"{self.span}: " if self.span else "bindc: "
        text = f"{where}{self.severity.value}: {self.message}"
        if source_line is not None and self.span is not None:
            line = source_line.rstrip("\n").expandtabs(1)
            caret_col = max(self.span.col - 1, 0)
            text += f"\n    {line}\n    {' ' * caret_col}^"
        return text


@dataclass
class DiagnosticSink:
    """Collects diagnostics from every stage; the driver decides what to do with them."""

    items: list[Diagnostic] = field(default_factory=list)
    #: Why exported declarations were not bound, by declaration (``F``, ``T.M``, ``var V``...):
    #: the short reason the end-of-run summary groups by (``*big.Int``, ``untyped var``).
    skips: dict[str, str] = field(default_factory=dict)

    def skipped(self, declaration: str, reason: str) -> None:
        """Record the short reason ``declaration`` is not bound (the first reason is kept);
        the diagnostic saying so in full is reported separately."""
        self.skips.setdefault(declaration, reason)

    def error(self, message: str, span: Span | None = None) -> None:
        """Record an error (the run will exit with status 2)."""
        self.items.append(Diagnostic(Severity.ERROR, message, span))

    def warning(self, message: str, span: Span | None = None) -> None:
        """Record a warning (reported, does not fail the run)."""
        self.items.append(Diagnostic(Severity.WARNING, message, span))

    def note(self, message: str, span: Span | None = None) -> None:
        """Record an informational note."""
        self.items.append(Diagnostic(Severity.NOTE, message, span))

    def extend(self, diagnostics: "list[Diagnostic] | DiagnosticSink") -> None:
        """Append every diagnostic from another list or sink."""
        self.items.extend(diagnostics.items if isinstance(diagnostics, DiagnosticSink) else diagnostics)
        if isinstance(diagnostics, DiagnosticSink):
            for declaration, reason in diagnostics.skips.items():
                self.skipped(declaration, reason)

    @property
    def has_errors(self) -> bool:
        """True when at least one error was recorded."""
        return any(d.severity is Severity.ERROR for d in self.items)

    def render_all(self) -> str:
        """Render every diagnostic, sorted by position, with source lines where readable."""
        cache: dict[str, list[str]] = {}

        def line_of(span: Span | None) -> str | None:
            if span is None:
                return None
            if span.file not in cache:
                try:
                    cache[span.file] = Path(span.file).read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    cache[span.file] = []
            lines = cache[span.file]
            return lines[span.line - 1] if 0 < span.line <= len(lines) else None

        ordered = sorted(self.items, key=lambda d: (d.span.file, d.span.line, d.span.col) if d.span else ("", 0, 0))
        return "\n".join(d.render(line_of(d.span)) for d in ordered)
