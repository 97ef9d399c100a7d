// Go errors as Python values (not raised): `error` parameters, fields and container elements.
//
// A GoError a Go function raised carries the Go error it stands for (a capsule attribute set
// by BindcError), so passing the exception back to Go hands over the very same error value:
// errors.Is and errors.As work on it. Going to Python, a non-nil error becomes an exception
// instance (not raised): its bound class's instance when its type has one, else GoError (or
// the class of the sentinel it matches) with str() its Error() text; nil is None.

package bindcrt

/*
#include "py4go.h"
void py4go_bind_attach_go_error(uintptr_t handle);
uintptr_t py4go_bind_carried_error(PyObject *o);
PyObject *py4go_bind_new_error_object(PyObject *cls, const char *msg, Py_ssize_t msg_len, const char *gotype,
                                      Py_ssize_t gotype_len, uintptr_t handle);
int py4go_bind_is_error(PyObject *o, PyObject *cls);
PyObject *py4go_bind_none(void);
*/
import "C"

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/cgo"
	"unsafe"
)

var bindcErrorType = reflect.TypeOf((*error)(nil)).Elem()

// bindcAttachError records err in the GoError just raised for it.
func bindcAttachError(err error) {
	C.py4go_bind_attach_go_error(C.uintptr_t(cgo.NewHandle(err)))
}

// bindcErrorOf converts a Python value into a Go error: None is nil; a GoError raised by a Go
// function is its Go error; an instance of a bound error class is its Go value; a sentinel
// class (or an instance of one made in Python) is the sentinel variable's current value; any
// other GoError instance is errors.New(str(e)). Anything else is a TypeError.
func bindcErrorOf(v C.py4go_value) (error, *bindcFailure) {
	const want = "GoError or None"
	switch v.kind {
	case C.PY4GO_NONE:
		return nil, nil
	case C.PY4GO_OBJECT:
	default:
		return nil, bindcWrongType(v, want)
	}
	o := (*C.PyObject)(v.ptr)
	if h := C.py4go_bind_carried_error(o); h != 0 {
		if err, ok := cgo.Handle(h).Value().(error); ok {
			return err, nil
		}
	}
	if h := uintptr(C.py4go_bind_handle_of(o)); h != 0 {
		if err, ok := BindcValue(h).(error); ok {
			return err, nil
		}
	}
	bindcSentinels.RLock()
	sentinels := append([]bindcSentinel(nil), bindcSentinels.list...)
	bindcSentinels.RUnlock()
	for _, s := range sentinels {
		switch C.py4go_bind_is_error(o, (*C.PyObject)(s.pyType)) {
		case 1:
			return s.get(), nil
		case -1:
			return nil, &bindcFailure{kind: bindcRaised}
		}
	}
	switch C.py4go_bind_is_error(o, nil) {
	case 0:
		return nil, bindcWrongType(v, want)
	case -1:
		return nil, &bindcFailure{kind: bindcRaised}
	}
	s := C.PyObject_Str(o)
	if s == nil {
		return nil, &bindcFailure{kind: bindcRaised}
	}
	defer C.py4go_release(s)
	var n C.Py_ssize_t
	text := C.PyUnicode_AsUTF8AndSize(s, &n)
	if text == nil {
		return nil, &bindcFailure{kind: bindcRaised}
	}
	return errors.New(C.GoStringN(text, C.int(n))), nil
}

// bindcNewErrorObject returns a new reference for err (not raised); nil is None.
func bindcNewErrorObject(err error) (unsafe.Pointer, *bindcFailure) {
	if err == nil {
		return unsafe.Pointer(C.py4go_bind_none()), nil
	}
	if p, ok := bindcWrapInstance(err); ok {
		return p, bindcRaisedIf(p != nil)
	}
	msg, typ := err.Error(), fmt.Sprintf("%T", err)
	p := C.py4go_bind_new_error_object((*C.PyObject)(bindcSentinelOf(err)), bindcCStr(msg), C.Py_ssize_t(len(msg)),
		bindcCStr(typ), C.Py_ssize_t(len(typ)), C.uintptr_t(cgo.NewHandle(err)))
	return unsafe.Pointer(p), bindcRaisedIf(p != nil)
}

// BindcFromError returns a new reference for err, the error-typed result (or field) of the
// Python function fn: an exception instance, or None for nil; nil with a Python exception set
// on failure.
func BindcFromError(fn string, err error) unsafe.Pointer {
	p, f := bindcNewErrorObject(err)
	if f != nil {
		f.raise(fn + "() result")
		return nil
	}
	return p
}
