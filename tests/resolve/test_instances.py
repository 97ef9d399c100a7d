"""The instances pass: generic functions bound per instantiation, constraint violations as
positioned diagnostics, names from the one symbol table (bindc.resolve.instances)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.diagnostics import DiagnosticSink, Severity
from bindc.frontend import load_package
from bindc.frontend.instances import InstanceSyntaxError, parse_instance
from bindc.ir import MapType, NamedType, SliceType
from bindc.resolve import BoundModule, resolve
from bindc.resolve.instance_names import instance_name

INT, STRING = NamedType("int"), NamedType("string")

HEADER = """package p

import (
\t"cmp"
\t"net/url"
)

var _ = url.URL{}

type Number interface{ ~int | ~float64 }

type Celsius float64

type Point struct{ X int }

func (Point) String() string { return "" }

type Stringer interface{ String() string }

type IDs []int

"""


def bind(tmp_path: Path, source: str, *cli: str, out: bool = False) -> tuple[BoundModule, DiagnosticSink]:
    (tmp_path / "p.go").write_text(HEADER + source)
    package, diags = load_package(tmp_path)
    sink = DiagnosticSink()
    sink.extend(diags)
    requests = tuple(parse_instance(c, name_separator="=") for c in cli)
    return resolve(package, "p", sink, target_import="example.com/p" if out else None, instantiate=requests), sink


def errors(sink: DiagnosticSink) -> list[tuple[str, int, int]]:
    return [(d.message, d.span.line if d.span else 0, d.span.col if d.span else 0)
            for d in sink.items if d.severity is Severity.ERROR]


def bound(module: BoundModule) -> dict[str, str]:
    """Python name -> the Go call the trampoline makes."""
    return {f.py_name: NamedType(f.go_name, None, f.type_args).go_syntax() for f in module.functions}


LINE = HEADER.count("\n") + 1  # the first line of a test's source


def test_directives_bind_each_instantiation_under_its_name(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, """//py4go:instantiate Map[int, string]
//py4go:instantiate Map[string, int] lengths
func Map[T, U any](s []T, f func(T) U) []U { return nil }
""")
    assert not errors(sink), errors(sink)
    assert bound(module) == {"map_int_str": "Map[int, string]", "lengths": "Map[string, int]"}
    f = next(f for f in module.functions if f.py_name == "map_int_str")
    assert f.params[0].param.type == SliceType(INT) and f.results[0].param.type == SliceType(STRING)
    assert f.func.type_params == () and "Go: Map[int, string]." in f.doc


def test_constraint_violations_are_errors_at_the_directive(tmp_path: Path) -> None:
    _, sink = bind(tmp_path, """//py4go:instantiate Sum[string]
//py4go:instantiate Sum[Celsius]
func Sum[T int | float64](xs []T) T { return 0 }

//py4go:instantiate Keys[[]int]
//py4go:instantiate Keys[map[string]int]
func Keys[K comparable](k K) {}

//py4go:instantiate Scale[string]
//py4go:instantiate Scale[Celsius]
func Scale[T Number](x T) T { return x }

//py4go:instantiate Show[int]
//py4go:instantiate Show[Point]
//py4go:instantiate Show[*Point]
func Show[T Stringer](x T) string { return "" }

//py4go:instantiate Min[[]string]
//py4go:instantiate Min[[]Point]
func Min[S ~[]E, E cmp.Ordered](s S) E { var e E; return e }
""")
    assert errors(sink) == [
        ("Sum[string] does not satisfy the constraints of Sum: type parameter T: string is not in the type set "
         "int | float64", LINE, 1),
        ("Sum[Celsius] does not satisfy the constraints of Sum: type parameter T: Celsius is not in the type set "
         "int | float64", LINE + 1, 1),
        ("Keys[[]int] does not satisfy the constraints of Keys: type parameter K: []int does not satisfy comparable "
         "([]int is a slice)", LINE + 4, 1),
        ("Keys[map[string]int] does not satisfy the constraints of Keys: type parameter K: map[string]int does not "
         "satisfy comparable (map[string]int is a map)", LINE + 5, 1),
        ("Scale[string] does not satisfy the constraints of Scale: type parameter T: string does not satisfy Number "
         "(string is not in the type set ~int | ~float64)", LINE + 8, 1),
        ("Show[int] does not satisfy the constraints of Show: type parameter T: int does not satisfy Stringer "
         "(int has no method String)", LINE + 12, 1),
        ("Min[[]Point] does not satisfy the constraints of Min: type parameter E: Point does not satisfy cmp.Ordered "
         "(Point is not in the type set ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | "
         "~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)", LINE + 18, 1),
    ]


def test_arity_inference_and_unknown_names(tmp_path: Path) -> None:
    _, sink = bind(tmp_path, """//py4go:instantiate Pair[int, string, bool]
//py4go:instantiate Pair[int]
func Pair[K comparable, V any](k K, v V) {}

//py4go:instantiate Nope[int]
//py4go:instantiate Plain[int]
func Plain(x int) {}

//py4go:instantiate Box[[]int]
type Box[T comparable] struct{ v T }
""")
    assert errors(sink) == [  # generic types are instantiated first (pass 0), then functions (4b)
        ("Box[[]int] does not satisfy the constraints of Box: type parameter T: []int does not satisfy comparable "
         "([]int is a slice)", LINE + 8, 1),
        ("Pair[int, string, bool]: Pair has 2 type parameters (K, V), got 3", LINE, 1),
        ("Pair[int]: cannot infer V: give every type argument", LINE + 1, 1),
        ("package p has no generic function or type Nope", LINE + 4, 1),
        ("Plain is not generic; it needs no instantiation", LINE + 5, 1),
    ]


def test_core_types_infer_trailing_arguments(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, """//py4go:instantiate Sort[IDs]
//py4go:instantiate Sort[[]string] sort_strings
func Sort[S ~[]E, E cmp.Ordered](s S) {}

//py4go:instantiate Keys[map[string]float64]
func Keys[M ~map[K]V, K comparable, V any](m M) []K { return nil }

//py4go:instantiate Wrap[int]
func Wrap[E any, S ~[]E](e E) S { return nil }
""")
    assert not errors(sink), errors(sink)
    assert bound(module) == {"sort_ids": "Sort[IDs, int]", "sort_strings": "Sort[[]string, string]",
                             "keys_dict_str_float64": "Keys[map[string]float64, string, float64]",
                             "wrap_int": "Wrap[int, []int]"}
    keys = next(f for f in module.functions if f.py_name.startswith("keys"))
    assert keys.params[0].param.type == MapType(STRING, NamedType("float64"))


def test_command_line_requests_and_their_errors(tmp_path: Path) -> None:
    source = "func Repeat[T any](v T, n int) []T { return nil }\n"
    module, sink = bind(tmp_path, source, "p.Repeat[int]", "Repeat[string]=rep", "other.Repeat[int]", out=True)
    assert not errors(sink) and bound(module) == {"repeat_int": "Repeat[int]", "rep": "Repeat[string]"}
    _, sink = bind(tmp_path, source, "Repeat[*url.URL]", "Repeat[time.Time]", "Repeat[[]int, int]", out=True)
    assert errors(sink) == [
        # a type argument no mapping takes: the mapping's error, then a note naming the request
        ("Repeat cannot be exported: parameter v: type *url.URL is not supported", LINE, 20),
        ("Repeat cannot be exported: result 1: type []*url.URL is not supported", LINE, 32),
        ("--instantiate Repeat[time.Time]: Repeat[time.Time]: package time is not imported by package p; a type "
         "argument may name only types its files can see", 0, 0),
        ("--instantiate Repeat[[]int, int]: Repeat[[]int, int]: Repeat has 1 type parameter (T), got 2", 0, 0),
    ]
    assert "--instantiate Repeat[*url.URL]: in the instantiation Repeat[*url.URL] requested here" in [
        d.message for d in sink.items if d.severity is Severity.NOTE]


def test_an_uninstantiated_generic_is_a_warning_and_a_clash_an_error(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, """func Repeat[T any](v T, n int) []T { return nil }

func RepeatInt() {}

//py4go:instantiate Id[int] repeat_int
func Id[T any](v T) T { return v }
""")
    warnings = [d.message for d in sink.items if d.severity is Severity.WARNING]
    assert ("generic function Repeat skipped: not instantiated (bind it with //py4go:instantiate Repeat[...] or "
            "--instantiate 'p.Repeat[...]')") in warnings
    (clash,) = errors(sink)
    assert clash[0].startswith("Id[int] would be Python name 'repeat_int', which RepeatInt (at ") and clash[0].endswith(
        "has; give the instantiation another name (//py4go:instantiate Id[int] <name>, or --instantiate "
        "'p.Id[int]=<name>')") and clash[1:] == (LINE + 4, 1), clash
    assert module.summary.skipped[0].name == "Repeat" and module.summary.skipped[0].reason == "generic"


def test_unexported_generic_needs_in_package_output(tmp_path: Path) -> None:
    source = "//py4go:instantiate twice[int]\nfunc twice[T any](v T) []T { return []T{v, v} }\n"
    module, sink = bind(tmp_path, source)
    assert not errors(sink) and bound(module) == {"twice_int": "twice[int]"}
    _, sink = bind(tmp_path, source, out=True)
    assert errors(sink) == [("twice is not exported: a wrapper package (--out) cannot call it", LINE, 1)]


@pytest.mark.parametrize("text, name", [
    ("Map[int, string]", "map_int_str"), ("Sort[[]float64]", "sort_list_float64"),
    ("Keys[map[string]int]", "keys_dict_str_int"), ("First[*Point]", "first_ptr_point"),
    ("Len[Pair[int, string]]", "len_pair_int_str"), ("Max[Celsius]", "max_celsius"),
    ("Apply[func(int) int]", "apply_func"), ("Id[any]", "id_any"), ("Is[bool]", "is_bool"),
])
def test_default_names(text: str, name: str) -> None:
    request = parse_instance(text)
    assert instance_name(request.name, request.type_args) == name


@pytest.mark.parametrize("text, message", [
    ("Map", "expected Name[T1, T2, ...], got 'Map'"),
    ("Map[int | string]", "type argument 'int | string' of Map[int | string] is not a Go type"),
    ("Map[int] 1x", "'1x' (the Python name of Map[int]) is not a valid Python identifier"),
    ("Map[]", "'Map[]' is not a Go instantiation such as Map[int, string]"),
])
def test_malformed_requests(text: str, message: str) -> None:
    with pytest.raises(InstanceSyntaxError, match=None) as e:
        parse_instance(text)
    assert str(e.value) == message


def test_generic_types_become_classes_with_their_methods(tmp_path: Path) -> None:
    module, sink = bind(tmp_path, """//py4go:instantiate Set[string]
//py4go:instantiate Set[int] IntSet
type Set[T comparable] struct{ m map[T]bool }

func (s *Set[E]) Add(v E) {}
func (s *Set[T]) Union(o *Set[T]) *Set[T] { return s }

//py4go:instantiate New[string]
func New[T comparable]() *Set[T] { return nil }

//py4go:instantiate Pair[string, []int]
type Pair[K comparable, V any] struct {
\tKey K
\tVal V
\tNext *Pair[K, V]
}

type Box[T any] struct{ v T }
""", out=True)
    assert not errors(sink), errors(sink)
    classes = {c.py_name: c for c in module.classes}
    assert set(classes) == {"Point", "SetStr", "IntSet", "PairStrListInt"}
    add, union = classes["SetStr"].methods
    assert add.params[0].param.type == STRING and add.func.receiver.type_name == "Set[string]"
    # uses of the instantiated type inside its methods and in a function name the class
    assert union.params[0].param.type.elem == NamedType("Set[string]")
    assert next(f for f in module.functions if f.py_name == "new_str").results[0].param.type.elem == NamedType(
        "Set[string]")
    pair = classes["PairStrListInt"]
    assert [(f.py_name, f.mapping.py_annotation) for f in pair.fields] == [
        ("key", "str"), ("val", "list[int]"), ("next", "PairStrListInt | None")]
    assert "Go: Pair[string, []int]." in pair.decl.doc
    warnings = [d.message for d in sink.items if d.severity is Severity.WARNING]
    assert ("generic type Box skipped: not instantiated (bind it with //py4go:instantiate Box[...] or "
            "--instantiate 'p.Box[...]')") in warnings
    # the generic declarations count once (bound through an instantiation); Box is the skip
    assert [(s.name, s.reason) for s in module.summary.skipped if s.name != "type Stringer"] == [
        ("type Box", "generic")]


def test_generic_type_requests_and_their_errors(tmp_path: Path) -> None:
    _, sink = bind(tmp_path, """//py4go:instantiate Set[string] SetStr
//py4go:instantiate Set[int] 9lives
type Set[T comparable] struct{ m map[T]bool }

type SetStr struct{}

type set[T any] struct{}
""", "p.set[int]", out=True)
    assert errors(sink) == [  # the frontend's, then pass 0's, then the classes pass's
        ("//py4go:instantiate: '9lives' (the Python name of Set[int]) is not a valid Python identifier", LINE + 1, 21),
        ("--instantiate p.set[int]: set is not exported: a wrapper package (--out) cannot use it", 0, 0),
        ("type Set[string] and type SetStr both become Python class 'SetStr'; rename one with "
         "//py4go:instantiate ... <name>", LINE, 1),
    ]


def test_a_generic_constructor_instantiates_the_type_it_returns(tmp_path: Path) -> None:
    """``New[K, V](size) (*Cache[K, V], error)`` asked for (here on the command line, as for a
    package one cannot edit) brings ``Cache[string, int]`` with it, so the constructor binds;
    an explicit request for the type keeps its own name, and a failed function request is
    reported once, by the instances pass."""
    module, sink = bind(tmp_path, """type Cache[K comparable, V any] struct{ m map[K]V }

func (c *Cache[K, V]) Add(key K, value V) bool { return false }
func (c *Cache[K, V]) Get(key K) (value V, ok bool) { return }

func New[K comparable, V any](size int) (*Cache[K, V], error) { return nil, nil }
func NewWithEvict[K comparable, V any](size int, onEvicted func(key K, value V)) (*Cache[K, V], error) {
\treturn nil, nil
}

//py4go:instantiate Box[int] Ints
type Box[T any] struct{ v T }

func Wrap[T any](v T) *Box[T] { return nil }
""", "p.New[string,int]", "p.NewWithEvict[string,int]", "p.Wrap[int]", "p.New[string]", out=True)
    assert errors(sink) == [("--instantiate p.New[string]: New[string]: cannot infer V: give every type argument", 0, 0)]
    classes = {c.py_name: c for c in module.classes}
    assert {"CacheStrInt", "Ints"} <= set(classes)
    assert [m.py_name for m in classes["CacheStrInt"].methods] == ["add", "get"]
    fns = {f.py_name: f for f in module.functions}
    assert fns["new_str_int"].results[0].mapping.py_annotation == "CacheStrInt | None"
    assert fns["new_with_evict_str_int"].results[0].param.type.elem == NamedType("Cache[string, int]")
    assert fns["wrap_int"].results[0].mapping.py_annotation == "Ints | None"
    warnings = [d.message for d in sink.items if d.severity is Severity.WARNING]
    assert not any("generic type Cache skipped" in w for w in warnings), warnings
