// In-out arguments of bindc wrappers: what a Go function stores into its arguments is
// written back into the Python objects they came from, so Go's in-place idioms work.
//
//   - A slice parameter ([]T) given a list: Go gets a copy (it cannot share Python's
//     memory), and after the call every element Go changed is stored back into the list
//     (Sort(xs), Fill(xs)). Unchanged elements keep their Python objects. Tuples and other
//     sequences are copied in only (they are immutable, or not ours to change).
//   - []byte given a writable buffer (bytearray, writable memoryview): Go's bytes are copied
//     back into the buffer after the call (Read(p)). bytes are copied in only.
//   - A pointer to a slice (*[]T, *IntVector) given a list: the list gets the slice Go left
//     behind, whatever its length (Push(&v, x)).
//   - An out-parameter (the v of Unmarshal(data []byte, v any)): a dict or list is passed as
//     a pointer to a Go map or slice holding its items, whose final contents replace the
//     object's; an instance of a bound class is passed as its *T (Go fills it directly).
//
// The cost for a list Go does not change is one copy of the slice when it is decoded and one
// comparison after the call (for element types without pointers a pooled memmove and a
// memcmp: a []int of 1,000 costs the same as before, within noise, by
// tests/bench/bench_containers.py); nothing is converted back unless Go changed it.

package bindcrt

/*
#include "py4go.h"
int py4go_bind_is_list(PyObject *o);
int py4go_bind_is_dict(PyObject *o);
Py_ssize_t py4go_bind_list_len(PyObject *list);
void py4go_bind_list_store(PyObject *list, Py_ssize_t i, PyObject *item);
int py4go_bind_replace_contents(PyObject *target, PyObject *items);
uintptr_t py4go_bind_handle_of(PyObject *o);
*/
import "C"

import (
	"bytes"
	"reflect"
	"strconv"
	"sync"
	"unsafe"
)

// BindcListBack remembers a list argument decoded into a Go slice: the list and a copy of
// the elements as decoded. The zero value (any other argument) writes nothing back.
type BindcListBack struct {
	list unsafe.Pointer
	raw  *[]byte // the elements' memory, for element types without pointers (pooled)
	snap any     // []T, the elements as decoded, for the others
}

// rawCopies recycles the copies of pointer-free slices: an unchanged []int argument then
// costs one memmove and one memcmp per call, and no allocation.
var rawCopies = sync.Pool{New: func() any { return new([]byte) }}

// BindcDecodeSlice is BindcDecode for a slice parameter; a list argument is remembered in w
// for BindcSliceBack.
func BindcDecodeSlice[T any](fn string, pos int, p unsafe.Pointer, into *[]T, w *BindcListBack) int32 {
	var d bindcDecoder
	defer d.finish()
	r := C.py4go_to_value((*C.PyObject)(p), -1)
	if r.status != C.PY4GO_OK {
		return bindcResultFailure(r, "").raise(bindcSite(fn, pos))
	}
	if f := d.value(r.value, false, reflect.ValueOf(into).Elem()); f != nil {
		return f.raise(bindcSite(fn, pos))
	}
	if r.value.kind != C.PY4GO_LIST || len(*into) == 0 {
		return 0
	}
	w.list = p
	if pointerFree(reflect.TypeFor[T]()) {
		buf := rawCopies.Get().(*[]byte)
		*buf = append((*buf)[:0], rawBytes(*into)...)
		w.raw = buf
	} else {
		w.snap = append([]T(nil), *into...)
	}
	return 0
}

// rawBytes is the memory of a slice's elements.
func rawBytes[T any](xs []T) []byte {
	var zero T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(xs))), len(xs)*int(unsafe.Sizeof(zero)))
}

// pointerFree reports whether values of t hold no pointers (numbers, bools, arrays and
// structs of them): their memory is their value, so a byte comparison tells a change.
func pointerFree(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Array:
		return pointerFree(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if !pointerFree(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// BindcSliceBack stores the elements of cur (the slice BindcDecodeSlice decoded, after the
// call) that differ from the decoded copy back into the list: one by one while few changed
// (the others keep their Python objects), else as a whole new contents (a sort). It returns
// 0, or -1 with a Python exception set when a changed element cannot become a Python value.
func BindcSliceBack[T any](fn string, pos int, w *BindcListBack, cur []T) int32 {
	if w.list == nil {
		return 0
	}
	var changed []int
	if w.raw != nil {
		raw := *w.raw
		if now := rawBytes(cur); !bytes.Equal(raw, now) {
			changed = rawChanges(raw, now, len(cur))
		}
		rawCopies.Put(w.raw)
		w.raw = nil
	} else {
		changed = changes(w.snap.([]T), cur)
	}
	if len(changed) > 8 && len(changed) > len(cur)/4 {
		items, f := bindcEncodeTop(fn, cur)
		if f != nil {
			return f.raise(bindcSite(fn, pos) + " written back")
		}
		if C.py4go_bind_replace_contents((*C.PyObject)(w.list), (*C.PyObject)(items)) < 0 {
			return -1
		}
		return 0
	}
	for _, i := range changed {
		item, f := bindcElem(fn, reflect.ValueOf(&cur[i]).Elem())
		if f != nil {
			return f.at("[" + strconv.Itoa(i) + "]").raise(bindcSite(fn, pos) + " written back")
		}
		C.py4go_bind_list_store((*C.PyObject)(w.list), C.Py_ssize_t(i), (*C.PyObject)(item))
	}
	return 0
}

// rawChanges lists the indices of the n elements whose memory differs between raw and now,
// comparing blocks of elements first (memcmp is fast; a call per element is not).
func rawChanges(raw, now []byte, n int) []int {
	const block = 64
	size := len(raw) / n
	var out []int
	for lo := 0; lo < n; lo += block {
		hi := min(lo+block, n)
		if bytes.Equal(raw[lo*size:hi*size], now[lo*size:hi*size]) {
			continue
		}
		for i := lo; i < hi; i++ {
			if !bytes.Equal(raw[i*size:(i+1)*size], now[i*size:(i+1)*size]) {
				out = append(out, i)
			}
		}
	}
	return out
}

// changes lists the indices at which cur differs from snap (the elements as decoded):
// == where the values are comparable (a pointer swapped for another is a change), deep
// equality otherwise; strings without reflection.
func changes[T any](snap, cur []T) []int {
	var out []int
	if s, ok := any(snap).([]string); ok {
		c := any(cur).([]string)
		for i := range c {
			if s[i] != c[i] {
				out = append(out, i)
			}
		}
		return out
	}
	for i := range cur {
		va, vb := reflect.ValueOf(&snap[i]).Elem(), reflect.ValueOf(&cur[i]).Elem()
		if va.Comparable() && vb.Comparable() {
			if !va.Equal(vb) {
				out = append(out, i)
			}
		} else if !reflect.DeepEqual(va.Interface(), vb.Interface()) {
			out = append(out, i)
		}
	}
	return out
}

// bindcElem converts one element as a container result would (a new reference).
func bindcElem(fn string, rv reflect.Value) (unsafe.Pointer, *bindcFailure) {
	var pk packer
	pk.vals = make([]C.py4go_value, 1)
	if f := bindcPut(fn, &pk, &pk.vals[0], rv); f != nil {
		pk.abort()
		return nil, f
	}
	r := C.py4go_from_value(&pk.vals[0])
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, bindcResultFailure(r, "")
	}
	return unsafe.Pointer(r.value.ptr), nil
}

// BindcBytesBack copies b (the []byte a Go function got) back into the buffer it was copied
// from when that buffer is writable (a bytearray, a writable memoryview): Read(p) fills it.
func BindcBytesBack(p unsafe.Pointer, n int, writable bool, b []byte) {
	if writable && n > 0 {
		copy(unsafe.Slice((*byte)(p), n), b)
	}
}

// BindcContentsBack remembers a list or dict argument whose Go value may be replaced
// through a pointer (*[]T, or an out-parameter), to replace the object's contents after the
// call. The zero value writes nothing back.
type BindcContentsBack struct {
	obj unsafe.Pointer
	ptr reflect.Value // the pointer Go got; its pointee is written back
}

// BindcDecodePointer is BindcDecode for a pointer-to-slice parameter *[]T (or a named slice
// type): None is nil; a list is remembered in w so that BindcContentsBackWrite replaces its
// contents with the slice Go leaves behind.
func BindcDecodePointer[P any](fn string, pos int, p unsafe.Pointer, into *P, w *BindcContentsBack) int32 {
	if r := BindcDecode(fn, pos, p, into); r < 0 {
		return r
	}
	if rv := reflect.ValueOf(into).Elem(); !rv.IsNil() && C.py4go_bind_is_list((*C.PyObject)(p)) != 0 {
		w.obj, w.ptr = p, rv
	}
	return 0
}

// BindcOutArg converts the Python object p for an out-parameter (an any the Go function
// stores a result through, like json.Unmarshal's v): a dict becomes a pointer to a Go map
// holding its items (map[string]any, or map[any]any for other keys), a list a pointer to a
// []any, an instance of a bound class its *T. Anything else is a TypeError: Go could not
// store into it, and silently ignoring the result would lose it.
func BindcOutArg(fn string, pos int, p unsafe.Pointer, into *any, w *BindcContentsBack) int32 {
	o := (*C.PyObject)(p)
	if h := uintptr(C.py4go_bind_handle_of(o)); h != 0 {
		if v := reflect.ValueOf(BindcValue(h)); v.Kind() == reflect.Pointer {
			*into = v.Interface() // a bound class instance holds a *T: Go fills it in place
			return 0
		}
	}
	var x any
	isList := C.py4go_bind_is_list(o) != 0
	if !isList && C.py4go_bind_is_dict(o) == 0 {
		return bindcFail(bindcTypeError, "", " must be a dict, a list or an instance of a Go type for Go to fill, not "+
			C.GoString(C.py4go_type_name(o))).raise(bindcSite(fn, pos))
	}
	if isList {
		var xs []any
		if r := BindcDecode(fn, pos, p, &xs); r < 0 {
			return r
		}
		x = xs
	} else if r := BindcDecode(fn, pos, p, &x); r < 0 {
		return r
	}
	ptr := reflect.New(reflect.TypeOf(x))
	ptr.Elem().Set(reflect.ValueOf(x))
	*into = ptr.Interface()
	w.obj, w.ptr = p, ptr
	return 0
}

// BindcContentsBackWrite replaces the contents of the list or dict remembered in w with the
// Go value its pointer points to after the call. It returns 0, or -1 with a Python
// exception set when that value cannot become Python values.
func BindcContentsBackWrite(fn string, pos int, w *BindcContentsBack) int32 {
	if w.obj == nil {
		return 0
	}
	items, f := bindcEncodeTop(fn, w.ptr.Elem().Interface())
	if f != nil {
		return f.raise(bindcSite(fn, pos) + " written back")
	}
	if C.py4go_bind_replace_contents((*C.PyObject)(w.obj), (*C.PyObject)(items)) < 0 {
		return -1
	}
	return 0
}
