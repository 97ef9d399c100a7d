"""End to end: Go structs as Python classes, in extension and embedded mode.

Covers fields as properties (conversion and type errors), the constructor (positional and
keyword), value and pointer receivers, String() as __str__, __repr__, == for comparable
structs, structs by value (copies) and by pointer (shared; nil is None), nested struct fields
(aliasing the outer value), embedded structs (promoted fields and methods), Python
subclasses, and that Go values are freed when Python drops them (a handle count).
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run, run_python
from tests.e2e.hosts import build_ext, build_host, run_in_host

HERE = Path(__file__).parent
PACKAGE = HERE / "classes"
pytestmark = pytest.mark.go

CHECKS: dict[str, str] = {
    "fields_constructor_and_repr": """
        p = classes.Point(3, 4)
        assert (p.x, p.y) == (3, 4)
        assert repr(p) == "Point(x=3, y=4)" and str(p) == "(3, 4)"
        assert repr(classes.Point()) == "Point(x=0, y=0)"
        assert repr(classes.Point(y=1)) == "Point(x=0, y=1)"
        p.x = -7
        assert p.x == -7
        assert not hasattr(p, "hidden")
        for bad, exc, text in [(lambda: classes.Point(1, 2, 3), TypeError, "takes at most 2 positional arguments (3 given)"),
                               (lambda: classes.Point(z=1), TypeError, "unexpected keyword argument 'z'"),
                               (lambda: classes.Point(1, x=2), TypeError, "multiple values for argument 'x'"),
                               (lambda: setattr(p, "x", "a"), TypeError, "Point.x must be int, not str"),
                               (lambda: setattr(p, "x", 2**64), OverflowError, "Point.x: 18446744073709551616 is out of range for Go int"),
                               (lambda: delattr(p, "x"), AttributeError, "cannot delete Go field Point.x")]:
            try:
                bad()
            except exc as e:
                assert text in str(e), str(e)
            else:
                raise AssertionError(text)
    """,
    "methods_value_and_pointer_receivers": """
        p = classes.Point(3, 4)
        assert p.norm() == 5.0
        p.scale(2)
        assert (p.x, p.y) == (6, 8)                    # pointer receiver changed p
        q = p.add(classes.Point(1, 1))
        assert repr(q) == "Point(x=7, y=9)" and repr(p) == "Point(x=6, y=8)"
        try:
            p.scale("x")
        except TypeError as e:
            assert str(e) == "Point.scale() argument 1 must be int, not str", str(e)
        import inspect
        assert str(inspect.signature(classes.Point.scale)) == "(self, k, /)"
        assert classes.Point.norm.__doc__ == "Norm is the distance from the origin (value receiver)."
    """,
    "values_are_copied_pointers_shared": """
        p = classes.Point(1, 2)
        s = classes.swap(p)                             # by value: a copy goes in and out
        assert repr(s) == "Point(x=2, y=1)" and repr(p) == "Point(x=1, y=2)"
        s.x = 100                                       # a struct returned by value, then mutated
        assert s.x == 100 and p.x == 1
        classes.move(p, 10, 20)                         # by pointer: shared
        assert repr(p) == "Point(x=11, y=22)"
        o = classes.origin()
        assert repr(o) == "Point(x=0, y=0)"
        assert classes.is_nil(None) is True and classes.is_nil(p) is False
        assert classes.nowhere() is None
        n = classes.new_point(5, 6)
        assert isinstance(n, classes.Point) and n.x == 5
        try:
            classes.swap(None)
        except TypeError as e:
            assert str(e) == "swap() argument 1 must be Point, not None", str(e)
        try:
            classes.move(classes.Rect(), 1, 1)
        except TypeError as e:
            assert str(e) == "move() argument 1 must be Point or None, not classes.Rect", str(e)
    """,
    "equality": """
        assert classes.Point(1, 2) == classes.Point(1, 2)
        assert classes.Point(1, 2) != classes.Point(2, 1)
        assert classes.Point(1, 2) != "x" and classes.Point() != None
        b = classes.Blob(b"abc")                        # holds a slice: not comparable in Go
        assert b != classes.Blob(b"abc") and b == b     # identity, like object
        try:
            hash(classes.Point())
        except TypeError:
            pass
        else:
            raise AssertionError("mutable Go values must not be hashable")
    """,
    "nested_and_linked_structs": """
        r = classes.Rect(classes.Point(0, 0), classes.Point(2, 3), "box")
        assert r.area() == 6
        r.max.x = 10                                    # the field itself, not a copy
        assert r.area() == 30 and r.max.x == 10
        m = r.min
        m.y = -1
        assert r.min.y == -1
        r.min = classes.Point(5, 5)                     # assignment copies the value in
        assert r.min == classes.Point(5, 5)
        n = classes.Node(1, classes.Node(2, classes.Node(3)))
        assert n.len() == 3 and n.next.next.value == 3 and n.next.next.next is None
        n.next = None
        assert n.len() == 1
        try:
            n.crash()
        except classes.GoPanic as e:
            assert "Node.crash() panicked: runtime error: invalid memory address or nil pointer dereference" in str(e)
        assert n.len() == 1                             # and the process lives on
    """,
    "embedded_struct_promotion": """
        d = classes.Derived(classes.Base(7), "x")
        assert d.id == 7 and d.name == "x" and d.describe() == "base 7"
        d.id = 9
        assert d.base.id == 9                           # promoted field is the embedded one
        assert repr(d) == "Derived(base=Base(id=9), name='x')"
    """,
    "python_subclass": """
        class Point3(classes.Point):
            def __init__(self, x, y, z):
                super().__init__(x, y)
                self.z = z
            def total(self):
                return self.x + self.y + self.z
        t = Point3(1, 2, 3)
        assert t.total() == 6 and t.norm() == 5 ** 0.5
        assert isinstance(t, classes.Point)
        assert repr(classes.swap(t)) == "Point(x=2, y=1)"   # accepted where a Point is expected
        t.scale(3)
        assert (t.x, t.y, t.z) == (3, 6, 3)
    """,
    "error_types": """
        assert issubclass(classes.ParseError, classes.GoError)
        try:
            classes.parse(-3)                           # returns a *ParseError
        except classes.ParseError as e:
            assert str(e) == "line 3: negative" and (e.line, e.msg) == (3, "negative")
            assert isinstance(e, classes.GoError) and e.__traceback__ is not None
            assert e.go_type == "*classes.ParseError"
        else:
            raise AssertionError("no ParseError")
        pe = classes.ParseError(4, "bad")
        assert str(pe) == "line 4: bad" and repr(pe) == "ParseError(line=4, msg='bad')"
        try:
            raise pe                                    # raisable from Python too
        except classes.GoError as e:
            assert e is pe
        import weakref
        r = weakref.ref(pe)
        del pe
        assert r() is None
        class Mine(classes.ParseError):
            pass
        m = Mine(line=9)
        assert str(m) == "line 9: " and classes.parse(5) == 5
        for _ in range(10_000):
            try:
                classes.parse(-1)
            except classes.ParseError:
                pass
    """,
    "interfaces": """
        r = classes.Rect(classes.Point(0, 0), classes.Point(2, 3))
        sq = classes.Square(3)
        assert classes.area_of(r) == 6 and classes.area_of(sq) == 9 and classes.area_of(None) == -1
        big = classes.bigger(r, sq)
        assert type(big) is classes.Square and big.side == 3      # the concrete class comes back
        same = classes.bigger(sq, r)
        assert type(same) is classes.Square
        r2 = classes.bigger(r, classes.Square(1))
        assert type(r2) is classes.Rect
        r2.label = "shared"
        assert r.label == "shared"                                 # *Rect: the same Go value
        assert classes.no_shape() is None
        u = classes.unbound()                 # an unexported implementation: the interface's own class
        assert type(u) is classes.GoShape and u.area() == 0
        assert classes.area_of(u) == 0 and type(classes.bigger(u, u)) is classes.GoShape   # back to Go as itself
        assert isinstance(u, classes.Shape)   # it satisfies the Protocol
        for call, text in [(lambda: classes.area_of(classes.Point()),
                            "area_of() got a Go *classes.Point, which does not implement classes.Shape"),
                           (lambda: classes.area_of(3),
                            "area_of() argument 1 must implement Shape or be None, but int object has no method area()"),
                           (lambda: classes.GoShape(),
                            "GoShape (Go type Shape) cannot be created from Python; obtain one from bigger(), "
                            "no_shape(), unbound()")]:
            try:
                call()
            except TypeError as e:
                assert str(e) == text, str(e)
            else:
                raise AssertionError(text)
    """,
    "containers_of_structs": """
        r = classes.Rect(classes.Point(0, 0), classes.Point(4, 6))
        cs = classes.corners(r)
        assert cs == [classes.Point(0, 0), classes.Point(4, 6)] and type(cs[0]) is classes.Point
        cs[1].x = 100                                   # []Point results are copies
        assert r.max.x == 4
        assert classes.centroid(cs) == classes.Point(50, 3)
        assert classes.centroid([]) == classes.Point(0, 0)
        a, b = classes.Point(1, 1), classes.Point(2, 3)
        assert classes.scale_all([a, None, b], 10) == 2  # []*Point: shared, None is nil
        assert (a.x, b.y) == (10, 30)
        assert classes.by_name({"one": classes.Node(1), "two": classes.Node(1, classes.Node(2))}) == {"one": 1, "two": 2}
        for call, text in [(lambda: classes.centroid([a, "x"]), "centroid() argument 1[1] must be Point, not str"),
                           (lambda: classes.centroid([a, classes.Node()]), "centroid() argument 1[1] must be Point, not classes.Node"),
                           (lambda: classes.scale_all([3], 1), "scale_all() argument 1[0] must be Point or None, not int")]:
            try:
                call()
            except TypeError as e:
                assert str(e) == text, str(e)
            else:
                raise AssertionError(text)
    """,
    "values_are_freed_when_python_drops_them": """
        import gc, sys
        start_handles = classes._py4go_live_handles()
        gc.collect()
        start_blocks = sys.getallocatedblocks()
        for i in range(100_000):
            p = classes.Point(i, i)
            r = classes.Rect(p, classes.swap(p), "r")
            r.max.x = 1
            n = classes.Node(i, classes.Node(i))
            try:
                classes.parse(-i - 1)
            except classes.ParseError as e:
                assert e.line == i + 1
            cs = classes.corners(r)
            classes.scale_all([p, None], 1)
        del p, r, n, cs
        gc.collect()
        assert classes._py4go_live_handles() == start_handles, classes._py4go_live_handles()
        assert abs(sys.getallocatedblocks() - start_blocks) < 64, sys.getallocatedblocks() - start_blocks
    """,
}


@pytest.fixture(scope="module")
def ext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ext(tmp_path_factory.mktemp("classes_ext"), PACKAGE)


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, go: str, embed_env: dict[str, str]) -> Path:
    return build_host(tmp_path_factory.mktemp("classes_host"), PACKAGE, go, embed_env)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_classes_extension(ext_dir: Path, name: str) -> None:
    run_python("import classes\n" + textwrap.dedent(CHECKS[name]), path=ext_dir)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_classes_embedded(host: Path, name: str, tmp_path: Path) -> None:
    run_in_host(host, "import classes\n" + textwrap.dedent(CHECKS[name]), tmp_path)


def test_unexported_struct_exported_in_package(host: Path, tmp_path: Path) -> None:
    run_in_host(host, "import classes\nassert classes.reveal(classes.secret(21)) == 42\n", tmp_path)


def test_stubtest_and_typed_client(ext_dir: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ext_dir), MYPYPATH=str(ext_dir))
    proc = run([sys.executable, "-m", "mypy.stubtest", "classes"], env=env, cwd=ext_dir)
    assert "Success" in proc.stdout
    client = tmp_path / "client.py"
    client.write_text(textwrap.dedent("""\
        import classes

        p = classes.Point(1, y=2)
        p.scale(3)
        n: float = p.norm()
        q: classes.Point = classes.swap(p)
        r = classes.Rect(p, q, "x")
        x: int = r.max.x
        maybe: classes.Point | None = classes.nowhere()
        d = classes.Derived(classes.Base(1), "n")
        s: str = d.describe() + d.name
        """))
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(client)], env=env)


def test_classes_values_agree_with_stub(ext_dir: Path) -> None:
    """Results and zero-value fields are what the stub says (tests/e2e/stub_agreement.py)."""
    from tests.e2e.stub_agreement import assert_agrees

    assert_agrees(ext_dir, "classes")
