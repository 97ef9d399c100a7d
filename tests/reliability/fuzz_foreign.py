"""Boundary fuzzing of the mappings of other packages' types (the ``foreign`` e2e package),
like ``fuzz_kitchen.py``: run as a script in its own interpreter (``python fuzz_foreign.py
MAX_EXAMPLES``) so a crash kills this process, not pytest.

Each function gets well-typed values near the edges (datetimes at year 1 and 9999 with any
offset, timedeltas around Duration's ±292 years, ints of any size, Fractions and Decimals of
any size, NaN/inf, instances of other packages' classes) and arbitrary Python values; the model predicts the result, or the
exception class and the function name in its message. Exits 1 on the first mismatch.
"""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
import io
import sys
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foreign as f

UTC = dt.timezone.utc
DUR = 2**63
junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4), st.binary(max_size=4),
                 st.lists(st.integers(), max_size=2), st.just(object()), st.just(dt.date(2020, 1, 1)),
                 st.just(io.StringIO("x")))
offsets = st.integers(-86399, 86399).map(lambda s: dt.timezone(dt.timedelta(seconds=s)))
datetimes = st.datetimes(timezones=offsets) | st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30))
timedeltas = st.timedeltas() | st.integers(-DUR, DUR)
decimals = st.decimals(allow_nan=True) | st.floats() | st.integers(-2**200, 2**200)


def fails(exc: type[BaseException], fn: str) -> Callable[[BaseException], bool]:
    return lambda e: isinstance(e, exc) and str(e).startswith(fn + "()")


def check(call: Callable[[], Any], ok: Callable[[Any], bool] | None, bad: Callable[[BaseException], bool] | None) -> None:
    try:
        got = call()
    except BaseException as e:  # noqa: BLE001 - the model decides
        if bad is None or not bad(e):
            raise AssertionError(f"unexpected {type(e).__name__}: {e}") from e
        return
    if ok is None or not ok(got):
        raise AssertionError(f"unexpected result {got!r}")


def time_case(x: Any) -> None:
    if not isinstance(x, dt.datetime):
        return check(lambda: f.in_utc(x), None, fails(TypeError, "in_utc"))
    aware = x.tzinfo is not None
    try:
        instant = x.astimezone(UTC) if aware else x.astimezone().astimezone(UTC)
    except (OverflowError, ValueError):
        instant = None
    if instant is None or not 1 <= instant.year <= 9999:
        return check(lambda: f.in_utc(x), None, fails(OverflowError, "in_utc"))
    check(lambda: f.in_utc(x), lambda got: got == instant and got.tzinfo is UTC, None)


def duration_case(x: Any) -> None:
    if isinstance(x, bool) or isinstance(x, int):
        ok_range = -DUR <= x < DUR
        return check(lambda: f.nanos(x), lambda got: got == x, None if ok_range else fails(OverflowError, "nanos"))
    if isinstance(x, dt.timedelta):
        ns = x // dt.timedelta(microseconds=1) * 1000
        if -DUR <= ns < DUR:
            return check(lambda: f.nanos(x), lambda got: got == ns, None)
        return check(lambda: f.nanos(x), None, fails(OverflowError, "nanos"))
    check(lambda: f.nanos(x), None, fails(TypeError, "nanos"))


def int_case(a: Any, b: Any) -> None:
    def is_int(v: Any) -> bool:
        return isinstance(v, int) or v is None
    if is_int(a) and is_int(b):
        if a is None or b is None:
            # None is a nil *big.Int, which big's methods dereference: a GoPanic, never a crash.
            return check(lambda: f.mul(a, b), None, lambda e: isinstance(e, f.GoPanic))
        return check(lambda: f.mul(a, b), lambda got: got == a * b, None)
    check(lambda: f.mul(a, b), None, fails(TypeError, "mul"))


def rat_case(a: Any) -> None:
    if isinstance(a, (int, fractions.Fraction)):
        return check(lambda: f.add_rat(a, 1), lambda got: got == a + 1 and type(got) is fractions.Fraction, None)
    check(lambda: f.add_rat(a, 1), None, fails(TypeError, "add_rat") if a is not None else lambda e: isinstance(e, f.GoPanic))


def float_case(x: Any) -> None:
    if (isinstance(x, decimal.Decimal) and x.is_nan()) or (isinstance(x, float) and x != x):
        return check(lambda: f.half(x), None, fails(ValueError, "half"))
    if isinstance(x, (decimal.Decimal, float, int)):
        def ok(got: Any) -> bool:
            if isinstance(got, decimal.Decimal) and got.is_infinite():
                return got == x
            return abs(fractions.Fraction(got) * 2 - fractions.Fraction(x)) <= abs(fractions.Fraction(x)) / 2**60
        if isinstance(x, decimal.Decimal) and x.is_finite() and abs(x.adjusted()) > 10**8:
            return check(lambda: f.half(x), lambda got: True, fails(ValueError, "half"))  # beyond big.Float's exponents
        return check(lambda: f.half(x), ok, None)
    if x is None:
        return check(lambda: f.half(x), None, lambda e: isinstance(e, f.GoPanic))
    check(lambda: f.half(x), None, fails(TypeError, "half"))


def error_case(x: Any) -> None:
    if x is None or isinstance(x, f.GoError):
        return check(lambda: f.err_text(x), lambda got: got == ("<nil>" if x is None else str(x)), None)
    check(lambda: f.err_text(x), None, fails(TypeError, "err_text"))


def reader_case(x: Any) -> None:
    if isinstance(x, (bytes, bytearray, memoryview)):
        return check(lambda: f.read_all(x), lambda got: got == bytes(x), None)
    if isinstance(x, io.StringIO):
        return check(lambda: f.read_all(x), None, lambda e: isinstance(e, f.GoError))
    if x is None:
        return check(lambda: f.read_all(x), None, lambda e: isinstance(e, f.GoPanic))
    check(lambda: f.read_all(x), None, fails(TypeError, "read_all"))


def options_case(x: Any) -> None:
    if x is None:
        return check(lambda: f.new_server(x), lambda got: got.addr == "localhost:80", None)
    check(lambda: f.new_server(x), None, fails(TypeError, "new_server"))


class Boom(Exception):
    """Raised by a Python function Go calls through an any."""


def func_case(behaviour: str, args: list[Any]) -> None:
    """A Python function inside an any is a Go func(...any) (any, error): Go's arguments
    arrive as Python values, its result comes back, its exception is raised unchanged."""
    seen: list[Any] = []

    def fn(*a: Any) -> Any:
        seen.append(a)
        if behaviour == "raise":
            raise Boom(len(a))
        if behaviour == "object":
            return object()          # no Go equivalent: a *python.Object, back as itself
        return list(a)

    if behaviour == "raise":
        check(lambda: f.apply(fn, *args), None, lambda e: type(e) is Boom and e.args == (len(args),))
    elif behaviour == "object":
        check(lambda: f.apply(fn, *args), lambda got: type(got) is object, None)
    else:
        # Go's any round-trips these values (ints within int64, floats, str, None, lists).
        check(lambda: f.apply(fn, *args), lambda got: got == args and seen == [tuple(args)], None)
    if behaviour == "plain" and args:
        check(lambda: f.apply(args[0], *args), None,            # not a function: Go's own error
              lambda e: isinstance(e, f.GoError) and "not a func(...any) (any, error)" in str(e))


def opaque_case(x: Any, text: str) -> None:
    """A *bytes.Buffer parameter takes a Buffer or None and nothing else; a Buffer made from
    Python (its zero value) or by Go holds exactly what was written. A *regexp.Regexp made by
    Go finds a literal text twice in the text doubled."""
    pattern = f.compile(re_escape(text))
    check(lambda: f.find_all(pattern, text + text), lambda got: got == ([text, text] if text else [""]), None)
    if x is None:
        return check(lambda: f.buffer_len(x), lambda got: got == -1, None)
    if isinstance(x, f.Buffer):
        before = f.buffer_len(x)
        x.write_string(text)
        return check(lambda: f.buffer_len(x), lambda got: got == before + len(text.encode()), None)
    check(lambda: f.buffer_len(x), None, fails(TypeError, "buffer_len"))


def any_depth_case(value: Any) -> None:
    """Inside a list or dict given as any, datetimes, timedeltas, Fractions, Decimals, big ints
    and bound instances are Go values (Go's %T names their Go types) and come back equal."""
    nested = [{"v": value}]
    check(lambda: f.identity(nested), lambda got: got == nested, None)
    check(lambda: f.printf("%T", [value]), lambda got: got == "[]interface {}", None)


def styler_case(x: Any) -> None:
    """...opts.Styler (another package's option interface with an exported method) takes the
    values Go made (the anonymous union loud() too) unchanged; None is a nil Styler, which the
    Go function calls (a GoPanic); anything else is a TypeError."""
    if any(x is s for s in STYLERS):
        return check(lambda: f.styled("x", x), lambda got: got == "**x**", None)
    if x is None:
        return check(lambda: f.styled("x", x), None, lambda e: isinstance(e, f.GoPanic))
    check(lambda: f.styled("x", x), None, fails(TypeError, "styled"))


STYLERS = [f.emphasis(), f.loud()]


class PyRunes:
    """io.RuneReader in Python: the text's runes, then EOFError (io.EOF to Go)."""

    def __init__(self, text: str) -> None:
        self.it = iter(text)

    def read_rune(self) -> tuple[int, int]:
        c = next(self.it, None)
        if c is None:
            raise EOFError
        return ord(c), len(c.encode("utf-8", "surrogatepass"))


def foreign_interface_case(x: Any, text: str) -> None:
    """Other packages' interfaces: a GoHash (sha256.New(), an unexported dynamic type) sums
    what was written, as hashlib does; a Python io.RuneReader is read to its EOFError; a
    hash.Hash parameter takes a GoHash or None and refuses anything else with a TypeError."""
    import hashlib

    h = f.digest()
    check(lambda: f.sum_of(h, text.encode("utf-8", "surrogatepass")),
          lambda got: got == hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), None)
    check(lambda: f.count_runes(PyRunes(text)), lambda got: got == len(text), None)
    data = text.encode("utf-8", "surrogatepass")
    check(lambda: f.sum_with(f.digest, data), lambda got: got == hashlib.sha256(data).digest(), None)
    if x is not None:
        check(lambda: f.sum_of(x, b""), None, fails(TypeError, "sum_of"))
        # A callback returning anything but a hash.Hash: Go's panic (SumWith has no error).
        if not callable(getattr(x, "sum", None)):
            check(lambda: f.sum_with(lambda: x, b""), None, lambda e: isinstance(e, f.GoPanic))
    chunks, buf, got = f.new_chunks(data, 1 + len(text) % 7), bytearray(4), bytearray()
    check(lambda: read_chunks(chunks, buf, got), lambda n: bytes(got) == data, None)
    check(lambda: next_all(f.new_chunks(data, 1)), lambda got: got == data, None)


def read_chunks(chunks: Any, buf: bytearray, got: bytearray) -> int:
    """Read a Chunks (last bytes with io.EOF) to its end the Python way; the number of reads."""
    reads = 0
    while (k := chunks.read(buf)):
        got += buf[:k]
        reads += 1
    return reads


def next_all(chunks: Any) -> bytes:
    """Chunks.Next() until io.EOF, which must be py4go.GoEOF: a GoError and an EOFError."""
    out = bytearray()
    while True:
        try:
            out.append(chunks.next())
        except EOFError as e:
            assert isinstance(e, f.GoError) and str(e) == "EOF", e
            return bytes(out)


def re_escape(text: str) -> str:
    """``text`` as a Go (RE2) pattern matching it literally."""
    return "".join("\\" + ch if ch in r"\.+*?()|[]{}^$" else ch for ch in text)


def main() -> int:
    n = int(sys.argv[1])
    cfg = settings(max_examples=n, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))
    cases = [
        (given(datetimes | junk)(time_case), "time"),
        (given(timedeltas | junk)(duration_case), "duration"),
        (given(st.integers() | junk, st.integers() | junk)(int_case), "big.Int"),
        (given(st.fractions() | junk)(rat_case), "big.Rat"),
        (given(decimals | junk)(float_case), "big.Float"),
        (given(st.builds(f.GoError, st.text(max_size=5)) | junk)(error_case), "error"),
        (given(st.binary(max_size=64).map(bytearray) | st.binary(max_size=64) | junk)(reader_case), "io.Reader"),
        (given(junk | st.just(f.shout()))(options_case), "functional options"),
        (given(st.sampled_from(["plain", "raise", "object"]),
               st.lists(st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.floats(allow_nan=False)
                        | st.text(max_size=4) | st.lists(st.integers(-5, 5), max_size=2), max_size=4))(func_case),
         "Python function as any"),
        (given(datetimes.filter(lambda d: d.tzinfo is not None and d.utcoffset().microseconds == 0)
               | st.timedeltas(min_value=-dt.timedelta(days=10**5), max_value=dt.timedelta(days=10**5))
               | st.fractions() | st.integers() | st.text(max_size=4)
               | st.builds(f.Point, st.integers(-9, 9), st.integers(-9, 9)))(any_depth_case), "any at any depth"),
        (given(junk | st.sampled_from(STYLERS) | st.just(f.with_port(1)))(styler_case), "option interfaces"),
        (given(junk | st.builds(f.Buffer) | st.text(max_size=8).map(f.greeting) | st.just(f.strings_Builder()),
               st.text(max_size=8))(opaque_case), "classes of other packages"),
        (given(junk, st.text(max_size=8))(foreign_interface_case), "interfaces of other packages"),
    ]
    for fn, name in cases:
        cfg(fn)()
        print(f"{name}: {n} examples ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
