// Go half of the Python object protocols every bindc class gets from the runtime (the C half
// is py4go_bind_objects.c): copy.copy and copy.deepcopy, pickling through Go's
// encoding.BinaryMarshaler / TextMarshaler, and the sequence and mapping protocols of value
// classes over named slices, arrays and maps (type IDs []int). Everything works by reflection
// on the *T a class instance holds, so no per-class code is generated for it.
//
// Functions exported to C take the instance's handle and return -1 (or nil) with a Python
// exception set on failure; a Go panic becomes GoPanic, as in generated trampolines.

package bindcrt

/*
#include "py4go.h"
int py4go_bind_raise_msg(int kind, const char *msg, Py_ssize_t n);
*/
import "C"

import (
	"encoding"
	"fmt"
	"reflect"
	"sort"
	"unsafe"
)

// Pickle payload kinds, shared with py4go_bind_objects.c.
const (
	bindcPickleNone   = 0 // the type has no marshaler pair
	bindcPickleBinary = 1 // MarshalBinary / UnmarshalBinary
	bindcPickleText   = 2 // MarshalText / UnmarshalText
)

// bindcHeld returns the *T a class instance holds (handle h) as a reflect.Value.
func bindcHeld(h C.uintptr_t) reflect.Value {
	return reflect.ValueOf(BindcValue(uintptr(h)))
}

// bindcRecover turns a panic in a protocol function into GoPanic naming the operation.
func bindcRecover(op string, status *C.int) {
	if v := recover(); v != nil {
		*status = C.int(BindcPanic(op, v))
	}
}

// bindcShallow copies a T value as Python's copy.copy copies a container: Go assignment for
// structs and arrays (slices and maps inside are shared), a new backing array for a slice
// and a new map for a map (their elements shared), so the copy is independent at the top.
func bindcShallow(v reflect.Value) reflect.Value {
	t := v.Type()
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		return reflect.AppendSlice(reflect.MakeSlice(t, 0, v.Len()), v)
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeMapWithSize(t, v.Len())
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), it.Value())
		}
		return n
	}
	return v
}

// bindcMemoKey identifies a Go value already deep-copied: a pointer, map or slice (with its
// length: two slices of one backing array but different lengths are copied apart).
type bindcMemoKey struct {
	t reflect.Type
	p uintptr
	n int
}

// bindcDeep returns a deep copy of v, as copy.deepcopy has it: slices, arrays, maps, the
// exported fields of structs and pointers to bound types are copied recursively (memo keeps
// shared values shared and ends cycles); other pointers, channels, funcs and unexported
// fields are copied by Go assignment (shared), since the binding cannot see inside them.
func bindcDeep(v reflect.Value, memo map[bindcMemoKey]reflect.Value) reflect.Value {
	t := v.Type()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if _, bound := classes.Load(t.Elem()); !bound {
			return v
		}
		k := bindcMemoKey{t, v.Pointer(), 0}
		if c, ok := memo[k]; ok {
			return c
		}
		n := reflect.New(t.Elem())
		memo[k] = n
		n.Elem().Set(bindcDeep(v.Elem(), memo))
		return n
	case reflect.Struct:
		n := reflect.New(t).Elem()
		n.Set(v)
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				n.Field(i).Set(bindcDeep(v.Field(i), memo))
			}
		}
		return n
	case reflect.Array:
		n := reflect.New(t).Elem()
		n.Set(v)
		for i := 0; i < v.Len(); i++ {
			n.Index(i).Set(bindcDeep(v.Index(i), memo))
		}
		return n
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		k := bindcMemoKey{t, v.Pointer(), v.Len()}
		if c, ok := memo[k]; ok {
			return c
		}
		n := reflect.MakeSlice(t, v.Len(), v.Len())
		memo[k] = n
		for i := 0; i < v.Len(); i++ {
			n.Index(i).Set(bindcDeep(v.Index(i), memo))
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		k := bindcMemoKey{t, v.Pointer(), 0}
		if c, ok := memo[k]; ok {
			return c
		}
		n := reflect.MakeMapWithSize(t, v.Len())
		memo[k] = n
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), bindcDeep(it.Value(), memo))
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		n := reflect.New(t).Elem()
		n.Set(bindcDeep(v.Elem(), memo))
		return n
	}
	return v
}

// py4goObjCopy returns a handle to a copy of the value behind h (deep: copy.deepcopy's
// rules, else copy.copy's), or 0 with a Python exception set.
//
//export py4goObjCopy
func py4goObjCopy(h C.uintptr_t, deep C.int) (out C.uintptr_t) {
	var status C.int
	defer func() {
		if status != 0 {
			out = 0
		}
	}()
	defer bindcRecover("copy", &status)
	p := bindcHeld(h)
	var n reflect.Value
	if deep != 0 {
		n = bindcDeep(p, map[bindcMemoKey]reflect.Value{})
	} else {
		n = reflect.New(p.Type().Elem())
		n.Elem().Set(bindcShallow(p.Elem()))
	}
	return C.uintptr_t(BindcNewHandle(n.Interface()))
}

// bindcMarshalKind says which marshaler pair T has: binary is preferred, and a pair needs
// both halves (a type that can only be written could not be unpickled).
func bindcMarshalKind(p reflect.Value) int {
	x := p.Interface()
	_, bm := x.(encoding.BinaryMarshaler)
	_, bu := x.(encoding.BinaryUnmarshaler)
	if bm && bu {
		return bindcPickleBinary
	}
	_, tm := x.(encoding.TextMarshaler)
	_, tu := x.(encoding.TextUnmarshaler)
	if tm && tu {
		return bindcPickleText
	}
	return bindcPickleNone
}

// bindcHasText reports whether T can be restored from text (a type with both pairs is
// pickled as binary, but text written by an older build that had only the text pair loads).
func bindcHasText(p reflect.Value) bool {
	_, ok := p.Interface().(encoding.TextUnmarshaler)
	return ok
}

// py4goObjMarshal sets *kind to the marshaler pair of the value behind h and returns its
// marshalled form (bytes, or str for text), or nil: with kind none and no exception when the
// type has no pair, else with ValueError set (the marshaler's error, naming the type).
//
//export py4goObjMarshal
func py4goObjMarshal(h C.uintptr_t, kind *C.int) (out unsafe.Pointer) {
	var status C.int
	defer func() {
		if status != 0 {
			out = nil
		}
	}()
	defer bindcRecover("pickle", &status)
	p := bindcHeld(h)
	k := bindcMarshalKind(p)
	*kind = C.int(k)
	var data []byte
	var err error
	switch k {
	case bindcPickleBinary:
		data, err = p.Interface().(encoding.BinaryMarshaler).MarshalBinary()
	case bindcPickleText:
		data, err = p.Interface().(encoding.TextMarshaler).MarshalText()
	default:
		return nil
	}
	if err != nil {
		return bindcFailRaise(bindcValueError, fmt.Sprintf("cannot pickle Go %v: %v", p.Type().Elem(), err))
	}
	var ptr *C.char
	if len(data) > 0 {
		ptr = (*C.char)(unsafe.Pointer(&data[0]))
	}
	if k == bindcPickleText {
		return unsafe.Pointer(C.py4go_bind_new_str(bindcCStr("pickle"), 6, ptr, C.Py_ssize_t(len(data))))
	}
	return unsafe.Pointer(C.py4go_bind_new_bytes(ptr, C.Py_ssize_t(len(data))))
}

// py4goObjUnmarshal restores the value behind h from data with the marshaler pair kind; -1
// with ValueError set when the type lacks that pair or the unmarshaler fails.
//
//export py4goObjUnmarshal
func py4goObjUnmarshal(h C.uintptr_t, kind C.int, data *C.char, n C.Py_ssize_t) (status C.int) {
	defer bindcRecover("unpickle", &status)
	p := bindcHeld(h)
	b := C.GoBytes(unsafe.Pointer(data), C.int(n))
	var err error
	switch {
	case kind == bindcPickleBinary && bindcMarshalKind(p) == bindcPickleBinary:
		err = p.Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary(b)
	case kind == bindcPickleText && bindcHasText(p):
		err = p.Interface().(encoding.TextUnmarshaler).UnmarshalText(b)
	default:
		err = fmt.Errorf("the pickle holds %s data, which this build of the type cannot read",
			map[C.int]string{bindcPickleBinary: "MarshalBinary", bindcPickleText: "MarshalText"}[kind])
	}
	if err != nil {
		msg := fmt.Sprintf("cannot unpickle Go %v: %v", p.Type().Elem(), err)
		C.py4go_bind_raise_msg(bindcValueError, bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return -1
	}
	return 0
}

// bindcPlain returns the value behind h as its unnamed underlying type ([]int for IDs), so
// it converts as a plain list or dict rather than as an instance of its own class.
func bindcPlain(p reflect.Value) reflect.Value {
	v := p.Elem()
	t := v.Type()
	switch t.Kind() {
	case reflect.Slice:
		return v.Convert(reflect.SliceOf(t.Elem()))
	case reflect.Array:
		return v.Convert(reflect.ArrayOf(t.Len(), t.Elem()))
	case reflect.Map:
		return v.Convert(reflect.MapOf(t.Key(), t.Elem()))
	}
	return v
}

// py4goObjLen is len() of the slice, array or map behind h.
//
//export py4goObjLen
func py4goObjLen(h C.uintptr_t) C.Py_ssize_t {
	return C.Py_ssize_t(bindcHeld(h).Elem().Len())
}

// py4goObjSnapshot returns the slice, array or map behind h converted to a new list or dict
// (fn names the operation in error messages).
//
//export py4goObjSnapshot
func py4goObjSnapshot(h C.uintptr_t, fn *C.char) (out unsafe.Pointer) {
	var status C.int
	defer func() {
		if status != 0 {
			out = nil
		}
	}()
	defer bindcRecover(C.GoString(fn), &status)
	return BindcFromGo(C.GoString(fn), bindcPlain(bindcHeld(h)).Interface())
}

// py4goObjAssign replaces the slice, array or map behind h with the Python list or dict o,
// converted (TypeError, OverflowError or ValueError naming fn when it does not fit).
//
//export py4goObjAssign
func py4goObjAssign(h C.uintptr_t, fn *C.char, o unsafe.Pointer) (status C.int) {
	defer bindcRecover(C.GoString(fn), &status)
	p := bindcHeld(h)
	plain := reflect.New(bindcPlain(p).Type())
	if BindcDecode(C.GoString(fn), 0, o, plain.Interface()) < 0 {
		return -1
	}
	p.Elem().Set(plain.Elem().Convert(p.Type().Elem()))
	return 0
}

// py4goSeqItem returns element i (0 <= i < len, checked by C) of the slice or array behind h.
//
//export py4goSeqItem
func py4goSeqItem(h C.uintptr_t, i C.Py_ssize_t, fn *C.char) (out unsafe.Pointer) {
	var status C.int
	defer func() {
		if status != 0 {
			out = nil
		}
	}()
	defer bindcRecover(C.GoString(fn), &status)
	return BindcFromGo(C.GoString(fn), bindcHeld(h).Elem().Index(int(i)).Interface())
}

// bindcDecodeTo converts the Python object o to a new Go value of type t.
func bindcDecodeTo(fn string, o unsafe.Pointer, t reflect.Type) (reflect.Value, bool) {
	x := reflect.New(t)
	if BindcDecode(fn, 0, o, x.Interface()) < 0 {
		return reflect.Value{}, false
	}
	return x.Elem(), true
}

// py4goSeqSetItem stores o as element i (checked by C) of the slice or array behind h.
//
//export py4goSeqSetItem
func py4goSeqSetItem(h C.uintptr_t, i C.Py_ssize_t, fn *C.char, o unsafe.Pointer) (status C.int) {
	defer bindcRecover(C.GoString(fn), &status)
	s := bindcHeld(h).Elem()
	x, ok := bindcDecodeTo(C.GoString(fn), o, s.Type().Elem())
	if !ok {
		return -1
	}
	s.Index(int(i)).Set(x)
	return 0
}

// py4goSeqAppend appends o (one element, or with many != 0 every element of the sequence o)
// to the slice behind h, as Go's append does.
//
//export py4goSeqAppend
func py4goSeqAppend(h C.uintptr_t, fn *C.char, o unsafe.Pointer, many C.int) (status C.int) {
	defer bindcRecover(C.GoString(fn), &status)
	s := bindcHeld(h).Elem()
	if many == 0 {
		x, ok := bindcDecodeTo(C.GoString(fn), o, s.Type().Elem())
		if !ok {
			return -1
		}
		s.Set(reflect.Append(s, x))
		return 0
	}
	xs, ok := bindcDecodeTo(C.GoString(fn), o, reflect.SliceOf(s.Type().Elem()))
	if !ok {
		return -1
	}
	s.Set(reflect.AppendSlice(s, xs.Convert(s.Type())))
	return 0
}

// py4goSeqSortInterface sorts the slice behind h by its own sort.Interface methods, with
// sort.Stable (Python's list.sort is stable), reversed when reverse != 0: 1 when sorted, 0
// when the type does not implement sort.Interface (the caller sorts a snapshot instead), -1
// with an exception set (a panic in Less is GoPanic).
//
//export py4goSeqSortInterface
func py4goSeqSortInterface(h C.uintptr_t, fn *C.char, reverse C.int) (status C.int) {
	defer bindcRecover(C.GoString(fn), &status)
	si, ok := BindcValue(uintptr(h)).(sort.Interface)
	if !ok {
		return 0
	}
	if reverse != 0 {
		si = sort.Reverse(si)
	}
	sort.Stable(si)
	return 1
}

// bindcMapKey converts o to a key of the map behind h; ok is 0 when o cannot be one (the
// Python exception is cleared when quiet, so `in` and get() answer False / the default).
func bindcMapKey(fn string, m reflect.Value, o unsafe.Pointer, quiet bool) (reflect.Value, bool) {
	k, ok := bindcDecodeTo(fn, o, m.Type().Key())
	if !ok && quiet {
		C.PyErr_Clear()
	}
	return k, ok
}

// py4goMapGet returns m[o] for the map behind h: a new reference; nil with *found = 0 and no
// exception when the key is absent (or cannot be a key: quiet); nil with an exception set
// when converting fails.
//
//export py4goMapGet
func py4goMapGet(h C.uintptr_t, fn *C.char, o unsafe.Pointer, found *C.int) (out unsafe.Pointer) {
	var status C.int
	defer func() {
		if status != 0 {
			out = nil
		}
	}()
	defer bindcRecover(C.GoString(fn), &status)
	*found = 0
	m := bindcHeld(h).Elem()
	k, ok := bindcMapKey(C.GoString(fn), m, o, true)
	if !ok {
		return nil
	}
	v := m.MapIndex(k)
	if !v.IsValid() {
		return nil
	}
	*found = 1
	return BindcFromGo(C.GoString(fn), v.Interface())
}

// py4goMapSet stores m[k] = v (v nil: deletes k, -1 with *found = 0 when absent) in the map
// behind h, making the map when it is nil.
//
//export py4goMapSet
func py4goMapSet(h C.uintptr_t, fn *C.char, k, v unsafe.Pointer, found *C.int) (status C.int) {
	defer bindcRecover(C.GoString(fn), &status)
	*found = 1
	m := bindcHeld(h).Elem()
	key, ok := bindcMapKey(C.GoString(fn), m, k, v == nil)
	if !ok {
		if v == nil {
			*found = 0
		}
		return -1
	}
	if v == nil {
		if !m.MapIndex(key).IsValid() {
			*found = 0
			return -1
		}
		m.SetMapIndex(key, reflect.Value{})
		return 0
	}
	val, ok := bindcDecodeTo(C.GoString(fn), v, m.Type().Elem())
	if !ok {
		return -1
	}
	if m.IsNil() {
		m.Set(reflect.MakeMap(m.Type()))
	}
	m.SetMapIndex(key, val)
	return 0
}
