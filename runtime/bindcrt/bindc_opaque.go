// Opaque Go values: values of a type Python has no equivalent for (a functional option
// `type Option func(*config)` whose config is unexported, another package's
// `parser.ParseOption` interface) cross as a capsule holding the Go value. A result is such a
// capsule (nil is None); a parameter takes one holding a value of its Go type, unchanged, so
// the option values a package's own WithX(...) functions make pass straight through.

package bindcrt

/*
#include "py4go.h"
PyObject *py4go_bind_none(void);
*/
import "C"

import (
	"reflect"
	"runtime/cgo"
	"unsafe"
)

// BindcOpaqueArg stores the Go value of the capsule p (borrowed; argument pos of fn) into
// into: None is T's zero value (nil); a capsule made by BindcOpaqueResult holding a T its
// value; anything else a TypeError. Returns 0, or -1 with the exception set.
func BindcOpaqueArg[T any](fn string, pos int, p unsafe.Pointer, into *T) int32 {
	o := (*C.PyObject)(p)
	none := C.py4go_bind_none()
	C.Py_DecRef(none) // only its address is needed: None lives as long as the interpreter
	if o == none {
		var zero T
		*into = zero
		return 0
	}
	r := C.py4go_capsule_handle(o)
	if r.status == C.PY4GO_OK {
		if v, ok := cgo.Handle(uintptr(r.value.num)).Value().(T); ok {
			*into = v
			return 0
		}
	} else {
		_ = resultError(r, "", nil) // not a capsule: frees the failure's description
	}
	want := reflect.TypeFor[T]().String()
	msg := bindcSite(fn, pos) + " must be a Go " + want + " made by this module, not " +
		C.GoString(C.py4go_bind_type_name(o))
	C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return -1
}

// BindcOpaqueResult returns a new reference to a capsule holding v, the result of fn (None
// for a nil func, pointer, map or interface).
func BindcOpaqueResult[T any](fn string, v T) unsafe.Pointer {
	rv := reflect.ValueOf(&v).Elem()
	switch rv.Kind() {
	case reflect.Func, reflect.Pointer, reflect.Map, reflect.Interface, reflect.Slice, reflect.Chan:
		if rv.IsNil() {
			return unsafe.Pointer(C.py4go_bind_none())
		}
	}
	bindcAdopt()
	o, err := NewCapsule(v)
	if err != nil {
		msg := fn + "() result: " + err.Error()
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return nil
	}
	return o.detach()
}
