package bindcrt

// Exports for py4go_typed.c; cgo allows no C definitions next to //export, so this file
// includes nothing but Python.h (for the PyObject type).

/*
#define PY_SSIZE_T_CLEAN
#include <Python.h>
*/
import "C"

import "unsafe"

// py4goTypedInvoke is the typed trampoline's way into Go: it calls the Go func behind
// handle (see TypedNewFunc) with Python's positional arguments.
//
//export py4goTypedInvoke
func py4goTypedInvoke(handle C.uintptr_t, args **C.PyObject, nargs C.Py_ssize_t) *C.PyObject {
	ptrs := unsafe.Slice((*unsafe.Pointer)(unsafe.Pointer(args)), int(nargs))
	return (*C.PyObject)(typedInvoke(uintptr(handle), ptrs))
}
