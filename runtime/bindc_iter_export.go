package python

// This file only exports Go to the C runtime (py4go_bind_iter.c, py4go_bind_aio.c); cgo allows no C
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

// py4goAioDone is the done callback of an awaited Go call's future (see bindcAioDone).
//
//export py4goAioDone
func py4goAioDone(h C.uintptr_t) {
	bindcAioDone(uintptr(h))
}

// py4goAioComplete settles the future of a finished awaited Go call (see bindcAioComplete).
//
//export py4goAioComplete
func py4goAioComplete(h C.uintptr_t) {
	bindcAioComplete(uintptr(h))
}
