// Well-known types of Go's standard library crossing bindc wrappers as the Python type a
// Python user expects, in both directions, at any depth (arguments, results, container
// elements, fields):
//
//   - time.Time <-> datetime.datetime, always timezone-aware going to Python (a fixed-offset
//     timezone with the Go time's UTC offset; timezone.utc for offset 0). An aware datetime
//     keeps its instant and offset (a Go time.FixedZone; UTC for offset 0). A naive datetime
//     is local time, as Python's own datetime.timestamp() and astimezone() read it (Go's
//     time.Local). Go keeps nanoseconds, datetime microseconds: a Go time is rounded to the
//     nearest microsecond, halves to even (as datetime.fromtimestamp rounds); a year outside
//     datetime's 1..9999 is an OverflowError.
//   - time.Duration <-> datetime.timedelta; an int is taken as nanoseconds. Going to Python the
//     nanoseconds are rounded to microseconds, halves to even (as timedelta(microseconds=0.5)
//     rounds); a timedelta beyond Duration's ±292 years is an OverflowError.
//   - *big.Int <-> int of any size (any object with __index__ accepted); nil is None.
//   - *big.Rat <-> fractions.Fraction (an int, or any numbers.Rational, accepted); nil is None.
//   - *big.Float <-> decimal.Decimal holding the exact value (infinities too). A Decimal
//     becomes a big.Float of precision max(64, ⌈digits·log2 10⌉) bits rounded to nearest even,
//     which is exact for every Decimal a big.Float became; an int is exact too (at least 64
//     bits), a float exact at 53 bits. NaN is a ValueError (big.Float has none). nil is None.

package bindcrt

/*
#include "py4go.h"
PyObject *py4go_bind_new_datetime(int y, int mo, int d, int h, int mi, int s, int us, int offset);
int py4go_bind_datetime_parts(PyObject *o, long long *parts);
PyObject *py4go_bind_new_timedelta(int days, int seconds, int us);
int py4go_bind_timedelta_parts(PyObject *o, long long *parts);
int py4go_bind_int_hex(PyObject *o, PyObject **out);
PyObject *py4go_bind_int_from_hex(const char *text);
int py4go_bind_rational_parts(PyObject *o, PyObject **out);
PyObject *py4go_bind_new_fraction(PyObject *num, PyObject *den);
int py4go_bind_decimal_text(PyObject *o, PyObject **out);
PyObject *py4go_bind_new_decimal(const char *text, Py_ssize_t n);
int py4go_bind_wellknown_kind(PyObject *o);
PyObject *py4go_bind_none(void);
*/
import "C"

import (
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

var (
	bindcTimeType     = reflect.TypeOf(time.Time{})
	bindcTimePtrType  = reflect.TypeOf((*time.Time)(nil))
	bindcDurationType = reflect.TypeOf(time.Duration(0))
	bindcBigIntType   = reflect.TypeOf((*big.Int)(nil))
	bindcBigRatType   = reflect.TypeOf((*big.Rat)(nil))
	bindcBigFloatType = reflect.TypeOf((*big.Float)(nil))
)

// bindcDecodeWellKnown stores the described Python value v into rv when rv's type is one of
// the well-known types; handled is false for every other type.
func bindcDecodeWellKnown(v C.py4go_value, rv reflect.Value) (f *bindcFailure, handled bool) {
	switch rv.Type() {
	case bindcTimeType:
		t, f := bindcTimeOf(v)
		if f == nil {
			rv.Set(reflect.ValueOf(t))
		}
		return f, true
	case bindcTimePtrType:
		if v.kind == C.PY4GO_NONE {
			rv.SetZero()
			return nil, true
		}
		t, f := bindcTimeOf(v)
		if f == nil {
			rv.Set(reflect.ValueOf(&t))
		}
		return f, true
	case bindcReaderType:
		r, f := bindcReaderOf(v)
		if f == nil {
			if r == nil {
				rv.SetZero()
			} else {
				rv.Set(reflect.ValueOf(r))
			}
		}
		return f, true
	case bindcErrorType:
		err, f := bindcErrorOf(v)
		if f == nil {
			if err == nil {
				rv.SetZero()
			} else {
				rv.Set(reflect.ValueOf(err))
			}
		}
		return f, true
	case bindcDurationType:
		d, f := bindcDurationOf(v)
		if f == nil {
			rv.SetInt(int64(d))
		}
		return f, true
	case bindcBigIntType, bindcBigRatType, bindcBigFloatType:
		if v.kind == C.PY4GO_NONE {
			rv.SetZero()
			return nil, true
		}
		var x any
		switch rv.Type() {
		case bindcBigIntType:
			x, f = bindcBigIntOf(v, "int")
		case bindcBigRatType:
			x, f = bindcBigRatOf(v)
		default:
			x, f = bindcBigFloatOf(v)
		}
		if f == nil {
			rv.Set(reflect.ValueOf(x))
		}
		return f, true
	}
	return nil, false
}

// bindcEncodeWellKnown returns a new reference for rv when its type is a well-known type;
// handled is false for every other type.
func bindcEncodeWellKnown(rv reflect.Value) (p unsafe.Pointer, f *bindcFailure, handled bool) {
	switch rv.Type() {
	case bindcTimeType:
		p, f = bindcNewDatetime(rv.Interface().(time.Time))
	case bindcTimePtrType:
		if rv.IsNil() {
			return unsafe.Pointer(C.py4go_bind_none()), nil, true
		}
		p, f = bindcNewDatetime(*rv.Interface().(*time.Time))
	case bindcReaderType:
		if rv.IsNil() {
			return unsafe.Pointer(C.py4go_bind_none()), nil, true
		}
		var ok bool
		if p, ok = bindcWrapInstance(rv.Interface()); !ok { // a proxy, or a bound class's value
			return nil, bindcFail(bindcTypeError, "", ": a Go "+reflect.TypeOf(rv.Interface()).String()+
				" has no Python class"), true
		}
		f = bindcRaisedIf(p != nil)
	case bindcErrorType:
		var err error
		if !rv.IsNil() {
			err = rv.Interface().(error)
		}
		p, f = bindcNewErrorObject(err)
	case bindcDurationType:
		p, f = bindcNewTimedelta(time.Duration(rv.Int()))
	case bindcBigIntType, bindcBigRatType, bindcBigFloatType:
		if rv.IsNil() {
			return unsafe.Pointer(C.py4go_bind_none()), nil, true
		}
		switch x := rv.Interface().(type) {
		case *big.Int:
			p, f = bindcNewInt(x)
		case *big.Rat:
			p, f = bindcNewFraction(x)
		case *big.Float:
			p, f = bindcNewDecimal(x)
		}
	default:
		return nil, nil, false
	}
	return p, f, true
}

// BindcWellKnownType reports whether values of type t cross as one of the well-known types
// (the generated code asks it of nothing; tests and the any conversions do).
func BindcWellKnownType(t reflect.Type) bool {
	switch t {
	case bindcTimeType, bindcTimePtrType, bindcDurationType, bindcBigIntType, bindcBigRatType, bindcBigFloatType,
		bindcErrorType, bindcReaderType:
		return true
	}
	return false
}

func bindcRaisedIf(ok bool) *bindcFailure {
	if ok {
		return nil
	}
	return &bindcFailure{kind: bindcRaised}
}

// ---- time.Time <-> datetime.datetime ---------------------------------------------------

func bindcTimeOf(v C.py4go_value) (time.Time, *bindcFailure) {
	if v.kind != C.PY4GO_OBJECT {
		return time.Time{}, bindcWrongType(v, "datetime.datetime")
	}
	var parts [10]C.longlong
	switch C.py4go_bind_datetime_parts((*C.PyObject)(v.ptr), &parts[0]) {
	case 0:
		return time.Time{}, bindcWrongType(v, "datetime.datetime")
	case -1:
		return time.Time{}, &bindcFailure{kind: bindcRaised}
	}
	loc := time.Local // a naive datetime is local time, as Python reads it
	if parts[7] != 0 {
		if parts[9] != 0 {
			return time.Time{}, bindcFail(bindcValueError, "", ": a UTC offset with microseconds has no Go time.Location")
		}
		loc = time.UTC
		if off := int(parts[8]); off != 0 {
			loc = time.FixedZone("", off)
		}
	}
	return time.Date(int(parts[0]), time.Month(parts[1]), int(parts[2]), int(parts[3]), int(parts[4]),
		int(parts[5]), int(parts[6])*1000, loc), nil
}

// bindcRoundMicro rounds t to the nearest microsecond, halves to even.
func bindcRoundMicro(t time.Time) time.Time {
	ns := t.Nanosecond()
	sub := ns % 1000
	t = t.Add(-time.Duration(sub))
	if sub > 500 || (sub == 500 && (ns/1000)%2 == 1) {
		t = t.Add(time.Microsecond)
	}
	return t
}

func bindcNewDatetime(t time.Time) (unsafe.Pointer, *bindcFailure) {
	t = bindcRoundMicro(t)
	y, mo, d := t.Date()
	if y < 1 || y > 9999 {
		return nil, bindcFail(bindcOverflowError, "", ": year "+strconv.Itoa(y)+" is out of range for datetime.datetime (1..9999)")
	}
	h, mi, s := t.Clock()
	_, off := t.Zone()
	if off <= -86400 || off >= 86400 {
		return nil, bindcFail(bindcValueError, "", ": UTC offset "+strconv.Itoa(off)+"s is out of range for datetime.timezone")
	}
	p := C.py4go_bind_new_datetime(C.int(y), C.int(mo), C.int(d), C.int(h), C.int(mi), C.int(s),
		C.int(t.Nanosecond()/1000), C.int(off))
	return unsafe.Pointer(p), bindcRaisedIf(p != nil)
}

// ---- time.Duration <-> datetime.timedelta -----------------------------------------------

func bindcDurationOf(v C.py4go_value) (time.Duration, *bindcFailure) {
	const want = "datetime.timedelta or int"
	switch v.kind {
	case C.PY4GO_INT64, C.PY4GO_BOOL:
		return time.Duration(v.num), nil
	case C.PY4GO_UINT64, C.PY4GO_BIGINT:
		return 0, bindcFail(bindcOverflowError, "", ": "+intText(v)+" is out of range for Go time.Duration (nanoseconds)")
	case C.PY4GO_OBJECT:
	default:
		return 0, bindcWrongType(v, want)
	}
	var parts [3]C.longlong
	switch C.py4go_bind_timedelta_parts((*C.PyObject)(v.ptr), &parts[0]) {
	case 0:
		return 0, bindcWrongType(v, want)
	case -1:
		return 0, &bindcFailure{kind: bindcRaised}
	}
	ns := new(big.Int).Mul(big.NewInt(int64(parts[0])), big.NewInt(86400*int64(time.Second)))
	ns.Add(ns, big.NewInt(int64(parts[1])*int64(time.Second)+int64(parts[2])*int64(time.Microsecond)))
	if !ns.IsInt64() {
		return 0, bindcFail(bindcOverflowError, "", ": timedelta("+strconv.FormatInt(int64(parts[0]), 10)+
			" days) is out of range for Go time.Duration (±292 years)")
	}
	return time.Duration(ns.Int64()), nil
}

// bindcMicros rounds nanoseconds to microseconds, halves to even.
func bindcMicros(ns int64) int64 {
	q, r := ns/1000, ns%1000
	if r < 0 {
		q, r = q-1, r+1000
	}
	if r > 500 || (r == 500 && q%2 != 0) {
		q++
	}
	return q
}

func bindcNewTimedelta(d time.Duration) (unsafe.Pointer, *bindcFailure) {
	const usPerDay = 86400 * 1000000
	us := bindcMicros(int64(d))
	days := us / usPerDay
	rem := us % usPerDay
	if rem < 0 {
		days, rem = days-1, rem+usPerDay
	}
	p := C.py4go_bind_new_timedelta(C.int(days), C.int(rem/1000000), C.int(rem%1000000))
	return unsafe.Pointer(p), bindcRaisedIf(p != nil)
}

// ---- *big.Int <-> int ---------------------------------------------------------------------

// bindcBigIntOf converts an int (or an object with __index__); want names the expected type
// in a TypeError.
func bindcBigIntOf(v C.py4go_value, want string) (*big.Int, *bindcFailure) {
	switch v.kind {
	case C.PY4GO_INT64, C.PY4GO_BOOL:
		return big.NewInt(int64(v.num)), nil
	case C.PY4GO_UINT64:
		return new(big.Int).SetUint64(uint64(v.num)), nil
	case C.PY4GO_BIGINT, C.PY4GO_OBJECT:
		return bindcBigIntOfObject((*C.PyObject)(v.ptr), v, want)
	}
	return nil, bindcWrongType(v, want)
}

func bindcBigIntOfObject(o *C.PyObject, v C.py4go_value, want string) (*big.Int, *bindcFailure) {
	var text *C.PyObject
	switch C.py4go_bind_int_hex(o, &text) {
	case 0:
		return nil, bindcWrongType(v, want)
	case -1:
		return nil, &bindcFailure{kind: bindcRaised}
	}
	defer C.py4go_release(text)
	var n C.Py_ssize_t
	s := C.PyUnicode_AsUTF8AndSize(text, &n)
	if s == nil {
		return nil, &bindcFailure{kind: bindcRaised}
	}
	x, ok := new(big.Int).SetString(C.GoStringN(s, C.int(n)), 0) // "-0x1f"
	if !ok {                                                     // cannot happen: Python wrote it
		return nil, bindcFail(bindcValueError, "", ": cannot read int "+C.GoStringN(s, C.int(n)))
	}
	return x, nil
}

func bindcNewInt(x *big.Int) (unsafe.Pointer, *bindcFailure) {
	if x.IsInt64() {
		p := C.PyLong_FromLongLong(C.longlong(x.Int64()))
		return unsafe.Pointer(p), bindcRaisedIf(p != nil)
	}
	text := x.Text(16) + "\x00"
	p := C.py4go_bind_int_from_hex(bindcCStr(text))
	return unsafe.Pointer(p), bindcRaisedIf(p != nil)
}

// ---- *big.Rat <-> fractions.Fraction ----------------------------------------------------

func bindcBigRatOf(v C.py4go_value) (*big.Rat, *bindcFailure) {
	const want = "fractions.Fraction or int"
	switch v.kind {
	case C.PY4GO_INT64, C.PY4GO_BOOL, C.PY4GO_UINT64, C.PY4GO_BIGINT:
		n, f := bindcBigIntOf(v, want)
		if f != nil {
			return nil, f
		}
		return new(big.Rat).SetInt(n), nil
	case C.PY4GO_OBJECT:
	default:
		return nil, bindcWrongType(v, want)
	}
	var parts [2]*C.PyObject
	switch C.py4go_bind_rational_parts((*C.PyObject)(v.ptr), &parts[0]) {
	case 0:
		return nil, bindcWrongType(v, want)
	case -1:
		return nil, &bindcFailure{kind: bindcRaised}
	}
	defer C.py4go_release(parts[0])
	defer C.py4go_release(parts[1])
	num, f := bindcBigIntOfObject(parts[0], v, want)
	if f != nil {
		return nil, f
	}
	den, f := bindcBigIntOfObject(parts[1], v, want)
	if f != nil {
		return nil, f
	}
	if den.Sign() == 0 { // a Rational with a zero denominator: not a number
		return nil, bindcFail(bindcValueError, "", ": zero denominator")
	}
	return new(big.Rat).SetFrac(num, den), nil
}

func bindcNewFraction(x *big.Rat) (unsafe.Pointer, *bindcFailure) {
	num, f := bindcNewInt(x.Num())
	if f != nil {
		return nil, f
	}
	den, f := bindcNewInt(x.Denom())
	if f != nil {
		C.py4go_release((*C.PyObject)(num))
		return nil, f
	}
	p := C.py4go_bind_new_fraction((*C.PyObject)(num), (*C.PyObject)(den))
	return unsafe.Pointer(p), bindcRaisedIf(p != nil)
}

// ---- *big.Float <-> decimal.Decimal -------------------------------------------------------

func bindcBigFloatOf(v C.py4go_value) (*big.Float, *bindcFailure) {
	const want = "decimal.Decimal, float or int"
	switch v.kind {
	case C.PY4GO_FLOAT64:
		x := math.Float64frombits(uint64(v.num))
		if math.IsNaN(x) {
			return nil, bindcFail(bindcValueError, "", ": NaN has no Go *big.Float")
		}
		return new(big.Float).SetFloat64(x), nil
	case C.PY4GO_INT64, C.PY4GO_BOOL, C.PY4GO_UINT64, C.PY4GO_BIGINT:
		n, f := bindcBigIntOf(v, want)
		if f != nil {
			return nil, f
		}
		return new(big.Float).SetPrec(uint(max(64, n.BitLen()))).SetInt(n), nil
	case C.PY4GO_OBJECT:
	default:
		return nil, bindcWrongType(v, want)
	}
	var text *C.PyObject
	switch C.py4go_bind_decimal_text((*C.PyObject)(v.ptr), &text) {
	case 0:
		return nil, bindcWrongType(v, want)
	case -1:
		return nil, &bindcFailure{kind: bindcRaised}
	}
	defer C.py4go_release(text)
	var n C.Py_ssize_t
	s := C.PyUnicode_AsUTF8AndSize(text, &n)
	if s == nil {
		return nil, &bindcFailure{kind: bindcRaised}
	}
	return bindcParseDecimal(C.GoStringN(s, C.int(n)))
}

// bindcParseDecimal reads str(Decimal) at a precision holding all of its digits.
func bindcParseDecimal(s string) (*big.Float, *bindcFailure) {
	neg := strings.HasPrefix(s, "-")
	switch strings.TrimLeft(s, "+-") {
	case "Infinity":
		return new(big.Float).SetInf(neg), nil
	case "NaN", "sNaN":
		return nil, bindcFail(bindcValueError, "", ": NaN has no Go *big.Float")
	}
	mantissa, _, _ := strings.Cut(strings.ToUpper(s), "E")
	digits := 0
	for _, c := range mantissa {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	prec := max(64, int(math.Ceil(float64(digits)*math.Log2(10)))+1)
	x, _, err := new(big.Float).SetPrec(uint(prec)).Parse(s, 10)
	if err != nil {
		return nil, bindcFail(bindcValueError, "", ": "+s+" cannot be a Go *big.Float: "+err.Error())
	}
	return x, nil
}

// bindcDecimalText is the exact decimal text of a finite x: a big.Float is m/2^k, which is
// (m·5^k)·10^-k exactly.
func bindcDecimalText(x *big.Float) string {
	if x.IsInt() {
		i, _ := x.Int(nil)
		if x.Signbit() && i.Sign() == 0 {
			return "-0"
		}
		return i.String()
	}
	r, _ := x.Rat(nil)
	k := r.Denom().BitLen() - 1 // the denominator is 2^k
	digits := new(big.Int).Mul(r.Num(), new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(k)), nil))
	return digits.String() + "E-" + strconv.Itoa(k)
}

func bindcNewDecimal(x *big.Float) (unsafe.Pointer, *bindcFailure) {
	var text string
	switch {
	case x.IsInf() && x.Signbit():
		text = "-Infinity"
	case x.IsInf():
		text = "Infinity"
	default:
		text = bindcDecimalText(x)
	}
	p := C.py4go_bind_new_decimal(bindcCStr(text), C.Py_ssize_t(len(text)))
	return unsafe.Pointer(p), bindcRaisedIf(p != nil)
}

// ---- Python objects inside an any --------------------------------------------------------

// bindcFailureError carries a conversion failure through decoder.natural, which returns
// errors, back to the bindc decoder that raises it.
type bindcFailureError struct{ f *bindcFailure }

func (e *bindcFailureError) Error() string { return e.f.tail }

// bindcWellKnownKind says which well-known Python type the object p is (see
// py4go_bind_wellknown_kind): 1 datetime, 2 timedelta, 3 Fraction, 4 Decimal, 0 none.
func bindcWellKnownKind(p unsafe.Pointer) int {
	return int(C.py4go_bind_wellknown_kind((*C.PyObject)(p)))
}
