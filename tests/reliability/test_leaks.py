"""Leaks (issue 5, point 3): many calls of every wrapper kind (Python -> Go) and of every
Go -> Python API, with RSS and Python's allocated blocks measured after a warm-up.

Limits, for every kind: RSS growth under 1 MiB and ``sys.getallocatedblocks()`` back to its
start within ``BLOCK_SLACK`` (64). The slack is fixed, independent of the number of calls:
CPython's free lists (tuples, lists, dicts, floats, frames...) keep freed objects as allocated
blocks, and how full they are when each count is taken differs by a few dozen (measured: up
to 53 on a Go host, after 1,000,000 calls as after 200,000). A leak of one object per call
shows as N blocks (100,000 by default). A window over either limit is measured again with twice the
calls and the difference reported (``measure`` in the leak scripts): a leak grows with the
calls, so the difference is still N calls' worth, while a constant residue cancels (measured:
a raising Python callback through ``any`` leaves 62-86 blocks per window at 100,000 calls as
at 400,000; on a busy machine one window's RSS can take a Go heap or malloc arena).

Default 100,000 calls per kind (``--stress``: 1,000,000; 200,000 until the suite outgrew 15
minutes: 100,000 still shows a one-object-per-call leak 1,500 times over the slack), in a subprocess that imports the
extension (or a Go host program embedding Python), so a crash fails the test.

The Go host program (Go -> Python APIs) measures three windows of N calls after warm-up: the
smaller delta of windows 2 and 3 must stay within the slack (what keeps growing is a leak),
and the first within 1,000 blocks, far below one block per call, since a cache may fill once
in any window (seen: +164 blocks for Eval in the first, +134 in the second; +65 for a raising
Call).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bindc.resources import runtime_dir
from tests.conftest import run
from tests.reliability.conftest import run_script

HERE = Path(__file__).parent
#: Rows leak_kitchen.py prints: one per wrapper kind it exercises (every build prints them all).
KITCHEN_KINDS = 32
pytestmark = pytest.mark.go

MIB = 1 << 20
BLOCK_SLACK = 64


def calls(stress: bool) -> int:
    return 1_000_000 if stress else 100_000


def parse(stdout: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    assert rows, stdout
    return rows


def assert_no_leaks(rows: list[dict], n: int) -> None:
    # One-sided: a leak only grows. Fewer blocks after the window than before (a cache or a
    # free list Python's GC emptied meanwhile: -107 once on a loaded CI machine) is no leak.
    bad = [r for r in rows if r["calls"] != n or r["rss_delta"] >= MIB or r["blocks_delta"] > BLOCK_SLACK]
    table = "\n".join(f"  {r['kind']:<34} calls={r['calls']:>9} rss_delta={r['rss_delta']:>9} "
                      f"blocks_delta={r['blocks_delta']}" for r in rows)
    print(table)
    assert not bad, f"leaks over {n} calls:\n{table}"


def test_wrapper_kinds_do_not_leak(kitchen_ext: Path, stress: bool) -> None:
    n = calls(stress)
    proc = run_script(HERE / "leak_kitchen.py", str(n), path=kitchen_ext, timeout=3600 if stress else 300)
    rows = parse(proc.stdout)
    assert len(rows) == KITCHEN_KINDS
    assert_no_leaks(rows, n)


@pytest.fixture(scope="module")
def kitchen_abi3_ext(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kitchen package built with ``--abi3`` (limited API)."""
    from bindc.build import build_extension

    out = tmp_path_factory.mktemp("reliability_kitchen_abi3")
    built = build_extension(str(HERE.parent / "e2e" / "kitchen"), out, cwd=HERE.parent / "e2e" / "kitchen", abi3=True)
    assert not built.result.sink.has_errors and built.extension is not None
    assert built.extension.name == "kitchen.abi3.so"
    return out


def test_wrapper_kinds_do_not_leak_abi3(kitchen_abi3_ext: Path, stress: bool) -> None:
    """The same kinds through an abi3 build, whose runtime takes the limited API's paths."""
    n = calls(stress)
    proc = run_script(HERE / "leak_kitchen.py", str(n), path=kitchen_abi3_ext, timeout=3600 if stress else 300)
    rows = parse(proc.stdout)
    assert len(rows) == KITCHEN_KINDS
    assert_no_leaks(rows, n)


def test_wrapper_kinds_do_not_leak_in_a_bundle(tmp_path: Path, stress: bool) -> None:
    """The same kinds through kitchen linked into a bundle with callbacks (one library)."""
    from bindc.bundle import build_bundle

    e2e = HERE.parent / "e2e"
    build_bundle([str(e2e / "kitchen"), str(e2e / "callbacks")], tmp_path / "ext", "pair", cwd=e2e)
    script = tmp_path / "leak_bundle.py"
    script.write_text(textwrap.dedent(f"""\
        import sys
        import pair                              # loads pair.kitchen and pair.callbacks
        sys.modules["kitchen"] = pair.kitchen    # what leak_kitchen imports
        sys.path.insert(0, {str(HERE)!r})
        import leak_kitchen
        sys.exit(leak_kitchen.main())
        """))
    n = calls(stress)
    proc = run_script(script, str(n), path=tmp_path / "ext", timeout=3600 if stress else 300)
    rows = parse(proc.stdout)
    assert len(rows) == KITCHEN_KINDS
    assert_no_leaks(rows, n)


def test_leak_check_notices_a_leak(kitchen_ext: Path, tmp_path: Path) -> None:
    """The measurement can fail: a kind that keeps one object per call is caught."""
    script = tmp_path / "leaky.py"
    script.write_text(textwrap.dedent(f"""\
        import sys
        sys.path.insert(0, {str(HERE)!r})
        import leak_kitchen as L
        kept = []
        L.KINDS = {{"leaky": lambda: kept.append(L.kitchen.concat("a", "b"))}}
        sys.argv = ["x", "20000"]
        L.main()
        """))
    proc = subprocess.run([sys.executable, str(script)], env={"PYTHONPATH": str(kitchen_ext)},
                          capture_output=True, text=True, timeout=120)
    (row,) = parse(proc.stdout)
    assert row["blocks_delta"] >= 19_000, row  # one kept str per call, give or take a few blocks


HOST = """\
// Command leakhost exercises each Go -> Python API in a loop and prints, per API, the RSS
// growth and the change of Python's allocated blocks as JSON lines.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	python "github.com/py4go/py4go/runtime"
)

func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	check(err)
	n, err := strconv.ParseInt(strings.Fields(string(b))[1], 10, 64)
	check(err)
	return n * int64(os.Getpagesize())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "leakhost:", err)
		os.Exit(1)
	}
}

var blocksFn *python.Object

func blocks() int64 {
	r, err := blocksFn.Call()
	check(err)
	defer r.Release()
	n, err := r.Int64()
	check(err)
	return n
}

// settle collects Go garbage, waits until the finalizers of what it found have run, carries
// out the Python releases those finalizers queued (an *Object nobody released, such as the
// *Exception inside an error, is released that way), and returns free Go memory to the OS.
// Without the wait and the drain, the count of Python blocks depended on how many releases
// happened to be queued at the moment of measuring (seen: +76 blocks for Eval's overflow
// error in two windows in a row), and RSS differences on GC pacing.
func settle() {
	runtime.GC()
	finalizersRan()
	check(python.WithGIL(func() error { return nil })) // nested: drains the queued releases
	debug.FreeOSMemory()
}

// finalizersRan returns once the finalizer goroutine has run every finalizer queued by the
// last collection: it handles one batch after another, so a sentinel object found by a later
// collection is finalized after all of them.
func finalizersRan() {
	done := make(chan struct{})
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) { close(done) })
	sentinel = nil
	runtime.GC()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		check(errors.New("finalizers did not run within 10 s"))
	}
}

func main() {
	n, err := strconv.Atoi(os.Args[1])
	check(err)
	debug.SetGCPercent(20) // a small Go heap: RSS then measures leaks, not GC headroom
	check(python.Initialize())
	check(python.WithGIL(func() error {
		g, err := python.NewGlobals()
		check(err)
		check(python.Exec(`
import gc, sys
def blocks():
    gc.collect()
    return sys.getallocatedblocks()
def boom(x):
    raise ValueError(f"bad {x}")
class Thing:
    def __init__(self):
        self.name = "thing"
thing = Thing()
`, g))
		get := func(name string) *python.Object {
			o, err := g.CallMethod("__getitem__", name)
			check(err)
			return o
		}
		blocksFn = get("blocks")
		boom, thing := get("boom"), get("thing")
		payload := map[string]any{"ints": []any{1, 2, 3}, "s": "héllo", "b": []byte("xyz"), "f": 1.5, "ok": true}
		kinds := []struct {
			name string
			fn   func()
		}{
			{"Import+Release", func() {
				m, err := python.Import("json")
				check(err)
				m.Release()
			}},
			{"GetAttr+String+Release", func() {
				a, err := thing.GetAttr("name")
				check(err)
				if a.String() != "thing" {
					check(errors.New("bad attr"))
				}
				a.Release()
			}},
			{"SetAttr", func() { check(thing.SetAttr("value", "x")) }},
			{"Eval+Int64+Release", func() {
				r, err := python.Eval("6 * 7 * 10**20", g)
				check(err)
				if _, err := r.Int64(); err == nil {
					check(errors.New("no overflow error"))
				}
				r.Release()
			}},
			{"FromGo+ToGo containers", func() {
				o, err := python.FromGo(payload)
				check(err)
				v, err := o.ToGo()
				check(err)
				if len(v.(map[string]any)) != 5 {
					check(errors.New("bad round trip"))
				}
				o.Release()
			}},
			{"Str/Bytes conversions", func() {
				o, err := python.FromGo("héllo wörld")
				check(err)
				s, err := o.Str()
				check(err)
				o.Release()
				b, err := python.FromGo([]byte(s))
				check(err)
				_, err = b.Bytes()
				check(err)
				b.Release()
			}},
			{"Call raising (Exception)", func() {
				_, err := boom.Call(1)
				var exc *python.Exception
				if !errors.As(err, &exc) || exc.Type != "ValueError" {
					check(fmt.Errorf("want ValueError, got %v", err))
				}
			}},
			{"CallMethod+Release", func() {
				r, err := thing.CallMethod("__repr__")
				check(err)
				r.Release()
			}},
			{"conversion error", func() {
				if _, err := python.FromGo("\\xff"); err == nil {
					check(errors.New("invalid UTF-8 accepted"))
				}
			}},
		}
		for _, k := range kinds {
			if len(os.Args) > 2 && !strings.Contains(os.Args[2], k.name) {
				continue
			}
			// Warm up, then until two chunks in a row add no resident memory (Go heap and
			// scavenger, malloc arenas and Python free lists reach their steady state).
			warm := n/10 + 20000
			for i := 0; i < warm; i++ {
				k.fn()
			}
			for still := 0; still < 2 && warm < 3000000; warm += 50000 {
				before := rss()
				for i := 0; i < 50000; i++ {
					k.fn()
				}
				if rss() <= before {
					still++
				} else {
					still = 0
				}
			}
			settle()
			b0, r0 := blocks(), rss()
			for i := 0; i < n; i++ {
				k.fn()
			}
			settle()
			b1, r1 := blocks(), rss()
			// Two more windows: what keeps growing in both is a leak. A cache may fill once in
			// any window (seen: +164 blocks for Eval in the first, +134 in the second), so each
			// figure reported is the smaller of windows 2 and 3: a leak of even one block per
			// call still shows as n there.
			for i := 0; i < n; i++ {
				k.fn()
			}
			settle()
			b2, r2 := blocks(), rss()
			for i := 0; i < n; i++ {
				k.fn()
			}
			settle()
			b3, r3 := blocks(), rss()
			line, _ := json.Marshal(map[string]any{"kind": k.name, "calls": n,
				"rss_delta": smaller(r2-r1, r3-r2), "blocks_delta": smaller(b2-b1, b3-b2),
				"first_rss_delta": r1 - r0, "first_blocks_delta": b1 - b0, "warm_up_calls": warm})
			fmt.Println(string(line))
		}
		return nil
	}))
	check(python.Finalize())
}

// smaller is the delta of smaller magnitude (a leak is large in every window).
func smaller(a, b int64) int64 {
	if abs(a) < abs(b) {
		return a
	}
	return b
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
"""


def test_go_to_python_apis_do_not_leak(tmp_path: Path, go: str, embed_env: dict[str, str], stress: bool) -> None:
    """Import, GetAttr, SetAttr, Eval, FromGo/ToGo, Str/Bytes, exceptions, CallMethod and
    conversion errors, from a Go host program. (Call/Release with allocated blocks alone is
    covered by the runtime's own TestCallReleaseDoesNotLeak.)"""
    (tmp_path / "go.mod").write_text(textwrap.dedent(f"""\
        module example.com/leakhost

        go 1.22

        require github.com/py4go/py4go/runtime v0.0.0

        replace github.com/py4go/py4go/runtime => {runtime_dir()}
        """))
    (tmp_path / "main.go").write_text(HOST)
    run([go, "build", "-o", "leakhost", "."], cwd=tmp_path, env=embed_env)
    n = calls(stress)
    proc = run([str(tmp_path / "leakhost"), str(n)], timeout=3600 if stress else 300)
    rows = parse(proc.stdout)
    assert len(rows) == 9
    assert_no_leaks(rows, n)
    # The first window is held to a bound far below one block per call (n), so a leak that
    # stopped after it would still show; a one-off cache fill of a few hundred blocks passes.
    first = [r for r in rows if abs(r["first_blocks_delta"]) > 1000 or r["first_rss_delta"] >= MIB]
    assert not first, first
