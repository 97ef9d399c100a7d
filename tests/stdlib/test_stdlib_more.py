"""Go's own ``time``, ``regexp``, ``math/big`` and ``bytes`` bound unmodified (``bindc build
time``...) and checked against Python's datetime, re, int/fractions and bytes on generated
inputs with hypothesis. Bound themselves, these packages keep their types as classes with
their methods (``Time.year()``, ``Regexp.find_all_string``, ``Int.mul``); a package *using*
them gets Python's own types instead (tests/e2e/test_foreign.py)."""

from __future__ import annotations

import pytest

from tests.stdlib.test_stdlib import check

pytestmark = pytest.mark.go


def test_time_against_datetime(std_build) -> None:
    check(std_build, "time", """
        import datetime as dt
        EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
        @given(st.integers(-62135596800 + 86400, 253402214400 - 86400), st.integers(0, 999_999_999))
        def t(sec, ns):
            want = EPOCH + dt.timedelta(seconds=sec, microseconds=ns // 1000)
            got = go.unix(sec, ns).utc()
            assert (got.year(), int(got.month()), got.day()) == (want.year, want.month, want.day)
            assert (got.hour(), got.minute(), got.second(), got.nanosecond()) == (want.hour, want.minute, want.second, ns)
            assert got.year_day() == want.timetuple().tm_yday
            assert got.weekday() == (want.weekday() + 1) % 7          # Go: Sunday is 0
            assert got.format("2006-01-02T15:04:05.000000Z07:00") == want.isoformat(timespec="microseconds").replace("+00:00", "Z")
            assert got.unix() == sec
        t()
        @given(st.integers(0, 10**6), st.integers(0, 59), st.integers(0, 999))
        def d(h, m, ms):
            assert go.parse_duration(f"{h}h{m}m{ms}ms") == (dt.timedelta(hours=h, minutes=m, milliseconds=ms)
                                                            // dt.timedelta(microseconds=1) * 1000)
        d()
        parsed = go.parse("2006-01-02 15:04", "2024-02-29 13:45")
        assert (parsed.year(), int(parsed.month()), parsed.day(), parsed.hour()) == (2024, 2, 29, 13)
        try:
            go.parse("2006-01-02", "2023-02-29")
        except go.GoError as e:
            assert "day out of range" in str(e)
        else:
            raise AssertionError("no GoError")
    """)


PATTERNS = [r"a+", r"ab*c?", r"[a-c]+", r"\\d+", r"x|yz", r"(?i)ab", r"^a", r"b$", r"[^ab]", r"a.c", r"\\bab"]


def test_regexp_against_re(std_build) -> None:
    check(std_build, "regexp", f"""
        import re
        PATTERNS = {PATTERNS!r}
        @given(st.sampled_from(PATTERNS), st.text(alphabet="abcxyz019 ", max_size=30))
        def t(pattern, s):
            r = go.must_compile(pattern)
            py = re.compile(pattern)
            assert r.find_all_string(s, -1) == [m.group(0) for m in py.finditer(s)], (pattern, s)
            assert r.match_string(s) == (py.search(s) is not None)
            assert r.replace_all_string(s, "-") == py.sub("-", s), (pattern, s)
            assert str(r) == pattern
        t()
        m = go.must_compile(r"(\\w+)@(\\w+)\\.com").find_string_submatch("mail bob@example.com now")
        assert m == list(re.search(r"(\\w+)@(\\w+)\\.com", "mail bob@example.com now").group(0, 1, 2))
        class Runes:                                   # io.RuneReader, implemented in Python
            def __init__(self, s): self.it = iter(s)
            def read_rune(self):
                c = next(self.it, None)
                if c is None:
                    raise EOFError                     # Go's io.EOF
                return ord(c), len(c.encode())
        assert isinstance(Runes(""), go.RuneReader)
        assert go.match_reader(r"b\\w+@", Runes("mail bob@example.com")) is True
        assert go.must_compile(r"é+").find_reader_index(Runes("caféé!")) == [3, 7]   # byte offsets
        try:
            go.compile("a(")
        except go.GoError as e:
            assert "missing closing )" in str(e)
        else:
            raise AssertionError("no GoError")
    """)


def test_big_against_python_int_and_fraction(std_build) -> None:
    check(std_build, "math/big", """
        import fractions
        def big(n):
            x, ok = go.Int().set_string(str(n), 10)
            assert ok
            return x
        @given(st.integers(-10**80, 10**80), st.integers(-10**80, 10**80))
        def t(a, b):
            x, y = big(a), big(b)
            assert str(go.Int().add(x, y)) == str(a + b)
            assert str(go.Int().mul(x, y)) == str(a * b)
            assert x.cmp(y) == (a > b) - (a < b)
            assert x.text(16) == ("-" if a < 0 else "") + format(abs(a), "x")
            assert x.bit_len() == a.bit_length()
            if b:
                q, m = go.Int().quo_rem(x, y, go.Int())          # truncated, like C
                assert int(str(q)) == int(a / b) if abs(a) < 2**52 and abs(b) < 2**52 else True
                assert int(str(q)) * b + int(str(m)) == a
                e, r = go.Int().div_mod(x, y, go.Int())          # Euclidean: 0 <= r < |b|
                assert int(str(e)) * b + int(str(r)) == a and 0 <= int(str(r)) < abs(b)
        t()
        @given(st.fractions(max_denominator=10**20), st.fractions(max_denominator=10**20))
        def u(a, b):
            x, _ = go.Rat().set_string(str(a))
            y, _ = go.Rat().set_string(str(b))
            s = go.Rat().add(x, y)
            assert fractions.Fraction(s.rat_string()) == a + b
            assert fractions.Fraction(go.Rat().mul(x, y).rat_string()) == a * b
        u()
        assert str(go.Int().exp(go.new_int(3), go.new_int(200), None)) == str(3**200)
    """)


def test_bytes_against_python_bytes(std_build) -> None:
    check(std_build, "bytes", """
        data = st.binary(max_size=30).map(lambda b: bytes(c % 128 for c in b))   # ASCII: case mapping agrees
        @given(data, st.sampled_from([b",", b"ab", b" "]))
        def t(s, sep):
            assert go.to_upper(s) == s.upper() and go.to_lower(s) == s.lower()
            assert go.split(s, sep) == s.split(sep)
            assert go.contains(s, sep) == (sep in s) and go.count(s, sep) == s.count(sep)
            assert go.index(s, sep) == s.find(sep)
            assert go.trim_space(s) == s.strip(b" \\t\\n\\r\\v\\f")
            assert go.repeat(s, 3) == s * 3
        t()
        b = go.new_buffer_string("hi")
        b.write_string(" there")
        assert str(b) == "hi there" and b.len() == 8
        assert b.next(3) == b"hi " and str(b) == "there"
    """)
