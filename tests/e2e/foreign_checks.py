"""Behaviour checks of the ``foreign`` test package (types of other packages in the API). Each
value is a script run with ``foreign`` imported as ``f``; hypothesis compares with Python's
own datetime, int, fractions and decimal arithmetic."""

PRELUDE = """
import datetime as dt, decimal, fractions
from datetime import timedelta, timezone
from hypothesis import given, settings, strategies as st
settings.register_profile("bindc", max_examples=200, deadline=None, derandomize=True, database=None)
settings.load_profile("bindc")

def raises(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert str(e) == text, (str(e), text)
    else:
        raise AssertionError(f"no {exc.__name__}: {text}")
"""

CHECKS = {
    "time_round_trip": """
        offsets = st.integers(-86399, 86399).map(lambda s: timezone(timedelta(seconds=s)))
        aware = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=offsets)
        @given(aware, st.timedeltas(min_value=timedelta(days=-3000), max_value=timedelta(days=3000)))
        def t(when, delta):
            back = f.in_utc(when)
            assert back == when and back.utcoffset() == timedelta(0) and back.tzinfo is timezone.utc
            assert f.add_duration(when, 0) == when and f.add_duration(when, 0).utcoffset() == when.utcoffset()
            try:
                expected = when + delta
            except OverflowError:
                return
            if 1 < expected.year < 9999:
                assert f.add_duration(when, delta) == expected
            if 1700 < when.year < 2200:   # Go's UnixNano overflows int64 outside 1678..2262
                assert f.unix(when) == (when - dt.datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(microseconds=1) * 1000
        t()
        # Go's layout shows the offset kept: +02:00, Z for UTC.
        when = dt.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone(timedelta(hours=2)))
        assert f.describe(when) == "2024-05-06T07:08:09.123456+02:00"
        assert f.describe(when.astimezone(timezone.utc)) == "2024-05-06T05:08:09.123456Z"
        assert f.maybe(when, True) == when and f.maybe(when, False) is None and f.maybe(None, False) is None
    """,
    "time_naive_is_local_and_rounding": """
        import time
        naive = dt.datetime(2021, 3, 4, 5, 6, 7, 8)
        # A naive datetime is local time, as datetime.timestamp() reads it.
        assert f.unix(naive) == round(naive.timestamp() * 1e6) * 1000
        back = f.add_duration(naive, 0)
        assert back.tzinfo is not None and back == naive.astimezone()
        # Go nanoseconds round to the nearest microsecond, halves to even.
        for ns, us in ((6499, 6), (6500, 6), (7500, 8), (7501, 8), (999_999_500, 0)):
            got = f.date(2020, 1, 2, 3, 4, 5, ns, 3600)
            assert got.microsecond == us, (ns, got)
            assert got.utcoffset() == timedelta(hours=1)
        assert f.date(2020, 1, 2, 3, 4, 5, 999_999_500, 0) == dt.datetime(2020, 1, 2, 3, 4, 6, tzinfo=timezone.utc)
        raises(OverflowError, "date() result: year 10000 is out of range for datetime.datetime (1..9999)",
               f.date, 9999, 12, 31, 23, 59, 59, 999_999_999, 0)
        raises(OverflowError, "date() result: year 0 is out of range for datetime.datetime (1..9999)",
               f.date, 0, 1, 1, 0, 0, 0, 0, 0)
        raises(TypeError, "describe() argument 1 must be datetime.datetime, not str", f.describe, "2020-01-01")
        raises(TypeError, "describe() argument 1 must be datetime.datetime, not datetime.date", f.describe, dt.date(2020, 1, 1))
        raises(ValueError, "describe() argument 1: a UTC offset with microseconds has no Go time.Location",
               f.describe, dt.datetime(2020, 1, 1, tzinfo=timezone(timedelta(microseconds=5))))
        class Weird(dt.tzinfo):
            def utcoffset(self, d):
                raise KeyError("no offset")
        raises(KeyError, "'no offset'", f.describe, dt.datetime(2020, 1, 1, tzinfo=Weird()))
    """,
    "duration": """
        @given(st.integers(-2**63, 2**63 - 1))
        def t(ns):
            got = f.from_nanos(ns)
            assert got == timedelta(microseconds=ns / 1000) or abs(ns) > 2**53, ns   # float division: exact below 2**53
            assert got == timedelta(microseconds=round(fractions.Fraction(ns, 1000))), ns
            assert f.nanos(ns) == ns
        t()
        @given(st.timedeltas(min_value=timedelta(days=-106751), max_value=timedelta(days=106751)))
        def u(d):
            assert f.nanos(d) == d // timedelta(microseconds=1) * 1000
            assert f.from_nanos(f.nanos(d)) == d
        u()
        assert f.longest([1, timedelta(seconds=2), 3]) == timedelta(seconds=2) and f.longest([]) == timedelta(0)
        raises(TypeError, "nanos() argument 1 must be datetime.timedelta or int, not float", f.nanos, 1.5)
        raises(OverflowError, "nanos() argument 1: 9223372036854775808 is out of range for Go time.Duration (nanoseconds)",
               f.nanos, 2**63)
        raises(OverflowError, "nanos() argument 1: timedelta(106752 days) is out of range for Go time.Duration (±292 years)",
               f.nanos, timedelta(days=106752))
        raises(TypeError, "longest() argument 1[1] must be datetime.timedelta or int, not str", f.longest, [1, "x"])
    """,
    "containers_and_fields": """
        when = dt.datetime(2024, 1, 1, tzinfo=timezone.utc)
        assert f.schedule({"a": when}) == {"a!": when + timedelta(hours=1)}
        e = f.Event("x", when, timedelta(minutes=1), 10**30)
        assert (e.at, e.every, e.count) == (when, timedelta(minutes=1), 10**30)
        assert e.next() == when + timedelta(minutes=1)
        e.every = 5 * 10**9
        e.count = None
        assert e.every == timedelta(seconds=5) and e.count is None
        try:
            e.at = "now"
        except TypeError as ex:
            assert str(ex) == "Event.at must be datetime.datetime, not str", ex
        else:
            raise AssertionError("no TypeError")
    """,
    "big_int": """
        @given(st.integers(-2**300, 2**300), st.integers(-2**300, 2**300))
        def t(a, b):
            assert f.mul(a, b) == a * b
            assert f.sum([a, b, 1]) == a + b + 1
            assert f.text(a, 16) == (("-" if a < 0 else "") + format(abs(a), "x"))
            assert f.text(a, 36) == f.text(a, 36)
        t()
        assert f.pow(7, 300) == 7**300 and f.pow(-2, 63) == -2**63
        assert f.nil_int() is None
        assert f.mul(True, 3) == 3
        class Index:
            def __index__(self):
                return 2**80
        assert f.mul(Index(), 2) == 2**81
        raises(TypeError, "mul() argument 1 must be int, not float", f.mul, 1.5, 2)
        raises(TypeError, "sum() argument 1[1] must be int, not str", f.sum, [1, "2"])
    """,
    "big_rat": """
        rationals = st.fractions(max_denominator=10**30) | st.integers(-10**40, 10**40)
        @given(rationals, rationals)
        def t(a, b):
            got = f.add_rat(a, b)
            assert type(got) is fractions.Fraction and got == a + b
            r = fractions.Fraction(a)
            assert f.rat_string(a) == f"{r.numerator}/{r.denominator}"
        t()
        raises(TypeError, "add_rat() argument 1 must be fractions.Fraction or int, not float", f.add_rat, 0.5, 1)
    """,
    "big_float": """
        @given(st.floats(allow_nan=False))
        def t(x):
            got = f.half(x)
            assert type(got) is decimal.Decimal
            if x not in (float("inf"), float("-inf")):
                # Exact at 53 bits (Decimal arithmetic would round to 28 digits: compare as Fractions).
                assert fractions.Fraction(got) == fractions.Fraction(x) / 2 or fractions.Fraction(got) == fractions.Fraction(x / 2), x
            assert f.prec(x) == 53
        t()
        @given(st.decimals(allow_nan=False, places=20, min_value=-10**20, max_value=10**20))
        def u(d):
            # A Decimal is rounded to as many bits as its digits need; the result is exact.
            x = f.half(d)
            err = abs(fractions.Fraction(x) - fractions.Fraction(d) / 2)
            assert err <= abs(fractions.Fraction(d)) / 2**60, (d, x)
        u()
        third = f.third(100)
        # Exact both ways: the Decimal holds every digit of the binary value.
        assert fractions.Fraction(f.half(third)) * 2 == fractions.Fraction(third)
        assert f.prec(third) >= 100
        assert f.half(decimal.Decimal("Infinity")) == decimal.Decimal("Infinity")
        assert str(f.half(decimal.Decimal("-0"))) == "-0"
        assert f.half(10**30) == 5 * 10**29 and f.prec(2**100) == 101
        raises(ValueError, "half() argument 1: NaN has no Go *big.Float", f.half, decimal.Decimal("NaN"))
        raises(ValueError, "half() argument 1: NaN has no Go *big.Float", f.half, float("nan"))
        raises(TypeError, "half() argument 1 must be decimal.Decimal, float or int, not str", f.half, "1")
    """,
    "error_values": """
        try:
            f.fail("x")
        except f.GoError as e:
            err = e
        assert type(err) is f.ErrMissing
        # The exception carries its Go error: passing it back is the same Go value.
        assert f.is_missing(err) and f.same(err, err) and f.err_text(err) == "load x: missing"
        try:
            f.wrap(err, "outer")
        except f.ErrMissing as e:
            assert str(e) == "outer: load x: missing" and f.is_missing(e)
        else:
            raise AssertionError("no ErrMissing")
        assert f.wrap(None, "x") is None
        # A sentinel class, or an instance made in Python, is the sentinel's Go value.
        assert f.is_missing(f.ErrMissing) and f.is_missing(f.ErrMissing("made here"))
        # Any other GoError is errors.New(str(e)); None is nil.
        assert not f.is_missing(f.GoError("other")) and f.err_text(f.GoError("other")) == "other"
        assert f.err_text(None) == "<nil>" and not f.is_missing(None)
        # Values (not raised) in containers, fields and variadics.
        got = f.non_nil([None, err, f.GoError("y")])
        assert [type(x) for x in got] == [f.ErrMissing, f.GoError] and [str(x) for x in got] == ["load x: missing", "y"]
        assert f.same(got[0], err) and f.non_nil([]) == []
        o = f.Outcome(err, "n")
        assert isinstance(o.err, f.ErrMissing) and f.same(o.err, err)
        o.err = None
        assert o.err is None
        assert f.join(err, f.GoError("b")) == "load x: missing\\nb" and f.join() == "<nil>"
        try:
            f.not_exist()
        except f.GoError as e:
            assert f.err_text(e) == "file does not exist" and e.go_type == "*errors.errorString"
        raises(TypeError, "is_missing() argument 1 must be GoError or None, not ValueError", f.is_missing, ValueError("x"))
        raises(TypeError, "join() argument 2 must be GoError or None, not int", f.join, None, 3)
        raises(TypeError, "non_nil() argument 1[0] must be GoError or None, not str", f.non_nil, ["x"])
    """,
    "io_reader": """
        import io, tempfile, threading
        assert f.read_all(b"abc") == b"abc" and f.read_all(bytearray(b"xy")) == b"xy"
        assert f.read_all(memoryview(b"zz")) == b"zz" and f.read_all(io.BytesIO(b"q" * 100000)) == b"q" * 100000
        # Read from another goroutine: the GIL is released around the call.
        assert f.count_lines(io.BytesIO(b"a\\nb\\nc\\n")) == 3
        with tempfile.TemporaryFile() as t:
            t.write(b"x\\n" * 1000)
            t.seek(0)
            assert f.count_lines(t) == 1000
        out = io.BytesIO()
        f.upper(out, io.BytesIO(b"hello"))
        assert out.getvalue() == b"HELLO"
        assert f.concat(b"a", io.BytesIO(b"b"), b"c") == b"abc" and f.concat() == b""
        src = io.BytesIO(b"z")
        assert f.same_reader(src) is src and f.same_reader(None) is None
        class Bad:
            def read(self, n):
                raise KeyError("boom")
        raises(KeyError, "'boom'", f.read_all, Bad())
        raises(KeyError, "'boom'", f.count_lines, Bad())
        raises(f.GoError, "python: io.Reader.Read (Python method read()) must return bytes: "
               "cannot convert Python str to Go []uint8", f.read_all, io.StringIO("text"))
        class Big:
            def read(self, n):
                return b"x" * (n + 1)
        raises(f.GoError, "python: io.Reader.Read (Python method read()) returned more bytes than asked for",
               f.read_all, Big())
        raises(TypeError, "read_all() argument 1 must be a binary file-like object (with read()) or bytes, not str",
               f.read_all, "text")
        # Threads reading at once.
        results = []
        def work():
            results.append(f.count_lines(io.BytesIO(b"l\\n" * 500)))
        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [500] * 8
    """,
    "any_knows_bound_classes": """
        p = f.Point(1, 2)
        # A bound instance passed as any arrives as its Go value, not a *python.Object.
        assert f.type_of(p) == "*foreign.Point" and f.type_of(1) == "int64" and f.type_of(None) == "<nil>"
        assert f.type_of([p]) == "[]interface {}"
        back = f.identity(p)
        assert type(back) is f.Point and back == p and (back.x, back.y) == (1, 2)
        back.x = 10
        assert p.x == 10                      # the same Go value (a *Point), shared
        assert type(f.origin()) is f.Point and f.origin() == f.Point(0, 0)
        when = dt.datetime(2020, 1, 2, tzinfo=timezone.utc)
        assert f.values() == {"n": 3, "p": f.Point(1, 2), "t": when}
        # ...any and ...interface{} variadics.
        assert f.printf("%v %d %s %T", p, 3, "x", p) == "&{10 2} 3 x *foreign.Point"
        assert f.printf("plain") == "plain" and f.printi(1, "a", p) == "1a&{10 2}"
        obj = object()
        assert f.identity(obj) is obj          # no Go equivalent: the object itself
        # At any depth of an any (a TOML or JSON encoder's map[string]any), the well-known
        # Python types and bound instances arrive as the Go values a Go library expects.
        from fractions import Fraction
        from decimal import Decimal
        nested = {"t": when, "d": dt.timedelta(seconds=2), "q": Fraction(1, 3), "x": Decimal("1.5"),
                  "big": 2**70, "p": p, "f": len, "o": obj}
        assert f.type_of([when]) == "[]interface {}"
        assert f.printf("%T %T %T %T %T %T %T %T", *[[v] for v in nested.values()]) == (
            "[]interface {} " * 7 + "[]interface {}")
        kinds = f.printf("%T|%T|%T|%T|%T|%T|%T|%T", *nested.values())
        assert kinds == ("time.Time|time.Duration|*big.Rat|*big.Float|*big.Int|*foreign.Point|"
                         "func(...interface {}) (interface {}, error)|*python.Object"), kinds
        assert f.printf("%v", [{"t": when}]) == "[map[t:2020-01-02 00:00:00 +0000 UTC]]"
        assert f.printf("%v %v", [2**70], [{"q": Fraction(1, 3)}]) == "[1180591620717411303424] [map[q:1/3]]"
        assert f.identity([{"t": when, "p": p, "o": obj}]) == [{"t": when, "p": p, "o": obj}]
    """,
    "python_functions_as_any": """
        import functools
        # A Python function (not a class) inside an any is a Go func(...any) (any, error).
        assert f.type_of(len) == f.type_of(lambda: 1) == "func(...interface {}) (interface {}, error)"
        assert f.type_of(int) == "*python.Object"          # a class stays an object
        assert f.apply(lambda a, b: a + b, 2, 3) == 5 and f.apply(str.upper, "x") == "X"
        assert f.apply(functools.partial(pow, 2), 10) == 1024 and f.apply(lambda: None) is None
        assert f.apply(lambda p: p, f.Point(1, 2)) == f.Point(1, 2)     # Go values convert as FromGo does
        class Boom(Exception):
            pass
        def boom():
            raise Boom("x")
        try:
            f.apply(boom)
        except Boom as e:                       # the very exception, returned by Go unchanged
            assert str(e) == "x"
        else:
            raise AssertionError("no Boom")
        # Kept by Go and called later from another goroutine (Call is //py4go:nogil).
        f.store({"add": lambda a, b: a + b, "n": 3})
        assert f.call("add", 1, 2) == 3
        try:
            f.call("n")
        except f.GoError as e:
            assert "not a func(...any) (any, error): int64" in str(e)
        else:
            raise AssertionError("no GoError")
        try:                                    # going back to Python, a Go func has no equivalent
            f.identity(len)
        except TypeError as e:
            assert "cannot convert Go func(...interface {}) (interface {}, error)" in str(e), e
        else:
            raise AssertionError("no TypeError")
    """,
    "functional_options": """
        # func New(opts ...Option) with type Option func(*config), config unexported.
        assert f.new_server().addr == "localhost:80"
        assert f.new_server(f.with_port(8080), f.with_host("example.com")).addr == "example.com:8080"
        assert f.new_server(None).addr == "localhost:80"          # None is a nil Option
        # ...opts.Option, an interface of another package with an unexported method.
        assert f.format("abc") == "abc" and f.format("abc", f.shout()) == "ABC"
        raises(TypeError, "new_server() argument 1 must be a Go foreign.Option made by this module, not int",
               f.new_server, 3)
        raises(TypeError, "format() argument 2 must be a Go opts.Option made by this module, not PyCapsule",
               f.format, "x", f.with_port(1))
        # An interface of another package with exported methods (goldmark's parser.Option)
        # and an anonymous interface result (html.WithHardWraps()): Go-made values pass through.
        assert f.styled("x") == "x" and f.styled("x", f.emphasis(), f.emphasis()) == "****x****"
        loud = f.loud()
        assert f.styled("x", loud) == "**x**" and f.format("x", loud) == "**x**"   # both interfaces
        raises(TypeError, "styled() argument 2 must be a Go opts.Styler made by this module, not PyCapsule",
               f.styled, "x", f.with_port(1))
    """,
    "opaque_classes": """
        # Struct types of other packages are classes of the module (bindc.resolve.foreign).
        b = f.greeting("bob")
        assert type(b) is f.Buffer and str(b) == "hello, bob" and b.len() == 10
        b.write_string("!")
        assert f.buffer_len(b) == 11 and b.bytes_() == b"hello, bob!"
        assert f.nil_buffer() is None and f.buffer_len(None) == -1      # nil is None, both ways
        # bytes.Buffer's doc says its zero value is ready to use: Buffer() is one.
        zero = f.Buffer()
        zero.write_string("x")
        assert str(zero) == "x" and f.buffer_len(zero) == 1
        assert f.Buffer.__doc__.startswith("A Buffer is a variable-sized buffer")  # Go doc
        # *regexp.Regexp: no usable zero value, so no constructor; the message says where to get one.
        raises(TypeError, "Regexp (Go type regexp.Regexp) cannot be created from Python; obtain one from "
               "compile(), get_words(), Regexp.copy()", f.Regexp)
        r = f.compile("a+b")
        assert f.find_all(r, "ab aab b") == ["ab", "aab"] and r.find_all_string("xab", -1) == ["ab"]
        assert str(r) == "a+b" and r.num_subexp() == 0
        assert f.get_words().find_all_string("hi there", -1) == ["hi", "there"]   # var of the type
        try:
            f.compile("(")
        except f.GoError as e:
            assert "missing closing )" in str(e)
        else:
            raise AssertionError("no GoError")
        # The package's own Builder keeps its name; strings.Builder steps aside.
        sb = f.strings_Builder()
        f.fill(sb, "ab", 3)
        assert str(sb) == "ababab" and sb.len() == 6 and f.Builder(["a", "b"]).join("-") == "a-b"
        raises(TypeError, "buffer_len() argument 1 must be Buffer or None, not foreign.strings_Builder",
               f.buffer_len, sb)
        # A second package of the same module: plain records get constructors with their fields.
        assert f.area(f.unit()) == 1 and f.unit() == f.Rect(f.Pt(0, 0), f.Pt(1, 1))
        rect = f.Rect(max=f.Pt(3, 4))
        assert f.area(rect) == 12 and rect.dx() == 3 and rect.add(f.Pt(1, 1)).max == f.Pt(4, 5)
        rect.max.x = 5                                  # a field is the Go field itself
        assert f.area(rect) == 20 and repr(rect) == "Rect(min=Pt(x=0, y=0), max=Pt(x=5, y=4))"
        # geo.Canvas (private fields) only from its functions; geo.Layer at depth 2 via its methods.
        raises(TypeError, "Canvas (Go type geo.Canvas) cannot be created from Python; obtain one from sketch()",
               f.Canvas)
        c = f.sketch(3, 4)
        assert c.bounds() == f.Rect(max=f.Pt(3, 4)) and type(c.top()) is f.Layer and c.top().name == "base"
        assert c.push("ink").below().name == "base" and c.top().name == "ink" and c.top().below().below() is None
        assert not hasattr(f, "Paint") and not hasattr(f.Layer, "paint")   # depth 3: not bound
        # Fields of local classes, and through any, like the module's own classes.
        shelf = f.Shelf("l", b)
        assert str(shelf.buf) == "hello, bob!" and f.Shelf().buf is None
        assert f.type_of(b) == "*bytes.Buffer" and f.type_of(r) == "*regexp.Regexp"
        back = f.buffer_as_any(b)
        assert type(back) is f.Buffer and str(back) == str(b)
        back.write_string("?")
        assert str(b).endswith("?")                     # the same Go buffer
        # In containers, both ways, like *T of the module's own classes.
        bs = f.buffers(3)
        assert [type(x) for x in bs] == [f.Buffer] * 3 and [x.len() for x in bs] == [0, 1, 2]
        assert f.total_len(bs) == 3 and f.total_len([f.Buffer(), None, bs[2]]) == 2
        assert f.match_named({"x": f.compile("^a")}, "x", "abc") and not f.match_named({}, "x", "abc")
        raises(TypeError, "total_len() argument 1[0] must be Buffer or None, not int", f.total_len, [1])
    """,
    "promoted_methods_of_embedded_types_of_other_packages": """
        t = f.Tally()
        t.lock()                                   # promoted from the embedded sync.Mutex
        assert t.try_lock() is False
        t.unlock()
        assert t.bump() == 1 and t.bump() == 2 and t.n == 2
        fr = f.Framed(rect=f.Rect(max=f.Pt(3, 2)), title="T")
        assert fr.dx() == 3 and fr.dy() == 2       # promoted from geo.Rect
        assert fr.add("!") == "T!"                 # Framed's own Add shadows Rect.Add
        out = f.Buffer()
        rw = f.pipe("one\\ntwo\\n", out)
        assert rw.read_string(10) == "one\\n"      # *bufio.Reader's, promoted
        rw.write_string("x")
        assert str(out) == ""                      # buffered until Flush (*bufio.Writer's)
        rw.flush()
        assert str(out) == "x"
        assert not hasattr(rw, "size") and not hasattr(rw, "reset")   # ambiguous in Go
    """,
    "interfaces_of_other_packages_with_hidden_types": """
        import hashlib, zlib
        h = f.digest()
        assert type(h) is f.GoHash and h.size() == 32 and h.block_size() == 64
        assert h.write(b"ab") == 2
        assert f.sum_of(h, b"c") == hashlib.sha256(b"abc").digest()   # Go takes it back as hash.Hash
        h.reset()
        assert h.sum(b"") == hashlib.sha256(b"").digest()
        c = f.crc()
        assert type(c) is f.GoHash32 and c.write(b"abc") == 3 and c.sum32() == zlib.crc32(b"abc")
        assert f.sum_of(c, b"") == zlib.crc32(b"abc").to_bytes(4, "big")
        raises(TypeError, "GoHash (Go type hash.Hash) cannot be created from Python; obtain one from digest()", f.GoHash)
        # Python objects implement other packages' interfaces too (a Protocol named like the Go type).
        class Adler:
            def __init__(self): self.data = b""
            def write(self, b): self.data += b; return len(b)
            def sum(self, b): return b + zlib.adler32(self.data).to_bytes(4, "big")
            def reset(self): self.data = b""
            def size(self): return 4
            def block_size(self): return 1
        assert isinstance(Adler(), f.Hash) and f.sum_of(Adler(), b"xyz") == zlib.adler32(b"xyz").to_bytes(4, "big")
        class Runes:
            def __init__(self, s): self.it = iter(s)
            def read_rune(self):
                c = next(self.it, None)
                if c is None:
                    raise EOFError   # io.EOF to Go
                return ord(c), len(c.encode())
        assert f.count_runes(Runes("héllo")) == 5
        class Broken(Runes):
            def read_rune(self): raise ValueError("disk on fire")
        raises(ValueError, "disk on fire", f.count_runes, Broken(""))
        raises(TypeError, "sum_of() argument 1 must implement Hash or be None, but int object has no methods "
                          "sum(), reset(), size(), block_size(), write()", f.sum_of, 3, b"")
        # A callback returning an interface (hmac.New(h func() hash.Hash, key)): a GoHash, or a
        # Python object with the methods; anything else is Go's panic (no error result).
        assert f.sum_with(f.digest, b"abc") == hashlib.sha256(b"abc").digest()
        assert f.sum_with(Adler, b"xyz") == zlib.adler32(b"xyz").to_bytes(4, "big")
        raises(f.GoPanic, "sum_with() panicked: python: callback sum_with() argument 1 result: expected an object "
                          "implementing hash.Hash, got Python int: int object has no methods sum(), reset(), size(), "
                          "block_size(), write()", f.sum_with, lambda: 3, b"")
    """,
    "read_returns_the_last_bytes_with_eof": """
        # io.Reader's Read may return its last bytes with io.EOF: n, then 0 at the end.
        for data, n in ((b"abcdefg", 3), (b"abc", 3), (b"", 2), (b"x" * 100, 7)):
            c, buf, got, calls = f.new_chunks(data, n), bytearray(5), bytearray(), 0
            while (k := c.read(buf)):
                got += buf[:k]
                calls += 1
            assert bytes(got) == data and calls == -(-len(data) // min(n, 5)) and c.read(buf) == 0
        # Other methods ending with io.EOF raise py4go.GoEOF: a GoError and an EOFError.
        c, got = f.new_chunks(b"xyz", 1), []
        while True:
            try:
                got.append(c.next())
            except EOFError as e:
                assert isinstance(e, f.GoError) and str(e) == "EOF" and e.go_type == "*errors.errorString"
                assert type(e).__name__ == "GoEOF" and type(e).__module__ == "py4go"
                break
        assert got == list(b"xyz")
        raises(EOFError, "header: EOF", f.truncated)          # errors.Is(err, io.EOF) too
    """,
}
