// Go values behind Python objects: the handles bindc-generated classes hold.

package python

/*
#include "py4go.h"
*/
import "C"

import (
	"reflect"
	"runtime/cgo"
	"sync"
	"sync/atomic"
	"unsafe"
)

// liveHandles counts Go values currently kept alive by Python objects.
var liveHandles atomic.Int64

// BindcNewHandle keeps v (a pointer, for bindc classes) alive for a Python object and returns
// the handle the object stores. The handle is deleted when Python frees the object.
func BindcNewHandle(v any) uintptr {
	liveHandles.Add(1)
	return uintptr(cgo.NewHandle(v))
}

// BindcValue returns the Go value behind a handle stored in a Python object.
func BindcValue(h uintptr) any {
	return cgo.Handle(h).Value()
}

// BindcLiveHandles returns how many Go values Python objects currently keep alive: after
// every object is dropped it is back where it started (no table that only grows).
func BindcLiveHandles() int64 {
	return liveHandles.Load()
}

//export py4goHandleDelete
func py4goHandleDelete(h C.uintptr_t) {
	cgo.Handle(h).Delete()
	liveHandles.Add(-1)
}

//export py4goLiveHandles
func py4goLiveHandles() C.longlong {
	return C.longlong(liveHandles.Load())
}

// BindcPtr returns the *T behind a handle, or nil for handle 0 (Python None).
func BindcPtr[T any](h uintptr) *T {
	if h == 0 {
		return nil
	}
	return cgo.Handle(h).Value().(*T)
}

// BindcPtrHandle returns a handle keeping p alive for a Python object, or 0 for nil (None).
func BindcPtrHandle[T any](p *T) uintptr {
	if p == nil {
		return 0
	}
	return BindcNewHandle(p)
}

// errorClasses maps Go error types (the struct type T; its values or *T implement error) to
// the Python exception class bound for them. Generated module initialisers register them.
var errorClasses sync.Map // reflect.Type -> unsafe.Pointer (PyTypeObject *)

// BindcRegisterErrorClass records that Go errors of dynamic type T or *T are raised in
// Python as instances of pyType (a bindc class deriving from GoError).
func BindcRegisterErrorClass(t reflect.Type, pyType unsafe.Pointer) {
	errorClasses.Store(t, pyType)
}

// raiseErrorInstance raises err as its bound exception class, if it has one.
func raiseErrorInstance(err error) bool {
	t := reflect.TypeOf(err)
	ptr := reflect.ValueOf(err)
	if t.Kind() != reflect.Pointer {
		// A value-receiver error type: the class holds a *T, so copy the value to the heap.
		p := reflect.New(t)
		p.Elem().Set(ptr)
		ptr = p
	} else if ptr.IsNil() {
		return false
	}
	cls, ok := errorClasses.Load(ptr.Type().Elem())
	if !ok {
		return false
	}
	C.py4go_bind_raise_instance((*C.PyTypeObject)(cls.(unsafe.Pointer)), C.uintptr_t(BindcNewHandle(ptr.Interface())))
	return true
}
