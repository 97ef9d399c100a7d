package python

/*
#include "py4go.h"
*/
import "C"

import (
	"runtime/cgo"
)

// NewCapsule wraps any Go value in a Python capsule (a PyCapsule named "py4go.handle"), so
// Python code can carry it around and hand it back to Go, which gets it with CapsuleValue.
// The Go value stays alive as long as the capsule does. Returns a new reference.
func NewCapsule(v any) (*Object, error) {
	h := cgo.NewHandle(v)
	r := C.py4go_new_capsule(C.uintptr_t(h))
	if r.status != C.PY4GO_OK {
		h.Delete()
		return nil, resultError(r, "NewCapsule", nil)
	}
	return objectResult(r.value), nil
}

// CapsuleValue returns the Go value a capsule made by NewCapsule holds; any other object is
// a *ConversionError.
func (o *Object) CapsuleValue() (any, error) {
	p, err := o.pyobj("Object.CapsuleValue")
	if err != nil {
		return nil, err
	}
	r := C.py4go_capsule_handle((*C.PyObject)(p))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "Object.CapsuleValue", nil)
	}
	return cgo.Handle(r.value.num).Value(), nil
}
