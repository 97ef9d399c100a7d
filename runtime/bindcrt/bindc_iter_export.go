package bindcrt

// This file only exports Go to the C runtime (py4go_bind_iter.c, py4go_bind_aio.c); cgo allows no C
// definitions next to //export.

// #include "py4go.h"
import "C"

import "unsafe"

// py4goIterNext produces the next item of the Go iterator h for Python (see bindcIterNext).
//
//export py4goIterNext
func py4goIterNext(h C.uintptr_t, thread C.ulong, out **C.PyObject) C.int {
	var p unsafe.Pointer
	status := bindcIterNext(uintptr(h), uint64(thread), &p)
	*out = (*C.PyObject)(p)
	return C.int(status)
}

// py4goIterAnext is the Go iterator h's __anext__ (see bindcIterAnext).
//
//export py4goIterAnext
func py4goIterAnext(h C.uintptr_t, thread C.ulong) *C.PyObject {
	return (*C.PyObject)(bindcIterAnext(uintptr(h), uint64(thread)))
}

// py4goIterClose is called when Python drops the iterator of h (see bindcIterClose).
//
//export py4goIterClose
func py4goIterClose(h C.uintptr_t, thread C.ulong) {
	bindcIterClose(uintptr(h), uint64(thread))
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

//export py4goChanNew
func py4goChanNew(capacity C.longlong) C.uintptr_t { return C.uintptr_t(bindcChanNew(int(capacity))) }

//export py4goChanFree
func py4goChanFree(h C.uintptr_t) { bindcChanFree(uintptr(h)) }

//export py4goChanSend
func py4goChanSend(h C.uintptr_t, value *C.PyObject, timeout C.double) C.int {
	return C.int(bindcChanSend(uintptr(h), unsafe.Pointer(value), float64(timeout)))
}

//export py4goChanRecv
func py4goChanRecv(h C.uintptr_t, timeout C.double, iterating C.int, out **C.PyObject) C.int {
	var p unsafe.Pointer
	status := bindcChanRecv(uintptr(h), float64(timeout), iterating != 0, &p)
	*out = (*C.PyObject)(p)
	return C.int(status)
}

//export py4goChanClose
func py4goChanClose(h C.uintptr_t) C.int { return C.int(bindcChanClose(uintptr(h))) }

//export py4goChanInfo
func py4goChanInfo(h C.uintptr_t, what C.int) C.longlong {
	return C.longlong(bindcChanInfo(uintptr(h), int(what)))
}

//export py4goChanAnext
func py4goChanAnext(h C.uintptr_t) *C.PyObject {
	return (*C.PyObject)(bindcChanAnext(uintptr(h)))
}
