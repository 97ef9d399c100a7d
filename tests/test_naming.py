"""bindc.naming: Go identifiers to Python names."""

import pytest

from bindc.naming import is_dunder, is_valid_python_identifier, python_safe, snake_case, struct_tag_lookup


@pytest.mark.parametrize(
    ("go_name", "expected"),
    [
        ("SayHello", "say_hello"),
        ("sayGoodbye", "say_goodbye"),
        ("concat", "concat"),
        ("HTTPServer", "http_server"),
        ("ServeHTTP", "serve_http"),
        ("ToUpper", "to_upper"),
        ("ParseIPv4", "parse_ipv4"),
        ("IPv6len", "ipv6_len"),
        ("ID", "id"),
        ("userID", "user_id"),
        ("IDs", "ids"),
        ("URLs", "urls"),
        ("Itoa", "itoa"),
        ("Atoi", "atoi"),
        ("EqualFold", "equal_fold"),
        ("Utf8Len", "utf8_len"),
        ("UTF8Len", "utf8_len"),
        ("RuneLen", "rune_len"),
        ("ValidString", "valid_string"),
        ("DecodeRuneInString", "decode_rune_in_string"),
        ("AppendQuoteRuneToASCII", "append_quote_rune_to_ascii"),
        ("JSONToXML", "json_to_xml"),
        ("HTTP2Server", "http2_server"),
        ("MaxInt64", "max_int64"),
        ("Float64bits", "float64_bits"),
        ("Nextafter32", "nextafter32"),
        ("NaN", "nan"),
        ("IsNaN", "is_nan"),
        ("X", "x"),
        ("A1B", "a1_b"),
        ("already_snake", "already_snake"),
        ("Mixed_Case", "mixed_case"),
        ("_private", "_private"),
        ("", ""),
    ],
)
def test_snake_case(go_name: str, expected: str) -> None:
    assert snake_case(go_name) == expected


def test_snake_case_output_is_an_identifier_for_go_identifiers() -> None:
    for name in ["Écrire", "xÜber", "Ω", "a_", "__x__"]:
        assert snake_case(name).isidentifier()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("def", "def_"),
        ("class", "class_"),
        ("None", "None_"),
        ("True", "True_"),
        ("lambda", "lambda_"),
        ("match", "match_"),
        ("case", "case_"),
        ("type", "type_"),
        ("int", "int_"),
        ("str", "str_"),
        ("bytes", "bytes_"),
        ("object", "object_"),
        ("_", "_"),
        ("len", "len"),
        ("say_hello", "say_hello"),
    ],
)
def test_python_safe(name: str, expected: str) -> None:
    assert python_safe(name) == expected
    assert is_valid_python_identifier(python_safe(name))


@pytest.mark.parametrize(
    ("name", "valid"),
    [("hello", True), ("_x1", True), ("match", True), ("héllo", True),
     ("1abc", False), ("def", False), ("None", False), ("a-b", False), ("", False), ("a b", False)],
)
def test_is_valid_python_identifier(name: str, valid: bool) -> None:
    assert is_valid_python_identifier(name) is valid


@pytest.mark.parametrize("tag, expected", [
    ('py4go:"title"', "title"),
    ('json:"label,omitempty" py4go:"title"', "title"),
    ('json:"py4go" xml:"a"', None),
    ('py4go:"-"', "-"),
    ('py4go:""', ""),
    ('py4go:"a\\tb"', "a\tb"),
    ("py4go:title", None),  # malformed: Go's Lookup stops there too
    ("", None),
])
def test_struct_tag_lookup(tag: str, expected: str | None) -> None:
    assert struct_tag_lookup(tag, "py4go") == expected


@pytest.mark.parametrize("name, dunder", [("__init__", True), ("__x__", True), ("____", False),
                                          ("_private", False), ("__mangled", False), ("x__", False)])
def test_is_dunder(name: str, dunder: bool) -> None:
    assert is_dunder(name) is dunder
