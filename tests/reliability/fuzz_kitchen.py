"""Hypothesis fuzzing of every bound function of the kitchen extension, against a Python model.

Run as a script in its own interpreter (``python fuzz_kitchen.py MAX_EXAMPLES [FN,FN...]``) with the built
``kitchen`` module importable: a crash kills this process, not pytest. For every function a
strategy draws either well-typed arguments near the edges of the Go types or arbitrary Python
values (ints of any size, NaN/inf/-0.0, lone surrogates, NULs, buffers of every kind, nested
containers, objects whose ``__index__``/``__float__`` raise), sometimes with a wrong argument
count. The model (``expect``) predicts the result or the exception class (and the parts of
the message users rely on: the function name and argument position). Exits 1 with the
falsifying example on the first mismatch; prints one line of statistics on success.
"""

from __future__ import annotations

import array
import collections.abc
import ctypes
import json
import math
import operator
import sys
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kitchen

FLT_MAX = 3.4028234663852886e38


# ---- arbitrary Python values ---------------------------------------------------------------

class Index:
    """An int-like object: only ``__index__``."""

    def __init__(self, v: Any) -> None:
        self.v = v

    def __index__(self) -> Any:
        if isinstance(self.v, BaseException):
            raise self.v
        return self.v

    def __repr__(self) -> str:
        return f"Index({self.v!r})"


class Floaty:
    """A float-like object: only ``__float__``."""

    def __init__(self, v: Any) -> None:
        self.v = v

    def __float__(self) -> Any:
        if isinstance(self.v, BaseException):
            raise self.v
        return self.v

    def __repr__(self) -> str:
        return f"Floaty({self.v!r})"


class BadRepr(Floaty):
    """``__float__`` works but ``__repr__`` raises (error messages must not depend on repr)."""

    def __repr__(self) -> str:
        raise RuntimeError("repr of BadRepr")


class TwoArgError(Exception):
    """An exception that cannot be rebuilt from one message."""

    def __init__(self, a: int, b: int) -> None:
        super().__init__(a, b)


class IntSub(int):
    def __index__(self) -> int:  # ignored by CPython for int subclasses
        raise AssertionError("not called")


class StrSub(str):
    pass


class BytesSub(bytes):
    pass


def _released() -> memoryview:
    m = memoryview(b"released")
    m.release()
    return m


EXCEPTIONS = st.sampled_from([
    ValueError("v"), TypeError("t"), ZeroDivisionError("z"), KeyError("k"), RuntimeError(""),
    OverflowError("o"), ArithmeticError("a"), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
    TwoArgError(1, 2), KeyboardInterrupt(), SystemExit(3), MemoryError(),
])

FLOAT_EDGES = [0.0, -0.0, math.nan, -math.nan, math.inf, -math.inf, FLT_MAX, -FLT_MAX, FLT_MAX * (1 + 2**-30),
               math.nextafter(FLT_MAX, math.inf), 1.4e-45, 5e-324, sys.float_info.max, 1e300]
INT_EDGES = sorted({s * (2 ** b + d) for b in (7, 8, 15, 16, 31, 32, 63, 64, 100) for d in (-1, 0, 1) for s in (1, -1)}
                   | {0, 1, -1})
#: ints past sys.get_int_max_str_digits(): repr() of them raises ValueError.
HUGE = st.sampled_from([4400, -4400, 5000]).map(lambda e: (-1 if e < 0 else 1) * 10 ** abs(e) + 7)

chars = st.one_of(st.characters(exclude_categories=()), st.integers(0xD800, 0xDFFF).map(chr), st.just("\x00"))
texts = st.text(alphabet=chars, max_size=40)
binaries = st.binary(max_size=64)
ints = st.one_of(st.integers(), st.sampled_from(INT_EDGES), st.integers(-2 ** 70, 2 ** 70), HUGE)
floats = st.one_of(st.floats(), st.sampled_from(FLOAT_EDGES))

scalars = st.one_of(
    st.none(), st.booleans(), ints, floats, texts, binaries,
    binaries.map(bytearray), binaries.map(memoryview), binaries.map(lambda b: memoryview(b)[::2]),
    binaries.map(BytesSub), texts.map(StrSub), ints.filter(lambda i: abs(i) < 2 ** 200).map(IntSub),
    st.builds(_released), st.lists(st.integers(-2 ** 31, 2 ** 31 - 1), max_size=4).map(lambda xs: array.array("i", xs)),
    st.complex_numbers(), st.just(object()), st.just(NotImplemented), st.just(Ellipsis), st.just(kitchen.add),
    ints.map(Index), floats.map(Index), EXCEPTIONS.map(Index), st.just(Index(True)),
    floats.map(Floaty), ints.filter(lambda i: abs(i) < 2 ** 64).map(Floaty), EXCEPTIONS.map(Floaty),
    floats.map(BadRepr),
)
anything = st.recursive(
    scalars,
    lambda kids: st.one_of(st.lists(kids, max_size=3), st.tuples(kids, kids),
                           st.dictionaries(st.one_of(texts, st.integers()), kids, max_size=3), st.frozensets(st.integers())),
    max_leaves=8,
)


# ---- the model of the Go side ----------------------------------------------------------------

class Raise(Exception):
    """What a call is expected to raise: the exact class and fragments of the message."""

    def __init__(self, cls: type[BaseException], *fragments: str, exc: BaseException | None = None) -> None:
        super().__init__(cls.__name__, fragments)
        self.cls, self.fragments, self.exc = cls, fragments, exc


@dataclass(frozen=True)
class Kind:
    """A Go parameter type as bindc maps it: how a Python argument converts."""

    name: str
    lo: int = 0
    hi: int = 0
    gotype: str = ""

    def convert(self, fn: str, pos: int, o: Any) -> Any:
        where = f"{fn}() argument {pos}"
        if self.name == "int":
            return self._int(where, o)
        if self.name in ("float64", "float32"):
            return self._float(where, o)
        if self.name == "bool":
            if o is True or o is False:
                return o
            raise Raise(TypeError, f"{where} must be bool, not ")
        if self.name == "string":
            if not isinstance(o, str):
                raise Raise(TypeError, f"{where} must be str, not ")
            try:
                return str(o).encode("utf-8")
            except UnicodeEncodeError:
                raise Raise(UnicodeEncodeError, where, "surrogates not allowed") from None
        if self.name == "bytes":
            if isinstance(o, str):  # the message names the argument's own class (a str subclass too)
                raise Raise(TypeError, f"{where} must be bytes-like object, not {type(o).__name__}")
            try:
                m = memoryview(o)
            except TypeError:
                raise Raise(TypeError, f"{where} must be bytes-like object, not ") from None
            except ValueError:  # a released memoryview
                raise Raise(ValueError, where) from None
            if not m.c_contiguous:
                raise Raise(BufferError, where, "not C-contiguous")
            return m.tobytes()
        if self.name == "intlist":
            items = _sequence_items(where, o)
            if any(_has_surrogate(x) for x in items):
                # The runtime reads every item (a str's UTF-8) before it checks element types,
                # so a lone surrogate in any item wins over a wrong type before it.
                raise Raise(ValueError, where, "surrogates not allowed")
            return [self.convert_elem(f"{where}[{i}]", x) for i, x in enumerate(items)]
        if self.name == "byte4":
            if isinstance(o, (bytes, bytearray)):  # bytes and bytearray are bytes to Go
                if len(o) != 4:
                    raise Raise(ValueError, f"{where} must have exactly 4 bytes, not {len(o)}")
                return bytes(o)
            items = _sequence_items(where, o, "bytes or a sequence of ints")  # a memoryview too
            if len(items) != 4:
                raise Raise(ValueError, f"{where} must have exactly 4 items, not {len(items)}")
            return bytes(unsigned(8, "uint8").convert_elem(f"{where}[{i}]", x) for i, x in enumerate(items))
        if self.name == "out":
            if type(o) is not dict and type(o) is not list and not isinstance(o, (dict, list)):
                raise Raise(TypeError, f"{where} must be a dict, a list or an instance of a Go type for Go to "
                                       f"fill, not {type(o).__name__}")
            return o
        raise AssertionError(self.name)

    def convert_elem(self, where: str, o: Any) -> int:
        """An int element of a container: exactly int (or a subclass, or bool), no __index__."""
        if not isinstance(o, int):
            raise Raise(TypeError, f"{where} must be int, not ")
        if not self.lo <= o <= self.hi:
            raise Raise(OverflowError, where, "out of range for Go")
        return int(o)

    def _int(self, where: str, o: Any) -> int:
        if isinstance(o, float) or not (isinstance(o, int) or hasattr(type(o), "__index__")):
            raise Raise(TypeError, f"{where} must be int, not ")
        try:
            v = operator.index(o)
        except BaseException as e:
            raise _passed_on(e, where) from None
        if not self.lo <= v <= self.hi:
            raise Raise(OverflowError, where, f"out of range for Go {self.gotype}")
        return int(v)  # __index__ may return a bool (deprecated); Go gets a number

    def _float(self, where: str, o: Any) -> float:
        if type(o) is float:
            v = o
        elif isinstance(o, (int, float)) or hasattr(type(o), "__float__") or hasattr(type(o), "__index__"):
            try:
                v = float.__float__(o) if isinstance(o, float) else float(o)
            except BaseException as e:
                raise _passed_on(e, where) from None
        else:
            raise Raise(TypeError, f"{where} must be float, not ")
        if self.name == "float32":
            if math.isfinite(v) and abs(v) > FLT_MAX:
                raise Raise(OverflowError, where, "out of range for Go float32")
            v = ctypes.c_float(v).value
        return v


def _has_surrogate(o: Any) -> bool:
    """Whether ``o`` is a str UTF-8 cannot encode."""
    if isinstance(o, str):
        try:
            o.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    return False


def _sequence_items(where: str, o: Any, want: str = "a list or tuple") -> list[Any]:
    """The items of a container argument: a list or tuple as is, another Sequence (not str,
    bytes or bytearray) through list(); anything else is a TypeError saying ``want``."""
    if isinstance(o, (list, tuple)):
        return list(o)
    if isinstance(o, str):
        try:  # the runtime reads a str's UTF-8 before it looks at the target type
            o.encode("utf-8")
        except UnicodeEncodeError:
            raise Raise(ValueError, where, "surrogates not allowed") from None
    if isinstance(o, (str, bytes, bytearray)) or not isinstance(o, collections.abc.Sequence):
        raise Raise(TypeError, f"{where} must be {want}, not ")
    try:
        return list(o)
    except BaseException as e:  # a released memoryview: Python's own exception, passed on
        raise Raise(type(e)) from None


def _passed_on(e: BaseException, where: str) -> Raise:
    """What the wrapper raises when converting the argument raised ``e`` itself: the same
    class; for an ordinary Exception whose type takes one message, prefixed with ``where``."""
    if not isinstance(e, Exception):
        return Raise(type(e), exc=e)
    try:
        rebuilt = type(e)("x")
    except Exception:
        rebuilt = None
    if type(rebuilt) is type(e):
        return Raise(type(e), where, exc=e)
    return Raise(type(e), exc=e)


def signed(bits: int, gotype: str = "") -> Kind:
    return Kind("int", -2 ** (bits - 1), 2 ** (bits - 1) - 1, gotype or f"int{bits}")


def unsigned(bits: int, gotype: str = "") -> Kind:
    return Kind("int", 0, 2 ** bits - 1, gotype or f"uint{bits}")


I64, U64 = signed(64, "int"), unsigned(64, "uint")
F64, F32, BOOL, STR, BYTES = Kind("float64"), Kind("float32"), Kind("bool"), Kind("string"), Kind("bytes")
INTLIST, BYTE4, OUT = Kind("intlist", -2 ** 63, 2 ** 63 - 1, "int"), Kind("byte4"), Kind("out")
WORDLIST = Kind("intlist", 0, 2 ** 16 - 1, "kitchen.Word")  # []Word, a defined uint16 without methods
BYTES_JSON = Kind("bytes", gotype="json")  # []byte drawn mostly from JSON texts


def wrap(v: int, bits: int = 64) -> int:
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >= 1 << (bits - 1) else v


class GoPanicExpected(Exception):
    pass


def go_div(a: int, b: int) -> tuple[int, int]:
    if b == 0:
        raise Raise(kitchen.GoPanic, "integer divide by zero")
    q = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
    return wrap(q), wrap(a - b * q)


def go_sqrt(x: float) -> float:
    if math.isnan(x) or x < 0:
        return math.nan
    return math.sqrt(x)


def checked(x: int) -> int:
    if x < 0:
        raise Raise(kitchen.ErrNegative, f"checked({x}): negative input")
    return x


def fail(b: bool) -> None:
    if b:
        raise Raise(kitchen.GoError, "asked to fail")


def panic(msg: bytes) -> None:
    raise Raise(kitchen.GoPanic, "panic() panicked: " + msg.decode())


def invalid() -> None:
    raise Raise(UnicodeDecodeError, "invalid() returned a Go string that is not valid UTF-8")


UPPER = object()  # marks a Go strings.ToUpper result: checked loosely (Unicode versions differ)


@dataclass(frozen=True)
class Spec:
    params: tuple[Kind, ...]
    model: Callable[..., Any]
    variadic: Kind | None = None
    #: For a function that writes into its arguments: given the converted values and the
    #: arguments after a successful call, whether they hold what Go stored.
    effect: Callable[[list[Any], tuple[Any, ...]], bool] | None = None


class Loose:
    """A model result for a function whose outcome depends on Go code not modelled here
    (json.Unmarshal): it returns None or raises one of ``allowed``."""

    def __init__(self, *allowed: type[BaseException]) -> None:
        self.allowed = allowed

    def __repr__(self) -> str:
        return f"None or {[c.__name__ for c in self.allowed]}"


def negated_in_place(values: list[Any], args: tuple[Any, ...]) -> bool:
    """A list argument holds the negated ints (int64 wraps: -(-2**63) is -2**63); a tuple or
    other sequence is unchanged."""
    arg = args[0]
    if not isinstance(arg, list):
        return True
    return arg == [wrap(-x) for x in values[0]]


def filled_in_place(values: list[Any], args: tuple[Any, ...]) -> bool:
    """A writable buffer (bytearray, a memoryview of one) holds 'x' everywhere; bytes are unchanged."""
    arg = args[0]
    writable = isinstance(arg, bytearray) or (isinstance(arg, memoryview) and not arg.readonly)
    return bytes(memoryview(arg)) == (b"x" * len(values[0]) if writable else values[0])


def echo(x: Any) -> Any:
    return x


SPECS: dict[str, Spec] = {
    "add": Spec((I64, I64), lambda a, b: wrap(a + b)),
    "int8": Spec((signed(8),), echo), "int16": Spec((signed(16),), echo), "int32": Spec((signed(32),), echo),
    "int64": Spec((signed(64),), echo), "uint": Spec((U64,), echo), "uint8": Spec((unsigned(8),), echo),
    "uint16": Spec((unsigned(16),), echo), "uint32": Spec((unsigned(32),), echo), "uint64": Spec((unsigned(64),), echo),
    "uintptr": Spec((unsigned(64, "uintptr"),), echo),
    "rune": Spec((signed(32, "rune"),), lambda r: wrap(r + 1, 32)),
    "byte": Spec((unsigned(8, "byte"),), lambda b: (b + 1) & 0xFF),
    "float32": Spec((F32,), echo),
    "sqrt": Spec((F64,), go_sqrt),
    "not_": Spec((BOOL,), lambda b: not b),
    "concat": Spec((STR, STR), lambda a, b: (a + b" " + b).decode()),
    "upper": Spec((STR,), lambda s: (UPPER, s.decode())),
    "len": Spec((STR,), len),
    "reverse": Spec((BYTES,), lambda b: b[::-1]),
    "invalid": Spec((), invalid),
    "join": Spec((STR,), lambda sep, *parts: sep.join(parts).decode(), variadic=STR),
    "sum": Spec((), lambda *xs: wrap(sum(xs)), variadic=I64),
    "div_mod": Spec((I64, I64), go_div),
    "describe": Spec((STR,), lambda s: ((UPPER, s.decode()), len(s), s == b"", s)),
    "checked": Spec((I64,), checked),
    "fail": Spec((BOOL,), fail),
    "panic": Spec((STR,), panic),
    "divide": Spec((I64, I64), lambda a, b: go_div(a, b)[0]),
    "nothing": Spec((), lambda: None),
    "keyword": Spec((I64, I64), lambda a, b: wrap(a - b)),
    "negate": Spec((INTLIST,), lambda xs: None, effect=negated_in_place),
    "fill": Spec((BYTES,), len, effect=filled_in_place),
    "key": Spec((BYTE4,), lambda b: bytes([b[0] ^ 0xFF]) + b[1:]),
    "words": Spec((WORDLIST,), lambda ws: [(2 * w) & 0xFFFF for w in ws]),
    # The items of the dict or list cross as any (surrogates cannot, a huge int may not).
    "unmarshal": Spec((BYTES_JSON, OUT), lambda data, v: Loose(kitchen.GoError, UnicodeEncodeError, ValueError,
                                                           TypeError, OverflowError)),
}


def expect(name: str, args: tuple[Any, ...]) -> Any:
    """The model: the value kitchen.NAME(*args) returns, or raises the expected Raise."""
    return SPECS[name].model(*converted(name, args))


def converted(name: str, args: tuple[Any, ...]) -> list[Any]:
    """The Go values the arguments convert to, or the expected Raise."""
    spec = SPECS[name]
    n, fixed = len(args), len(spec.params)
    if n < fixed or (spec.variadic is None and n > fixed):
        raise Raise(TypeError, f"{name}() takes ")
    values = [k.convert(name, i + 1, a) for i, (k, a) in enumerate(zip(spec.params, args))]
    if spec.variadic is not None:
        values += [spec.variadic.convert(name, fixed + 1 + i, a) for i, a in enumerate(args[fixed:])]
    return values


# ---- comparing what happened with the model --------------------------------------------------

def same(got: Any, want: Any) -> bool:
    if isinstance(want, tuple) and len(want) == 2 and want[0] is UPPER:
        return go_upper_ok(got, want[1])
    if isinstance(want, tuple):
        return type(got) is tuple and len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    if isinstance(want, float):
        if type(got) is not float:
            return False
        if math.isnan(want):
            return math.isnan(got)
        return got == want and math.copysign(1, got) == math.copysign(1, want)
    return type(got) is type(want) and got == want


def go_upper_ok(got: Any, s: str) -> bool:
    """strings.ToUpper maps rune by rune (simple case mapping): same number of code points,
    ASCII exactly as str.upper(), characters Python does not change (other than letters whose
    case tables differ between Unicode versions) left alone."""
    if type(got) is not str or len(got) != len(s):
        return False
    for g, c in zip(got, s):
        if c.isascii():
            if g != c.upper():
                return False
        elif c.upper() == c and c.lower() == c and not unicodedata.category(c).startswith("L") and g != c:
            return False
    return True


STATS = {"calls": 0, "ok": 0, "raised": 0}


def show(v: Any) -> str:
    """repr() that survives ints beyond the str-conversion digit limit and bad __repr__s."""
    try:
        return repr(v)
    except Exception:
        return f"<{type(v).__name__} without repr>"


def check(name: str, args: tuple[Any, ...]) -> None:
    fn = getattr(kitchen, name)
    values: list[Any] = []
    try:
        values = converted(name, args)
        want: Any = SPECS[name].model(*values)
        want_exc = None
    except Raise as r:
        want, want_exc = None, r
    STATS["calls"] += 1
    spec = SPECS[name]
    try:
        got = fn(*args)
    except BaseException as e:  # noqa: BLE001 - KeyboardInterrupt/SystemExit from __index__ included
        STATS["raised"] += 1
        if isinstance(want, Loose):
            if type(e) not in want.allowed:
                raise AssertionError(f"{name}{show(args)} raised {type(e).__name__}: {e}; model says {want}") from e
            return
        if want_exc is None:
            raise AssertionError(f"{name}{show(args)} raised {type(e).__name__}: {e}; model says {show(want)}") from e
        if type(e) is not want_exc.cls:
            raise AssertionError(f"{name}{show(args)} raised {type(e).__name__}: {e}; "
                                 f"model says {want_exc.cls.__name__} {want_exc.fragments}") from e
        for frag in want_exc.fragments:
            if frag not in str(e):
                raise AssertionError(f"{name}{show(args)}: message {str(e)!r} lacks {frag!r}") from e
        if want_exc.exc is not None and not want_exc.fragments and e is not want_exc.exc:
            raise AssertionError(f"{name}{show(args)}: {e!r} is not the original exception {want_exc.exc!r}")
        if isinstance(e, kitchen.GoPanic):
            assert "goroutine" in e.go_stack, e.go_stack
        if isinstance(e, kitchen.GoError):
            assert e.go_type in ("*fmt.wrapError", "*errors.errorString"), e.go_type
        return
    STATS["ok"] += 1
    if want_exc is not None:
        raise AssertionError(f"{name}{show(args)} returned {show(got)}; model says {want_exc.cls.__name__} {want_exc.fragments}")
    if isinstance(want, Loose):
        want = None
    if not same(got, want):
        raise AssertionError(f"{name}{show(args)} returned {show(got)}; model says {show(want)}")
    if spec.effect is not None and not spec.effect(values, args):
        raise AssertionError(f"{name}: arguments after the call {show(args)} are not what Go stored")


# ---- strategies per function -----------------------------------------------------------------

def typed(kind: Kind) -> st.SearchStrategy[Any]:
    """Well-typed values of a kind, concentrated at its edges."""
    if kind.name == "int":
        lo, hi = kind.lo, kind.hi
        return st.one_of(st.integers(lo, hi), st.integers(lo - 2, lo + 2), st.integers(hi - 2, hi + 2),
                         st.integers(lo, hi).map(Index), st.booleans())
    if kind.name.startswith("float"):
        return st.one_of(floats, st.integers(-2 ** 60, 2 ** 60), st.floats(width=32))
    if kind.name == "bool":
        return st.booleans()
    if kind.name == "string":
        return st.one_of(st.text(max_size=30), texts)
    if kind.name == "intlist":
        elems = st.one_of(st.integers(kind.lo, kind.hi), st.sampled_from([kind.lo, kind.hi, 0, -1]), st.booleans())
        return st.one_of(st.lists(elems, max_size=8), st.lists(elems, max_size=8).map(tuple))
    if kind.name == "byte4":
        four = st.binary(min_size=4, max_size=4)
        return st.one_of(four, four.map(bytearray), four.map(memoryview), four.map(list), st.binary(max_size=6))
    if kind.name == "out":
        json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-2 ** 53, 2 ** 53), st.text(max_size=5)),
                                   lambda kids: st.one_of(st.lists(kids, max_size=3),
                                                          st.dictionaries(st.text(max_size=3), kids, max_size=3)),
                                   max_leaves=6)
        return st.one_of(st.dictionaries(st.text(max_size=3), json_values, max_size=3), st.lists(json_values, max_size=3))
    if kind is BYTES_JSON:
        return st.one_of(binaries, st.sampled_from([b"{}", b"[]", b'{"a": [1, 2.5, "x", null, true]}', b"[1, 2]",
                                                    b'{"a": {"b": []}}', b"1", b'"s"', b"{", b"[1,]"]))
    return st.one_of(binaries, binaries.map(bytearray), binaries.map(memoryview))


def weighted(common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any], ratio: int) -> st.SearchStrategy[Any]:
    """``common`` ``ratio`` times as often as ``rare`` (st.one_of drifts towards the larger
    strategy once the small one's simple values have been tried)."""
    return st.integers(0, ratio).flatmap(lambda i: rare if i == 0 else common)


def arg(kind: Kind) -> st.SearchStrategy[Any]:
    return weighted(typed(kind), anything, 6)


def arguments(name: str) -> st.SearchStrategy[tuple[Any, ...]]:
    spec = SPECS[name]
    fixed = st.tuples(*(arg(k) for k in spec.params))
    if spec.variadic is not None:
        fixed = st.tuples(fixed, st.lists(arg(spec.variadic), max_size=6)).map(lambda t: t[0] + tuple(t[1]))
    wrong_count = st.lists(anything, max_size=len(spec.params) + 2).map(tuple)
    return weighted(fixed, wrong_count, 10)


def _checker(name: str) -> Callable[[tuple[Any, ...]], None]:
    def test(args: tuple[Any, ...]) -> None:
        check(name, args)
    test.__name__ = f"test_{name}"
    return test


def main() -> int:
    max_examples = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    assert sys.get_int_max_str_digits() == 4300  # 10**5000 must hit the repr limit
    missing = {n for n in dir(kitchen) if not n.startswith("_") and callable(getattr(kitchen, n))
               and not isinstance(getattr(kitchen, n), type)} - set(SPECS)
    assert not missing, f"kitchen functions without a model: {missing}"
    conf = settings(max_examples=max_examples, deadline=None, database=None, derandomize=False,
                    suppress_health_check=list(HealthCheck), print_blob=True)
    only = sys.argv[2].split(",") if len(sys.argv) > 2 else list(SPECS)
    failures = 0
    for name in only:
        try:
            conf(given(arguments(name))(_checker(name)))()
        except Exception as e:  # hypothesis re-raises the shrunk failure; its example is printed
            failures += 1
            print(f"FAIL {name}: {e}", file=sys.stderr)
    print(f"functions={len(only)} calls={STATS['calls']} returned={STATS['ok']} raised={STATS['raised']} "
          f"failures={failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
