"""Benchmark: Python calling Go ``Add(a, b int) int`` through bindc, next to its two floors.

    python tests/bench/bench_call.py [--repeat 15] [--number 1000000]

Prints ns per call (best of --repeat timeit runs) for:
  python-def   a plain Python ``def add(a, b): return a + b``
  c-floor      a hand-written C METH_FASTCALL extension (pure C, no Go)
  cgo-floor    a hand-written C METH_FASTCALL function calling a cgo-exported Go add
  bindc        the bindc extension module built from the Go package below
Each variant runs in its own interpreter (one Go runtime per process), in one invocation, so
the ratios compare figures measured side by side on the same machine state.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "compiler"))

from bindc.build import build_extension  # noqa: E402
from bindc.interpreter import find_interpreter  # noqa: E402
from bindc.resources import find_go, go_env  # noqa: E402

ADD_GO = """\
package benchadd

// Add returns a+b.
func Add(a, b int) int { return a + b }
"""

C_FASTCALL = r"""
#define PY_SSIZE_T_CLEAN
#include <Python.h>
%(extern)s
static PyObject *add(PyObject *m, PyObject *const *args, Py_ssize_t n) {
    if (n != 2) { PyErr_SetString(PyExc_TypeError, "add() takes exactly 2 arguments"); return NULL; }
    long long a = PyLong_AsLongLong(args[0]); if (a == -1 && PyErr_Occurred()) return NULL;
    long long b = PyLong_AsLongLong(args[1]); if (b == -1 && PyErr_Occurred()) return NULL;
    return PyLong_FromLongLong(%(call)s);
}
static PyMethodDef methods[] = {{"add", (PyCFunction)(void(*)(void))add, METH_FASTCALL, NULL}, {NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "%(name)s", NULL, -1, methods};
PyMODINIT_FUNC PyInit_%(name)s(void) { return PyModule_Create(&def); }
"""

CGO_MAIN = """\
package main

import "C"

//export goadd
func goadd(a, b C.longlong) C.longlong { return a + b }

func main() {}
"""


def build_c_floor(work: Path) -> Path:
    """The pure C extension ``cfloor``."""
    src = work / "cfloor.c"
    src.write_text(C_FASTCALL % {"extern": "", "call": "a + b", "name": "cfloor"})
    out = work / f"cfloor{sysconfig.get_config_var('EXT_SUFFIX')}"
    inc = sysconfig.get_paths()["include"]
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", f"-I{inc}", str(src), "-o", str(out)], check=True)
    return out


def build_cgo_floor(work: Path) -> Path:
    """The C wrapper + cgo-exported Go add, as extension ``cgofloor``."""
    pkg = work / "cgofloor"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module cgofloor\n\ngo 1.22\n")
    (pkg / "main.go").write_text(CGO_MAIN)
    (pkg / "wrapper.c").write_text(C_FASTCALL % {
        "extern": '#include "_cgo_export.h"', "call": "goadd(a, b)", "name": "cgofloor"})
    out = work / f"cgofloor{sysconfig.get_config_var('EXT_SUFFIX')}"
    env = go_env(find_interpreter().cgo_env(embed=False))
    subprocess.run([find_go(), "build", "-buildmode=c-shared", "-o", str(out), "."], cwd=pkg, env=env, check=True)
    return out


def build_bindc(work: Path) -> Path:
    """The bindc extension ``benchadd``."""
    pkg = work / "benchadd"
    pkg.mkdir()
    (pkg / "go.mod").write_text("module example.com/benchadd\n\ngo 1.22\n")
    (pkg / "add.go").write_text(ADD_GO)
    built = build_extension(str(pkg), work, cwd=pkg)
    return built.outputs[0]


def time_call(module: str | None, path: Path, repeat: int, number: int) -> float:
    """Best-of-``repeat`` ns per ``add(1, 2)`` call, measured in a fresh interpreter."""
    setup = f"from {module} import add" if module else "def add(a, b):\n    return a + b"
    code = textwrap.dedent(f"""
        import json, timeit
        t = timeit.Timer("add(1, 2)", setup={setup!r})
        best = min(t.repeat(repeat={repeat}, number={number}))
        print(json.dumps(best / {number} * 1e9))
    """)
    env = dict(os.environ, PYTHONPATH=str(path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bindc-bench-") as tmp:
        work = Path(tmp)
        print("building variants...", file=sys.stderr)
        build_c_floor(work)
        build_cgo_floor(work)
        build_bindc(work)
        results = {}
        for label, module in (("python-def", None), ("c-floor", "cfloor"), ("cgo-floor", "cgofloor"),
                              ("bindc", "benchadd")):
            results[label] = time_call(module, work, args.repeat, args.number)
    print(f"add(1, 2): ns per call, best of {args.repeat} x {args.number:,} (Python {sys.version.split()[0]})")
    for label, ns in results.items():
        print(f"  {label:<11} {ns:8.1f} ns")
    print(f"  bindc / cgo-floor = {results['bindc'] / results['cgo-floor']:.2f}x (goal <= 1.25x)")
    print(f"  bindc / c-floor   = {results['bindc'] / results['c-floor']:.2f}x")
    print(f"  gopy 0.4.10 (DESIGN.md) 372 ns / bindc = {372 / results['bindc']:.1f}x faster")


if __name__ == "__main__":
    main()
