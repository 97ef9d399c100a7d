// Runtime half of bindc wrappers for values that are not scalars: slices, arrays, maps,
// any (interface{}) and *Object. The C wrapper hands the borrowed PyObject* to the Go
// trampoline, which converts it here: one cgo crossing describes the object and one unpacks
// each container level (py4go_unpack), and results are built one container level per
// crossing. Slices (and, as parameters, arrays) of int, int64, float64 and string, at any
// depth, take typed C paths without reflection per element; everything else goes through
// reflection on the Go type.
//
// Ownership: a *Object parameter (also inside a container or an any) is a new reference the
// Go function owns: it may keep it, and should Release it when done (else the finalizer
// does). A *Object returned as the function's result hands its reference to Python (the
// Object is released). A *Object inside a returned container or any is borrowed, as FromGo
// does: Python gets its own reference, and the Go side keeps its own.

package python

/*
#include "py4go.h"
int py4go_bind_raise_msg(int kind, const char *msg, Py_ssize_t n);
int py4go_bind_coerce(PyObject *o, int want_dict, PyObject **out);
PyObject *py4go_bind_list_i64(const long long *p, Py_ssize_t n);
PyObject *py4go_bind_list_f64(const double *p, Py_ssize_t n);
PyObject *py4go_bind_list_str(const char *buf, const long long *ends, Py_ssize_t n);
PyObject *py4go_bind_none(void);
Py_ssize_t py4go_bind_unpack_num(PyObject *o, void *out, Py_ssize_t n, int kind);
Py_ssize_t py4go_bind_unpack_str(PyObject *o, uintptr_t *out, Py_ssize_t n);
*/
import "C"

import (
	"errors"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// Python exception classes raised by py4go_bind_raise_msg.
const (
	bindcTypeError     = 0
	bindcOverflowError = 1
	bindcValueError    = 2
	bindcMemoryError   = 3
	bindcRaised        = -1 // the Python exception is already set
)

// bindcFailure is a value that could not cross: the exception class and the message after
// "f() argument N" (tail starts with the element path, e.g. "[1] must be int, not str").
type bindcFailure struct {
	kind int
	tail string
}

func bindcFail(kind int, path, text string) *bindcFailure {
	return &bindcFailure{kind: kind, tail: path + text}
}

// at puts the path of the element that failed in front of the message (paths are built only
// on failure, from the inside out, so converting costs no string work per element).
func (f *bindcFailure) at(path string) *bindcFailure {
	f.tail = path + f.tail
	return f
}

// raise sets the Python exception for f with the given message prefix and returns -1.
func (f *bindcFailure) raise(prefix string) int32 {
	if f.kind == bindcRaised {
		return -1
	}
	msg := prefix + f.tail
	C.py4go_bind_raise_msg(C.int(f.kind), bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return -1
}

// bindcAdopted records that the host interpreter (extension mode) has been adopted, so that
// *Object values made for bound functions belong to the current interpreter generation and
// are not reported stale after the first WithGIL adopts it.
var bindcAdopted atomic.Bool

func bindcAdopt() {
	if bindcAdopted.Load() {
		return
	}
	life.mu.Lock()
	if life.state == stateOff {
		adoptHostInterpreter()
	}
	life.mu.Unlock()
	bindcAdopted.Store(true)
}

// BindcDecode converts the Python object p (borrowed; argument pos of the Python function
// fn) into the Go variable into points to. It returns 0, or -1 with a Python exception set:
// TypeError for a wrong type (naming fn, the argument and the element index or key),
// OverflowError for a number out of range of its Go type, ValueError for an array of the
// wrong length. The GIL must be held.
func BindcDecode(fn string, pos int, p unsafe.Pointer, into any) int32 {
	var d bindcDecoder
	defer d.finish()
	if f := d.top(p, into); f != nil {
		return f.raise(fn + "() argument " + strconv.Itoa(pos))
	}
	return 0
}

// BindcFromGo returns a new Python reference for the result v of the Python function fn:
// slices and arrays become lists (a nil slice an empty list), maps dicts (a nil map an empty
// dict; keys sorted), values inside an any convert as FromGo does (a nil any is None). On
// failure it returns nil with a Python exception set.
func BindcFromGo(fn string, v any) unsafe.Pointer {
	p, f := bindcEncodeTop(fn, v)
	if f != nil {
		f.raise(fn + "() result")
		return nil
	}
	return p
}

// BindcTakeObject hands the reference held by o, the *Object result of the Python function
// fn, over to Python: o is released. nil gives None; an unboxed scalar becomes its Python
// object; a released or stale Object raises ValueError.
func BindcTakeObject(fn string, o *Object) unsafe.Pointer {
	if o == nil {
		return unsafe.Pointer(C.py4go_bind_none())
	}
	if _, err := o.pyobj(""); err != nil {
		msg := err.Error()
		if u := errors.Unwrap(err); u != nil {
			msg = u.Error()
		}
		return bindcFailRaise(bindcValueError, fn+"() result: "+msg)
	}
	return o.detach()
}

func bindcFailRaise(kind int, msg string) unsafe.Pointer {
	C.py4go_bind_raise_msg(C.int(kind), bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return nil
}

// ---- Python -> Go --------------------------------------------------------------------------

// bindcDecoder is decoder (owned item references, ToGo for any) plus bindc's messages.
type bindcDecoder struct {
	decoder
}

// top decodes a whole argument: typed paths for the common targets, reflection otherwise.
func (d *bindcDecoder) top(p unsafe.Pointer, into any) *bindcFailure {
	if op, ok := into.(**Object); ok {
		bindcAdopt()
		o, err := NewRef(p)
		if err != nil {
			return bindcFail(bindcTypeError, "", ": "+err.Error())
		}
		*op = o
		return nil
	}
	r := C.py4go_to_value((*C.PyObject)(p), -1)
	if r.status != C.PY4GO_OK {
		return bindcResultFailure(r, "")
	}
	return d.value(r.value, false, reflect.ValueOf(into).Elem())
}

// The typed C unpackers of fill.
const (
	bindcI64 = 0
	bindcF64 = 1
)

// fill decodes the described list or tuple v into rv, a slice (made here) or an array.
// Slices and arrays of 64-bit ints, of float64 and of strings are filled by C straight into
// the Go memory (which holds no Go pointers for numbers, so cgo has nothing to check), or
// borrow each str's UTF-8 buffer for Go to copy; C stops at the first item it cannot take
// (a bool, a subclass, a value out of range), and that item and the rest take the general
// path, which converts them or reports the failure.
func (d *bindcDecoder) fill(v C.py4go_value, rv reflect.Value) *bindcFailure {
	t := rv.Type()
	n := int(v.num)
	if t.Kind() == reflect.Array {
		if n != t.Len() {
			return bindcFail(bindcValueError, "", " must have exactly "+strconv.Itoa(t.Len())+" items, not "+strconv.Itoa(n))
		}
	} else {
		rv.Set(reflect.MakeSlice(t, n, n))
	}
	done := 0
	if n > 0 {
		switch t.Elem().Kind() {
		case reflect.Int, reflect.Int64:
			done = int(C.py4go_bind_unpack_num((*C.PyObject)(v.ptr), rv.Index(0).Addr().UnsafePointer(), C.Py_ssize_t(n), bindcI64))
		case reflect.Float64:
			done = int(C.py4go_bind_unpack_num((*C.PyObject)(v.ptr), rv.Index(0).Addr().UnsafePointer(), C.Py_ssize_t(n), bindcF64))
		case reflect.String:
			views := make([]uintptr, 2*n)
			done = int(C.py4go_bind_unpack_str((*C.PyObject)(v.ptr), (*C.uintptr_t)(unsafe.Pointer(&views[0])), C.Py_ssize_t(n)))
			for i := 0; i < done; i++ {
				if size := int(views[2*i+1]); size > 0 {
					// The address is C memory (the str's UTF-8 buffer, alive during the call).
					rv.Index(i).SetString(string(unsafe.Slice(*(**byte)(unsafe.Pointer(&views[2*i])), size)))
				}
			}
		}
	}
	if done == n {
		return nil
	}
	items, f := d.items(v)
	if f != nil {
		return f
	}
	if len(items) != n { // cannot happen: the GIL is held and no Python code ran
		return bindcFail(bindcValueError, "", " changed size during the conversion")
	}
	for i := done; i < n; i++ {
		if f := d.value(items[i], true, rv.Index(i)); f != nil {
			return f.at("[" + strconv.Itoa(i) + "]")
		}
	}
	return nil
}

// items unpacks a described list, tuple (n values) or dict (2n values: k0, v0, ...); the
// references it receives are released by finish.
func (d *bindcDecoder) items(v C.py4go_value) ([]C.py4go_value, *bindcFailure) {
	isDict := v.kind == C.PY4GO_DICT
	n := int(v.num)
	for {
		size := n
		if isDict {
			size *= 2
		}
		buf := make([]C.py4go_value, size+1)
		r := C.py4go_unpack((*C.PyObject)(v.ptr), &buf[0], C.Py_ssize_t(len(buf)))
		if r.status != C.PY4GO_OK {
			where := ""
			if r.arg >= 0 {
				if isDict {
					where = " item " + strconv.Itoa(int(r.arg)/2)
				} else {
					where = "[" + strconv.Itoa(int(r.arg)) + "]"
				}
			}
			return nil, bindcResultFailure(r, where)
		}
		got := int(r.value.num)
		if isDict {
			got *= 2
		}
		if got <= len(buf) {
			buf = buf[:got]
			for _, it := range buf {
				if isObjectKind(it.kind) {
					d.owned = append(d.owned, unsafe.Pointer(it.ptr))
				}
			}
			return buf, nil
		}
		n = int(r.value.num) // the container grew meanwhile (only possible from another thread)
	}
}

// bindcResultFailure turns a failed runtime call into a failure at path (e.g. a str whose
// lone surrogates UTF-8 cannot encode: ValueError, as UnicodeEncodeError is one).
func bindcResultFailure(r C.py4go_result, path string) *bindcFailure {
	err := resultError(r, "", nil)
	msg := err.Error()
	kind := bindcTypeError
	switch e := err.(type) {
	case *ConversionError:
		msg = e.Message
		kind = bindcValueError
	case *Exception:
		switch e.Type {
		case "MemoryError":
			kind = bindcMemoryError
		case "OverflowError":
			kind = bindcOverflowError
		case "ValueError", "UnicodeEncodeError", "UnicodeDecodeError":
			kind = bindcValueError
		}
	}
	return bindcFail(kind, path, ": "+msg)
}

// pythonTypeName names the Python type of a described value as CPython's messages do.
func bindcTypeName(v C.py4go_value) string {
	if v.kind == C.PY4GO_NONE {
		return "None"
	}
	return pythonTypeOf(v)
}

func bindcWrongType(v C.py4go_value, want string) *bindcFailure {
	return bindcFail(bindcTypeError, "", " must be "+want+", not "+bindcTypeName(v))
}

func bindcRange(v C.py4go_value, t reflect.Type) *bindcFailure {
	return bindcFail(bindcOverflowError, "", ": "+intText(v)+" is out of range for Go "+t.String())
}

// bindcRepr is a short Python-like rendering of a described dict key, for paths.
func bindcRepr(v C.py4go_value) string {
	switch v.kind {
	case C.PY4GO_STR:
		return bindcQuote(copyString(v))
	case C.PY4GO_BYTES:
		return "b" + bindcQuote(copyString(v))
	case C.PY4GO_INT64, C.PY4GO_UINT64:
		return intText(v)
	case C.PY4GO_FLOAT64:
		return strconv.FormatFloat(math.Float64frombits(uint64(v.num)), 'g', -1, 64)
	case C.PY4GO_BOOL:
		if v.num != 0 {
			return "True"
		}
		return "False"
	case C.PY4GO_NONE:
		return "None"
	}
	return "<" + pythonTypeOf(v) + " object>"
}

// bindcQuote quotes s as Python's repr mostly does: single quotes when that needs no escape.
func bindcQuote(s string) string {
	if !strings.ContainsAny(s, "'\\") && isPrintable(s) {
		return "'" + s + "'"
	}
	return strconv.Quote(s)
}

func isPrintable(s string) bool {
	for _, r := range s {
		if !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}

// coerce makes a list (or dict) of another Sequence (Mapping) object: 1 and the described
// copy (its reference released by finish), 0 when v is not one, or a failure.
func (d *bindcDecoder) coerce(v C.py4go_value, wantDict bool) (C.py4go_value, bool, *bindcFailure) {
	if v.kind != C.PY4GO_OBJECT {
		return v, false, nil
	}
	var out *C.PyObject
	flag := C.int(0)
	if wantDict {
		flag = 1
	}
	switch C.py4go_bind_coerce((*C.PyObject)(v.ptr), flag, &out) {
	case 0:
		return v, false, nil
	case -1:
		return v, false, &bindcFailure{kind: bindcRaised}
	}
	d.owned = append(d.owned, unsafe.Pointer(out))
	r := C.py4go_to_value(out, -1)
	if r.status != C.PY4GO_OK {
		return v, false, bindcResultFailure(r, "")
	}
	return r.value, true, nil
}

// value stores the described value v into rv (settable), converting to rv's type. owned
// says whether v's reference (if it has one) is among d.owned.
func (d *bindcDecoder) value(v C.py4go_value, owned bool, rv reflect.Value) *bindcFailure {
	t := rv.Type()
	if t == objectPtrType {
		bindcAdopt()
		o, err := d.objectOf(v, false)
		if err != nil {
			return bindcFail(bindcTypeError, "", ": "+err.Error())
		}
		rv.Set(reflect.ValueOf(o))
		return nil
	}
	switch t.Kind() {
	case reflect.Interface:
		if v.kind == C.PY4GO_NONE {
			rv.Set(reflect.Zero(t))
			return nil
		}
		bindcAdopt()
		x, err := d.natural(v, owned, "")
		if err != nil {
			msg := err.Error()
			if ce, ok := err.(*ConversionError); ok {
				msg = ce.Message
			}
			return bindcFail(bindcTypeError, "", ": "+msg)
		}
		rv.Set(reflect.ValueOf(x))
		return nil
	case reflect.Pointer: // to a scalar: None is nil, else a pointer to a new copy
		if v.kind == C.PY4GO_NONE {
			rv.SetZero()
			return nil
		}
		p := reflect.New(t.Elem())
		if f := d.value(v, owned, p.Elem()); f != nil {
			return f
		}
		rv.Set(p)
		return nil
	case reflect.Bool:
		if v.kind != C.PY4GO_BOOL {
			return bindcWrongType(v, "bool")
		}
		rv.SetBool(v.num != 0)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch v.kind {
		case C.PY4GO_INT64, C.PY4GO_BOOL: // bool is an int, as for scalar arguments
			if !rv.OverflowInt(int64(v.num)) {
				rv.SetInt(int64(v.num))
				return nil
			}
		case C.PY4GO_UINT64, C.PY4GO_BIGINT:
		default:
			return bindcWrongType(v, "int")
		}
		return bindcRange(v, t)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		switch v.kind {
		case C.PY4GO_INT64, C.PY4GO_BOOL, C.PY4GO_UINT64:
			if (v.kind == C.PY4GO_UINT64 || v.num >= 0) && !rv.OverflowUint(uint64(v.num)) {
				rv.SetUint(uint64(v.num))
				return nil
			}
		case C.PY4GO_BIGINT:
		default:
			return bindcWrongType(v, "int")
		}
		return bindcRange(v, t)
	case reflect.Float32, reflect.Float64:
		var x float64
		switch v.kind {
		case C.PY4GO_FLOAT64:
			x = math.Float64frombits(uint64(v.num))
		case C.PY4GO_INT64, C.PY4GO_BOOL:
			x = float64(int64(v.num))
		case C.PY4GO_UINT64:
			x = float64(uint64(v.num))
		case C.PY4GO_BIGINT:
			r := C.py4go_to_value((*C.PyObject)(v.ptr), C.PY4GO_FLOAT64)
			if r.status != C.PY4GO_OK {
				f := bindcResultFailure(r, "")
				f.kind = bindcOverflowError
				return f
			}
			x = math.Float64frombits(uint64(r.value.num))
		default:
			return bindcWrongType(v, "float")
		}
		if t.Kind() == reflect.Float32 && !math.IsInf(x, 0) && !math.IsNaN(x) && math.Abs(x) > math.MaxFloat32 {
			return bindcFail(bindcOverflowError, "", ": "+strconv.FormatFloat(x, 'g', -1, 64)+" is out of range for Go float32")
		}
		rv.SetFloat(x)
		return nil
	case reflect.String:
		if v.kind != C.PY4GO_STR {
			return bindcWrongType(v, "str")
		}
		rv.SetString(copyString(v))
		return nil
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			if v.kind != C.PY4GO_BYTES {
				return bindcWrongType(v, "bytes")
			}
			rv.SetBytes(copyBytes(v))
			return nil
		}
		if v.kind != C.PY4GO_LIST && v.kind != C.PY4GO_TUPLE {
			c, ok, f := d.coerce(v, false)
			if f != nil {
				return f
			}
			if !ok {
				return bindcWrongType(v, "a list or tuple")
			}
			v = c
		}
		return d.fill(v, rv)
	case reflect.Map:
		if v.kind != C.PY4GO_DICT {
			c, ok, f := d.coerce(v, true)
			if f != nil {
				return f
			}
			if !ok {
				return bindcWrongType(v, "a dict")
			}
			v = c
		}
		items, f := d.items(v)
		if f != nil {
			return f
		}
		if rv.CanAddr() {
			switch mp := rv.Addr().Interface().(type) {
			case *map[string]int:
				return bindcDecodeStrMap(d, items, mp, func(it C.py4go_value, x *int) bool {
					*x = int(it.num)
					return it.kind == C.PY4GO_INT64
				})
			case *map[string]float64:
				return bindcDecodeStrMap(d, items, mp, func(it C.py4go_value, x *float64) bool {
					switch it.kind {
					case C.PY4GO_FLOAT64:
						*x = math.Float64frombits(uint64(it.num))
					case C.PY4GO_INT64:
						*x = float64(int64(it.num))
					default:
						return false
					}
					return true
				})
			case *map[string]string:
				return bindcDecodeStrMap(d, items, mp, func(it C.py4go_value, x *string) bool {
					if it.kind != C.PY4GO_STR {
						return false
					}
					*x = copyString(it)
					return true
				})
			case *map[string]any:
				return bindcDecodeStrMap(d, items, mp, func(C.py4go_value, *any) bool { return false })
			}
		}
		m := reflect.MakeMapWithSize(t, len(items)/2)
		k := reflect.New(t.Key()).Elem()
		e := reflect.New(t.Elem()).Elem()
		for i := 0; i < len(items); i += 2 {
			if f := d.value(items[i], true, k); f != nil {
				return f.at(" key " + bindcRepr(items[i]))
			}
			e.SetZero()
			if f := d.value(items[i+1], true, e); f != nil {
				return f.at("[" + bindcRepr(items[i]) + "]")
			}
			m.SetMapIndex(k, e)
		}
		rv.Set(m)
		return nil
	}
	return bindcFail(bindcTypeError, "", ": cannot convert to Go "+t.String())
}

// bindcDecodeStrMap fills a map with string keys from unpacked dict items without reflection
// per entry: conv converts the usual value kinds, the general path the others.
func bindcDecodeStrMap[V any](d *bindcDecoder, items []C.py4go_value, into *map[string]V,
	conv func(C.py4go_value, *V) bool) *bindcFailure {
	m := make(map[string]V, len(items)/2)
	for i := 0; i < len(items); i += 2 {
		if items[i].kind != C.PY4GO_STR {
			return bindcWrongType(items[i], "str").at(" key " + bindcRepr(items[i]))
		}
		var x V
		if !conv(items[i+1], &x) {
			if f := d.value(items[i+1], true, reflect.ValueOf(&x).Elem()); f != nil {
				return f.at("[" + bindcRepr(items[i]) + "]")
			}
		}
		m[copyString(items[i])] = x
	}
	*into = m
	return nil
}

// ---- Go -> Python --------------------------------------------------------------------------

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
			if err := pk.put(d, x); err != nil {
				return bindcConversionFailure(err, "")
			}
			return nil
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
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		if rv.Kind() != reflect.Slice || rv.Type().Elem().Kind() != reflect.Uint8 {
			return bindcContainer(fn, rv)
		}
	}
	return bindcEncodeAny(v)
}

// BindcFromAny returns a new Python reference for v, the any (interface{}) result of the
// Python function fn, converted as FromGo does (a nil any, slice or map is None). On
// failure it returns nil with a Python exception set.
func BindcFromAny(fn string, v any) unsafe.Pointer {
	p, f := bindcEncodeAny(v)
	if f != nil {
		f.raise(fn + "() result")
		return nil
	}
	return p
}

func bindcEncodeAny(v any) (unsafe.Pointer, *bindcFailure) {
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
			if err := pk.put(d, rv.Elem().Interface()); err != nil {
				return bindcConversionFailure(err, "")
			}
			return nil
		}
	}
	if err := pk.putReflect(d, rv); err != nil {
		return bindcConversionFailure(err, "")
	}
	return nil
}
