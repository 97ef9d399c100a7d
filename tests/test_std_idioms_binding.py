"""Go idioms the everyday standard-library packages use (no Go build needed): io.Reader's
``Read`` at io.EOF, callbacks returning interfaces (``hmac.New(h func() hash.Hash, ...)``), an
interface embedding ``sort.Interface`` (``heap.Interface``), exported fields of unexported
named types (``unicode.CaseRange.Delta d``), and Go func values returning class instances.
End to end they run in tests/stdlib/test_stdlib_everyday.py.
"""

from __future__ import annotations

from pathlib import Path

from bindc.driver import Request, generate_files
from bindc.emit.proxies import proxy_interfaces
from bindc.typemap.interfaces import InterfaceMapping
from bindc.typemap.named import NamedMapping
from tests.resolve.test_naming_rules import bind, messages

SOURCE = """package p

import (
\t"io"
\t"sort"
)

type R struct{}

func (*R) Read(p []byte) (int, error)            { return 0, io.EOF }
func (*R) ReadAt(p []byte, off int64) (int, error) { return 0, io.EOF }
func (*R) ReadN(p []byte) (int, error)           { return 0, io.EOF }
func (*R) Peek(p []byte) (int, error)            { return 0, io.EOF }

func Read(p []byte) (int, error) { return 0, io.EOF }

// Hash is what New's callback makes.
type Hash interface {
\tSum(b []byte) []byte
\tSize() int
}

func New(h func() Hash, key []byte) Hash { return h() }

// Heap is container/heap's Interface.
type Heap interface {
\tsort.Interface
\tPush(x any)
\tPop() any
}

func Push(h Heap, x any) {}

type d [3]rune
type small int

type CaseRange struct {
\tLo    uint32
\tDelta d
\tKind  small
}

type Attr struct{ Key string }

type Options struct {
\tReplace func(groups []string, a Attr) Attr
}
"""


def test_only_io_shaped_read_methods_end_at_eof(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, SOURCE)
    methods = {m.go_name: m for cls in module.classes for m in cls.methods}
    assert methods["Read"].eof_ends and methods["ReadAt"].eof_ends
    assert not methods["ReadN"].eof_ends and not methods["Peek"].eof_ends   # other names: EOF raises
    assert not next(f for f in module.functions if f.go_name == "Read").eof_ends  # a function, not io.Reader


def test_generated_read_returns_n_at_eof(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text(SOURCE)
    result = generate_files(Request(package=str(tmp_path), cwd=tmp_path))
    go = next(f.content for f in result.files if f.path.name.endswith("_bindc.go"))
    assert go.count("!py4go.BindcIsEOF(v_err)") == 2, go      # Read and ReadAt only
    c = next(f.content for f in result.files if f.path.name.endswith("_bindc.c"))
    # Options.Replace hands Python a Go func returning an Attr: its wrapper resets the handle
    # (a uintptr_t) to 0 once the instance owns it (NULL made gcc warn).
    wrapper = c[c.index("bindcfn_"):]
    wrapper = wrapper[:wrapper.index("\n}\n")]
    assert "uintptr_t r0 = 0;" in wrapper and "r0 = 0;  /* owned by result now */" in wrapper, wrapper


def test_a_callback_may_return_an_interface(tmp_path: Path) -> None:
    """hmac.New(h func() hash.Hash, key): the Python callable returns a bound instance or an
    object with the methods (the interface's proxy is registered for the runtime's decoder)."""
    module, sink = bind(tmp_path, SOURCE)
    new = next(f for f in module.functions if f.go_name == "New")
    assert new.params[0].mapping.py_annotation == "Callable[[], Hash | None] | None"
    assert "Hash" in {i.named.name for i in proxy_interfaces(module)}
    assert not any("New skipped" in m for m in messages(sink)), messages(sink)


def test_an_interface_embedding_sort_interface_is_implementable(tmp_path: Path) -> None:
    module, _ = bind(tmp_path, SOURCE)
    heap = next(f for f in module.functions if f.go_name == "Push").params[0].mapping
    assert isinstance(heap, InterfaceMapping)
    assert [m.py_name for m in heap.proxy] == ["push", "pop", "len", "less", "swap"]


def test_unexported_named_fields_from_a_wrapper_package(tmp_path: Path) -> None:
    """A wrapper cannot write ``p.d(x)``: a composite underlying type is assigned as it is (Go's
    assignability), a scalar one cannot be converted and the field is skipped, saying why."""
    module, sink = bind(tmp_path, SOURCE, out=True)
    fields = {f.go_name: f for cls in module.classes if cls.py_name == "CaseRange" for f in cls.fields}
    delta = fields["Delta"].mapping
    assert isinstance(delta, NamedMapping) and not delta.convert and delta.py_annotation == "list[int]"
    assert "Kind" not in fields
    assert any("type small is unexported, so a wrapper package cannot convert int values to it" in m
               for m in messages(sink)), messages(sink)
    inside, _ = bind(tmp_path, SOURCE)                        # in the package itself: converted
    mapping = next(f.mapping for cls in inside.classes if cls.py_name == "CaseRange" for f in cls.fields
                   if f.go_name == "Delta")
    assert isinstance(mapping, NamedMapping) and mapping.convert


def test_an_alias_of_another_package_is_spelled_with_its_own_import(tmp_path: Path) -> None:
    """runtime/debug binds *os.File, whose Chmod takes os.FileMode = fs.FileMode: the wrapper
    must import io/fs to spell it, though the bound package never imports it."""
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p.go").write_text('package p\n\nimport "os"\n\n// Stderr is the process\'s stderr.\n'
                                   'func Stderr() *os.File { return os.Stderr }\n')
    result = generate_files(Request(package=str(tmp_path), cwd=tmp_path))
    assert not result.sink.has_errors, result.sink.render_all()
    go = next(f.content for f in result.files if f.path.name.endswith("_bindc.go"))
    chmod = next(line for line in go.splitlines() if ".Chmod(" in line)
    qualifier = chmod.split(".Chmod(")[1].split(".FileMode(")[0]
    assert f'{qualifier} "io/fs"' in go or (qualifier == "fs" and '"io/fs"' in go), (chmod, go[:600])
