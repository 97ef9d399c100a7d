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
from tests.e2e.hosts import build_ext, build_host, run_in_host

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
try:
    m.fail("x")
except m.GoError as e:
    assert str(e) == "names: x"
assert m.P_get_name() == "P_get_name"
assert m.get_origin().name == "origin" and m.get_current().name == "current"
assert m.get_primes() == [2, 3, 5] and m.get_limits() == {"a": 1}
assert m.get_made().n == 4 and m.get_checked().n == 7 and m.get_repeated() == "abab"
m.set_primes([1])
assert m.get_primes() == [1]
m.get_current().name = "changed"                 # *P: the live Go value
assert m.get_current().name == "changed"
class Obj:
    def __str__(self): return "obj"
    def name(self): return "n"
    def size(self): return 3

assert m.title(Obj()) == "title:obj"              # type Titled fmt.Stringer: a Protocol
assert m.title(m.S(n=2)) == "title:S(2)"          # a bound class implementing it
assert m.describe(Obj()) == "n=3"                 # interface{ Namer; Sizer }
assert {"Titled", "Sized"} <= set(dir(m))

# names the stub imports or spells in annotations get a trailing underscore
import datetime
it = m.Iterator_(pos=1)
assert it.next() == 2 and not hasattr(m, "Iterator")
seq = m.Sequence_([1, 2, 3, 4])
assert len(seq) == 4 and list(seq[1:3]) == [2, 3] and seq.sum() == 10
assert list(m.slice_(seq, 1, 3)) == [2, 3]
t = datetime.datetime(2026, 1, 2, 3, tzinfo=datetime.timezone.utc)
assert m.datetime_(t) == t + datetime.timedelta(hours=1)
assert m.overload_(m.Any_(v="x")) == "overload:x"
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


OTHER_GO = """\
// Package other is built as an extension of its own, with its own Go runtime. It has no
// classes and no sentinels, so nothing but the init barrier calls into Go during import.
package other

import (
\t"errors"
\t"os"
\t"time"
)

func init() {
\t// Slow on purpose: import must still wait for it.
\ttime.Sleep(300 * time.Millisecond)
\tif path := os.Getenv("OTHER_INIT_FILE"); path != "" {
\t\t_ = os.WriteFile(path, []byte("init ran"), 0o644)
\t}
}

// Gone returns an error.
func Gone() error { return errors.New("gone") }

// Boom panics.
func Boom() { panic("boom") }
"""

SHARED_CHECKS = r'''
import os
import names, other
import py4go

with open(os.environ["OTHER_INIT_FILE"]) as f:   # other's init() ran before import returned
    assert f.read() == "init ran"
assert names.GoError is other.GoError is py4go.GoError
assert names.GoPanic is other.GoPanic is py4go.GoPanic
for call in (lambda: names.fail("x"), other.gone):
    try:
        call()
    except py4go.GoError as e:      # one except clause for the errors of every module
        assert e.go_type, e
    else:
        raise AssertionError("no error")
try:
    other.boom()
except py4go.GoPanic as e:
    assert "boom" in str(e)
print("shared: ok")
'''


def test_go_error_is_one_class_across_separately_built_modules(ext_dir: Path, tmp_path: Path) -> None:
    """Two extensions, each with its own copy of the runtime and its own Go runtime, loaded
    in one process share GoError and GoPanic through the ``py4go`` module; and ``import``
    returns only once the package's ``init()`` has run (a module without classes included)."""
    pkg = tmp_path / "other"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module example.com/other\n\ngo 1.22\n")
    (pkg / "other.go").write_text(OTHER_GO)
    other_dir = build_ext(tmp_path / "other_ext", pkg)
    env = dict(os.environ, PYTHONPATH=f"{ext_dir}{os.pathsep}{other_dir}", OTHER_INIT_FILE=str(tmp_path / "init"))
    proc = run([sys.executable, "-c", SHARED_CHECKS], env=env, timeout=120)
    assert "shared: ok" in proc.stdout


def test_go_error_is_the_shared_class_in_an_embedding_program(tmp_path: Path, go: str,
                                                                embed_env: dict[str, str]) -> None:
    host = build_host(tmp_path / "host", NAMES, go, embed_env)
    proc = run_in_host(host, "import names, py4go\n"
                             "assert names.GoError is py4go.GoError and names.GoPanic is py4go.GoPanic\n"
                             "try:\n    names.fail('y')\nexcept py4go.GoError as e:\n    print('caught', e)\n",
                       tmp_path)
    assert "caught names: y" in proc.stdout, proc.stdout
