"""The Go constant-expression evaluator, on its own: literals, operators, Go's exactness rules."""

from __future__ import annotations

from fractions import Fraction

import pytest

from bindc.consteval import Const, ConstEvalError, ExactComplex, evaluate


def no_names(name: str) -> Const:
    raise ConstEvalError(f"unknown {name}")


def basic(name: str) -> str | None:
    return name if name in ("int", "int8", "uint8", "uint32", "uint64", "float32", "float64", "complex64", "complex128",
                            "string", "bool") else None


def ev(text: str, iota: int | None = 0) -> Const:
    return evaluate(text, no_names, basic, iota)


@pytest.mark.parametrize("text, value", [
    ("42", 42), ("0x_FF", 255), ("0o17", 15), ("017", 15), ("0b101", 5), ("1_000_000", 1_000_000),
    ("1 << 100", 2**100), ("1<<63 - 1", 2**63 - 1), ("-7 / 2", -3), ("-7 % 3", -1), ("7 % -3", 1),
    ("5 &^ 3", 4), ("6 ^ 3", 5), ("^0", -1), ("(1 + 2) * 3", 9), ("1 + 2 * 3", 7), ("10 >> 1 | 1", 5),
    ("iota * 10", 0), ("'a'", 97), ("'\\n'", 10), ("'\\x41'", 65), ("'\\u00e9'", 0xE9), ("'é'", 0xE9),
    ("'\\''", 39), ("len(\"héllo\")", 6),
])
def test_integers(text: str, value: int) -> None:
    assert ev(text).value == value


@pytest.mark.parametrize("text, value", [
    ("3.14", Fraction(314, 100)), ("1.0 / 3", Fraction(1, 3)), ("1e3", Fraction(1000)), (".5", Fraction(1, 2)),
    ("0x1p-2", Fraction(1, 4)), ("0x1.8p1", Fraction(3)), ("1_0.5e1", Fraction(105)),
    ("float64(1) / 2", Fraction(1, 2)),
])
def test_floats_are_exact(text: str, value: Fraction) -> None:
    assert ev(text).value == value


def C(re: Fraction | int, im: Fraction | int) -> ExactComplex:
    return ExactComplex(Fraction(re), Fraction(im))


@pytest.mark.parametrize("text, value", [
    ("2i", C(0, 2)), ("1.5i", C(0, Fraction(3, 2))), ("0x1p-2i", C(0, Fraction(1, 4))), ("011i", C(0, 11)),
    ("1e2i", C(0, 100)), ("1 + 2i", C(1, 2)), ("(1 + 2i) * (3 - 1i)", C(5, 5)), ("1 / 2i", C(0, Fraction(-1, 2))),
    ("-(1 + 1i)", C(-1, -1)), ("complex(1, 0.5)", C(1, Fraction(1, 2))), ("complex128(3)", C(3, 0)),
    ("(2i) * (2i)", C(-4, 0)),
])
def test_complex_constants_are_exact(text: str, value: ExactComplex) -> None:
    assert ev(text).value == value


def test_complex_builtins_and_types() -> None:
    assert ev("real(3 + 4i)").value == 3 and ev("imag(3 + 4i)").value == 4
    assert ev("imag(complex64(1 + 2i))") == Const(Fraction(2), "float32")
    assert ev("complex(float32(1), 2)").type == "complex64"
    assert ev("1i * 1i == -1").value is True and ev("1i != 1").value is True
    assert ev("float64(2i * 2i)") == Const(Fraction(-4), "float64")     # imaginary part 0: converts


def test_strings_and_bools() -> None:
    assert ev('"a\\tb\\x41\\101\\u00e9\\U0001F600"').value == "a\tbAAé😀".encode()
    assert ev("`raw\\n`").value == b"raw\\n"
    assert ev('"ab" + `c`').value == b"abc"
    assert ev("!true || 1 < 2 && \"a\" == \"a\"").value is True
    assert ev('"\\xff"').value == b"\xff"  # Go strings may hold invalid UTF-8; the caller decides


def test_types_follow_go() -> None:
    assert ev("uint8(200)") == Const(200, "uint8")
    assert ev("^uint32(0)") == Const(2**32 - 1, "uint32")  # ^ of an unsigned type: all ones in its width
    assert ev("int8(1) << 3").type == "int8"
    assert ev("'a' + 1").type == "rune"
    assert ev("float64(3) / 2") == Const(Fraction(3, 2), "float64")


@pytest.mark.parametrize("text, reason", [
    ("1i < 2i", "not defined on complex"), ("int(1 + 2i)", "truncated to real"), ("1i / 0", "division by zero"),
    ("complex(1i, 1)", "of a complex constant"), ("real(\"a\")", "non-numeric"), ("f(1)", "not a constant expression"), ("1 / 0", "division by zero"),
    ("int(1.5)", "truncated"), ("x", "unknown x"), ("iota", "iota outside"), ("1 +", "expected an operand"),
    ("1 2", "unexpected '2'"), ("[]int{1}", "unsupported syntax"), ("1 << -1", "invalid shift"),
    ('"a" - "b"', "not defined"), ("unsafe.Sizeof(x)", "not a constant expression"),
])
def test_unsupported_expressions_say_why(text: str, reason: str) -> None:
    with pytest.raises(ConstEvalError, match=reason):
        evaluate(text, no_names, basic, None if text == "iota" else 0)
