"""Benchmark: containers and strings crossing bindc wrappers, in one run.

    python tests/bench/bench_containers.py [--repeat 7] [--cpu]

Builds one extension from the Go package below and prints ns per call (best of --repeat
timeit runs, in one fresh interpreter) for ``[]int`` of 1,000 elements as a parameter, as a
result and both ways, a string round trip, and a few more shapes for context: the typed
paths ([]int, []float64, []string) next to the reflection path ([]int32, a named []W), slices
of a value class ([]Kelvin: instances, or floats, in; instances out), maps, nested
slices and ``any``, and arguments Go changes in place (a list written back: all elements, or
one; a tuple copied in only; a bytearray copied back). gopy's figures (DESIGN.md) are printed
alongside where it has one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "compiler"))

from bindc.build import build_extension  # noqa: E402

BENCH_GO = """\
package benchc

// SumInts sums a []int parameter.
func SumInts(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// MakeInts returns a []int result of n elements.
func MakeInts(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// EchoInts takes and returns a []int.
func EchoInts(xs []int) []int { return xs }

// SumSmall sums a []int32 (converted by reflection, not a typed path).
func SumSmall(xs []int32) int {
	t := 0
	for _, x := range xs {
		t += int(x)
	}
	return t
}

// EchoFloats takes and returns a []float64.
func EchoFloats(xs []float64) []float64 { return xs }

// EchoStrings takes and returns a []string.
func EchoStrings(xs []string) []string { return xs }

// EchoString returns s.
func EchoString(s string) string { return s }

// Concat joins two strings.
func Concat(a, b string) string { return a + b }

// EchoMap takes and returns a map[string]int.
func EchoMap(m map[string]int) map[string]int { return m }

// EchoGrid takes and returns a [][]int.
func EchoGrid(g [][]int) [][]int { return g }

// EchoAny takes and returns any.
func EchoAny(v any) any { return v }

// NegateInts negates every element in place (a list argument sees it: written back).
func NegateInts(xs []int) {
	for i := range xs {
		xs[i] = -xs[i]
	}
}

// BumpFirst changes one element in place.
func BumpFirst(xs []int) { xs[0]++ }

// W is a named scalar without methods: its slices cross as lists of ints (by kind).
type W uint

// SumWords sums a []W (reflection, one class-registry lookup per container).
func SumWords(ws []W) int {
	t := 0
	for _, w := range ws {
		t += int(w)
	}
	return t
}

// Kelvin is a value class: its slices cross as lists of Kelvin instances.
type Kelvin float64

// Celsius converts k.
func (k Kelvin) Celsius() float64 { return float64(k) - 273.15 }

// Warmest returns the highest of ks.
func Warmest(ks []Kelvin) Kelvin {
	var best Kelvin
	for _, k := range ks {
		best = max(best, k)
	}
	return best
}

// Readings returns n Kelvin values (n instances made).
func Readings(n int) []Kelvin { return make([]Kelvin, n) }

// ReadInto fills p, like io.Reader.Read.
func ReadInto(p []byte) int {
	for i := range p {
		p[i] = byte(i)
	}
	return len(p)
}
"""

#: (label, statement, gopy ns from DESIGN.md or None)
CASES: list[tuple[str, str, float | None]] = [
    ("[]int 1000 param        sum_ints(xs)", "sum_ints(xs)", None),
    ("[]int 1000 result       make_ints(1000)", "make_ints(1000)", None),
    ("[]int 1000 both ways    echo_ints(xs)", "echo_ints(xs)", None),
    ("[]int32 1000 param      sum_small(xs)  (reflection)", "sum_small(xs)", None),
    ("[]W 1000 param          sum_words(xs)  (named uint, reflection)", "sum_words(xs)", None),
    ("[]Kelvin 1000 param     warmest(fs)    (floats, value class)", "warmest(fs)", None),
    ("[]Kelvin 1000 param     warmest(ks)    (instances)", "warmest(ks)", None),
    ("[]Kelvin 1000 result    readings(1000) (instances made)", "readings(1000)", None),
    ("[]int 1000 in place     negate_ints(xs) (all back)", "negate_ints(xs)", None),
    ("[]int 1000 in place     bump_first(xs) (one back)", "bump_first(xs)", None),
    ("[]int 1000 tuple        sum_ints(tx)  (copy-in)", "sum_ints(tx)", None),
    ("[]byte 4096 bytearray   read_into(ba)", "read_into(ba)", None),
    ("[]float64 1000 both     echo_floats(fs)", "echo_floats(fs)", None),
    ("[]string 1000 both      echo_strings(ss)", "echo_strings(ss)", None),
    ("string round trip       echo_string('hello')", "echo_string('hello')", None),
    ("string concat           concat('hello', 'world')", "concat('hello', 'world')", 1060.0),
    ("map[string]int 100 both echo_map(m)", "echo_map(m)", None),
    ("[][]int 10x10 both      echo_grid(g)", "echo_grid(g)", None),
    ("any (list of 10 mixed)  echo_any(mixed)", "echo_any(mixed)", None),
    ("python: sum(xs)         (reference)", "sum(xs)", None),
    ("python: list(range(1000)) (reference)", "list(range(1000))", None),
]

SETUP = """
from benchc import (sum_ints, make_ints, echo_ints, sum_small, echo_floats, echo_strings, echo_string,
                    concat, echo_map, echo_grid, echo_any, negate_ints, bump_first, read_into, sum_words,
                    warmest, readings, Kelvin)
xs = list(range(1000))
ks = [Kelvin(i) for i in range(1000)]
tx = tuple(xs)
ba = bytearray(4096)
fs = [float(i) for i in range(1000)]
ss = [f"s{i}" for i in range(1000)]
m = {f"k{i}": i for i in range(100)}
g = [list(range(10)) for _ in range(10)]
mixed = [1, 2.5, "x", None, True, b"b", [1, 2], {"a": 1}, 3, "y"]
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cpu", action="store_true",
                        help="time with the calling thread's CPU clock (steadier on a loaded machine; "
                             "leaves out Go's background GC work)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bindc-bench-") as tmp:
        work = Path(tmp)
        pkg = work / "benchc"
        pkg.mkdir()
        (pkg / "go.mod").write_text("module example.com/benchc\n\ngo 1.22\n")
        (pkg / "benchc.go").write_text(BENCH_GO)
        print("building...", file=sys.stderr)
        build_extension(str(pkg), work, cwd=pkg)
        code = textwrap.dedent(f"""
            import json, time, timeit
            setup = {SETUP!r}
            timer = time.thread_time if {args.cpu!r} else time.perf_counter
            out = []
            for stmt in {[c[1] for c in CASES]!r}:
                t = timeit.Timer(stmt, setup=setup, timer=timer)
                number, _ = t.autorange()
                best = min(t.repeat(repeat={args.repeat}, number=number))
                out.append(best / number * 1e9)
            print(json.dumps(out))
        """)
        env = dict(os.environ, PYTHONPATH=str(work))
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"benchmark failed:\n{proc.stderr}")
        results = json.loads(proc.stdout)
    clock = "thread CPU time" if args.cpu else "wall time"
    print(f"ns per call, best of {args.repeat}, {clock} (Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f})")
    for (label, _, gopy), ns in zip(CASES, results):
        extra = f"   gopy {gopy:.0f} ns: {gopy / ns:.1f}x faster" if gopy else ""
        print(f"  {label:<52} {ns:10.0f} ns{extra}")


if __name__ == "__main__":
    main()
