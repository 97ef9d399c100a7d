"""The containers finder: which Go types become runtime-converted values, with which stub
annotations, and which are still skipped (with the reason) instead of failing the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindc.driver import Request, generate_files
from bindc.resolve import BoundModule

SOURCE = """\
package shapes

import (
	py "github.com/py4go/py4go/runtime"
	other "example.com/other"
)

func Ints(xs []int) []int { return xs }
func Nested(m map[string][][]float64) map[int]map[string]bool { return nil }
func Arr(a [4]uint8, b [2][]string) [3]int64 { return [3]int64{} }
func Blobs(b [][]byte) map[string][]byte { return nil }
func Anything(a any, b interface{}, c []any) map[string]any { return nil }
func Obj(o *py.Object, os []*py.Object) *py.Object { return o }
func Ptr(p *int, s []*string) *float64 { return nil }

func BadElem(c []chan int) {}
func BadKey(m map[[2]int]string) {}
func AnyKey(m map[any]int) {}
func NotEmpty(i interface{ M() }) {}
func ForeignObject(o *other.Object) {}
func Variadic(xs ...[]int) {}
func PtrSlice(p *[]int) {}

type Word uint
type Color int

const (
	Red Color = iota
	Green
)

func Words(xs []Word, m map[Word][]Word) [2]Word { return [2]Word{} }
func Colors(cs []Color) {}
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[BoundModule, str, str]:
    pkg: Path = tmp_path_factory.mktemp("shapes")
    (pkg / "go.mod").write_text("module example.com/shapes\n\ngo 1.22\n")
    (pkg / "shapes.go").write_text(SOURCE)
    result = generate_files(Request(package=str(pkg), out=pkg / "out", cwd=pkg))
    assert result.module is not None, result.sink.render_all()
    stub = next(f.content for f in result.files if f.path.suffix == ".pyi")
    return result.module, stub, result.sink.render_all()


@pytest.mark.parametrize("line", [
    "def ints(xs: Sequence[int] | _Buffer, /) -> list[int]:",  # viewed without a copy: docs/buffers.md
    "def nested(m: Mapping[str, Sequence[Sequence[float]]], /) -> dict[int, dict[str, bool]]:",
    # [4]uint8 is a byte array: bytes (docs/idioms.md)
    "def arr(a: bytes | bytearray | memoryview | Sequence[int], b: Sequence[Sequence[str]], /) -> list[int]:",
    "def ptr_slice(p: Sequence[int] | None, /) -> None:",
    "def blobs(b: Sequence[bytes], /) -> dict[str, bytes]:",
    "def anything(a: Any, b: Any, c: Sequence[Any], /) -> dict[str, Any]:",
    "def obj(o: object, os: Sequence[object], /) -> Any:",
    "def ptr(p: int | None, s: Sequence[str | None], /) -> float | None:",
    "def variadic(*xs: Sequence[int]) -> None:",
    # a defined scalar without methods (big.Word) is its underlying type inside containers too
    "def words(xs: Sequence[int], m: Mapping[int, Sequence[int]], /) -> list[int]:",
    "from collections.abc import Mapping, Sequence",
    "from typing import Any",
])
def test_stub_annotations(generated: tuple[BoundModule, str, str], line: str) -> None:
    assert line in generated[1], generated[1]


@pytest.mark.parametrize("message", [
    "BadElem skipped: parameter c: type []chan int is not supported",
    "BadKey skipped: parameter m: type map[[2]int]string is not supported",
    "AnyKey skipped: parameter m: type map[any]int is not supported",
    "NotEmpty skipped: parameter i: type interface{ M() } is not supported",
    "ForeignObject skipped: parameter o: type *other.Object is not supported",
    # an enum's elements would cross as plain ints where the stub promises members
    "Colors skipped: parameter cs: type []Color is not supported",
])
def test_unsupported_shapes_are_skipped_with_a_reason(generated: tuple[BoundModule, str, str], message: str) -> None:
    assert message in generated[2], generated[2]


def test_bound_functions(generated: tuple[BoundModule, str, str]) -> None:
    names = {f.py_name for f in generated[0].functions}
    assert names == {"ints", "nested", "arr", "blobs", "anything", "obj", "ptr", "ptr_slice", "variadic", "words"}
