// Python -> Go half of bindc_values.go: decoding arguments into Go variables.

package bindcrt

/*
#include "py4go.h"
int py4go_bind_coerce(PyObject *o, int want_dict, PyObject **out);
int py4go_bind_is_function(PyObject *o);
Py_ssize_t py4go_bind_unpack_num(PyObject *o, void *out, Py_ssize_t n, int kind);
Py_ssize_t py4go_bind_unpack_str(PyObject *o, uintptr_t *out, Py_ssize_t n);
*/
import "C"

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"unsafe"
)

// bindcDecoder is decoder (owned item references, ToGo for any) plus bindc's messages.
type bindcDecoder struct {
	decoder
	classes bindcClassCache // whether the target type is a value class (value)
}

// top decodes a whole argument: typed paths for the common targets, reflection otherwise.
func (d *bindcDecoder) top(p unsafe.Pointer, into any) *bindcFailure {
	if op, ok := objectTarget(into); ok {
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
// references it receives are released by finish. A failure names the item it happened at.
func (d *bindcDecoder) items(v C.py4go_value) ([]C.py4go_value, *bindcFailure) {
	items, r, ok := d.unpack(v)
	if ok {
		return items, nil
	}
	where := ""
	if r.arg >= 0 {
		if v.kind == C.PY4GO_DICT {
			where = " item " + strconv.Itoa(int(r.arg)/2)
		} else {
			where = "[" + strconv.Itoa(int(r.arg)) + "]"
		}
	}
	return nil, bindcResultFailure(r, where)
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
	if isObjectPtr(t) {
		bindcAdopt()
		o, err := d.objectOf(v, false)
		if err != nil {
			return bindcFail(bindcTypeError, "", ": "+err.Error())
		}
		rv.Set(objectValue(o, t))
		return nil
	}
	if f, ok := bindcDecodeWellKnown(v, rv); ok { // time.Time, *big.Int...: bindc_wellknown.go
		return f
	}
	if d.classes.is(t) { // a value class: an instance is its value, else by its kind
		if v.kind == C.PY4GO_OBJECT {
			if x, ok := bindcInstanceValue(v.ptr, t); ok {
				rv.Set(x)
				return nil
			}
		}
		return d.byKind(v, owned, rv).naming(t.Name())
	}
	return d.byKind(v, owned, rv)
}

// byKind decodes v into rv by the kind of rv's type (value does the cases that come first:
// *python.Object, the well-known types, value classes).
func (d *bindcDecoder) byKind(v C.py4go_value, owned bool, rv reflect.Value) *bindcFailure {
	t := rv.Type()
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() > 0 { // a bound interface: instances, or Python objects through a proxy
			return bindcInterfaceValue(v, rv)
		}
		if v.kind == C.PY4GO_NONE {
			rv.Set(reflect.Zero(t))
			return nil
		}
		if v.kind == C.PY4GO_OBJECT { // a bound instance: its Go value (*T), not a *Object
			if h := uintptr(C.py4go_bind_handle_of((*C.PyObject)(v.ptr))); h != 0 {
				rv.Set(reflect.ValueOf(BindcValue(h)))
				return nil
			}
			if C.py4go_bind_is_function((*C.PyObject)(v.ptr)) != 0 { // a Go func calling it
				rv.Set(reflect.ValueOf(bindcPyFunc(bindcCallback(v.ptr, nil, 0, nil, nil))))
				return nil
			}
		}
		bindcAdopt()
		d.objects = bindcAnyObject
		x, err := d.natural(v, owned, "")
		if err != nil {
			if fe, ok := err.(*bindcFailureError); ok {
				return fe.f
			}
			msg := err.Error()
			if ce, ok := err.(*ConversionError); ok {
				msg = ce.Message
			}
			return bindcFail(bindcTypeError, "", ": "+msg)
		}
		rv.Set(reflect.ValueOf(x))
		return nil
	case reflect.Struct: // a bound class's instance: its Go value, copied
		return bindcInstance(v, rv)
	case reflect.Pointer: // to a scalar: None is nil, else a pointer to a new copy
		if v.kind == C.PY4GO_NONE {
			rv.SetZero()
			return nil
		}
		if t.Elem().Kind() == reflect.Struct { // to a bound class's value: shared
			return bindcInstance(v, rv)
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
	case reflect.Complex64, reflect.Complex128:
		c, r, ok := complexOf(v)
		if !ok {
			return bindcWrongType(v, "complex")
		}
		if r.status != C.PY4GO_OK {
			f := bindcResultFailure(r, "")
			if v.kind == C.PY4GO_BIGINT { // an int too large for a double, as for float targets
				f.kind = bindcOverflowError
			}
			return f
		}
		if t.Kind() == reflect.Complex64 && complex64Overflows(c) {
			return bindcFail(bindcOverflowError, "", ": "+complexText(c)+" is out of range for Go complex64")
		}
		rv.SetComplex(c)
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
		if t.Kind() == reflect.Array && t.Elem().Kind() == reflect.Uint8 && v.kind == C.PY4GO_BYTES {
			// [N]byte from bytes or a bytearray (a memoryview is a Sequence: the general path)
			if int(v.num) != t.Len() {
				return bindcFail(bindcValueError, "", " must have exactly "+strconv.Itoa(t.Len())+" bytes, not "+
					strconv.Itoa(int(v.num)))
			}
			if v.num > 0 {
				reflect.Copy(rv, reflect.ValueOf(unsafe.Slice((*byte)(v.ptr), int(v.num))))
			}
			return nil
		}
		if v.kind != C.PY4GO_LIST && v.kind != C.PY4GO_TUPLE {
			c, ok, f := d.coerce(v, false)
			if f != nil {
				return f
			}
			if !ok {
				if t.Kind() == reflect.Array && t.Elem().Kind() == reflect.Uint8 {
					return bindcWrongType(v, "bytes or a sequence of ints")
				}
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

// bindcInstance stores the Go value of a bound class instance v into rv (a struct or a
// pointer to one); anything else is a TypeError naming the class.
func bindcInstance(v C.py4go_value, rv reflect.Value) *bindcFailure {
	if v.kind == C.PY4GO_OBJECT {
		if x, ok := bindcInstanceValue(v.ptr, rv.Type()); ok {
			rv.Set(x)
			return nil
		}
	}
	st := rv.Type()
	want := st.Name()
	if st.Kind() == reflect.Pointer {
		want = st.Elem().Name() + " or None"
	}
	return bindcWrongType(v, want)
}

// bindcPyFunc makes the Go func a Python callable passed as `any` arrives as. Its type is the
// plain func(...any) (any, error), so Go code can type-assert it, and code that calls funcs
// it finds by reflection (text/template's FuncMap, handler registries) can call it with any
// arguments. It is a Callback: the arguments convert with FromGo's rules, the result with
// Decode's into an any, a Python exception is the error (a *Exception keeping the exception,
// so returned to Python it is the original again), it may be called from any goroutine for
// as long as Go keeps it, and the callable is released when Go drops the last copy.
func bindcPyFunc(cb *Callback) func(...any) (any, error) {
	return func(args ...any) (any, error) {
		var result any
		err := cb.Invoke(args, &result)
		return result, err
	}
}

// bindcAnyObject is what a Python object becomes at any depth of an any (an element of a list
// or dict passed as any, not only the argument itself): a bound instance its Go value, a
// Python function a Go func calling it, and the well-known Python types the Go values a Go
// library expects — datetime time.Time, timedelta time.Duration, Fraction *big.Rat, Decimal
// *big.Float, an int beyond 64 bits *big.Int. Any other object stays a *Object (ok false).
func bindcAnyObject(v C.py4go_value) (any, bool, error) {
	wrap := func(x any, f *bindcFailure) (any, bool, error) {
		if f != nil {
			return nil, true, &bindcFailureError{f}
		}
		return x, true, nil
	}
	if v.kind == C.PY4GO_BIGINT {
		return wrap(bindcBigIntOf(v, "int"))
	}
	o := (*C.PyObject)(v.ptr)
	if h := uintptr(C.py4go_bind_handle_of(o)); h != 0 {
		return BindcValue(h), true, nil
	}
	if C.py4go_bind_is_function(o) != 0 {
		return bindcPyFunc(bindcCallback(v.ptr, nil, 0, nil, nil)), true, nil
	}
	switch bindcWellKnownKind(v.ptr) {
	case 1:
		return wrap(bindcTimeOf(v))
	case 2:
		return wrap(bindcDurationOf(v))
	case 3:
		return wrap(bindcBigRatOf(v))
	case 4:
		return wrap(bindcBigFloatOf(v))
	}
	return nil, false, nil
}
