"""A module exercising every mapping of `bindc go` (used by tests/pygo)."""

from __future__ import annotations

import datetime
import enum
import threading
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping, Optional, Protocol, Sequence, TypedDict


class ParseError(ValueError):
    """Raised by parse_pair for malformed input."""


class EmptyInput(ParseError):
    """Raised by parse_pair for an empty string."""


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Mode(enum.Enum):
    FAST = "fast"
    SAFE = "safe"


class Point(TypedDict):
    x: int
    y: int


@dataclass
class Item:
    name: str
    price: float
    tags: list[str]


class Greeter(Protocol):
    def greet(self, name: str) -> str: ...


class Counter:
    """Counts."""

    label: str

    def __init__(self, start: int = 0, *, label: str = "counter") -> None:
        self.value = start
        self.label = label

    def incr(self, by: int = 1) -> int:
        self.value += by
        return self.value

    @property
    def doubled(self) -> int:
        return self.value * 2

    @staticmethod
    def zero() -> int:
        return 0


class LimitedCounter(Counter):
    def __init__(self, limit: int) -> None:
        super().__init__(0, label="limited")
        self.limit = limit

    def incr(self, by: int = 1) -> int:
        if self.value + by > self.limit:
            raise OverflowError("limit reached")
        return super().incr(by)


def add(a: int, b: int) -> int:
    return a + b


def get_url(host: str, user_id: int, secure: bool = True) -> str:
    return f"{'https' if secure else 'http'}://{host}/u/{user_id}"


def greet(name: str, punct: str = "!", *, times: int = 1) -> str:
    return (f"Hello, {name}{punct} " * times).strip()


def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


def is_even(n: int) -> bool:
    return n % 2 == 0


def echo_bytes(b: bytes) -> bytes:
    return bytes(reversed(b))


def nothing(x: int) -> None:
    if x < 0:
        raise ValueError("negative")


def maybe_half(n: int) -> Optional[int]:
    return n // 2 if n % 2 == 0 else None


def name_or_none(s: str | None) -> str:
    return "none" if s is None else s.upper()


def divmod_pair(a: int, b: int) -> tuple[int, int]:
    return divmod(a, b)


def split_words(s: str) -> list[str]:
    return s.split()


def word_lengths(words: Sequence[str]) -> dict[str, int]:
    return {w: len(w) for w in words}


def total(m: Mapping[str, float]) -> float:
    return sum(m.values())


def count_up(n: int) -> Iterator[int]:
    yield from range(n)


def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)


def apply_in_threads(f: Callable[[int], int], n: int) -> list[int]:
    """Calls f from n Python threads at once."""
    out = [0] * n

    def work(i: int) -> None:
        out[i] = f(i)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def each(f: Callable[[str], None], items: list[str]) -> None:
    for it in items:
        f(it)


def next_color(c: Color) -> Color:
    return Color(c % 3 + 1)


def mode_name(m: Mode) -> str:
    return m.value.upper()


def other_mode(m: Mode) -> Mode:
    return Mode.SAFE if m is Mode.FAST else Mode.FAST


def norm1(p: Point) -> int:
    return abs(p["x"]) + abs(p["y"])


def mirror(p: Point) -> Point:
    return {"x": p["y"], "y": p["x"]}


def discounted(item: Item, pct: float) -> Item:
    return Item(item.name, round(item.price * (1 - pct / 100), 2), item.tags + ["sale"])


def welcome(g: Greeter, name: str) -> str:
    return g.greet(name) + "."


class _Polite:
    def greet(self, name: str) -> str:
        return f"Good day, {name}"


def polite() -> Greeter:
    return _Polite()


def make_counter(start: int) -> Counter:
    return Counter(start)


def bump(c: Counter) -> int:
    return c.incr(10)


def parse_pair(s: str) -> tuple[str, int]:
    if not s:
        raise EmptyInput("empty input")
    if "=" not in s:
        raise ParseError(f"no '=' in {s!r}")
    k, v = s.split("=", 1)
    return k, int(v)


def identity(x: Any) -> Any:
    return x


def big() -> int:
    return 2**70


def echo_str(s: str) -> str:
    return s


def echo_all(s: str, n: int, x: float, b: bytes, flag: bool) -> tuple[str, int, float, bytes, bool]:
    return s, n, x, b, flag


def echo_opt(n: int | None = None, s: str | None = None) -> str:
    return repr((n, s))


def later(when: datetime.datetime, by: datetime.timedelta) -> datetime.datetime:
    """A datetime is a Go time.Time, a timedelta a time.Duration."""
    return when + by


def elapsed(start: datetime.datetime, end: Optional[datetime.datetime] = None) -> Optional[datetime.timedelta]:
    return None if end is None else end - start
