"""End to end: published, dependency-free Go libraries, bound as a new Python user would
(issue 9). ``tests/e2e/published/`` holds re-creations of their public API as their authors
wrote it (same module paths, names, receivers and idioms; simpler bodies): shopspring/decimal,
dustin/go-humanize, agnivade/levenshtein, BurntSushi/toml and yuin/goldmark. Each is built once
(``bindc build``) and its README-level uses are checked from Python, against Python's own
``decimal`` and a dynamic-programming edit distance with hypothesis, and its stub with stubtest.
What works and what is left is recorded in docs/published.md."""

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


def _build(out: Path, name: str, module: str | None = None) -> Path:
    built = build_extension(str(PUBLISHED / name), out, module=module, cwd=PUBLISHED / name)
    assert not built.result.sink.has_errors, built.result.sink.render_all()
    return out


def _summary(out: Path, name: str, module: str | None = None) -> str:
    built = build_extension(str(PUBLISHED / name), out, module=module, cwd=PUBLISHED / name)
    assert built.summary  # also when an e2e build of the same package made it up to date
    return built.summary


@pytest.fixture(scope="module")
def decimal_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # "decimal" would shadow Python's decimal module (bindc warns): the user picks --module.
    return _build(tmp_path_factory.mktemp("decimal"), "decimal", "go_decimal")


@pytest.fixture(scope="module")
def humanize_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("humanize"), "humanize")


@pytest.fixture(scope="module")
def levenshtein_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("levenshtein"), "levenshtein")


@pytest.fixture(scope="module")
def toml_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("toml"), "toml")


@pytest.fixture(scope="module")
def goldmark_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("goldmark"), "goldmark")


def _check(path: Path, code: str) -> None:
    proc = run_python(textwrap.dedent(code) + "\nprint('published: ok')\n", path=path, timeout=300)
    assert "published: ok" in proc.stdout


def _stubtest(path: Path, module: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(path), MYPYPATH=str(path))
    proc = run([sys.executable, "-m", "mypy.stubtest", module], env=env, cwd=path, check=False)
    assert "Success" in proc.stdout, proc.stdout
    proc = run([sys.executable, "-m", "mypy", "--strict", str(path / f"{module}.pyi")], env=env, cwd=path, check=False)
    assert proc.returncode == 0, proc.stdout


# ---- shopspring/decimal ---------------------------------------------------------------------

DECIMAL_README = """
import copy, json, pickle
import go_decimal as decimal

price = decimal.new_from_string("136.02")
quantity = decimal.new_from_int(3)
fee = decimal.new_from_float(0.035)
tax_rate = decimal.new_from_string(".08875")
subtotal = price.mul(quantity)
pre_tax = subtotal.mul(fee.add(decimal.new_from_float(1)))
total = pre_tax.mul(tax_rate.add(decimal.new_from_float(1)))
assert str(subtotal) == "408.06" and str(pre_tax) == "422.3421" and str(total) == "459.824961375"
assert str(total.string_fixed(2)) == "459.82" and str(total.round(2)) == "459.82"
assert str(decimal.new(-12345, -3)) == "-12.345"
assert str(decimal.new_from_float(.00000000000000001)) == "0.00000000000000001"
# == from Equal, < from Cmp: a struct holding a *big.Int compares values, not pointers
a, b = decimal.new_from_string("1.1"), decimal.require_from_string("2.2")
assert a.add(b) == decimal.new_from_string("3.3") and a.add(b) != decimal.new_from_string("3.30001")
assert decimal.new_from_string("1.10") == a                      # equal values, other exponents
assert a < b and b > a and a <= a and sorted([b, a, decimal.new_from_int(-1)])[0] == decimal.new_from_int(-1)
assert max([a, b]) is not None and str(max([a, b])) == "2.2"
assert repr(a) == "<go_decimal.Decimal 1.1>" and f"{a}" == "1.1"
assert str(decimal.Decimal()) == "0" and decimal.Decimal().is_zero() and decimal.get_zero() == decimal.Decimal()
# division precision is a package variable
assert str(decimal.new_from_int(2).div(decimal.new_from_int(3))) == "0.6666666666666667"
decimal.set_division_precision(3)
assert str(decimal.new_from_int(2).div(decimal.new_from_int(3))) == "0.667"
decimal.set_division_precision(16)
# variadic helpers, two results, *big.Int and *big.Rat results
assert str(decimal.sum(a, b, b)) == "5.5" and str(decimal.avg(a, b)) == "1.65"
assert decimal.max(a, b) == b and decimal.min(a) == a
assert a.float64() == (1.1, False) and a.int_part() == 1 and a.big_int() == 1
from fractions import Fraction
assert a.rat() == Fraction(11, 10) and a.coefficient() == 11 and a.exponent() == -1
assert decimal.new_from_big_int(10**30, -2) == decimal.new_from_string("1e28")
# JSON and text: marshal, and unmarshal into an instance in place
assert a.marshal_json() == b'"1.1"' and a.marshal_text() == b"1.1"
assert json.loads(a.marshal_json()) == "1.1"
x = decimal.Decimal()
x.unmarshal_json(b'"12.50"')
assert x == decimal.new_from_string("12.5") and str(x) == "12.5"
decimal.set_marshal_json_without_quotes(True)
assert json.loads(x.marshal_json()) == 12.5
decimal.set_marshal_json_without_quotes(False)
n = decimal.new_null_decimal(a)
assert n.valid and n.decimal == a and n.marshal_json() == b'"1.1"'
assert pickle.loads(pickle.dumps(a)) == a and copy.deepcopy(a) == a     # through MarshalBinary
# errors: a returned error raises GoError, a panic (Require..., division by zero) GoPanic
try:
    decimal.new_from_string("abc")
except decimal.GoError as e:
    assert str(e) == "can't convert abc to decimal"
else:
    raise AssertionError("no GoError")
for bad in (lambda: decimal.require_from_string("1.2.3"), lambda: a.div(decimal.Decimal())):
    try:
        bad()
    except decimal.GoPanic as e:
        assert "decimal" in str(e)
    else:
        raise AssertionError("no GoPanic")
"""

DECIMAL_HYPOTHESIS = """
import decimal as pydec
from hypothesis import given, settings, strategies as st
import go_decimal as gd

pydec.getcontext().prec = 200
nums = st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12, places=6)

def go(d):
    return gd.new_from_string(str(d))

def same(g, p):
    assert pydec.Decimal(str(g)) == p, (str(g), p)

@settings(max_examples=300, deadline=None)
@given(nums, nums)
def check(x, y):
    gx, gy = go(x), go(y)
    same(gx.add(gy), x + y)
    same(gx.sub(gy), x - y)
    same(gx.mul(gy), x * y)
    same(gx.neg(), -x)
    same(gx.abs(), abs(x))
    assert gx.cmp(gy) == (x > y) - (x < y)
    assert (gx == gy) == (x == y) and (gx < gy) == (x < y) and (gx >= gy) == (x >= y)
    assert gx.sign() == (x > 0) - (x < 0) and gx.is_zero() == (x == 0)
    same(gx.truncate(2), x.quantize(pydec.Decimal("0.01"), rounding=pydec.ROUND_DOWN))
    same(gx.round(2), x.quantize(pydec.Decimal("0.01"), rounding=pydec.ROUND_HALF_UP))
    fixed = gx.string_fixed(3)
    assert fixed.partition(".")[2].__len__() == 3, fixed
    same(fixed, x.quantize(pydec.Decimal("0.001"), rounding=pydec.ROUND_HALF_UP))
    assert gx.int_part() == int(x)
    if y != 0:
        q = (x / y).quantize(pydec.Decimal(1).scaleb(-16), rounding=pydec.ROUND_HALF_UP)
        same(gx.div(gy), q)
    assert sorted([gx, gy]) == [go(v) for v in sorted([x, y])]

check()
"""


def test_decimal_readme(decimal_dir: Path) -> None:
    _check(decimal_dir, DECIMAL_README)


def test_decimal_matches_python_decimal(decimal_dir: Path) -> None:
    _check(decimal_dir, DECIMAL_HYPOTHESIS)


def test_decimal_stub(decimal_dir: Path) -> None:
    _stubtest(decimal_dir, "go_decimal")
    stub = (decimal_dir / "go_decimal.pyi").read_text()
    assert "class Decimal:" in stub  # not Decimal_: the stub imports decimal.Decimal under an alias


# ---- dustin/go-humanize ---------------------------------------------------------------------

HUMANIZE_README = """
import datetime as dt
import humanize as h

assert h.bytes_(82854982) == "83 MB" and h.i_bytes(82854982) == "79 MiB"
assert h.parse_bytes("42 MB") == 42000000 and h.parse_bytes("42 mib") == 44040192
assert h.comma(834142) == "834,142" and h.comma(-1234567890) == "-1,234,567,890"
assert h.commaf(834142.32) == "834,142.32" and h.commaf_with_digits(834142.32, 1) == "834,142.3"
assert h.big_comma(10**30) == "1," + ",".join(["000"] * 10)
assert [h.ordinal(i) for i in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)] == [
    "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th"]
now = dt.datetime.now(dt.timezone.utc)
assert h.time(now - dt.timedelta(days=3, minutes=1)) == "3 days ago"
assert h.time(now + dt.timedelta(hours=2, minutes=1)) == "2 hours from now"
assert h.time(dt.datetime.now() - dt.timedelta(minutes=5, seconds=1)) == "5 minutes ago"   # naive: local time
assert h.rel_time(now, now + dt.timedelta(weeks=3), "earlier", "later") == "3 weeks earlier"
assert h.si(0.00000000223, "M") == "2.23 nM" and h.si(1000000, "B") == "1 MB"
assert h.si_with_digits(2.2345e-12, 2, "F") == "2.23 pF"
value, unit = h.parse_si("2.2345 pF")
assert abs(value - 2.2345e-12) < 1e-24 and unit == "F"
assert h.format_float("#,###.##", 1234567.891) == "1,234,567.89"
assert h.format_float("#.###,######", 12345.6789) == "12.345,678900"
assert h.format_integer("#,###.", 1234567) == "1,234,567"
assert h.ftoa(2.24) == "2.24" and h.ftoa(2.0) == "2" and h.ftoa_with_digits(2.245, 2) == "2.24"
assert h.plural(2, "bus", "") == "2 buses" and h.plural_word(1, "object", "") == "object"
assert h.oxford_word_series(["a", "b", "c"], "or") == "a, b, or c"
assert (h.KByte, h.MiByte, h.EiByte) == (1000, 1 << 20, 1 << 60)
assert h.get_big_ki_byte() == 1024 and h.get_big_m_byte() == 10**6   # var X = (&big.Int{}).Mul(...)
assert h.big_bytes(10**21) == "1000 EB" and h.parse_big_bytes("42 MB") == 42000000
m = h.RelTimeMagnitude(d=dt.timedelta(days=1), format="%d seconds %s", div_by=dt.timedelta(seconds=1))
assert h.custom_rel_time(now, now + dt.timedelta(hours=1), "ago", "later",
                         [m, h.RelTimeMagnitude(d=10**18, format="long %s", div_by=1)]) == "3600 seconds ago"
for bad, text in ((lambda: h.parse_bytes("12 zz"), "unhandled size name: zz"),
                  (lambda: h.parse_si("zz"), "invalid input")):
    try:
        bad()
    except h.GoError as e:
        assert str(e) == text, e
    else:
        raise AssertionError("no GoError")
try:
    h.format_float("x#.##", 1.0)
except h.GoPanic as e:
    assert "invalid positive sign directive" in str(e)
else:
    raise AssertionError("no GoPanic")
"""


def test_humanize_readme(humanize_dir: Path) -> None:
    _check(humanize_dir, HUMANIZE_README)


def test_humanize_binds_everything(tmp_path: Path) -> None:
    assert _summary(tmp_path, "humanize").startswith("bound 51 of 51 exported declarations")


def test_humanize_stub(humanize_dir: Path) -> None:
    _stubtest(humanize_dir, "humanize")


# ---- agnivade/levenshtein -------------------------------------------------------------------

LEVENSHTEIN = """
from hypothesis import given, settings, strategies as st
from levenshtein import compute_distance

def dp(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

assert compute_distance("kitten", "sitting") == 3 and compute_distance("", "héllo") == 5
assert compute_distance("🙂a", "a") == 1            # runes, not bytes

@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def check(a, b):
    assert compute_distance(a, b) == dp(a, b) == compute_distance(b, a)

check()
"""


def test_levenshtein_matches_dynamic_programming(levenshtein_dir: Path) -> None:
    _check(levenshtein_dir, LEVENSHTEIN)


def test_levenshtein_stub(levenshtein_dir: Path) -> None:
    _stubtest(levenshtein_dir, "levenshtein")


# ---- BurntSushi/toml ------------------------------------------------------------------------

TOML_README = """
import datetime as dt, io
import toml

doc = '''
# This is a TOML document.
title = "TOML Example"

[owner]
name = "Tom Preston-Werner"
dob = 1979-05-27T07:32:00-08:00

[database]
server = "192.168.1.1"
ports = [ 8000, 8001, 8002 ]
connection_max = 5000
enabled = true
ratio = 0.5

[servers.alpha]
ip = "10.0.0.1"

[[products]]
name = "Hammer"
sku = 738594937

[[products]]
name = "Nail"
'''
conf = {}
md = toml.decode(doc, conf)                     # Decode(data string, v any): the dict is filled
pst = dt.timezone(dt.timedelta(hours=-8))
assert conf == {
    "title": "TOML Example",
    "owner": {"name": "Tom Preston-Werner", "dob": dt.datetime(1979, 5, 27, 7, 32, tzinfo=pst)},
    "database": {"server": "192.168.1.1", "ports": [8000, 8001, 8002], "connection_max": 5000,
                 "enabled": True, "ratio": 0.5},
    "servers": {"alpha": {"ip": "10.0.0.1"}},
    "products": [{"name": "Hammer", "sku": 738594937}, {"name": "Nail"}],
}, conf
# MetaData: methods on the value Decode returned, []Key results as Key instances
assert md.is_defined("owner", "name") and not md.is_defined("owner", "age")
assert md.type_("database", "ports") == "Array" and md.type_("owner") == "Hash"
keys = md.keys()
assert all(type(k) is toml.Key for k in keys) and str(keys[0]) == "title"
assert [str(k) for k in keys][:4] == ["title", "owner", "owner.name", "owner.dob"]
assert keys[2] == ["owner", "name"] and keys[2].last() == "name" and keys[2].parent() == ["owner"]
assert md.undecoded() == []                      # a dict takes everything
# into a bound struct: case-insensitive keys, the rest reported undecoded
pos = toml.Position()
md = toml.decode("line = 3\\nStart = 4\\nextra = 'x'\\n", pos)
assert (pos.line, pos.start, pos.len) == (3, 4, 0)
assert [str(k) for k in md.undecoded()] == ["extra"]
# Unmarshal([]byte, any) and a Decoder reading a binary file object
d = {"old": 1}
toml.unmarshal(b"a = 1\\n[t]\\nb = 'x'", d)
assert d == {"old": 1, "a": 1, "t": {"b": "x"}}
d = {}
toml.new_decoder(io.BytesIO(b"a = [1, 'x', 2.5, true]\\nb.c = 2\\n")).decode(d)
assert d == {"a": [1, "x", 2.5, True], "b": {"c": 2}}
# encode to io.BytesIO: datetimes, big ints and timedeltas inside the dict are Go values
buf = io.BytesIO()
enc = toml.new_encoder(buf)
assert enc.indent == "  "
enc.encode({"a": 1, "b": {"c": "x", "d": [1, 2]}, "when": dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
            "big": 10**20, "wait": dt.timedelta(seconds=90)})
assert buf.getvalue() == (b'a = 1\\nbig = "100000000000000000000"\\nwait = "1m30s"\\nwhen = 2020-01-01T00:00:00Z\\n\\n'
                          b'[b]\\n  c = "x"\\n  d = [1, 2]\\n'), buf.getvalue()
back = {}
toml.decode(buf.getvalue().decode(), back)
assert back["b"] == {"c": "x", "d": [1, 2]} and back["when"] == dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
assert toml.marshal(toml.Position(line=1, start=2, len=3)) == b"Line = 1\\nStart = 2\\nLen = 3\\n"
# PrimitiveDecode(prim, v): a decoder by its name, so v is an out-parameter (a dict to fill)
d = {}
toml.primitive_decode(toml.Primitive(), d)       # a zero Primitive decodes nothing
assert d == {}
try:
    toml.primitive_decode(toml.Primitive(), 5)
except TypeError as e:
    assert "must be a dict, a list or an instance of a Go type for Go to fill, not int" in str(e), e
else:
    raise AssertionError("no TypeError")
# parse errors: ParseError (a value type with Error()) is an exception class with its fields
try:
    toml.decode("a = 1\\nb = = 2\\n", {})
except toml.ParseError as e:
    assert isinstance(e, toml.GoError)
    assert str(e) == "toml: line 2 (last key \\"b\\"): expected a value, found '='", str(e)
    assert e.position == toml.Position(line=2, start=10, len=1) and e.last_key == "b" and e.line == 2
    assert e.error_with_position().splitlines()[-1].strip() == "^"
else:
    raise AssertionError("no ParseError")
for bad, exc, text in ((lambda: toml.decode("x = 1", 5), TypeError,
                        "decode() argument 2 must be a dict, a list or an instance of a Go type for Go to fill, not int"),
                       (lambda: toml.decode("x = 1", []), toml.GoError, "toml: cannot decode to type []interface {}"),
                       (lambda: toml.new_encoder(io.BytesIO()).encode([1]), toml.GoError,
                        "toml: top-level values must be Go maps or structs")):
    try:
        bad()
    except exc as e:
        assert str(e) == text, e
    else:
        raise AssertionError(text)
"""


def test_toml_readme(toml_dir: Path) -> None:
    _check(toml_dir, TOML_README)


def test_toml_summary_names_what_is_left(tmp_path: Path) -> None:
    line = _summary(tmp_path, "toml")
    assert line.startswith("bound 27 of 32 exported declarations; skipped 5: 4 unused interface, 1 fs.FS"), line


def test_toml_stub(toml_dir: Path) -> None:
    _stubtest(toml_dir, "toml")


# ---- yuin/goldmark --------------------------------------------------------------------------

GOLDMARK = """
import io
import goldmark

src = b"# Title\\n\\nSome *emphasis* and **strong**\\ntext with `code`.\\n\\n- one\\n- two\\n"
buf = io.BytesIO()
goldmark.convert(src, buf)                       # Convert(source []byte, w io.Writer, opts ...parser.ParseOption)
assert buf.getvalue() == (b"<h1>Title</h1>\\n<p>Some <em>emphasis</em> and <strong>strong</strong>\\n"
                          b"text with <code>code</code>.</p>\\n<ul>\\n<li>one</li>\\n<li>two</li>\\n</ul>\\n"), buf.getvalue()
# New returns the Markdown interface around an unexported *markdown: a GoMarkdown instance
md = goldmark.new(goldmark.with_parser_options(), goldmark.with_renderer_options())
assert type(md).__name__ == "GoMarkdown"
out = io.BytesIO()
md.convert(src, out)
assert out.getvalue() == buf.getvalue()
# Parser()/Renderer() hand out another package's interfaces (GoParser, GoRenderer): they go back
# to Go unchanged, into another Markdown
p, r = md.parser(), md.renderer()
assert (type(p).__name__, type(r).__name__) == ("GoParser", "GoRenderer")
md2 = goldmark.new(goldmark.with_parser(p), goldmark.with_renderer(r))
out2 = io.BytesIO()
md2.convert(src, out2)
assert out2.getvalue() == buf.getvalue()
md2.set_parser(goldmark.default_parser())
# functional options, also of other packages' option interfaces, pass through as opaque values
opts = [goldmark.with_parser_options(), goldmark.with_renderer_options(), goldmark.with_extensions()]
assert all(o is not None for o in opts)
try:
    goldmark.with_parser_options(3)
except TypeError as e:
    assert "with_parser_options() argument 1 must be a Go parser.Option made by this module, not int" in str(e), e
else:
    raise AssertionError("no TypeError")
"""


def test_goldmark_convert(goldmark_dir: Path) -> None:
    _check(goldmark_dir, GOLDMARK)


def test_goldmark_summary_names_what_is_left(tmp_path: Path) -> None:
    line = _summary(tmp_path, "goldmark")
    # Markdown.Parser() / Renderer() hand out parser.Parser and renderer.Renderer values (classes
    # GoParser, GoRenderer, with the methods whose types cross), which SetParser/SetRenderer take back.
    assert line == ("bound 12 of 12 exported declarations; plus 2 classes of other packages (2 of 4 methods)"), line


def test_goldmark_stub(goldmark_dir: Path) -> None:
    _stubtest(goldmark_dir, "goldmark")
