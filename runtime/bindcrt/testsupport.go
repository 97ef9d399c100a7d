package bindcrt

// Test support: C code the package's own tests and benchmark need (cgo is not allowed in
// _test.go files). Nothing here is exported.

/*
#include "py4go.h"

// (Not static: Go takes the addresses of these functions, which cgo resolves by symbol.)
// A METH_FASTCALL function for the module-creation test: add(a, b) -> a + b.
PyObject *py4go_testsupport_add(PyObject *self, PyObject *const *args, Py_ssize_t n)
{
    if (n != 2) {
        PyErr_Format(PyExc_TypeError, "add() takes exactly 2 arguments (%zd given)", n);
        return NULL;
    }
    return PyNumber_Add(args[0], args[1]);
}

// Single-phase init functions for the Register tests (before and after Initialize).
static struct PyModuleDef py4go_testsupport_before_def = {PyModuleDef_HEAD_INIT, "py4go_registered_before", NULL, -1, NULL};
static struct PyModuleDef py4go_testsupport_after_def = {PyModuleDef_HEAD_INIT, "py4go_registered_after", NULL, -1, NULL};

PyObject *py4go_testsupport_init_before(void)
{
    PyObject *m = PyModule_Create(&py4go_testsupport_before_def);
    if (m != NULL && PyModule_AddIntConstant(m, "answer", 42) < 0)
        Py_CLEAR(m);
    return m;
}

PyObject *py4go_testsupport_init_after(void)
{
    PyObject *m = PyModule_Create(&py4go_testsupport_after_def);
    if (m != NULL && PyModule_AddIntConstant(m, "answer", 43) < 0)
        Py_CLEAR(m);
    return m;
}

// An empty C function: the cost of a bare cgo crossing, for the benchmark's lower bound.
static void py4go_testsupport_nop(void) {}

// The benchmark floor: n times what fn.Call(1, 2) + Int64 + Release does, in a C loop.
// Returns the sum of the results, or -1 with no exception left set on failure.
static long long py4go_testsupport_call_loop(PyObject *fn, long long n)
{
    if (!PyGILState_Check())
        return -1;
    long long sum = 0;
    for (long long i = 0; i < n; i++) {
        PyObject *stack[3] = {NULL, PyLong_FromLong(1), PyLong_FromLong(2)};
        PyObject *r = PyObject_Vectorcall(fn, stack + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        Py_DECREF(stack[1]);
        Py_DECREF(stack[2]);
        if (r == NULL) {
            PyErr_Clear();
            return -1;
        }
        sum += PyLong_AsLong(r);
        Py_DECREF(r);
    }
    return sum;
}
*/
import "C"

import (
	"errors"
	"unsafe"
)

// testAddFunction is a METH_FASTCALL PyCFunction computing a + b.
func testAddFunction() unsafe.Pointer { return unsafe.Pointer(C.py4go_testsupport_add) }

// testInitBefore and testInitAfter are PyInit functions of the modules
// py4go_registered_before (answer = 42) and py4go_registered_after (answer = 43).
func testInitBefore() unsafe.Pointer { return unsafe.Pointer(C.py4go_testsupport_init_before) }
func testInitAfter() unsafe.Pointer  { return unsafe.Pointer(C.py4go_testsupport_init_after) }

// testCallLoop calls fn(1, 2) n times from C and returns the sum of the results.
func testCallLoop(fn *Object, n int) (int64, error) {
	p, err := fn.pyobj("testCallLoop")
	if err != nil {
		return 0, err
	}
	sum := int64(C.py4go_testsupport_call_loop((*C.PyObject)(p), C.longlong(n)))
	if sum < 0 {
		return 0, errors.New("testCallLoop failed (no GIL, or the call raised)")
	}
	return sum, nil
}

// testNop makes one empty cgo call.
func testNop() { C.py4go_testsupport_nop() }
