"""tests/pythons.py: finding an interpreter per supported version, and the skip reasons."""

from __future__ import annotations

import sys

from tests.pythons import SUPPORTED, discover, interpreters, version_of


def test_running_interpreter_is_found_for_its_version() -> None:
    running = "%d.%d" % sys.version_info[:2]
    assert running in SUPPORTED
    found = discover(running)
    assert found.executable is not None and version_of(found.executable) == running


def test_missing_version_says_where_it_looked() -> None:
    found = discover("3.99")
    assert found.executable is None
    assert found.reason.startswith("no Python 3.99 found (looked at: ") and "--pythons" in found.reason


def test_pythons_option_rejects_unrunnable_and_unsupported() -> None:
    bad, = interpreters("/nonexistent/python")
    assert bad.executable is None and "cannot be run" in bad.reason
    me, = interpreters(sys.executable)
    assert me.executable == sys.executable
