"""Type expressions and type declarations."""

import pytest

from bindc.ir import (
    ArrayType,
    TildeType,
    UnionType,
    ChanType,
    FuncType,
    InterfaceMethod,
    InterfaceType,
    MapType,
    NamedType,
    Param,
    PointerType,
    SliceType,
    StructField,
    StructType,
    UnsupportedType,
)

INT, STRING = NamedType("int"), NamedType("string")


@pytest.mark.parametrize(
    ("go", "expected"),
    [
        ("int", INT),
        ("url.URL", NamedType("URL", package="url")),
        ("*T", PointerType(NamedType("T"))),
        ("[]byte", SliceType(NamedType("byte"))),
        ("[4]int", ArrayType("4", INT)),
        ("[N]int", ArrayType("N", INT)),
        ("map[string][]int", MapType(STRING, SliceType(INT))),
        ("chan int", ChanType("both", INT)),
        ("<-chan int", ChanType("recv", INT)),
        ("chan<- int", ChanType("send", INT)),
        ("chan (<-chan int)", ChanType("both", ChanType("recv", INT))),
        ("(int)", INT),
        ("List[int]", NamedType("List", type_args=(INT,))),
        ("pkg.Pair[string, *T]", NamedType("Pair", "pkg", (STRING, PointerType(NamedType("T"))))),
        ("func(int) error", FuncType((Param(None, INT),), (Param(None, NamedType("error")),))),
        ("func(a, b int)", FuncType((Param("a", INT), Param("b", INT)), ())),
        ("interface{}", InterfaceType()),
        ("any", NamedType("any")),
        ("struct{}", StructType()),
        ("[][]string", SliceType(SliceType(STRING))),
    ],
)
def test_type_expressions(parse_clean, go: str, expected) -> None:
    parsed = parse_clean(f"var v {go}\n")
    assert parsed.values[0].type == expected


def test_equal_types_compare_equal_wherever_written(parse_clean) -> None:
    parsed = parse_clean("var a func(int) string\nvar b func(int) string\n")
    assert parsed.values[0].type == parsed.values[1].type
    assert hash(parsed.values[0].type) == hash(parsed.values[1].type)


def test_struct_type_fields_embeds_tags_and_docs(parse_clean) -> None:
    parsed = parse_clean("""
        import "net/url"

        // URL-ish thing.
        type Thing struct {
            // X and Y are coordinates.
            X, Y int `json:"x"`
            *url.URL
            fmt.Stringer
            Label string "plain"
            count int // how many
        }
    """)
    (thing,) = parsed.types
    assert thing.name == "Thing" and thing.doc == "URL-ish thing." and not thing.alias
    fields = thing.type.fields
    assert [(f.name, f.type.go_syntax(), f.tag, f.doc) for f in fields] == [
        ("X", "int", 'json:"x"', "X and Y are coordinates."),
        ("Y", "int", 'json:"x"', "X and Y are coordinates."),
        (None, "*url.URL", None, ""),
        (None, "fmt.Stringer", None, ""),
        ("Label", "string", "plain", ""),
        ("count", "int", None, "how many"),
    ]
    assert fields[2].embedded and fields[2].type == PointerType(NamedType("URL", "url"))
    assert (fields[1].span.line, fields[1].span.col) == (8, 8)


def test_interface_methods_and_embeds(parse_clean) -> None:
    parsed = parse_clean("""
        type Shape interface {
            fmt.Stringer
            Area() float64
            Scale(f float64) (Shape, error)
        }
        type Number interface {
            ~int | ~float64
        }
    """)
    shape, number = parsed.types
    assert shape.type.embeds == (NamedType("Stringer", "fmt"),)
    assert shape.type.methods[0] == InterfaceMethod("Area", FuncType((), (Param(None, NamedType("float64")),)))
    assert [m.name for m in shape.type.methods] == ["Area", "Scale"]
    assert number.type.embeds == (UnionType((TildeType(NamedType("int")), TildeType(NamedType("float64")))),)
    assert number.type.embeds[0].go_syntax() == "~int | ~float64"


def test_aliases_named_and_generic_types(parse_go) -> None:
    parsed, diagnostics = parse_go("""
        type Celsius float64
        type Reader = io.Reader
        type List[T any] []T
        type pair[K comparable, V any] struct{ k K; v V }
    """)
    celsius, reader, generic, pair = parsed.types
    assert celsius.type == NamedType("float64") and not celsius.alias
    assert reader.alias and reader.type == NamedType("Reader", "io")
    assert generic.type_params == ("T",) and generic.type == SliceType(NamedType("T"))
    assert pair.type_params == ("K", "V") and pair.type_constraints == (NamedType("comparable"), NamedType("any"))
    # bound per instantiation: the resolver warns when none is asked for (tests/resolve/test_instances.py)
    assert diagnostics == []


def test_anonymous_struct_and_unsupported_text(parse_clean) -> None:
    parsed = parse_clean("var point struct{ X, Y int }\nvar arr = [...]int{1, 2}\n")
    assert parsed.values[0].type == StructType((
        StructField("X", INT, span=parsed.values[0].type.fields[0].span),
        StructField("Y", INT, span=parsed.values[0].type.fields[1].span),
    ))
    assert parsed.values[1].type is None and parsed.values[1].value == "[...]int{1, 2}"
