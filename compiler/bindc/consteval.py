"""A small, safe evaluator for Go constant expressions, as written in the source.

Go constants are exact: untyped integers are unbounded and untyped floats are arbitrary
precision. Here integers are Python ``int``, floats are :class:`fractions.Fraction` (so
``math.Pi`` or ``1 << 100`` lose nothing before the final conversion) and complex numbers are
:class:`ExactComplex` (two Fractions). Supported: integer, float (decimal and hexadecimal),
imaginary (``2i``, ``1.5i``), rune and string literals (interpreted and raw), ``true``/
``false``, ``iota``, unary ``+ - ! ^``, binary ``* / % << >> & &^ | ^ + - == != < <= > >= && ||``,
parentheses, conversions ``T(x)`` to predeclared or named types, ``len("...")``,
``complex(re, im)``, ``real(z)``, ``imag(z)``, and names of other constants (the caller
resolves them, qualified ones too). Anything else raises
:class:`ConstEvalError` with the reason, so the caller can skip the constant with a warning.
Nothing is ever passed to Python's ``eval``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Union

@dataclass(frozen=True)
class ExactComplex:
    """An exact complex constant: real and imaginary parts as Fractions."""

    re: Fraction
    im: Fraction

    @classmethod
    def of(cls, v: "int | Fraction | ExactComplex") -> "ExactComplex":
        """``v`` as a complex constant (an int or float has imaginary part 0)."""
        return v if isinstance(v, ExactComplex) else cls(Fraction(v), Fraction(0))

    def __add__(self, o: "ExactComplex") -> "ExactComplex":
        return ExactComplex(self.re + o.re, self.im + o.im)

    def __sub__(self, o: "ExactComplex") -> "ExactComplex":
        return ExactComplex(self.re - o.re, self.im - o.im)

    def __mul__(self, o: "ExactComplex") -> "ExactComplex":
        return ExactComplex(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)

    def __truediv__(self, o: "ExactComplex") -> "ExactComplex":
        d = o.re * o.re + o.im * o.im
        if d == 0:
            raise ConstEvalError("division by zero")
        return ExactComplex((self.re * o.re + self.im * o.im) / d, (self.im * o.re - self.re * o.im) / d)

    def __neg__(self) -> "ExactComplex":
        return ExactComplex(-self.re, -self.im)


#: The Python value of a constant: bool, int, exact float, exact complex, or the bytes of a Go string.
Value = Union[bool, int, Fraction, ExactComplex, bytes]


class ConstEvalError(Exception):
    """The expression is not a constant expression this evaluator understands."""


@dataclass(frozen=True)
class Const:
    """A constant's value and Go type (``None`` when untyped; ``rune`` for rune literals)."""

    value: Value
    type: str | None = None


#: Resolves an identifier (``Name`` or ``pkg.Name``) to its constant, or raises ConstEvalError.
Resolver = Callable[[str], Const]
#: Maps a type name used in a conversion to the predeclared type it is based on, or None.
TypeBase = Callable[[str], "str | None"]

INT_TYPES = frozenset({"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
                       "uintptr", "byte", "rune"})
UNSIGNED_BITS = {"uint": 64, "uint8": 8, "byte": 8, "uint16": 16, "uint32": 32, "uint64": 64, "uintptr": 64}
FLOAT_TYPES = frozenset({"float32", "float64"})
COMPLEX_TYPES = frozenset({"complex64", "complex128"})

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<float>(?:0[xX](?:[0-9a-fA-F_]*\.?[0-9a-fA-F_]*)[pP][+-]?[0-9_]+)
             |(?:(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9_]+)?)
             |(?:[0-9][0-9_]*[eE][+-]?[0-9_]+))
  | (?P<int>0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)
  | (?P<imag>i\b)
  | (?P<rune>'(?:\\.[^']*|[^'\\])')
  | (?P<str>"(?:\\.|[^"\\])*")
  | (?P<raw>`[^`]*`)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
  | (?P<op>&&|\|\||<<|>>|&\^|==|!=|<=|>=|[-+*/%&|^!<>(),])
""", re.VERBOSE)

# Go's binary operator precedence (higher binds tighter).
_PRECEDENCE = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
               "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5}


def tokenize(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(kind, text)`` tokens; unknown characters raise ConstEvalError."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise ConstEvalError(f"unsupported syntax at {text[pos:pos + 10]!r}")
        kind = m.lastgroup or ""
        if kind == "imag":
            # An imaginary literal is a number directly followed by i ("2i", "1.5e3i").
            if not tokens or tokens[-1][0] not in ("int", "float") or text[pos - 1].isspace():
                kind = "name"
            else:
                tokens[-1] = ("imag", tokens[-1][1])
                pos = m.end()
                continue
        if kind != "ws":
            tokens.append((kind, m.group()))
        pos = m.end()
    return tokens


def evaluate(text: str, resolve: Resolver, type_base: TypeBase, iota: int | None = None) -> Const:
    """Evaluate the Go constant expression ``text``."""
    parser = _Parser(tokenize(text), resolve, type_base, iota)
    result = parser.expression(0)
    if parser.pos != len(parser.tokens):
        raise ConstEvalError(f"unexpected {parser.tokens[parser.pos][1]!r}")
    return result


class _Parser:
    """Precedence climbing over the token list, evaluating as it goes."""

    def __init__(self, tokens: list[tuple[str, str]], resolve: Resolver, type_base: TypeBase,
                 iota: int | None) -> None:
        self.tokens, self.pos = tokens, 0
        self.resolve, self.type_base, self.iota = resolve, type_base, iota

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", "")

    def take(self, text: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok[0] == "end" or (text is not None and tok[1] != text):
            raise ConstEvalError(f"expected {text or 'an operand'}, found {tok[1] or 'the end'!r}")
        self.pos += 1
        return tok

    def expression(self, min_prec: int) -> Const:
        left = self.unary()
        while True:
            kind, op = self.peek()
            prec = _PRECEDENCE.get(op, 0) if kind == "op" else 0
            if prec <= min_prec:
                return left
            self.pos += 1
            left = binary(op, left, self.expression(prec))

    def unary(self) -> Const:
        kind, text = self.peek()
        if kind == "op" and text in ("+", "-", "!", "^"):
            self.pos += 1
            operand = self.unary()
            base = self.type_base(operand.type) if operand.type and operand.type != "rune" else None
            if text == "^" and base in UNSIGNED_BITS and isinstance(operand.value, int):
                return Const(operand.value ^ ((1 << UNSIGNED_BITS[base]) - 1), operand.type)  # Go: ^x is x XOR all-ones
            return unary(text, operand)
        return self.primary()

    def primary(self) -> Const:
        kind, text = self.take()
        if kind == "op" and text == "(":
            inner = self.expression(0)
            self.take(")")
            return inner
        if kind == "int":
            return Const(_int_literal(text))
        if kind == "float":
            return Const(_float_literal(text))
        if kind == "imag":  # decimal even with a leading 0, unlike integer literals
            digits = text.replace("_", "")
            number = _float_literal(text) if _FLOATISH.search(digits) else Fraction(int(digits, 0) if
                                                                                  digits[:2].lower() in ("0x", "0o", "0b")
                                                                                  else int(digits, 10))
            return Const(ExactComplex(Fraction(0), number))
        if kind == "rune":
            decoded = _unquote(text[1:-1], "'")
            chars = decoded.decode("utf-8", "surrogatepass") if len(decoded) > 1 else chr(decoded[0])
            if len(chars) != 1:
                raise ConstEvalError(f"invalid rune literal {text}")
            return Const(ord(chars), "rune")
        if kind == "str":
            return Const(_unquote(text[1:-1], '"'))
        if kind == "raw":
            return Const(text[1:-1].replace("\r", "").encode("utf-8"))
        if kind == "name":
            if self.peek()[1] == "(":
                return self.call(text)
            return self.name(text)
        raise ConstEvalError(f"unexpected {text!r}")

    def name(self, text: str) -> Const:
        if text == "iota":
            if self.iota is None:
                raise ConstEvalError("iota outside a const declaration")
            return Const(self.iota)
        if text in ("true", "false"):
            return Const(text == "true")
        return self.resolve(text)

    def call(self, callee: str) -> Const:
        if callee in ("complex", "real", "imag"):
            return self.complex_builtin(callee)
        base = None if callee == "len" else self.type_base(callee)
        if callee != "len" and base is None:  # say so before the arguments can fail differently
            raise ConstEvalError(f"call of {callee} is not a constant expression")
        self.take("(")
        arg = self.expression(0)
        self.take(")")
        if base is None:
            if not isinstance(arg.value, bytes):
                raise ConstEvalError("len() of a non-string constant")
            return Const(len(arg.value), "int")
        return Const(convert(arg.value, base), callee)


    def complex_builtin(self, callee: str) -> Const:
        """``complex(re, im)``, ``real(z)`` and ``imag(z)`` on constants."""
        self.take("(")
        args = [self.expression(0)]
        if callee == "complex":
            self.take(",")
            args.append(self.expression(0))
        self.take(")")
        values: list[int | Fraction | ExactComplex] = []
        for a in args:
            if isinstance(a.value, (bool, bytes)):
                raise ConstEvalError(f"{callee}() of a non-numeric constant")
            values.append(a.value)
        if callee == "complex":
            re_, im = values
            if isinstance(re_, ExactComplex) or isinstance(im, ExactComplex):
                raise ConstEvalError("complex() of a complex constant")
            typ = args[0].type or args[1].type
            base = {"float32": "complex64", "float64": "complex128"}.get(self.type_base(typ) or "") if typ else None
            return Const(ExactComplex(Fraction(re_), Fraction(im)), base)
        z = ExactComplex.of(values[0])
        part = z.re if callee == "real" else z.im
        base = self.type_base(args[0].type) if args[0].type else None
        return Const(part, {"complex64": "float32", "complex128": "float64"}.get(base or ""))


def convert(value: Value, base: str) -> Value:
    """``value`` converted to a constant of the predeclared type ``base`` (Go's exactness rules)."""
    if isinstance(value, ExactComplex) and base not in COMPLEX_TYPES:
        if value.im != 0:
            raise ConstEvalError(f"constant {value.re}+{value.im}i truncated to real")
        value = value.re  # a complex constant with imaginary part 0 converts like its real part
    if base in COMPLEX_TYPES:
        if isinstance(value, (int, Fraction, ExactComplex)) and not isinstance(value, bool):
            return ExactComplex.of(value)
    elif base in INT_TYPES:
        if isinstance(value, Fraction):
            if value.denominator != 1:
                raise ConstEvalError(f"constant {value} truncated to integer")
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif base in FLOAT_TYPES:
        if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
            return Fraction(value)
    elif base == "string":
        if isinstance(value, bytes):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return chr(value).encode("utf-8") if 0 <= value <= 0x10FFFF else "\ufffd".encode()
    elif base == "bool":
        if isinstance(value, bool):
            return value
    raise ConstEvalError(f"cannot convert {value!r} to {base}")


def unary(op: str, x: Const) -> Const:
    """A unary operator applied to a constant."""
    v = x.value
    if op == "!" and isinstance(v, bool):
        return Const(not v, x.type)
    if isinstance(v, ExactComplex) and op in ("+", "-"):
        return x if op == "+" else Const(-v, x.type)
    if isinstance(v, (int, Fraction)) and not isinstance(v, bool):
        if op == "+":
            return x
        if op == "-":
            return Const(-v, x.type)
        if op == "^" and isinstance(v, int):
            return Const(~v, x.type)  # signed or untyped; unsigned types are handled by the parser
    raise ConstEvalError(f"operator {op} not defined on {v!r}")


def binary(op: str, a: Const, b: Const) -> Const:
    """A binary operator applied to two constants (typed operands make the result typed)."""
    x, y = a.value, b.value
    typ = a.type if a.type not in (None, "rune") else (b.type if b.type is not None else a.type)
    if op in ("<<", ">>"):
        typ = a.type  # a shift has the type of its left operand
    if op in ("&&", "||"):
        if isinstance(x, bool) and isinstance(y, bool):
            return Const(x and y if op == "&&" else x or y, typ)
        raise ConstEvalError(f"operator {op} needs booleans")
    if op in ("==", "!=", "<", "<=", ">", ">="):
        return Const(_compare(op, x, y))
    if isinstance(x, bytes) and isinstance(y, bytes) and op == "+":
        return Const(x + y, typ)
    if isinstance(x, bool) or isinstance(y, bool) or isinstance(x, bytes) or isinstance(y, bytes):
        raise ConstEvalError(f"operator {op} not defined on {x!r} and {y!r}")
    if isinstance(x, ExactComplex) or isinstance(y, ExactComplex):
        cx, cy = ExactComplex.of(x), ExactComplex.of(y)
        if op not in ("+", "-", "*", "/"):
            raise ConstEvalError(f"operator {op} not defined on complex constants")
        return Const(cx + cy if op == "+" else cx - cy if op == "-" else cx * cy if op == "*" else cx / cy, typ)
    floating = isinstance(x, Fraction) or isinstance(y, Fraction) or typ in FLOAT_TYPES
    if op in ("+", "-", "*"):
        r: int | Fraction = x + y if op == "+" else x - y if op == "-" else x * y
        return Const(Fraction(r) if floating else r, typ)
    if op == "/":
        if y == 0:
            raise ConstEvalError("division by zero")
        if floating:
            return Const(Fraction(x) / Fraction(y), typ)
        assert isinstance(x, int) and isinstance(y, int)
        return Const(_trunc_div(x, y), typ)
    ix, iy = _integral(x), _integral(y)
    if op == "%":
        if iy == 0:
            raise ConstEvalError("division by zero")
        return Const(ix - iy * _trunc_div(ix, iy), typ)  # the sign of the dividend, as in Go
    if op in ("<<", ">>"):
        if iy < 0 or iy > 10000:
            raise ConstEvalError(f"invalid shift count {iy}")
        return Const(ix << iy if op == "<<" else ix >> iy, typ)
    if op == "&":
        return Const(ix & iy, typ)
    if op == "|":
        return Const(ix | iy, typ)
    if op == "^":
        return Const(ix ^ iy, typ)
    if op == "&^":
        return Const(ix & ~iy, typ)
    raise ConstEvalError(f"unsupported operator {op}")


def _trunc_div(x: int, y: int) -> int:
    """Integer division truncated toward zero, as Go's ``/`` on integers."""
    q = abs(x) // abs(y)
    return q if (x >= 0) == (y >= 0) else -q


def _integral(v: int | Fraction) -> int:
    if isinstance(v, Fraction):
        if v.denominator != 1:
            raise ConstEvalError(f"{v} is not an integer")
        return int(v)
    return v


def _compare(op: str, x: Value, y: Value) -> bool:
    if isinstance(x, ExactComplex) or isinstance(y, ExactComplex):
        if op not in ("==", "!=") or isinstance(x, (bool, bytes)) or isinstance(y, (bool, bytes)):
            raise ConstEvalError(f"operator {op} not defined on complex constants")
        same = ExactComplex.of(x) == ExactComplex.of(y)
        return same if op == "==" else not same
    if type(x) is not type(y) and not (isinstance(x, (int, Fraction)) and isinstance(y, (int, Fraction))):
        raise ConstEvalError(f"cannot compare {x!r} and {y!r}")
    if op == "==":
        return x == y
    if op == "!=":
        return x != y
    if isinstance(x, bool) or isinstance(y, bool):
        raise ConstEvalError(f"operator {op} not defined on booleans")
    return bool({"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op])  # type: ignore[operator]


def _int_literal(text: str) -> int:
    digits = text.replace("_", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return int(digits, 8)  # legacy octal: 0755
    return int(digits, 0)


def _float_literal(text: str) -> Fraction:
    t = text.replace("_", "")
    if t[:2].lower() != "0x":
        return Fraction(t)
    mantissa, exponent = re.split("[pP]", t[2:])
    whole, _, frac = mantissa.partition(".")
    value = Fraction(int(whole or "0", 16)) + (Fraction(int(frac, 16), 16 ** len(frac)) if frac else 0)
    return value * Fraction(2) ** int(exponent)


_FLOATISH = re.compile(r"[.pP]|^[^xX]*[eE]")

_SIMPLE_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, "'": 39, '"': 34}


def _unquote(body: str, quote: str) -> bytes:
    """The bytes of a Go interpreted string (or rune) literal body."""
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out += ch.encode("utf-8")
            i += 1
            continue
        esc = body[i + 1:i + 2]
        if esc in _SIMPLE_ESCAPES and (esc not in "'\"" or esc == quote):
            out.append(_SIMPLE_ESCAPES[esc])
            i += 2
        elif esc == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif esc in "01234567" and esc:
            out.append(int(body[i + 1:i + 4], 8) & 0xFF)
            i += 4
        elif esc in ("u", "U"):
            width = 4 if esc == "u" else 8
            out += chr(int(body[i + 2:i + 2 + width], 16)).encode("utf-8", "surrogatepass")
            i += 2 + width
        else:
            raise ConstEvalError(f"unknown escape \\{esc}")
    return bytes(out)
