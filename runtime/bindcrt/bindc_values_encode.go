// Go -> Python half of bindc_values.go: building results.

package bindcrt

/*
#include "py4go.h"
PyObject *py4go_bind_list_i64(const long long *p, Py_ssize_t n);
PyObject *py4go_bind_list_f64(const double *p, Py_ssize_t n);
PyObject *py4go_bind_list_str(const char *buf, const long long *ends, Py_ssize_t n);
*/
import "C"

import (
	"reflect"
	"sort"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// bindcTypedMap builds the dict for the common string-keyed maps without reflection; ok is
// false for other types.
func bindcTypedMap(fn string, v any) (p unsafe.Pointer, f *bindcFailure, ok bool) {
	switch m := v.(type) {
	case map[string]int:
		p, f = bindcEncodeStrMap(fn, m, nil, func(_ *packer, d *C.py4go_value, _ *[]byte, x int) *bindcFailure {
			setInt(d, int64(x))
			return nil
		})
	case map[string]float64:
		p, f = bindcEncodeStrMap(fn, m, nil, func(_ *packer, d *C.py4go_value, _ *[]byte, x float64) *bindcFailure {
			setFloat(d, x)
			return nil
		})
	case map[string]string:
		p, f = bindcEncodeStrMap(fn, m, func(x string) int { return len(x) },
			func(_ *packer, d *C.py4go_value, buf *[]byte, x string) *bindcFailure {
				return bindcPutString(fn, d, buf, x)
			})
	case map[string]any:
		p, f = bindcEncodeStrMap(fn, m, nil, func(pk *packer, d *C.py4go_value, _ *[]byte, x any) *bindcFailure {
			// As an element of interface type: bound instances and well-known types too.
			return bindcPut(fn, pk, d, reflect.ValueOf(&x).Elem())
		})
	default:
		return nil, nil, false
	}
	return p, f, true
}

// bindcEncodeStrMap builds a dict from a string-keyed map, keys sorted, in one cgo call;
// the keys (and string values, sized by strLen) are copied into one buffer pinned once.
func bindcEncodeStrMap[V any](fn string, m map[string]V, strLen func(V) int,
	put func(*packer, *C.py4go_value, *[]byte, V) *bindcFailure) (unsafe.Pointer, *bindcFailure) {
	keys := make([]string, 0, len(m))
	total := 0
	for k, x := range m {
		keys = append(keys, k)
		total += len(k)
		if strLen != nil {
			total += strLen(x)
		}
	}
	sort.Strings(keys)
	var pk packer
	pk.vals = make([]C.py4go_value, 2*len(keys)+1)
	buf := make([]byte, 0, total+1)
	pk.pinData(unsafe.Pointer(unsafe.SliceData(buf)))
	for i, k := range keys {
		if f := bindcPutString(fn, &pk.vals[2*i], &buf, k); f != nil {
			pk.abort()
			return nil, f.at(" key " + quote(k))
		}
		if f := put(&pk, &pk.vals[2*i+1], &buf, m[k]); f != nil {
			pk.abort()
			return nil, f.at("[" + quote(k) + "]")
		}
	}
	r := C.py4go_new_container(&pk.vals[0], C.Py_ssize_t(len(keys)), 0, 1)
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, bindcResultFailure(r, "")
	}
	return unsafe.Pointer(r.value.ptr), nil
}

// bindcEncodeTop converts a result: typed paths for the common slices, reflection otherwise.
func bindcEncodeTop(fn string, v any) (unsafe.Pointer, *bindcFailure) {
	switch x := v.(type) {
	case []int:
		return bindcList(unsafe.Pointer(unsafe.SliceData(x)), len(x), false)
	case []int64:
		return bindcList(unsafe.Pointer(unsafe.SliceData(x)), len(x), false)
	case []float64:
		return bindcList(unsafe.Pointer(unsafe.SliceData(x)), len(x), true)
	case []string:
		return bindcStrList(fn, x)
	}
	if p, f, ok := bindcTypedMap(fn, v); ok {
		return p, f
	}
	rv := reflect.ValueOf(v)
	if rv.IsValid() {
		if p, f, ok := bindcEncodeWellKnown(rv); ok {
			return p, f
		}
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		if rv.Kind() == reflect.Map || rv.Type().Elem().Kind() != reflect.Uint8 || bindcValueClass(rv.Type().Elem()) {
			return bindcContainer(fn, rv)
		}
	}
	return bindcEncodeAny(v) // []byte and [N]byte: bytes
}

func bindcEncodeAny(v any) (unsafe.Pointer, *bindcFailure) {
	// A bound type's value is an instance of its class, a proxy its Python object, and the
	// well-known types (time.Time, *big.Int...) their Python types, as in typed containers.
	if p, ok := bindcWrapInstance(v); ok {
		return p, bindcRaisedIf(p != nil)
	}
	if rv := reflect.ValueOf(v); rv.IsValid() {
		if p, f, ok := bindcEncodeWellKnown(rv); ok {
			return p, f
		}
		// Containers take the typed path, which finds the same Go values at any depth.
		switch rv.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			nilValue := rv.Kind() != reflect.Array && rv.IsNil() // None, as before
			if !nilValue && (rv.Kind() == reflect.Map || rv.Type().Elem().Kind() != reflect.Uint8) {
				return bindcContainer("", rv)
			}
		}
	}
	var pk packer
	pk.vals = make([]C.py4go_value, 1)
	if err := pk.put(&pk.vals[0], v); err != nil {
		pk.abort()
		return nil, bindcConversionFailure(err, "")
	}
	r := C.py4go_from_value(&pk.vals[0])
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, bindcResultFailure(r, "")
	}
	return unsafe.Pointer(r.value.ptr), nil
}

func bindcConversionFailure(err error, path string) *bindcFailure {
	msg := err.Error()
	if ce, ok := err.(*ConversionError); ok {
		msg = ce.Message
		if ce.Context != "" {
			path += " " + ce.Context
		}
	}
	return bindcFail(bindcTypeError, path, ": "+msg)
}

// bindcList builds a list from n int64 (or float64) values read in place from Go memory
// (which holds no Go pointers, so cgo lets C read it during the call).
func bindcList(p unsafe.Pointer, n int, isFloat bool) (unsafe.Pointer, *bindcFailure) {
	var o *C.PyObject
	if isFloat {
		o = C.py4go_bind_list_f64((*C.double)(p), C.Py_ssize_t(n))
	} else {
		o = C.py4go_bind_list_i64((*C.longlong)(p), C.Py_ssize_t(n))
	}
	if o == nil {
		return nil, &bindcFailure{kind: bindcRaised}
	}
	return unsafe.Pointer(o), nil
}

// bindcStrList builds a list of str from one buffer holding every string back to back (one
// copy, no pinning of each string).
func bindcStrList(fn string, x []string) (unsafe.Pointer, *bindcFailure) {
	total := 0
	for _, s := range x {
		total += len(s)
	}
	buf := make([]byte, 0, total+1) // +1: a valid pointer even when every string is empty
	ends := make([]C.longlong, len(x)+1)
	for i, s := range x {
		if !utf8.ValidString(s) {
			return nil, bindcBadUTF8(fn, s)
		}
		buf = append(buf, s...)
		ends[i] = C.longlong(len(buf))
	}
	o := C.py4go_bind_list_str((*C.char)(unsafe.Pointer(unsafe.SliceData(buf[:cap(buf)]))), &ends[0], C.Py_ssize_t(len(x)))
	if o == nil {
		return nil, &bindcFailure{kind: bindcRaised}
	}
	return unsafe.Pointer(o), nil
}

// bindcBadUTF8 raises the UnicodeDecodeError a string result that is not UTF-8 gives.
func bindcBadUTF8(fn, s string) *bindcFailure {
	if p := BindcNewStr(fn, s); p != nil { // cannot happen: s is not valid UTF-8
		C.py4go_release((*C.PyObject)(p))
	}
	return &bindcFailure{kind: bindcRaised}
}

// bindcContainer builds the list (slice, array) or dict (map) for rv with one cgo call per
// container level. Nil slices and maps give empty containers at every level. The strings of
// one level are copied into one buffer, pinned once for the call (pinning each string's own
// memory costs more than the copy).
func bindcContainer(fn string, rv reflect.Value) (unsafe.Pointer, *bindcFailure) {
	isDict := rv.Kind() == reflect.Map
	n := rv.Len()
	var elems []reflect.Value // k0, v0, k1, v1... for a map
	if isDict {
		keys := rv.MapKeys()
		sortKeys(keys)
		elems = make([]reflect.Value, 0, 2*n)
		for _, k := range keys {
			elems = append(elems, k, rv.MapIndex(k))
		}
	} else {
		elems = make([]reflect.Value, n)
		for i := range elems {
			elems[i] = rv.Index(i)
		}
	}
	total := 0
	for _, e := range elems {
		if e.Kind() == reflect.String {
			total += e.Len()
		}
	}
	var pk packer
	pk.vals = make([]C.py4go_value, len(elems)+1)
	buf := make([]byte, 0, total+1)
	pk.pinData(unsafe.Pointer(unsafe.SliceData(buf)))
	for i, e := range elems {
		var f *bindcFailure
		if e.Kind() == reflect.String {
			f = bindcPutString(fn, &pk.vals[i], &buf, e.String())
		} else {
			f = bindcPut(fn, &pk, &pk.vals[i], e)
		}
		if f != nil {
			pk.abort()
			switch {
			case !isDict:
				return nil, f.at("[" + strconv.Itoa(i) + "]")
			case i%2 == 0:
				return nil, f.at(" key " + formatKey(e))
			default:
				return nil, f.at("[" + formatKey(elems[i-1]) + "]")
			}
		}
	}
	dictFlag := C.int(0)
	if isDict {
		dictFlag = 1
	}
	r := C.py4go_new_container(&pk.vals[0], C.Py_ssize_t(n), 0, dictFlag)
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, bindcResultFailure(r, "")
	}
	return unsafe.Pointer(r.value.ptr), nil
}

// bindcPutString appends s to buf (whose capacity was reserved for every string of the
// level, so it never moves) and points d at the copy.
func bindcPutString(fn string, d *C.py4go_value, buf *[]byte, s string) *bindcFailure {
	if !utf8.ValidString(s) {
		return bindcBadUTF8(fn, s)
	}
	d.kind = C.PY4GO_STR
	d.num = C.int64_t(len(s))
	if len(s) > 0 {
		off := len(*buf)
		*buf = append(*buf, s...)
		d.ptr = unsafe.Pointer(&(*buf)[off])
	}
	return nil
}

// bindcPut packs one element of a typed container.
func bindcPut(fn string, pk *packer, d *C.py4go_value, rv reflect.Value) *bindcFailure {
	if rv.Kind() == reflect.Interface && !rv.IsNil() && BindcWellKnownType(rv.Elem().Type()) {
		rv = rv.Elem()
	}
	if p, f, ok := bindcEncodeWellKnown(rv); ok {
		if f != nil {
			return f
		}
		d.kind = C.PY4GO_OBJECT
		d.flags = C.PY4GO_STEAL
		d.ptr = p
		return nil
	}
	if pk.classes.is(rv.Type()) { // a value class's value: an instance of it
		if p, ok := bindcWrapInstance(rv.Interface()); ok {
			return bindcPutWrapped(d, p)
		}
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		var p unsafe.Pointer
		var f *bindcFailure
		var typed bool
		switch ek := rv.Type().Elem().Kind(); {
		case rv.Kind() == reflect.Map:
			if p, f, typed = bindcTypedMap(fn, rv.Interface()); !typed {
				p, f = bindcContainer(fn, rv)
			}
		case bindcValueClass(rv.Type().Elem()): // elements are instances: no typed path
			p, f = bindcContainer(fn, rv)
		case rv.Kind() == reflect.Array && ek == reflect.Uint8:
			pk.putBytes(d, arrayBytes(rv)) // [N]byte is bytes
			return nil
		case rv.Kind() != reflect.Slice:
			p, f = bindcContainer(fn, rv)
		case ek == reflect.Uint8:
			pk.putBytes(d, rv.Bytes())
			return nil
		case ek == reflect.Int || ek == reflect.Int64 || ek == reflect.Float64:
			p, f = bindcList(rv.UnsafePointer(), rv.Len(), ek == reflect.Float64)
		default:
			if x, ok := rv.Interface().([]string); ok {
				p, f = bindcStrList(fn, x)
			} else {
				p, f = bindcContainer(fn, rv)
			}
		}
		if f != nil {
			return f
		}
		d.kind = C.PY4GO_OBJECT
		d.flags = C.PY4GO_STEAL
		d.ptr = p
		return nil
	case reflect.Interface:
		if !rv.IsNil() {
			// A bound struct's value is an instance of its class, a proxy its Python object.
			if p, ok := bindcWrapInstance(rv.Elem().Interface()); ok {
				if p == nil {
					return &bindcFailure{kind: bindcRaised}
				}
				d.kind = C.PY4GO_OBJECT
				d.flags = C.PY4GO_STEAL
				d.ptr = p
				return nil
			}
			// Anything else takes this same path by its dynamic type, so that the
			// well-known types and bound classes are found at any depth of an any
			// (a map[string]any holding a map[string]any holding a time.Time).
			return bindcPut(fn, pk, d, rv.Elem())
		}
	case reflect.Struct, reflect.Pointer: // a bound class's value: an instance of it
		if p, ok := bindcWrapInstance(rv.Interface()); ok {
			return bindcPutWrapped(d, p)
		}
	}
	if err := pk.putReflect(d, rv); err != nil {
		return bindcConversionFailure(err, "")
	}
	return nil
}

// bindcPutWrapped stores into d the new instance reference p that bindcWrapInstance made; p
// is nil only when allocating the instance failed (MemoryError).
func bindcPutWrapped(d *C.py4go_value, p unsafe.Pointer) *bindcFailure {
	if p == nil {
		C.PyErr_Clear()
		return bindcFail(bindcMemoryError, "", ": out of memory creating a Python object")
	}
	d.kind = C.PY4GO_OBJECT
	d.flags = C.PY4GO_STEAL
	d.ptr = p
	return nil
}
