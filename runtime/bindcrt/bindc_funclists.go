// Slices of Go funcs ([]func(), []Handler) crossing a bindc wrapper: a sequence of Python
// callables as a parameter, a list of Python functions as a result. Each element is what a
// single func parameter or result is (bindc_callbacks.go).

package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"reflect"
	"strconv"
	"unsafe"
)

// BindcCallbackList turns the Python sequence p (argument pos of the Python function whose
// name is the C string fn, a literal of the wrapper) into one Callback per item, in order,
// handing each to add (which wraps it as the Go func type). A non-callable item is a
// TypeError naming its index. It returns 0, or -1 with a Python exception set. The GIL must
// be held.
func BindcCallbackList(p, fn unsafe.Pointer, pos int, add func(*Callback)) int32 {
	name := C.GoString((*C.char)(fn))
	var items []*Object
	if r := BindcDecode(name, pos, p, &items); r < 0 {
		return r
	}
	defer func() {
		for _, o := range items {
			o.Release()
		}
	}()
	for i, o := range items {
		ptr, err := o.pyobj("")
		if err != nil || C.PyCallable_Check((*C.PyObject)(ptr)) == 0 {
			return bindcFail(bindcTypeError, "["+strconv.Itoa(i)+"]", " must be callable, not "+o.TypeName()).
				raise(bindcSite(name, pos))
		}
		add(bindcCallback(ptr, fn, pos, nil, nil))
	}
	return 0
}

// BindcFuncList returns a new list of n Python functions calling the Go funcs at(0), ...,
// at(n-1) through def (the wrapper's PyMethodDef for their func type; a nil func is None),
// or nil with a Python exception set. The GIL must be held.
func BindcFuncList(n int, at func(int) any, def unsafe.Pointer) unsafe.Pointer {
	list := C.PyList_New(C.Py_ssize_t(n))
	if list == nil {
		return nil
	}
	for i := 0; i < n; i++ {
		f := at(i)
		var h uintptr
		if rv := reflect.ValueOf(f); rv.Kind() == reflect.Func && !rv.IsNil() {
			h = BindcFuncHandle(f)
		}
		item := C.py4go_bind_new_func(C.uintptr_t(h), (*C.PyMethodDef)(def)) // h 0: None
		if item == nil {
			C.Py_DecRef(list)
			return nil
		}
		C.PyList_SetItem(list, C.Py_ssize_t(i), item)
	}
	return unsafe.Pointer(list)
}
