package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"runtime/cgo"
)

// NewCapsule implements NewCapsule of package python (documented there).
func NewCapsule(v any) (*Object, error) {
	h := cgo.NewHandle(v)
	r := C.py4go_new_capsule(C.uintptr_t(h))
	if r.status != C.PY4GO_OK {
		h.Delete()
		return nil, resultError(r, "NewCapsule", nil)
	}
	return objectResult(r.value), nil
}

// CapsuleValue implements Object.CapsuleValue of package python (documented there).
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
