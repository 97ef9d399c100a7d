"""Which Python object protocols bindc gives each class (``bindc.emit.protocols``, issue 14):
the pickle policy, container kinds, ``Len()``, zero-value defaults, and how the C output and
the stub carry them. Generation only; behaviour is in tests/e2e/test_objects.py."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bindc.driver import Request, generate_files
from bindc.emit.protocols import ARRAY, MAP, NONE, SLICE, class_protocols, zero_literal
from bindc.resolve import BoundModule
from bindc.resolve.model import BoundClass

SOURCE = """\
package p

import "sync"

type Open struct {
	A int
	B *Open
	C string
}

type Hidden struct {
	A int
	b int
}

type Tagged struct {
	A int
	S string `py4go:"-"`
}

type Locked struct {
	sync.Mutex
	N int
}

type Base struct{ ID int }

type Embeds struct {
	Base
	Name string
}

type IDs []int

func (IDs) M() {}

type Vec [2]float64

func (Vec) M() {}

type Raw []byte

func (Raw) M() {}

type Scores map[string]int

func (s Scores) Get(k string) int { return s[k] }

type Sized struct{ n int }

func (s *Sized) Len() int { return s.n }

type NotLen struct{}

func (NotLen) Len() (int, error) { return 0, nil }
"""


def _module(tmp_path: Path) -> BoundModule:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text(textwrap.dedent(SOURCE))
    result = generate_files(Request(package=str(tmp_path), out=tmp_path / "out", cwd=tmp_path))
    assert not result.sink.has_errors, result.sink.render_all()
    assert result.module is not None
    return result.module


def _cls(module: BoundModule, name: str) -> BoundClass:
    return next(c for c in module.classes if c.py_name == name)


def test_pickle_policy(tmp_path: Path) -> None:
    m = _module(tmp_path)
    assert class_protocols(_cls(m, "Open")).pickle_refusal is None
    assert class_protocols(_cls(m, "Embeds")).pickle_refusal is None  # the embedded Base is a bound field
    assert class_protocols(_cls(m, "IDs")).pickle_refusal is None     # a value class: by its value
    hidden = class_protocols(_cls(m, "Hidden")).pickle_refusal
    assert hidden is not None and hidden.startswith("Go field Hidden.b is unexported") and "MarshalBinary" in hidden
    tagged = class_protocols(_cls(m, "Tagged")).pickle_refusal
    assert tagged is not None and tagged.startswith("Go field Tagged.S is not bound to Python")
    # sync.Mutex is bound as a class of another package; its own refusal (unexported state)
    # stops a pickle of Locked at its Mutex field, so Locked itself need not refuse.
    assert class_protocols(_cls(m, "Locked")).pickle_refusal is None
    mutex = class_protocols(_cls(m, "Mutex")).pickle_refusal
    assert mutex is not None and mutex.startswith("Go field Mutex.") and "unexported" in mutex


def test_container_kinds_and_shadowed_methods(tmp_path: Path) -> None:
    m = _module(tmp_path)
    ids, vec, raw, scores = (class_protocols(_cls(m, n)) for n in ("IDs", "Vec", "Raw", "Scores"))
    assert (ids.container, ids.element_annotations) == (SLICE, ("int",))
    assert (vec.container, vec.element_annotations) == (ARRAY, ("float",))
    assert raw.container == NONE                                # a byte slice stays bytes
    assert (scores.container, scores.element_annotations) == (MAP, ("str", "int"))
    assert scores.shadowed == {"get"} and "get" not in {pm.py_name for pm in scores.methods}
    assert {"append", "insert", "__copy__"} <= {pm.py_name for pm in ids.methods}
    assert "append" not in {pm.py_name for pm in vec.methods}
    assert ("Py_sq_inplace_concat", "py4go_bind_seq_inplace_concat") in ids.slots
    assert ("Py_sq_inplace_concat", "py4go_bind_seq_inplace_concat") not in vec.slots


def test_len_idiom_and_zero_defaults(tmp_path: Path) -> None:
    m = _module(tmp_path)
    sized = class_protocols(_cls(m, "Sized")).len_method
    assert sized is not None and sized.py_name == "len"
    assert class_protocols(_cls(m, "NotLen")).len_method is None  # (int, error) is not the idiom
    assert class_protocols(_cls(m, "IDs")).len_method is None
    assert [zero_literal(f) for f in _cls(m, "Open").init_fields] == ["0", "None", "''"]
    assert zero_literal(_cls(m, "IDs").init_fields[0]) is None     # a list: shown as ...


def test_output_carries_the_protocols(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text(textwrap.dedent(SOURCE))
    result = generate_files(Request(package=str(tmp_path), out=tmp_path / "out", cwd=tmp_path))
    c = next(f.content for f in result.files if f.path.name.endswith("_bindc.c"))
    pyi = next(f.content for f in result.files if f.path.name.endswith(".pyi"))
    assert '"Open(a=0, b=None, c=\'\')\\n--\\n\\n' in c
    assert "py4go_bind_class_protocols(bindc_p_IDs_type, (const char *const[]){\"value\"}, 1, NULL, 1)" in c
    assert "{Py_sq_length, (void *)bindcpy_p_Sized__len}," in c
    assert "class IDs(MutableSequence[int]):" in pyi and "class Scores(MutableMapping[str, int]):" in pyi
    assert "def get(self, k: str, /) -> int:  # type: ignore[override]" in pyi
    assert "__match_args__ = ('a', 'b', 'c')" in pyi and "def __init__(self, /, a: int = 0, b: Open | None = None, c: str = '')" in pyi
