package python

// This file only exports Go to the C runtime (py4go_bind_iter.c); cgo allows no C
// definitions next to //export.

// #include "py4go.h"
import "C"

import "unsafe"

// py4goIterNext produces the next item of the Go iterator h for Python (see bindcIterNext).
//
//export py4goIterNext
func py4goIterNext(h C.uintptr_t, out **C.PyObject) C.int {
	var p unsafe.Pointer
	status := bindcIterNext(uintptr(h), &p)
	*out = (*C.PyObject)(p)
	return C.int(status)
}

// py4goIterClose is called when Python drops the iterator of h (see bindcIterClose).
//
//export py4goIterClose
func py4goIterClose(h C.uintptr_t) {
	bindcIterClose(uintptr(h))
}
