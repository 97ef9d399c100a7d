"""Benchmark: numeric buffers viewed by Go without a copy, against the element-wise path and a
hand-written C extension, in one run.

    python tests/bench/bench_buffers.py [--repeat 5] [--n 1000000]

Builds one extension from the Go package below (``Sum(xs []float64)``, ``Scale(xs []float64,
k)``) and a small C extension doing the same over the buffer protocol (``PyObject_GetBuffer``,
a C loop, ``PyBuffer_Release``), then prints the time per call (best of --repeat, one fresh
interpreter) for N float64s: summed from an ``array.array('d')`` (viewed), from a list (the
element-wise path), by the C extension and by Python's ``sum``; and written by Go into an
``array.array('d')`` (in place), into a list (element-wise, written back) and by the C
extension; and returned as an ``array.array`` (``//py4go:buffer``) or as a list. Ratios: the
buffer paths against the element-wise ones and against C.
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

BENCH_GO = """\
package benchbuf

// Sum adds xs.
func Sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// Scale multiplies every element by k in place.
func Scale(xs []float64, k float64) {
	for i := range xs {
		xs[i] *= k
	}
}

// Ramp returns n float64s as a list (element-wise).
func Ramp(n int) []float64 { return ramp(n) }

// RampArray returns n float64s as an array.array('d').
//
//py4go:buffer
func RampArray(n int) []float64 { return ramp(n) }

func ramp(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i)
	}
	return out
}
"""

C_EXT = r"""
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *sum(PyObject *self, PyObject *arg)
{
    Py_buffer v;
    if (PyObject_GetBuffer(arg, &v, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return NULL;
    const double *p = v.buf;
    Py_ssize_t n = v.len / (Py_ssize_t)sizeof(double);
    double t = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        t += p[i];
    PyBuffer_Release(&v);
    return PyFloat_FromDouble(t);
}

static PyObject *scale(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer v;
    if (nargs != 2 || PyObject_GetBuffer(args[0], &v, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE) < 0)
        return NULL;
    double k = PyFloat_AsDouble(args[1]);
    double *p = v.buf;
    Py_ssize_t n = v.len / (Py_ssize_t)sizeof(double);
    for (Py_ssize_t i = 0; i < n; i++)
        p[i] *= k;
    PyBuffer_Release(&v);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"sum", sum, METH_O, NULL},
    {"scale", (PyCFunction)(void (*)(void))scale, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "cbuf", NULL, -1, methods};
PyMODINIT_FUNC PyInit_cbuf(void) { return PyModule_Create(&module); }
"""

CASES: list[tuple[str, str]] = [
    ("sum    array('d')  bindc (buffer view)", "gsum(arr)"),
    ("sum    list        bindc (element-wise)", "gsum(lst)"),
    ("sum    array('d')  hand-written C", "csum(arr)"),
    ("sum    list        python sum()", "sum(lst)"),
    ("write  array('d')  bindc (in place)", "gscale(arr, 1.0)"),
    ("write  list        bindc (element-wise, written back)", "gscale(lst, 1.0)"),
    ("write  array('d')  hand-written C", "cscale(arr, 1.0)"),
    ("result array('d')  bindc //py4go:buffer (one copy)", "gramp_array(N)"),
    ("result list        bindc (element-wise)", "gramp(N)"),
]


def build_c(work: Path) -> None:
    """The reference C extension, with the flags of this interpreter."""
    src = work / "cbuf.c"
    src.write_text(C_EXT)
    out = work / ("cbuf" + (sysconfig.get_config_var("EXT_SUFFIX") or ".so"))
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", f"-I{sysconfig.get_paths()['include']}", str(src), "-o", str(out)],
                   check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    setup = textwrap.dedent(f"""
        import array
        from benchbuf import sum as gsum, scale as gscale, ramp as gramp, ramp_array as gramp_array
        N = {args.n}
        from cbuf import sum as csum, scale as cscale
        lst = [float(i % 1000) for i in range({args.n})]
        arr = array.array('d', lst)
    """)
    with tempfile.TemporaryDirectory(prefix="bindc-bench-") as tmp:
        work = Path(tmp)
        pkg = work / "benchbuf"
        pkg.mkdir()
        (pkg / "go.mod").write_text("module example.com/benchbuf\n\ngo 1.22\n")
        (pkg / "benchbuf.go").write_text(BENCH_GO)
        print("building...", file=sys.stderr)
        build_extension(str(pkg), work, cwd=pkg)
        build_c(work)
        code = textwrap.dedent(f"""
            import json, timeit
            out = []
            for stmt in {[c[1] for c in CASES]!r}:
                t = timeit.Timer(stmt, setup={setup!r})
                number, _ = t.autorange()
                out.append(min(t.repeat(repeat={args.repeat}, number=number)) / number * 1e9)
            print(json.dumps(out))
        """)
        proc = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(work)),
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"benchmark failed:\n{proc.stderr}")
        ns = json.loads(proc.stdout)
    print(f"N = {args.n:,} float64s; time per call, best of {args.repeat} (Python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.1f})")
    for (label, _), t in zip(CASES, ns):
        print(f"  {label:<52} {t / 1e3:>12,.1f} us   {t / args.n:6.2f} ns/element")
    view, elementwise, c_sum, py_sum, write, write_list, c_write, result_array, result_list = ns
    print(f"sum:   buffer view vs element-wise {elementwise / view:6.1f}x faster;  vs hand-written C "
          f"{view / c_sum:.2f}x (1.00 = as fast);  python sum() {py_sum / view:.1f}x slower than the view")
    print(f"write: in place vs element-wise    {write_list / write:6.1f}x faster;  vs hand-written C "
          f"{write / c_write:.2f}x")
    print(f"result: array.array vs list        {result_list / result_array:6.1f}x faster")


if __name__ == "__main__":
    main()
