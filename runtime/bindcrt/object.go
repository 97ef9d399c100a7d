package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"runtime"
	"strconv"
	"unsafe"
)

// Object is python.Object (documented there; a python.Object holds exactly one Object):
// an owned reference to a PyObject, or an unboxed scalar result.
type Object struct {
	ref      *reference // the owned PyObject; nil for an unboxed scalar and after Release
	released bool
	kind     C.int32_t // unboxed scalar: PY4GO_NONE, _BOOL, _INT64 or _FLOAT64
	num      C.int64_t // unboxed scalar value (float64 as its IEEE-754 bits)
}

// reference holds one strong reference to a PyObject. It is a separate heap cell carrying
// the finalizer, so that an Object itself can live on the caller's stack.
type reference struct {
	ptr unsafe.Pointer // *C.PyObject
	gen uint64         // the interpreter generation the object belongs to
}

func newReference(p unsafe.Pointer) *reference {
	r := &reference{ptr: p, gen: generation.Load()}
	runtime.SetFinalizer(r, finalizeReference)
	return r
}

// finalizeReference is the safety net for an Object that was never released.
func finalizeReference(r *reference) {
	if r.ptr != nil {
		deferRelease(r.ptr, r.gen)
	}
}

// setResult fills o from a py4go_value a runtime call returned (an owned reference for
// PY4GO_OBJECT, an unboxed scalar otherwise).
func (o *Object) setResult(v C.py4go_value) {
	if v.kind == C.PY4GO_OBJECT {
		o.ref = newReference(unsafe.Pointer(v.ptr))
		return
	}
	o.kind = v.kind
	o.num = v.num
}

// objectResult wraps the value of a successful result in a new Object.
func objectResult(v C.py4go_value) *Object {
	o := new(Object)
	o.setResult(v)
	return o
}

var errNilObject = errors.New("nil *python.Object")

// pyobj returns o's PyObject (borrowed), creating it first for an unboxed scalar.
func (o *Object) pyobj(op string) (unsafe.Pointer, error) {
	if o == nil {
		return nil, opError(op, errNilObject)
	}
	if r := o.ref; r != nil {
		if r.gen != generation.Load() {
			return nil, opError(op, ErrStale)
		}
		return r.ptr, nil
	}
	if o.released {
		return nil, opError(op, ErrReleased)
	}
	v := C.py4go_value{kind: o.kind, num: o.num}
	r := C.py4go_from_value(&v)
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, op, nil)
	}
	o.ref = newReference(unsafe.Pointer(r.value.ptr))
	return o.ref.ptr, nil
}

// unboxed reports whether o is a live unboxed scalar.
func (o *Object) unboxed() bool {
	return o != nil && o.ref == nil && !o.released
}

// Release implements Object.Release of package python (documented there).
func (o *Object) Release() {
	if o == nil || o.released {
		return
	}
	o.released = true
	r := o.ref
	if r == nil {
		return
	}
	o.ref = nil
	p := r.ptr
	r.ptr = nil
	if r.gen != generation.Load() {
		return
	}
	if C.py4go_release((*C.PyObject)(p)) == C.PY4GO_NO_GIL {
		deferRelease(p, r.gen)
	}
}

// detach hands o's reference over to the caller (who passes it to C to be stolen) and
// leaves o released.
func (o *Object) detach() unsafe.Pointer {
	r := o.ref
	o.ref = nil
	o.released = true
	p := r.ptr
	r.ptr = nil
	return p
}

// Ptr implements Object.Ptr of package python (documented there).
func (o *Object) Ptr() unsafe.Pointer {
	p, err := o.pyobj("Object.Ptr")
	if err != nil {
		return nil
	}
	return p
}

// NewRef implements NewRef of package python (documented there).
func NewRef(p unsafe.Pointer) (*Object, error) {
	if p == nil {
		return nil, nil
	}
	r := C.py4go_incref((*C.PyObject)(p))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "NewRef", nil)
	}
	return &Object{ref: newReference(p)}, nil
}

// StealRef implements StealRef of package python (documented there).
func StealRef(p unsafe.Pointer) *Object {
	if p == nil {
		return nil
	}
	return &Object{ref: newReference(p)}
}

// GetAttr implements Object.GetAttr of package python (documented there).
func (o *Object) GetAttr(name string) (*Object, error) {
	op := "Object.GetAttr(" + quote(name) + ")"
	p, err := o.pyobj(op)
	if err != nil {
		return nil, err
	}
	r := C.py4go_getattr((*C.PyObject)(p), cstr(name), C.Py_ssize_t(len(name)))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, op, nil)
	}
	return objectResult(r.value), nil
}

// SetAttr implements Object.SetAttr of package python (documented there).
func (o *Object) SetAttr(name string, value any) error {
	op := "Object.SetAttr(" + quote(name) + ")"
	p, err := o.pyobj(op)
	if err != nil {
		return err
	}
	var pk packer
	pk.vals = make([]C.py4go_value, 1)
	if err := pk.put(&pk.vals[0], value); err != nil {
		pk.abort()
		return conversionContext(err, op+" value")
	}
	r := C.py4go_setattr((*C.PyObject)(p), cstr(name), C.Py_ssize_t(len(name)), &pk.vals[0])
	pk.done()
	if r.status != C.PY4GO_OK {
		return resultError(r, op, func(int) string { return "value" })
	}
	return nil
}

// String implements Object.String of package python (documented there).
func (o *Object) String() string {
	s, err := o.str(0, "Object.String")
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return s
}

// Repr implements Object.Repr of package python (documented there).
func (o *Object) Repr() (string, error) {
	return o.str(1, "Object.Repr")
}

func (o *Object) str(repr C.int, op string) (string, error) {
	if o.unboxed() && o.kind != C.PY4GO_FLOAT64 {
		// Same text as Python's str() and repr() for these, without a cgo call.
		switch o.kind {
		case C.PY4GO_NONE:
			return "None", nil
		case C.PY4GO_BOOL:
			if o.num != 0 {
				return "True", nil
			}
			return "False", nil
		case C.PY4GO_INT64:
			return strconv.FormatInt(int64(o.num), 10), nil
		}
	}
	p, err := o.pyobj(op)
	if err != nil {
		return "", err
	}
	r := C.py4go_str((*C.PyObject)(p), repr)
	if r.status != C.PY4GO_OK {
		return "", resultError(r, op, nil)
	}
	return copyString(r.value), nil
}

// Type implements Object.Type of package python (documented there).
func (o *Object) Type() (*Object, error) {
	p, err := o.pyobj("Object.Type")
	if err != nil {
		return nil, err
	}
	r := C.py4go_type((*C.PyObject)(p))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "Object.Type", nil)
	}
	return objectResult(r.value), nil
}

// TypeName implements Object.TypeName of package python (documented there).
func (o *Object) TypeName() string {
	if o.unboxed() {
		return pythonScalarType(o.kind)
	}
	if o == nil || o.ref == nil || o.ref.gen != generation.Load() {
		return ""
	}
	return C.GoString(C.py4go_type_name((*C.PyObject)(o.ref.ptr)))
}

// copyString copies the UTF-8 bytes a py4go_value borrows into a Go string.
func copyString(v C.py4go_value) string {
	if v.num == 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(v.ptr), int(v.num)))
}

// copyBytes copies the bytes a py4go_value borrows into a new (non-nil) Go slice.
func copyBytes(v C.py4go_value) []byte {
	b := make([]byte, int(v.num))
	if v.num > 0 {
		copy(b, unsafe.Slice((*byte)(v.ptr), int(v.num)))
	}
	return b
}

func quote(s string) string { return strconv.Quote(s) }
