package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"math"
	"reflect"
	"strconv"
	"unsafe"
)

// FromGo implements FromGo of package python (documented there).
func FromGo(v any) (*Object, error) {
	if o, ok := asObject(v); ok && o != nil {
		if o.unboxed() {
			return &Object{kind: o.kind, num: o.num}, nil
		}
		p, err := o.pyobj("FromGo")
		if err != nil {
			return nil, err
		}
		return NewRef(p)
	}
	var pk packer
	pk.vals = make([]C.py4go_value, 1)
	d := &pk.vals[0]
	if err := pk.put(d, v); err != nil {
		pk.abort()
		return nil, conversionContext(err, "FromGo")
	}
	switch d.kind {
	case C.PY4GO_NONE, C.PY4GO_BOOL, C.PY4GO_INT64, C.PY4GO_FLOAT64:
		pk.done()
		return &Object{kind: d.kind, num: d.num}, nil
	case C.PY4GO_OBJECT:
		pk.done()
		if d.flags&C.PY4GO_STEAL != 0 {
			return StealRef(unsafe.Pointer(d.ptr)), nil
		}
	}
	r := C.py4go_from_value(d)
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "FromGo", func(int) string { return "" })
	}
	return objectResult(r.value), nil
}

// scalar converts o to the C scalar kind want, in Go for an unboxed scalar and with one cgo
// call otherwise. STR and BYTES results borrow o's buffer.
func (o *Object) scalar(want C.int, op string) (C.py4go_value, error) {
	n, p, err := o.Scalar(ScalarKind(want), op)
	if err != nil {
		err = ownError(err)
	}
	return C.py4go_value{kind: C.int32_t(want), num: C.int64_t(n), ptr: p}, err
}

// ScalarKind is the Go kind Object.Scalar converts to.
type ScalarKind C.int

// The kinds of Object.Scalar.
const (
	ScalarBool    = ScalarKind(C.PY4GO_BOOL)
	ScalarInt64   = ScalarKind(C.PY4GO_INT64)
	ScalarUint64  = ScalarKind(C.PY4GO_UINT64)
	ScalarFloat64 = ScalarKind(C.PY4GO_FLOAT64)
	ScalarStr     = ScalarKind(C.PY4GO_STR)
	ScalarBytes   = ScalarKind(C.PY4GO_BYTES)
)

// Scalar is the conversion behind package python's Int64, Uint64, Float64, Bool, Str and
// Bytes, called by them directly (one frame, so that they inline into their callers): num is
// the number (a float64's bits, 0 or 1 for a bool) or the length of the str/bytes data at ptr
// (borrowed from o); errors are package python's types. op names the operation in errors.
func (o *Object) Scalar(want ScalarKind, op string) (num int64, ptr unsafe.Pointer, err error) {
	if o != nil && o.ref == nil && !o.released && C.int(o.kind) == C.int(want) {
		return int64(o.num), nil, nil // an unboxed result of the wanted kind: the common case, no call
	}
	if o.unboxed() {
		v, err := unboxedAs(o.kind, o.num, C.int(want), op)
		return int64(v.num), nil, forUser(err)
	}
	p, err := o.pyobj(op)
	if err != nil {
		return 0, nil, forUser(err)
	}
	r := C.py4go_to_value((*C.PyObject)(p), C.int(want))
	if r.status != C.PY4GO_OK {
		return 0, nil, forUser(resultError(r, op, nil))
	}
	return int64(r.value.num), unsafe.Pointer(r.value.ptr), nil
}

// unboxedAs mirrors py4go_to_value for the scalar kinds that are kept unboxed.
func unboxedAs(kind C.int32_t, num C.int64_t, want C.int, op string) (C.py4go_value, error) {
	v := C.py4go_value{kind: C.int32_t(want), num: num}
	switch {
	case C.int(kind) == want:
		return v, nil
	case kind == C.PY4GO_INT64 && want == C.PY4GO_UINT64:
		if num >= 0 {
			return v, nil
		}
		return v, &ConversionError{Context: op, Message: "Python int " + strconv.FormatInt(int64(num), 10) +
			" is negative and cannot be converted to Go uint64"}
	case kind == C.PY4GO_INT64 && want == C.PY4GO_FLOAT64:
		v.num = C.int64_t(math.Float64bits(float64(num)))
		return v, nil
	}
	return v, &ConversionError{Context: op, Message: "cannot convert Python " + pythonScalarType(kind) +
		" to Go " + goKindName(want)}
}

func pythonScalarType(kind C.int32_t) string {
	switch kind {
	case C.PY4GO_NONE:
		return "NoneType"
	case C.PY4GO_BOOL:
		return "bool"
	case C.PY4GO_INT64, C.PY4GO_UINT64, C.PY4GO_BIGINT:
		return "int"
	case C.PY4GO_FLOAT64:
		return "float"
	case C.PY4GO_STR:
		return "str"
	case C.PY4GO_BYTES:
		return "bytes"
	case C.PY4GO_LIST:
		return "list"
	case C.PY4GO_TUPLE:
		return "tuple"
	case C.PY4GO_DICT:
		return "dict"
	}
	return "object"
}

func goKindName(kind C.int) string {
	switch kind {
	case C.PY4GO_NONE:
		return "nil"
	case C.PY4GO_BOOL:
		return "bool"
	case C.PY4GO_INT64:
		return "int64"
	case C.PY4GO_UINT64:
		return "uint64"
	case C.PY4GO_FLOAT64:
		return "float64"
	case C.PY4GO_STR:
		return "string"
	case C.PY4GO_BYTES:
		return "[]byte"
	}
	return "value"
}

// Int64 implements Object.Int64 of package python (documented there).
func (o *Object) Int64() (int64, error) {
	v, err := o.scalar(C.PY4GO_INT64, "Object.Int64")
	return int64(v.num), err
}

// Uint64 implements Object.Uint64 of package python (documented there).
func (o *Object) Uint64() (uint64, error) {
	v, err := o.scalar(C.PY4GO_UINT64, "Object.Uint64")
	return uint64(v.num), err
}

// Float64 implements Object.Float64 of package python (documented there).
func (o *Object) Float64() (float64, error) {
	v, err := o.scalar(C.PY4GO_FLOAT64, "Object.Float64")
	return math.Float64frombits(uint64(v.num)), err
}

// Bool implements Object.Bool of package python (documented there).
func (o *Object) Bool() (bool, error) {
	v, err := o.scalar(C.PY4GO_BOOL, "Object.Bool")
	return v.num != 0, err
}

// Str implements Object.Str of package python (documented there).
func (o *Object) Str() (string, error) {
	v, err := o.scalar(C.PY4GO_STR, "Object.Str")
	if err != nil {
		return "", err
	}
	return copyString(v), nil
}

// Bytes implements Object.Bytes of package python (documented there).
func (o *Object) Bytes() ([]byte, error) {
	v, err := o.scalar(C.PY4GO_BYTES, "Object.Bytes")
	if err != nil {
		return nil, err
	}
	return copyBytes(v), nil
}

// describe returns o's natural kind (py4go_to_value with want = -1); object-like kinds borrow.
func (o *Object) describe(op string) (C.py4go_value, error) {
	if o.unboxed() {
		return C.py4go_value{kind: o.kind, num: o.num}, nil
	}
	p, err := o.pyobj(op)
	if err != nil {
		return C.py4go_value{}, err
	}
	r := C.py4go_to_value((*C.PyObject)(p), -1)
	if r.status != C.PY4GO_OK {
		return C.py4go_value{}, resultError(r, op, nil)
	}
	return r.value, nil
}

// ToGo implements Object.ToGo of package python (documented there).
func (o *Object) ToGo() (any, error) {
	v, err := o.describe("Object.ToGo")
	if err != nil {
		return nil, err
	}
	var d decoder
	defer d.finish()
	return d.natural(v, false, "Object.ToGo")
}

// Decode implements Object.Decode of package python (documented there).
func (o *Object) Decode(into any) error {
	rv := reflect.ValueOf(into)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &ConversionError{Context: "Object.Decode", Message: "the target must be a non-nil pointer, not " + typeString(into)}
	}
	switch t := into.(type) { // the common targets, without reflection
	case *int64:
		v, err := o.Int64()
		if err == nil {
			*t = v
		}
		return err
	case *float64:
		v, err := o.Float64()
		if err == nil {
			*t = v
		}
		return err
	case *string:
		v, err := o.Str()
		if err == nil {
			*t = v
		}
		return err
	case *bool:
		v, err := o.Bool()
		if err == nil {
			*t = v
		}
		return err
	}
	v, err := o.describe("Object.Decode")
	if err != nil {
		return err
	}
	var d decoder
	defer d.finish()
	return d.decode(v, false, rv.Elem(), "Object.Decode", "")
}

func typeString(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// decoder converts described Python values into Go values. Items of containers come from
// py4go_unpack with owned references for object-like kinds; the decoder releases those
// (in one cgo call) when it is done, except the ones it hands out as *Object.
type decoder struct {
	owned []unsafe.Pointer
	// objects, when set, converts a Python object that has no plain Go equivalent (an
	// OBJECT or BIGINT value) before natural falls back to a *Object: bindc's modules turn
	// datetimes, bound instances... into Go values at any depth of an any. ok is false to
	// fall back.
	objects func(v C.py4go_value) (x any, ok bool, err error)
}

func (d *decoder) finish() {
	if len(d.owned) > 0 {
		C.py4go_release_many((**C.PyObject)(unsafe.Pointer(&d.owned[0])), C.Py_ssize_t(len(d.owned)))
		d.owned = nil
	}
}

// keep records an owned reference to release at the end.
func (d *decoder) keep(v C.py4go_value, owned bool) {
	if owned {
		d.owned = append(d.owned, unsafe.Pointer(v.ptr))
	}
}

// objectOf returns an *Object (new reference) for a described value.
func (d *decoder) objectOf(v C.py4go_value, owned bool) (*Object, error) {
	switch v.kind {
	case C.PY4GO_NONE, C.PY4GO_BOOL, C.PY4GO_INT64, C.PY4GO_FLOAT64:
		return &Object{kind: v.kind, num: v.num}, nil
	case C.PY4GO_UINT64:
		return FromGo(uint64(v.num))
	case C.PY4GO_STR:
		return FromGo(copyString(v))
	case C.PY4GO_BYTES:
		return FromGo(copyBytes(v))
	}
	if owned {
		return StealRef(unsafe.Pointer(v.ptr)), nil
	}
	return NewRef(unsafe.Pointer(v.ptr))
}

// items unpacks a list, tuple (n values) or dict (2n values: k0, v0, ...) described by v.
func (d *decoder) items(v C.py4go_value, op string) ([]C.py4go_value, error) {
	items, r, ok := d.unpack(v)
	if !ok {
		return nil, resultError(r, op, nil)
	}
	return items, nil
}

// unpack runs py4go_unpack on a described list, tuple or dict (2 values per item), retrying
// with a larger buffer if the container grew meanwhile (only possible from another thread).
// The references of object-like items are recorded in d.owned. On failure it returns the
// failed result (its arg is the failing item's index) and false.
func (d *decoder) unpack(v C.py4go_value) ([]C.py4go_value, C.py4go_result, bool) {
	perItem := 1
	if v.kind == C.PY4GO_DICT {
		perItem = 2
	}
	n := int(v.num) * perItem
	for {
		buf := make([]C.py4go_value, n+1)
		r := C.py4go_unpack((*C.PyObject)(v.ptr), &buf[0], C.Py_ssize_t(len(buf)))
		if r.status != C.PY4GO_OK {
			return nil, r, false
		}
		got := int(r.value.num) * perItem
		if got <= len(buf) {
			buf = buf[:got]
			for _, it := range buf {
				if isObjectKind(it.kind) {
					d.owned = append(d.owned, unsafe.Pointer(it.ptr))
				}
			}
			return buf, r, true
		}
		n = got
	}
}

func isObjectKind(k C.int32_t) bool {
	switch k {
	case C.PY4GO_OBJECT, C.PY4GO_LIST, C.PY4GO_TUPLE, C.PY4GO_DICT, C.PY4GO_BIGINT:
		return true
	}
	return false
}

// natural is ToGo for a described value.
func (d *decoder) natural(v C.py4go_value, owned bool, op string) (any, error) {
	switch v.kind {
	case C.PY4GO_NONE:
		return nil, nil
	case C.PY4GO_BOOL:
		return v.num != 0, nil
	case C.PY4GO_INT64:
		return int64(v.num), nil
	case C.PY4GO_UINT64:
		return uint64(v.num), nil
	case C.PY4GO_FLOAT64:
		return math.Float64frombits(uint64(v.num)), nil
	case C.PY4GO_STR:
		return copyString(v), nil
	case C.PY4GO_BYTES:
		return copyBytes(v), nil
	case C.PY4GO_LIST, C.PY4GO_TUPLE:
		items, err := d.items(v, op)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(items))
		for i, it := range items {
			if out[i], err = d.natural(it, true, op+"["+strconv.Itoa(i)+"]"); err != nil {
				return nil, err
			}
		}
		return out, nil
	case C.PY4GO_DICT:
		items, err := d.items(v, op)
		if err != nil {
			return nil, err
		}
		allStr := true
		for i := 0; i < len(items); i += 2 {
			allStr = allStr && items[i].kind == C.PY4GO_STR
		}
		if allStr {
			out := make(map[string]any, len(items)/2)
			for i := 0; i < len(items); i += 2 {
				k := copyString(items[i])
				if out[k], err = d.natural(items[i+1], true, op+"["+quote(k)+"]"); err != nil {
					return nil, err
				}
			}
			return out, nil
		}
		out := make(map[any]any, len(items)/2)
		for i := 0; i < len(items); i += 2 {
			k, err := d.natural(items[i], true, op+" key")
			if err != nil {
				return nil, err
			}
			if k != nil && !reflect.TypeOf(k).Comparable() {
				return nil, &ConversionError{Context: op, Message: "cannot use a Python " +
					pythonScalarType(items[i].kind) + " as a Go map key"}
			}
			if out[k], err = d.natural(items[i+1], true, op+"["+keyText(k)+"]"); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	if d.objects != nil && (v.kind == C.PY4GO_OBJECT || v.kind == C.PY4GO_BIGINT) {
		if x, ok, err := d.objects(v); ok {
			return x, err
		}
	}
	// An object with no Go equivalent: hand out the reference (ownership moves to the caller).
	if owned {
		d.disown(v.ptr)
	}
	o, err := d.objectOf(v, owned)
	if err != nil {
		return nil, err
	}
	return boxObject(o), nil
}

// disown removes p from the references released at the end (it is being handed out).
func (d *decoder) disown(p unsafe.Pointer) {
	for i := len(d.owned) - 1; i >= 0; i-- {
		if d.owned[i] == p {
			d.owned = append(d.owned[:i], d.owned[i+1:]...)
			return
		}
	}
}

func keyText(k any) string {
	if s, ok := k.(string); ok {
		return quote(s)
	}
	if k == nil {
		return "None"
	}
	return reflect.ValueOf(k).String()
}

// describeError is the *ConversionError for a value of the wrong Python type.
// complexOf converts a described number to complex128: ints and floats directly, other
// objects (complex, __complex__, __float__, __index__) through py4go_to_complex, whose failure
// r reports. ok is false for values that are no numbers (str, bytes, None, containers, objects
// without __complex__, __float__ or __index__).
func complexOf(v C.py4go_value) (c complex128, r C.py4go_result, ok bool) {
	r.status = C.PY4GO_OK
	switch v.kind {
	case C.PY4GO_FLOAT64:
		return complex(math.Float64frombits(uint64(v.num)), 0), r, true
	case C.PY4GO_INT64, C.PY4GO_BOOL:
		return complex(float64(int64(v.num)), 0), r, true
	case C.PY4GO_UINT64:
		return complex(float64(uint64(v.num)), 0), r, true
	case C.PY4GO_OBJECT, C.PY4GO_BIGINT:
		var parts [2]float64
		r = C.py4go_to_complex((*C.PyObject)(v.ptr), (*C.double)(unsafe.Pointer(&parts[0])))
		return complex(parts[0], parts[1]), r, r.status != C.PY4GO_OK || r.value.kind == C.PY4GO_COMPLEX
	}
	return 0, r, false
}

// complex64Overflows reports a finite part beyond float32's range (Go would make it infinite).
func complex64Overflows(c complex128) bool {
	big := func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) && math.Abs(x) > math.MaxFloat32 }
	return big(real(c)) || big(imag(c))
}

// complexText writes c as Python's repr does: "(1+2j)", "(1e+300-0j)".
func complexText(c complex128) string {
	im := strconv.FormatFloat(imag(c), 'g', -1, 64)
	if im[0] != '-' && im[0] != '+' {
		im = "+" + im
	}
	return "(" + strconv.FormatFloat(real(c), 'g', -1, 64) + im + "j)"
}

func describeError(v C.py4go_value, target reflect.Type, ctx string) error {
	return &ConversionError{Context: ctx, Message: "cannot convert Python " + pythonTypeOf(v) + " to Go " + target.String()}
}

func pythonTypeOf(v C.py4go_value) string {
	if v.kind == C.PY4GO_OBJECT {
		return C.GoString(C.py4go_type_name((*C.PyObject)(v.ptr)))
	}
	return pythonScalarType(v.kind)
}

// intText is the decimal text of a described Python int (for error messages).
func intText(v C.py4go_value) string {
	switch v.kind {
	case C.PY4GO_INT64:
		return strconv.FormatInt(int64(v.num), 10)
	case C.PY4GO_UINT64:
		return strconv.FormatUint(uint64(v.num), 10)
	}
	r := C.py4go_str((*C.PyObject)(v.ptr), 0)
	if r.status != C.PY4GO_OK {
		_ = resultError(r, "", nil) // frees the exception
		return "(unprintable)"
	}
	return copyString(r.value)
}

// decode stores the described value v into rv (settable), converting to rv's type.
func (d *decoder) decode(v C.py4go_value, owned bool, rv reflect.Value, op, path string) error {
	ctx := op
	if path != "" {
		ctx = op + " at " + path
	}
	t := rv.Type()
	if isObjectPtr(t) {
		o, err := d.objectOf(v, false)
		if err != nil {
			return err
		}
		rv.Set(objectValue(o, t))
		return nil
	}
	switch t {
	case bindcTimeType, bindcTimePtrType, bindcDurationType, bindcBigIntType, bindcBigRatType, bindcBigFloatType:
		// datetime, timedelta (or int nanoseconds), int, Fraction, Decimal: the conversions of
		// bound functions (bindc_wellknown.go), so FromGo and Decode round-trip these types.
		if f, ok := bindcDecodeWellKnown(v, rv); ok && f != nil {
			detail := f.tail
			if f.kind == bindcRaised {
				C.PyErr_Clear()
				detail = ""
			}
			return &ConversionError{Context: ctx, Message: "cannot convert Python " + pythonTypeOf(v) + " to Go " +
				t.String() + detail}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Interface:
		if v.kind == C.PY4GO_NONE {
			rv.Set(reflect.Zero(t))
			return nil
		}
		x, err := d.natural(v, owned, ctx)
		if err != nil {
			return err
		}
		xv := reflect.ValueOf(x)
		if !xv.Type().AssignableTo(t) {
			return describeError(v, t, ctx)
		}
		rv.Set(xv)
		return nil
	case reflect.Pointer:
		if v.kind == C.PY4GO_NONE {
			rv.Set(reflect.Zero(t))
			return nil
		}
		p := reflect.New(t.Elem())
		if err := d.decode(v, owned, p.Elem(), op, path); err != nil {
			return err
		}
		rv.Set(p)
		return nil
	case reflect.Bool:
		if v.kind != C.PY4GO_BOOL {
			return describeError(v, t, ctx)
		}
		rv.SetBool(v.num != 0)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch v.kind {
		case C.PY4GO_INT64:
			if !rv.OverflowInt(int64(v.num)) {
				rv.SetInt(int64(v.num))
				return nil
			}
		case C.PY4GO_UINT64, C.PY4GO_BIGINT:
		default:
			return describeError(v, t, ctx)
		}
		return &ConversionError{Context: ctx, Message: "Python int " + intText(v) + " is out of range for Go " + t.String()}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		switch v.kind {
		case C.PY4GO_INT64:
			if v.num < 0 {
				return &ConversionError{Context: ctx, Message: "Python int " + intText(v) +
					" is negative and cannot be converted to Go " + t.String()}
			}
			if !rv.OverflowUint(uint64(v.num)) {
				rv.SetUint(uint64(v.num))
				return nil
			}
		case C.PY4GO_UINT64:
			if !rv.OverflowUint(uint64(v.num)) {
				rv.SetUint(uint64(v.num))
				return nil
			}
		case C.PY4GO_BIGINT:
		default:
			return describeError(v, t, ctx)
		}
		return &ConversionError{Context: ctx, Message: "Python int " + intText(v) + " is out of range for Go " + t.String()}
	case reflect.Float32, reflect.Float64:
		var f float64
		switch v.kind {
		case C.PY4GO_FLOAT64:
			f = math.Float64frombits(uint64(v.num))
		case C.PY4GO_INT64:
			f = float64(int64(v.num))
		case C.PY4GO_UINT64:
			f = float64(uint64(v.num))
		case C.PY4GO_BIGINT:
			r := C.py4go_to_value((*C.PyObject)(v.ptr), C.PY4GO_FLOAT64)
			if r.status != C.PY4GO_OK {
				return resultError(r, ctx, nil)
			}
			f = math.Float64frombits(uint64(r.value.num))
		default:
			return describeError(v, t, ctx)
		}
		if rv.OverflowFloat(f) {
			return &ConversionError{Context: ctx, Message: "Python float " + strconv.FormatFloat(f, 'g', -1, 64) +
				" is out of range for Go " + t.String()}
		}
		rv.SetFloat(f)
		return nil
	case reflect.Complex64, reflect.Complex128:
		c, r, ok := complexOf(v)
		if !ok {
			return describeError(v, t, ctx)
		}
		if r.status != C.PY4GO_OK {
			return resultError(r, ctx, nil)
		}
		if t.Kind() == reflect.Complex64 && complex64Overflows(c) {
			return &ConversionError{Context: ctx, Message: "Python complex " + complexText(c) +
				" is out of range for Go " + t.String()}
		}
		rv.SetComplex(c)
		return nil
	case reflect.String:
		if v.kind != C.PY4GO_STR {
			return describeError(v, t, ctx)
		}
		rv.SetString(copyString(v))
		return nil
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && v.kind == C.PY4GO_BYTES {
			rv.SetBytes(copyBytes(v))
			return nil
		}
		if t.Kind() == reflect.Array && t.Elem().Kind() == reflect.Uint8 && v.kind == C.PY4GO_BYTES {
			if int(v.num) != t.Len() {
				return &ConversionError{Context: ctx, Message: "Python bytes of length " + strconv.Itoa(int(v.num)) +
					" does not fit Go " + t.String()}
			}
			reflect.Copy(rv, reflect.ValueOf(copyBytes(v)))
			return nil
		}
		if t.Kind() == reflect.Slice && v.kind == C.PY4GO_NONE {
			rv.Set(reflect.Zero(t))
			return nil
		}
		if v.kind != C.PY4GO_LIST && v.kind != C.PY4GO_TUPLE {
			return describeError(v, t, ctx)
		}
		items, err := d.items(v, ctx)
		if err != nil {
			return err
		}
		if t.Kind() == reflect.Array {
			if len(items) != t.Len() {
				return &ConversionError{Context: ctx, Message: "Python " + pythonScalarType(v.kind) + " of length " +
					strconv.Itoa(len(items)) + " does not fit Go " + t.String()}
			}
		} else {
			rv.Set(reflect.MakeSlice(t, len(items), len(items)))
		}
		for i, it := range items {
			if err := d.decode(it, true, rv.Index(i), op, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if v.kind == C.PY4GO_NONE {
			rv.Set(reflect.Zero(t))
			return nil
		}
		if v.kind != C.PY4GO_DICT {
			return describeError(v, t, ctx)
		}
		items, err := d.items(v, ctx)
		if err != nil {
			return err
		}
		m := reflect.MakeMapWithSize(t, len(items)/2)
		for i := 0; i < len(items); i += 2 {
			k := reflect.New(t.Key()).Elem()
			if err := d.decode(items[i], true, k, op, path+" key"); err != nil {
				return err
			}
			e := reflect.New(t.Elem()).Elem()
			if err := d.decode(items[i+1], true, e, op, path+"["+keyText(k.Interface())+"]"); err != nil {
				return err
			}
			m.SetMapIndex(k, e)
		}
		rv.Set(m)
		return nil
	}
	return &ConversionError{Context: ctx, Message: "cannot decode into Go " + t.String()}
}
