"""End to end: published Go libraries as a new Python user meets them (issue 9).

``tests/e2e/published`` holds re-creations of the public API of three dependency-free Go
libraries (module paths, names, receivers and idioms as their authors wrote them; bodies
simpler): ``github.com/google/uuid``, ``github.com/Masterminds/semver/v3`` (a module path with
a major version) and ``github.com/hashicorp/go-version``. Each is built once with ``bindc
build`` (uuid with ``--module go_uuid``, as bindc's warning suggests: ``uuid`` would shadow
Python's own module) and its README-level uses are checked from Python, against Python's
``uuid`` module and a model of SemVer precedence with hypothesis where an equivalent exists,
plus mypy's stubtest and ``mypy --strict`` on the stubs. What works and what is left is
recorded in ``docs/published.md``.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from bindc.build import build_extension
from tests.conftest import run, run_python

PUBLISHED = Path(__file__).parent / "published"
pytestmark = pytest.mark.go


def _build(out: Path, package: str, module: str | None = None) -> Path:
    built = build_extension(str(PUBLISHED / package), out, cwd=PUBLISHED / package, module=module)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


@pytest.fixture(scope="module")
def uuid_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("published_uuid"), "uuid", module="go_uuid")


@pytest.fixture(scope="module")
def semver_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("published_semver"), "semver")


@pytest.fixture(scope="module")
def goversion_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("published_goversion"), "goversion")


def _check(code: str, path: Path) -> None:
    proc = run_python(textwrap.dedent(code) + "\nprint('checks: ok')\n", path=path, timeout=300)
    assert "checks: ok" in proc.stdout, proc.stdout + proc.stderr


def _stubtest(module: str, path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(path), MYPYPATH=str(path))
    proc = run([sys.executable, "-m", "mypy.stubtest", module], env=env, cwd=path, check=False)
    assert "Success" in proc.stdout, proc.stdout


def _mypy_strict(module: str, path: Path, usage: str) -> None:
    """``mypy --strict`` on the stub and on a README-style script using it."""
    script = path / f"use_{module}.py"
    script.write_text(textwrap.dedent(usage))
    env = dict(os.environ, MYPYPATH=str(path))
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", f"{module}.pyi", script.name],
               env=env, cwd=path, check=False)
    assert "Success" in proc.stdout, proc.stdout


# --- github.com/google/uuid ---------------------------------------------------------------

UUID_README = """
import copy, hashlib, pickle, uuid as py
import go_uuid as uuid

DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"

u = uuid.new()                                           # uuid.New()
assert type(u) is uuid.UUID and u.version() == uuid.Version(4) and str(u.version()) == "VERSION_4"
assert u.variant() is uuid.RFC4122 and str(u.variant()) == "RFC4122"
assert py.UUID(str(u)).version == 4 and uuid.new() != u
assert len(uuid.new_string()) == 36

p = uuid.parse(DNS)                                      # Parse, MustParse, variables
assert str(p) == DNS and p.urn() == "urn:uuid:" + DNS
assert p == uuid.must_parse(DNS) == uuid.get_name_space_dns() == uuid.parse("urn:uuid:" + DNS)
assert p == uuid.parse("{" + DNS + "}") == uuid.parse(DNS.replace("-", "")) == uuid.parse(DNS.upper())
assert str(uuid.get_nil()) == "00000000-0000-0000-0000-000000000000"
assert str(uuid.get_max()) == "ffffffff-ffff-ffff-ffff-ffffffffffff"

assert bytes(p) == py.UUID(DNS).bytes == p.go_value     # [16]byte: bytes both ways
assert uuid.UUID(py.UUID(DNS).bytes) == p == uuid.from_bytes(py.UUID(DNS).bytes)
assert uuid.UUID(bytearray(bytes(p))) == p == uuid.UUID(memoryview(bytes(p)))

for bad, text in (("nope", "invalid UUID length: 4"), ("x" * 36, "invalid UUID format"),
                  ("urx:uuid:" + DNS, "invalid urn prefix")):
    try:
        uuid.parse(bad)
    except uuid.GoError as e:                            # errors raise GoError (py4go.GoError)
        assert text in str(e), e
    else:
        raise AssertionError(bad)
try:
    uuid.validate("nope")
except uuid.GoError as e:
    assert uuid.is_invalid_length_error(e)               # the raised error is Go's error again
assert uuid.validate(DNS) is None
try:
    uuid.must_parse("nope")
except uuid.GoPanic as e:
    assert "uuid: Parse(nope): invalid UUID length: 4" in str(e)
else:
    raise AssertionError("MustParse did not panic")

sha = uuid.new_sha1(uuid.get_name_space_dns(), b"python.org")     # name-based UUIDs
assert str(sha) == str(py.uuid5(py.NAMESPACE_DNS, "python.org")) and sha.version() == uuid.Version(5)
md5 = uuid.new_md5(uuid.get_name_space_url(), b"https://go.dev")
assert str(md5) == str(py.uuid3(py.NAMESPACE_URL, "https://go.dev"))

class Sha1:                                 # hash.Hash in Python: NewHash(h hash.Hash, ...) takes it
    def __init__(self): self.h = hashlib.sha1()
    def write(self, b): self.h.update(b); return len(b)
    def sum(self, b): return b + self.h.digest()
    def reset(self): self.h = hashlib.sha1()
    def size(self): return 20
    def block_size(self): return 64
assert uuid.new_hash(Sha1(), uuid.get_name_space_dns(), b"python.org", 5) == sha

assert u.marshal_text() == str(u).encode() and u.value() == str(u)     # TextMarshaler, driver.Valuer
x = uuid.UUID()
x.unmarshal_text(DNS.encode())
assert x == p
x.scan(None)                                             # sql.Scanner: nil leaves it
assert x == p
x.scan(bytes(uuid.get_max()))
assert x == uuid.get_max()
try:
    x.scan(3)
except uuid.GoError as e:
    assert "unable to scan type int64 into UUID" in str(e)

n = uuid.NullUUID(uuid=p, valid=True)                   # NullUUID: a struct holding a UUID
assert n.value() == DNS and n.marshal_json() == b'"' + DNS.encode() + b'"'
m = uuid.NullUUID()
m.unmarshal_json(b"null")
assert not m.valid and m.value() is None
m.scan(DNS)
assert m.valid and m.uuid == p

ids = uuid.UUIDs([p, bytes(16), sha])                    # type UUIDs []UUID
assert len(ids) == 3 and ids[0] == p and type(ids[1]) is uuid.UUID and ids[2] == sha
assert ids.strings() == [DNS, str(uuid.get_nil()), str(sha)]
ids.append(uuid.get_max())
assert ids.strings()[-1] == str(uuid.get_max())

v7 = uuid.new_v7()
assert v7.version() == uuid.Version(7) and v7.time().unix_time()[0] > 1_700_000_000
r = uuid.new_random_from_reader(bytes(range(16)))        # io.Reader from bytes
assert str(r) == "00010203-0405-4607-8809-0a0b0c0d0e0f"
assert uuid.get_time()[0].value > 0 and uuid.new_uuid().version() == uuid.Version(1)

assert copy.copy(p) == p and copy.deepcopy(p) == p and pickle.loads(pickle.dumps(p)) == p
assert pickle.loads(pickle.dumps(n)) == n
assert repr(uuid.Variant.Microsoft) == "<Variant.Microsoft: 3>"
try:
    hash(p)                                             # a mutable Go value (scan, unmarshal_text)
except TypeError:
    pass
else:
    raise AssertionError("UUID is hashable")
try:
    p < sha                                             # Go's UUID has no order
except TypeError:
    pass
else:
    raise AssertionError("UUID is ordered")
"""

UUID_HYPOTHESIS = """
import uuid as py
from hypothesis import given, settings, strategies as st
import go_uuid as uuid

VARIANTS = {py.RESERVED_NCS: uuid.Reserved, py.RFC_4122: uuid.RFC4122,
            py.RESERVED_MICROSOFT: uuid.Microsoft, py.RESERVED_FUTURE: uuid.Future}

@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=16, max_size=16))
def bytes_and_text_agree_with_python(b: bytes) -> None:
    ref, u = py.UUID(bytes=b), uuid.UUID(b)
    assert str(u) == str(ref) and u.urn() == ref.urn and bytes(u) == ref.bytes
    assert uuid.parse(str(ref)) == u == uuid.parse(ref.hex) == uuid.parse(ref.urn)
    assert u.variant() is VARIANTS[ref.variant]
    assert u.version().value == b[6] >> 4
    if ref.variant == py.RFC_4122:
        assert u.version().value == ref.version

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["DNS", "URL", "OID", "X500"]))
def name_based_uuids_agree_with_python(name: str, space: str) -> None:
    ns = getattr(uuid, "get_name_space_" + space.lower())()
    pns = getattr(py, "NAMESPACE_" + space)
    assert str(uuid.new_sha1(ns, name.encode())) == str(py.uuid5(pns, name))
    assert str(uuid.new_md5(ns, name.encode())) == str(py.uuid3(pns, name))

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=45))
def parse_rejects_what_python_rejects(s: str) -> None:
    try:
        ref = py.UUID(s)
    except ValueError:
        ref = None
    try:
        got = uuid.parse(s)
    except uuid.GoError:
        got = None
    if got is not None and s.isascii():                  # Go accepts a subset of Python's forms
        assert ref is not None and str(got) == str(ref), s

bytes_and_text_agree_with_python()
name_based_uuids_agree_with_python()
parse_rejects_what_python_rejects()
"""


def test_uuid_readme_uses(uuid_dir: Path) -> None:
    _check(UUID_README, uuid_dir)


def test_uuid_agrees_with_python_uuid(uuid_dir: Path) -> None:
    _check(UUID_HYPOTHESIS, uuid_dir)


def test_uuid_stub(uuid_dir: Path) -> None:
    _stubtest("go_uuid", uuid_dir)
    _mypy_strict("go_uuid", uuid_dir, """
        import go_uuid as uuid
        u: uuid.UUID = uuid.new()
        s: str = str(uuid.parse(str(u)))
        b: bytes = bytes(u)
        ids = uuid.UUIDs([u, b])
        names: list[str] = ids.strings()
        v: uuid.Variant = u.variant()
        sha: uuid.UUID = uuid.new_sha1(uuid.get_name_space_dns(), b"python.org")
    """)


# --- github.com/Masterminds/semver/v3 ----------------------------------------------------

SEMVER_README = """
import copy, json, pickle
import semver

v = semver.new_version("1.2.3-beta.1+build.345")        # NewVersion
assert v is not None
assert (v.major(), v.minor(), v.patch(), v.prerelease(), v.metadata()) == (1, 2, 3, "beta.1", "build.345")
assert str(v) == v.original() == "1.2.3-beta.1+build.345" and repr(v) == "<semver.Version 1.2.3-beta.1+build.345>"
w = semver.new_version("v1.2")                           # coerced, the v kept in Original
assert str(w) == "1.2.0" and w.original() == "v1.2"

a, b = semver.must_parse("1.2.3"), semver.must_parse("1.10.0")
assert a < b and a <= b and b > a and b >= a and a != b            # Compare / LessThan
assert a == semver.must_parse("1.2.3+other") and a.equal(semver.must_parse("1.2.3+other"))
assert a.compare(b) == -1 and a.less_than(b) and b.greater_than(a)
assert semver.must_parse("1.0.0-alpha") < semver.must_parse("1.0.0-alpha.1") < semver.must_parse("1.0.0")

for text, sentinel in (("not a version", semver.ErrInvalidSemVer), ("", semver.ErrInvalidSemVer)):
    try:
        semver.new_version(text)
    except sentinel as e:                                # sentinel errors are exception classes
        assert isinstance(e, semver.GoError) and str(e) == "Invalid Semantic Version"
    else:
        raise AssertionError(text)
for text, sentinel in (("", semver.ErrEmptyString), ("1.2", semver.ErrInvalidSemVer),
                       ("01.2.3", semver.ErrSegmentStartsZero), ("1.2.3-", semver.ErrInvalidPrerelease),
                       ("1.2.x", semver.ErrInvalidCharacters), ("1.2.3+a..b", semver.ErrInvalidMetadata)):
    try:
        semver.strict_new_version(text)
    except sentinel:
        pass
    else:
        raise AssertionError(text)
try:
    semver.must_parse("x")
except semver.GoPanic as e:
    assert "Invalid Semantic Version" in str(e)

raw = ["1.2.3", "1.0", "1.3", "2.0.0", "0.4.2", "1.2.3-alpha"]
vs = [semver.must_parse(r) for r in raw]
order = ["0.4.2", "1.0.0", "1.2.3-alpha", "1.2.3", "1.3.0", "2.0.0"]
assert [str(x) for x in sorted(vs)] == order and str(max(vs)) == "2.0.0"
col = semver.Collection(vs)                              # sort.Sort(semver.Collection(vs))
col.sort()
assert [str(x) for x in col] == order and [x.original() for x in vs] == raw   # the list untouched
col.sort(reverse=True)
assert [str(x) for x in col] == order[::-1] and len(col) == 6 and col.less(1, 0)

c = semver.new_constraint(">= 1.2, < 2.0")               # NewConstraint + Check
assert c is not None and c.check(a) and not c.check(semver.must_parse("2.1.0"))
assert str(c) == ">=1.2 <2.0" and repr(c) == "<semver.Constraints >=1.2 <2.0>"
ok, errs = c.validate(semver.must_parse("2.1.0"))        # Validate: (bool, []error)
assert not ok and [str(e) for e in errs] == ["2.1.0 is greater than or equal to 2.0"]
assert all(isinstance(e, semver.GoError) for e in errs)
assert c.validate(a) == (True, [])
for text, yes, no in (("^1.2.3", "1.9.0", "2.0.0"), ("~1.2.3", "1.2.9", "1.3.0"), ("1.2 - 1.4.5", "1.3", "1.5"),
                      ("1.x", "1.7.0", "2.0.0"), (">1 || <0.5", "2.0.0", "0.7.0"), ("!=1.2.3", "1.2.4", "1.2.3")):
    con = semver.new_constraint(text)
    assert con is not None and con.check(semver.must_parse(yes)) and not con.check(semver.must_parse(no)), text
try:
    semver.new_constraint("!! nope")
except semver.GoError as e:
    assert str(e) == "improper constraint: !! nope"

assert str(a.inc_patch()) == "1.2.4" and str(a.inc_minor()) == "1.3.0" and str(a.inc_major()) == "2.0.0"
assert str(a.set_prerelease("rc.1")) == "1.2.3-rc.1" and str(a.set_metadata("m")) == "1.2.3+m"
assert type(a.inc_patch()) is semver.Version
try:
    a.set_prerelease("bad..x")
except semver.ErrInvalidPrerelease:
    pass
assert str(semver.new(1, 2, 3, "pre", "meta")) == "1.2.3-pre+meta"

assert a.marshal_json() == b'"1.2.3"' and a.marshal_text() == b"1.2.3" and a.value() == "1.2.3"
x = semver.Version()
x.unmarshal_json(b'"3.4.5"')
assert str(x) == "3.4.5"
x.scan("v4.5.6")
assert str(x) == "4.5.6" and x.original() == "v4.5.6"
c2 = semver.Constraints()
c2.unmarshal_text(b"~2.1")
assert c2.check(semver.must_parse("2.1.7")) and c2.marshal_text() == b"~2.1"

assert copy.copy(v) == v and copy.deepcopy(v) == v
p = pickle.loads(pickle.dumps(v))                        # through MarshalText/UnmarshalText
assert p == v and str(p) == str(v) and p.metadata() == "build.345"
try:
    hash(v)
except TypeError:
    pass
else:
    raise AssertionError("Version is hashable")
"""

SEMVER_HYPOTHESIS = """
from hypothesis import given, settings, strategies as st
import semver

ident = st.from_regex(r"\\A(0|[1-9][0-9]{0,3}|[a-zA-Z][a-zA-Z0-9-]{0,5})\\Z")
versions = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6),
                     st.lists(ident, max_size=3), st.lists(ident, max_size=2))

def text(v):
    s = f"{v[0]}.{v[1]}.{v[2]}"
    return s + ("-" + ".".join(v[3]) if v[3] else "") + ("+" + ".".join(v[4]) if v[4] else "")

def key(v):
    # SemVer 2.0.0 precedence: numeric identifiers below alphanumeric ones, a release above
    # its pre-releases, build metadata ignored.
    pre = [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in v[3]]
    return (v[0], v[1], v[2], 1 if not v[3] else 0, pre)

@settings(max_examples=300, deadline=None)
@given(versions, versions)
def compare_is_semver_precedence(x, y) -> None:
    a, b = semver.strict_new_version(text(x)), semver.strict_new_version(text(y))
    assert str(a) == text(x) and a.prerelease() == ".".join(x[3])
    want = (key(x) > key(y)) - (key(x) < key(y))
    assert a.compare(b) == want and (a < b) == (want < 0) and (a == b) == (want == 0)

@settings(max_examples=100, deadline=None)
@given(st.lists(versions, max_size=12))
def sorting_matches_the_model(vs) -> None:
    got = [str(v) for v in sorted(semver.must_parse(text(v)) for v in vs)]
    assert [text(v).split("+")[0] for v in sorted(vs, key=key)] == [g.split("+")[0] for g in got]
    col = semver.Collection([semver.must_parse(text(v)) for v in vs])
    col.sort()
    assert [str(v).split("+")[0] for v in col] == [g.split("+")[0] for g in got]

compare_is_semver_precedence()
sorting_matches_the_model()
"""


def test_semver_readme_uses(semver_dir: Path) -> None:
    _check(SEMVER_README, semver_dir)


def test_semver_ordering_is_semver_precedence(semver_dir: Path) -> None:
    _check(SEMVER_HYPOTHESIS, semver_dir)


def test_semver_stub(semver_dir: Path) -> None:
    _stubtest("semver", semver_dir)
    _mypy_strict("semver", semver_dir, """
        import semver
        v = semver.must_parse("1.2.3")
        assert v is not None
        major: int = v.major()
        newer: bool = v < semver.Version()
        c = semver.new_constraint(">= 1.0")
        assert c is not None
        ok: bool = c.check(v)
        valid, errs = c.validate(v)
        col = semver.Collection([v])
        col.sort(reverse=True)
        try:
            semver.new_version("x")
        except semver.ErrInvalidSemVer as e:
            msg: str = str(e)
    """)


# --- github.com/hashicorp/go-version ------------------------------------------------------

GOVERSION_README = """
import copy, pickle
import version

v1 = version.new_version("1.2")                          # README: parsing and comparison
v2 = version.new_version("1.5+metadata")
assert v1 is not None and v2 is not None
assert v1 < v2 and v1.less_than(v2) and v2.greater_than(v1) and v1 != v2
assert str(v1) == "1.2.0" and v1.original() == "1.2" and str(v2) == "1.5.0+metadata"
assert v1 == version.new_version("1.2.0") and v1.equal(version.new_version("v1.2"))
assert v1.segments() == [1, 2, 0] and v1.segments64() == [1, 2, 0] and v2.metadata() == "metadata"
assert version.must(version.new_version("1.4-beta.2"), None).prerelease() == "beta.2"
core = version.new_version("1.4.0-beta+x").core()
assert core is not None and str(core) == "1.4.0"
assert version.new_version("1.2.3.4").segments() == [1, 2, 3, 4]

c = version.new_constraint(">= 1.0, < 1.4")              # README: constraints
assert c.check(v1) and not c.check(v2) and str(c) == ">= 1.0, < 1.4"
assert len(c) == 2 and type(c[0]) is version.Constraint and str(c[1]) == " < 1.4" and c[0].check(v1)
assert c == version.new_constraint(">= 1.0, < 1.4")      # Equals: == on the elements
assert c != version.new_constraint(">= 1.0")
assert c.equals(version.new_constraint("< 1.4,>= 1.0"))  # Go's Equals sorts first
assert version.new_constraint("~> 1.2").check(version.new_version("1.9"))
assert not version.new_constraint("~> 1.2.0").check(version.new_version("1.3"))
assert not version.new_constraint(">= 1.0").check(version.new_version("1.5-beta"))
assert version.must_constraints(version.new_constraint("!= 2"), None).check(v1)

raw = ["1.1", "0.7.1", "1.4-beta", "1.4", "2"]           # README: sorting
versions = [version.new_version(r) for r in raw]
assert [str(v) for v in sorted(versions)] == ["0.7.1", "1.1.0", "1.4.0-beta", "1.4.0", "2.0.0"]
col = version.Collection(versions)
col.sort()                                               # sort.Sort(version.Collection(versions))
assert [v.original() for v in col] == ["0.7.1", "1.1", "1.4-beta", "1.4", "2"]

for bad, text in (("abc", "malformed version: abc"), ("1..2", "malformed version: 1..2")):
    try:
        version.new_version(bad)
    except version.GoError as e:
        assert str(e) == text and e.go_type == "*errors.errorString"
    else:
        raise AssertionError(bad)
try:
    version.new_constraint("~~ 1")
except version.GoError as e:
    assert str(e) == "malformed constraint: ~~ 1"
try:
    version.must(None, version.GoError("boom"))
except version.GoPanic as e:
    assert "boom" in str(e)

x = version.Version()
assert repr(x) == "<version.Version>" and str(x) == ""  # the zero Version: String() is empty
x.unmarshal_text(b"3.1")
assert str(x) == "3.1.0" and x.marshal_text() == b"3.1.0" and x.value() == "3.1.0"
x.scan("4.0")
assert str(x) == "4.0.0"
try:
    x.scan(5)
except version.GoError as e:
    assert "cannot scan int64 as Version" in str(e)
assert copy.copy(v2) == v2 and copy.deepcopy(v2) == v2
p = pickle.loads(pickle.dumps(v2))
assert p == v2 and p.metadata() == "metadata"
try:
    pickle.dumps(c[0])                                   # unexported state, no Marshal methods
except TypeError as e:
    assert "Constraint.f is unexported" in str(e)
else:
    raise AssertionError("Constraint pickled")
"""

GOVERSION_HYPOTHESIS = """
from hypothesis import given, settings, strategies as st
from packaging.version import Version as PyVersion
import version

releases = st.lists(st.integers(0, 10**9), min_size=1, max_size=5).map(lambda xs: ".".join(map(str, xs)))

@settings(max_examples=300, deadline=None)
@given(releases, releases)
def release_versions_order_as_packaging(a: str, b: str) -> None:
    x, y = version.new_version(a), version.new_version(b)
    pa, pb = PyVersion(a), PyVersion(b)       # PEP 440 release segments: zero-padded, numeric
    assert (x < y) == (pa < pb) and (x == y) == (pa == pb) and (x > y) == (pa > pb)
    assert x.segments64()[:len(pa.release)] == list(pa.release)

@settings(max_examples=100, deadline=None)
@given(st.lists(releases, max_size=10))
def collection_sorts_as_packaging(raw: list[str]) -> None:
    col = version.Collection([version.new_version(r) for r in raw])
    col.sort()
    assert [PyVersion(v.original()) for v in col] == sorted(PyVersion(r) for r in raw)

release_versions_order_as_packaging()
collection_sorts_as_packaging()
"""


def test_goversion_readme_uses(goversion_dir: Path) -> None:
    _check(GOVERSION_README, goversion_dir)


def test_goversion_ordering_agrees_with_packaging(goversion_dir: Path) -> None:
    _check(GOVERSION_HYPOTHESIS, goversion_dir)


def test_goversion_stub(goversion_dir: Path) -> None:
    _stubtest("version", goversion_dir)
    _mypy_strict("version", goversion_dir, """
        import version
        v = version.new_version("1.2")
        assert v is not None
        segs: list[int] = v.segments()
        c: version.Constraints = version.new_constraint(">= 1.0")
        ok: bool = c.check(v)
        col = version.Collection([v])
        col.sort()
        first = col[0]
    """)


@pytest.mark.parametrize("lib", ["uuid", "semver", "goversion"])
def test_published_values_agree_with_stub(lib: str, request: pytest.FixtureRequest) -> None:
    """Results of zero-argument functions and zero-value fields are what the stubs say
    (tests/e2e/stub_agreement.py). ``enable_rand_pool`` / ``disable_rand_pool`` change state
    the other calls read; they are not called."""
    from tests.e2e.stub_agreement import assert_agrees

    path: Path = request.getfixturevalue(f"{lib}_dir")
    module = {"uuid": "go_uuid", "semver": "semver", "goversion": "version"}[lib]
    assert_agrees(path, module, ("enable_rand_pool", "disable_rand_pool"))
