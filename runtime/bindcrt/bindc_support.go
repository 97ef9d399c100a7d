// Code below is the runtime half of bindc-generated wrappers (Python calling Go). Generated
// packages call only these exported helpers and the C functions of py4go_bind.h; everything
// else they do is plain cgo.

package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"
	"unsafe"
)

// BindcRuntimeV1 is referenced by every bindc-generated Go file (`const _ = python.BindcRuntimeV1`).
// A runtime with another wrapper ABI renames it, so stale generated code fails to compile
// instead of misbehaving.
const BindcRuntimeV1 = true

// BindcABI is the C wrapper ABI revision (PY4GO_ABI in py4go.h); generated module
// initialisers pass the revision they were written for and the runtime checks it at import.
const BindcABI = int(C.PY4GO_ABI)

// BindcString copies n bytes of UTF-8 borrowed from a Python str into a Go string.
// Generated trampolines use it so Go never keeps a pointer into Python memory.
func BindcString(p unsafe.Pointer, n int) string {
	if n == 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(p), n))
}

// BindcBytes copies n bytes borrowed from a Python buffer into a new Go slice (never nil).
func BindcBytes(p unsafe.Pointer, n int) []byte {
	b := make([]byte, n)
	if n > 0 {
		copy(b, unsafe.Slice((*byte)(p), n))
	}
	return b
}

// BindcNewStr returns a new Python str holding s, or nil with UnicodeDecodeError set (naming
// the Python function fn) when s is not valid UTF-8. The GIL must be held.
func BindcNewStr(fn string, s string) unsafe.Pointer {
	return unsafe.Pointer(C.py4go_bind_new_str(bindcCStr(fn), C.Py_ssize_t(len(fn)), bindcCStr(s), C.Py_ssize_t(len(s))))
}

// BindcNewBytes returns a new Python bytes holding a copy of b, or nil with MemoryError set.
func BindcNewBytes(b []byte) unsafe.Pointer {
	var p *C.char
	if len(b) > 0 {
		p = (*C.char)(unsafe.Pointer(&b[0]))
	}
	return unsafe.Pointer(C.py4go_bind_new_bytes(p, C.Py_ssize_t(len(b))))
}

// BindcError raises the Python exception for a non-nil Go error and returns -1, the status a
// trampoline reports to its C wrapper: an instance of the bound class when the error's
// dynamic type is one (a subclass of GoError), else GoError itself, whose go_type attribute
// holds the error's dynamic Go type. An error that errors.Is a registered sentinel
// (BindcRegisterSentinel) is raised as that sentinel's class instead of GoError, or as a
// subclass of both the bound class and the sentinel's class.
func BindcError(err error) int32 {
	if bindcReraise(err) { // a Python callback's exception, returned unchanged
		return -1
	}
	defer bindcSetCause(err)
	sentinel := bindcSentinelOf(err)
	if sentinel == nil && errors.Is(err, io.EOF) {
		// The end of input is Python's EOFError too (py4go.GoEOF), as a Python EOFError is
		// io.EOF to Go: `except EOFError` ends a loop over Token() or Next().
		if sentinel = unsafe.Pointer(C.py4go_bind_go_eof_type()); sentinel == nil {
			C.PyErr_Clear()
		}
	}
	if raiseErrorInstance(err, sentinel) {
		return -1
	}
	msg := err.Error()
	typ := fmt.Sprintf("%T", err)
	C.py4go_bind_raise_error((*C.PyObject)(sentinel), bindcCStr(msg), C.Py_ssize_t(len(msg)), bindcCStr(typ),
		C.Py_ssize_t(len(typ)))
	bindcAttachError(err) // so passing the exception back to Go gives err itself
	return -1
}

// BindcPanic raises the Python exception GoPanic for a panic recovered while running the Go
// side of the Python function fn, and returns -1. The exception's go_stack attribute holds the
// stack of the goroutine that panicked (BindcPanic runs in the deferred function, so the
// panicking frames are still on the stack).
func BindcPanic(fn string, recovered any) int32 {
	var stack []byte
	// From the goroutine of a context call, an awaited call or a sequence's driver (which may
	// be forwarded twice: a sequence pulled by an awaited call); the innermost stack is where
	// the Go code panicked.
	for {
		fwd, ok := recovered.(*bindcForwardedPanic)
		if !ok {
			break
		}
		recovered, stack = fwd.value, fwd.stack
	}
	if bindcReraise(recovered) { // a Python callback's exception, panicked with unchanged
		return -1
	}
	if argErr, ok := recovered.(*BindcArgError); ok {
		msg := fn + "() " + argErr.Msg
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return -1
	}
	var value string
	switch v := recovered.(type) {
	case error:
		value = v.Error()
	case string:
		value = v
	default:
		value = fmt.Sprintf("%v (%T)", v, v)
	}
	if stack == nil {
		stack = debug.Stack()
	}
	var sp *C.char
	if len(stack) > 0 {
		sp = (*C.char)(unsafe.Pointer(&stack[0]))
	}
	C.py4go_bind_raise_panic(bindcCStr(fn), C.Py_ssize_t(len(fn)), bindcCStr(value), C.Py_ssize_t(len(value)),
		sp, C.Py_ssize_t(len(stack)))
	return -1
}

// bindcCStr borrows a Go string's bytes as a C pointer for the duration of one cgo call. The
// memory holds no Go pointers, so cgo's pointer rules allow it; C must not keep it.
func bindcCStr(s string) *C.char {
	return (*C.char)(unsafe.Pointer(unsafe.StringData(s)))
}

// py4goDebugFreeOSMemory runs Go's garbage collector, waits for the finalizers it queued,
// and returns freed memory to the OS. Leak measurements of an extension module call it
// (through ctypes, by this symbol) before reading RSS and Python's block count, so that Go's
// heap pacing, and Python references whose release a finalizer has yet to queue, are not
// mistaken for leaks. Three rounds: a finalizer may free what only a later one can release.
//
//export py4goDebugFreeOSMemory
func py4goDebugFreeOSMemory() {
	for round := 0; round < 3; round++ {
		done := make(chan struct{})
		sentinel := new([16]byte)
		runtime.SetFinalizer(sentinel, func(*[16]byte) { close(done) })
		sentinel = nil
		runtime.GC()
		select { // finalizers run one at a time on one goroutine, in no promised order
		case <-done:
			time.Sleep(time.Millisecond)
		case <-time.After(time.Second): // a finalizer waiting for the GIL the caller holds
		}
	}
	debug.FreeOSMemory()
}

// py4goDebugGoroutines reports runtime.NumGoroutine(): tests of an extension module call it
// (through ctypes, by this symbol) to see that calls, iterators and channels leave no
// goroutine behind.
//
//export py4goDebugGoroutines
func py4goDebugGoroutines() C.int {
	return C.int(runtime.NumGoroutine())
}

// py4goDebugAioCalls reports how many awaited Go calls (a module's aio forms) have not
// settled their future yet: tests and leak checks wait for it to reach 0 (ctypes, by symbol).
//
//export py4goDebugAioCalls
func py4goDebugAioCalls() C.int {
	return C.int(BindcRunningAioCalls())
}
