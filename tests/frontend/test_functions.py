"""Functions and methods: parameters, results, receivers, generics."""

from bindc.diagnostics import Severity
from bindc.ir import FuncType, NamedType, Param, PointerType, Receiver, SliceType, Span, TildeType, UnionType

INT, STRING, ERROR = NamedType("int"), NamedType("string"), NamedType("error")


def sig(func) -> list[tuple[str | None, str]]:
    return [(p.name, p.type.go_syntax()) for p in func.params]


def test_grouped_unnamed_and_variadic_params(parse_clean) -> None:
    parsed = parse_clean("""
        func Grouped(a, b int, s string) {}
        func Unnamed(int, string) {}
        func Join(sep string, parts ...string) string { return "" }
    """)
    grouped, unnamed, join = parsed.funcs
    assert sig(grouped) == [("a", "int"), ("b", "int"), ("s", "string")]
    assert sig(unnamed) == [(None, "int"), (None, "string")]
    assert join.variadic and not grouped.variadic
    assert join.params[-1] == Param("parts", SliceType(STRING), join.params[-1].span)
    assert join.go_signature().go_syntax() == "func(string, ...string) string"


def test_results_named_unnamed_and_single(parse_clean) -> None:
    parsed = parse_clean("""
        func None() {}
        func One() int { return 0 }
        func Pair() (int, error) { return 0, nil }
        func Named() (n int, err error) { return }
        func NamedGrouped() (x, y float64) { return }
    """)
    none, one, pair, named, grouped = parsed.funcs
    assert none.results == ()
    assert [r.type for r in one.results] == [INT] and one.results[0].name is None
    assert [(r.name, r.type) for r in pair.results] == [(None, INT), (None, ERROR)]
    assert [(r.name, r.type) for r in named.results] == [("n", INT), ("err", ERROR)]
    assert [r.name for r in grouped.results] == ["x", "y"]


def test_methods_value_and_pointer_receivers(parse_clean) -> None:
    parsed = parse_clean("""
        func (c *Counter) Inc() {}
        func (c Counter) Get() int { return 0 }
        func (Counter) Anon() {}
        func (l *List[T]) Push(v T) {}
        func ((Paren)) P() {}
    """)
    receivers = {f.name: f.receiver for f in parsed.funcs}
    assert receivers == {
        "Inc": Receiver("c", "Counter", pointer=True),
        "Get": Receiver("c", "Counter", pointer=False),
        "Anon": Receiver(None, "Counter", pointer=False),
        "Push": Receiver("l", "List", pointer=True, type_params=("T",)),  # the receiver's own names
        "P": Receiver(None, "Paren", pointer=False),
    }


def test_spans_point_at_names(parse_clean) -> None:
    parsed = parse_clean("func Add(a, b int) int { return a + b }\n")
    add = parsed.funcs[0]
    assert add.span == Span("x.go", 3, 6, 3, 9)
    assert add.params[1].span == Span("x.go", 3, 13, 3, 14)


def test_func_type_params_and_results(parse_clean) -> None:
    parsed = parse_clean("func Map(f func(int) (string, error), cb func(...any)) {}")
    f_type, cb_type = (p.type for p in parsed.funcs[0].params)
    assert f_type == FuncType((Param(None, INT),), (Param(None, STRING), Param(None, ERROR)))
    assert cb_type == FuncType((Param(None, SliceType(NamedType("any"))),), (), variadic=True)
    assert f_type.go_syntax() == "func(int) (string, error)"


def test_generic_function_records_type_params_and_constraints(parse_go) -> None:
    parsed, diagnostics = parse_go("""
        func Map[K comparable, V any](m map[K]V) []K { return nil }
        func helper[T any](t T) {}
        func Sum[T int | ~float64, S ~[]T, U interface{ ~int; String() string }](s S) T { return 0 }
    """)
    generic = parsed.funcs[0]
    assert generic.type_params == ("K", "V") and generic.is_generic
    assert generic.type_constraints == (NamedType("comparable"), NamedType("any"))
    assert parsed.funcs[1].type_params == ("T",)
    sum_ = parsed.funcs[2]
    assert sum_.type_constraints[0] == UnionType((INT, TildeType(NamedType("float64"))))
    assert sum_.type_constraints[1] == TildeType(SliceType(NamedType("T")))
    assert [c.go_syntax() for c in sum_.type_constraints] == [
        "int | ~float64", "~[]T", "interface{ ~int; String() string }"]
    # whether a generic function is bound depends on its instantiations: the resolver decides
    assert diagnostics == []


def test_instantiate_directive_is_checked(parse_go) -> None:
    parsed, diagnostics = parse_go("""
        //py4go:instantiate Map[int, []string] map_ints
        //py4go:instantiate Map[int
        //py4go:instantiate
        func Map[K comparable, V any](m map[K]V) []K { return nil }
    """)
    assert [d.arg for d in parsed.funcs[0].directives] == ["Map[int, []string] map_ints"]
    assert [(d.message, d.span.line, d.span.col) for d in diagnostics] == [
        ("//py4go:instantiate: expected Name[T1, T2, ...], got 'Map[int'", 4, 21),
        ("//py4go:instantiate needs an instantiation, e.g. //py4go:instantiate Map[int, string]", 5, 20),
    ]


def test_pointer_and_qualified_params(parse_clean) -> None:
    parsed = parse_clean("""
        import "net/url"
        func Resolve(u *url.URL, refs []*url.URL) {}
    """)
    u, refs = parsed.funcs[0].params
    assert u.type == PointerType(NamedType("URL", package="url"))
    assert refs.type == SliceType(PointerType(NamedType("URL", package="url")))


def test_local_declarations_are_not_top_level(parse_clean) -> None:
    parsed = parse_clean("""
        func Outer() {
            type local struct{}
            const c = 1
            var v = func() {}
            _ = v
        }
    """)
    assert [f.name for f in parsed.funcs] == ["Outer"]
    assert parsed.types == () and parsed.values == ()
