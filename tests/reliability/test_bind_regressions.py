"""Regressions in the wrapper-facing C runtime (runtime/bindcrt/py4go_bind.c) found by fuzzing the
kitchen bindings (issue 5): each pinned with its exact message, in a fresh interpreter."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_python

pytestmark = pytest.mark.go

REGRESSIONS = """
    import sys
    def raises(cls, fn, *args, fragment=""):
        try:
            fn(*args)
        except BaseException as e:
            assert type(e) is cls, (fn.__name__, type(e), e)
            assert fragment in str(e), (str(e), fragment)
            return e
        raise AssertionError(f"{fn.__name__} did not raise")

    # Ints beyond sys.get_int_max_str_digits(): repr() fails, OverflowError must still come.
    huge = 10 ** 5000
    raises(OverflowError, kitchen.int8, huge, fragment="int8() argument 1: int of 16610 bits is out of range for Go int8")
    raises(OverflowError, kitchen.uint8, -huge, fragment="uint8() argument 1: negative int of 16610 bits")
    raises(OverflowError, kitchen.add, 1, -huge, fragment="add() argument 2: negative int of 16610 bits")
    raises(OverflowError, kitchen.sum, 1, 2, huge, fragment="sum() argument 3: int of")

    # An exception from __index__/__float__ keeps its class even when it cannot be rebuilt
    # from a single message; ordinary ones are prefixed with the function and position.
    class Idx:
        def __init__(self, e): self.e = e
        def __index__(self): raise self.e
        __float__ = __index__
    class TwoArgs(Exception):
        def __init__(self, a, b): super().__init__(a, b)
    ude = UnicodeDecodeError("utf-8", b"\\xff", 0, 1, "bad")
    assert raises(UnicodeDecodeError, kitchen.int8, Idx(ude)) is ude
    assert raises(UnicodeDecodeError, kitchen.sqrt, Idx(ude)) is ude
    two = TwoArgs(1, 2)
    assert raises(TwoArgs, kitchen.uint16, Idx(two)) is two
    e = raises(ValueError, kitchen.int32, Idx(ValueError("nope")), fragment="int32() argument 1: nope")
    assert isinstance(e.__cause__, ValueError)
    # Control-flow exceptions pass through untouched (SystemExit keeps its exit code).
    ki = KeyboardInterrupt()
    assert raises(KeyboardInterrupt, kitchen.int8, Idx(ki)) is ki
    assert raises(SystemExit, kitchen.sqrt, Idx(SystemExit(3))).code == 3

    # float32 overflow messages do not call the argument's __repr__.
    class BadRepr:
        def __float__(self): return 1e300
        def __repr__(self): raise RuntimeError("repr called")
    raises(OverflowError, kitchen.float32, BadRepr(), fragment="float32() argument 1: 1e+300 is out of range for Go float32")
    print("ok")
"""


def test_conversion_error_regressions(kitchen_ext: Path) -> None:
    """Bugs the fuzzer found in runtime/bindcrt/py4go_bind.c, pinned with exact messages."""
    proc = run_python("import kitchen\n" + textwrap.dedent(REGRESSIONS), path=kitchen_ext)
    assert proc.stdout.strip() == "ok"



def test_conversion_error_regressions(kitchen_ext: Path) -> None:
    """A huge int, an unrebuildable exception from __index__, KeyboardInterrupt/SystemExit and a
    raising __repr__ each end in the exception class the caller expects."""
    proc = run_python("import kitchen\n" + textwrap.dedent(REGRESSIONS), path=kitchen_ext)
    assert proc.stdout.strip() == "ok"
