"""End to end: declarations named like what bindc generates, or like Python's own names
(``tests/e2e/names``), build as one extension and are each callable under a predictable name.

Before the symbol table, ``GetName`` next to a field ``Name``, a method ``Init`` or ``New``, or
a function ``RegisterClasses`` made two generated C/Go functions share one identifier and
the build failed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext

NAMES = Path(__file__).parent / "names"
pytestmark = pytest.mark.go

CHECKS = r'''
import names as m

p = m.P(name="n", value=1, class_="k", init=2, new=3, title="t")
assert (p.name, p.value, p.class_, p.init, p.new, p.title) == ("n", 1, "k", 2, 3, "t")
assert p.get_name() == "get:n"
p.set_name("x")
assert p.name == "set:x" and p.get_name() == "get:set:x"
assert p.get_value() == 2
p.set_value(10)
assert p.value == 9 and p.go_value() == 90
p.name = "direct"            # the property setter still works next to set_name
assert p.get_name() == "get:direct"
assert not hasattr(p, "secret") and not hasattr(p, "label"), dir(p)  # py4go:"-" and the renamed tag
assert "title=" in repr(p)

s = m.S(n=3)
assert str(s) == "S(3)"
assert (s.init(), s.new(), s.str_(), s.repr(), s.richcompare()) == ("Init", 1, "Str", "Repr", "Richcompare")
assert s.eq(m.S(n=3)) is True and s.eq(m.S(n=4)) is False
assert s == m.S(n=3) and s != m.S(n=4)          # __eq__ is the class's own, not the method
assert (s.hash(), s.len(), s.value(), s.go_value()) == (42, 3, "Value", "GoValue")
assert (s.class_(), s.import_(), s.shout_loud(), s._whisper()) == ("Class", "Import", "SHOUT", "whisper")
assert repr(s) == "S(n=3)"                        # tp_repr is the class's own
try:
    hash(s)
except TypeError:
    pass
else:
    raise AssertionError("S is mutable and must stay unhashable")

k = m.Kelvin(300.0)
assert k.go_value_2 == 300.0                      # value and go_value are methods
assert k.value() == 301.0 and k.go_value() == 302.0

assert m.register_classes() == "RegisterClasses"
assert m.P_get_name() == "P_get_name"
print("names: ok")
'''


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("names_ext"), NAMES)


def test_every_colliding_name_is_callable(ext_dir: Path) -> None:
    proc = run_python(CHECKS, path=ext_dir)
    assert "names: ok" in proc.stdout


def test_stubtest_accepts_names_stub(ext_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "names"], env=env, cwd=ext_dir, check=False)
    assert "Success" in proc.stdout, proc.stdout
