"""How a build shows its progress: phases with elapsed times, diagnostics, a summary line.

The build calls a :class:`Reporter`; the CLI picks one: :class:`ConsoleReporter` (a spinner on
a terminal, plain lines otherwise, through rich) or, with ``--quiet``, one that prints errors
only. Library callers get :class:`SilentReporter` unless they pass another.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Reporter:
    """Receives a build's events. The base class ignores them all (library default)."""

    def phase(self, name: str) -> None:
        """A new phase starts (and the previous one, if any, ends)."""

    def diagnostics(self, text: str) -> None:
        """Rendered diagnostics, shown as soon as they are known (before ``go build``)."""

    def info(self, message: str) -> None:
        """A detail worth a line in verbose output (a file written)."""

    def error(self, message: str) -> None:
        """The build failed with ``message``."""

    def done(self, summary: str) -> None:
        """The build succeeded; ``summary`` is the last line."""


class SilentReporter(Reporter):
    """Reports nothing (what :func:`bindc.build.build_extension` uses by default)."""


class QuietReporter(Reporter):
    """``--quiet``: errors only (diagnostics included when they hold an error)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def diagnostics(self, text: str) -> None:
        if ": error: " in text:
            print(text, file=self.stream)

    def error(self, message: str) -> None:
        print(message, file=self.stream)


class ConsoleReporter(Reporter):
    """Phases with elapsed time on stderr: a live spinner on a terminal, one line per phase otherwise."""

    def __init__(self, stream: TextIO | None = None, *, force_plain: bool = False) -> None:
        from rich.console import Console

        self.console = Console(file=stream or sys.stderr, highlight=False, soft_wrap=True)
        self.live = self.console.is_terminal and not force_plain
        self._status: Any = None   # rich.status.Status while a spinner runs
        self._current: str | None = None
        self._started = self._phase_started = time.perf_counter()

    def phase(self, name: str) -> None:
        self._end_phase()
        self._current, self._phase_started = name, time.perf_counter()
        if self.live:
            if self._status is None:
                self._status = self.console.status(f"bindc: {name}…")
                self._status.start()
            else:
                self._status.update(f"bindc: {name}…")

    def _end_phase(self) -> None:
        if self._current is None:
            return
        elapsed = time.perf_counter() - self._phase_started
        self.console.print(f"bindc: {self._current:<14} {elapsed:6.2f} s", style="bright_black", markup=False)
        self._current = None

    def _stop(self) -> None:
        self._end_phase()
        if self._status is not None:
            self._status.stop()
            self._status = None

    def diagnostics(self, text: str) -> None:
        self.console.print(text, markup=False)

    def info(self, message: str) -> None:
        self.console.print(f"bindc: {message}", style="bright_black", markup=False)

    def error(self, message: str) -> None:
        self._stop()
        self.console.print(message, markup=False, style="red" if self.live else None)

    def done(self, summary: str) -> None:
        self._stop()
        total = time.perf_counter() - self._started
        self.console.print(f"bindc: {summary} in {total:.2f} s", markup=False)


def human_size(n: int) -> str:
    """``1.3 MB``-style size for summaries."""
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")
