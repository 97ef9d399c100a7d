package python

import (
	"math"
	"reflect"
	"unsafe"

	"github.com/py4go/py4go/runtime/bindcrt"
)

// Object is a Python object owned by Go: a strong reference, given back with Release.
//
// Ownership rule: every *Object a function of this package returns is a new reference that
// the caller owns and must Release (while holding the GIL) when done with it. Release is
// idempotent, and a nil *Object may be released. Objects passed as arguments are borrowed,
// never consumed. A finalizer releases a forgotten reference eventually, but only as a
// safety net: it runs at an unpredictable time on another goroutine (so it queues the
// release for the next holder of the GIL), and it may never run at all.
//
// All methods need the GIL (see WithGIL) unless their comment says otherwise; without it
// they return an error wrapping ErrNoGIL instead of crashing.
//
// Results that are None, bool, an int fitting int64, or a float come back "unboxed": the
// conversion happened inside the same cgo call, so Int64, Float64, Bool and ToGo on them
// cost nothing, and Release has nothing to give back. Such an Object behaves like any other
// (Ptr, GetAttr and friends create the equivalent Python object on first use); only the
// identity of int and float objects (Python's `is`), which Python does not promise for
// them either, is not preserved.
type Object struct {
	o bindcrt.Object // the only field: an *Object and its *bindcrt.Object are the same memory
}

// impl is o as the implementation package sees it (nil stays nil). The hot methods (Call,
// CallKw, Float64) spell the conversion out instead: each inlined call costs budget, and
// they must stay within it to inline into their callers.
func impl(o *Object) *bindcrt.Object { return (*bindcrt.Object)(unsafe.Pointer(o)) }

// wrap is o as users see it (nil stays nil).
func wrap(o *bindcrt.Object) *Object { return (*Object)(unsafe.Pointer(o)) }

func init() {
	// Objects inside values of type any (Call arguments, FromGo, Decode targets, ToGo
	// results, struct fields of bound Go types) are *python.Object both ways.
	bindcrt.RegisterUserObject(reflect.TypeOf((*Object)(nil)))
}

// Release gives o's reference back to Python. It is idempotent, and safe on a nil Object.
// It should be called holding the GIL; called without it (or on the finalizer goroutine) the
// release is queued and carried out by the next WithGIL.
func (o *Object) Release() {
	impl(o).Release()
}

// Ptr returns o's PyObject* (as an unsafe.Pointer, so that packages with their own cgo types
// can convert it), borrowed: valid until o is released. For an unboxed scalar it creates the
// Python object first, which needs the GIL; Ptr returns nil if that fails or o is released.
func (o *Object) Ptr() unsafe.Pointer {
	return impl(o).Ptr()
}

// GetAttr returns getattr(o, name): a new reference the caller must Release.
func (o *Object) GetAttr(name string) (*Object, error) {
	r, err := impl(o).GetAttr(name)
	return wrap(r), userErr(err)
}

// SetAttr does setattr(o, name, value), converting value as FromGo does (an *Object is
// passed as is, borrowed).
func (o *Object) SetAttr(name string, value any) error {
	return userErr(impl(o).SetAttr(name, value))
}

// String returns str(o). It implements fmt.Stringer, so it never fails: problems (no GIL,
// a failing __str__) are described in the returned text as "<python: ...>".
func (o *Object) String() string {
	return impl(o).String()
}

// Repr returns repr(o).
func (o *Object) Repr() (string, error) {
	v, err := impl(o).Repr()
	return v, userErr(err)
}

// Type returns type(o) (a new reference).
func (o *Object) Type() (*Object, error) {
	r, err := impl(o).Type()
	return wrap(r), userErr(err)
}

// TypeName returns the name of o's Python type ("int", "list", "mymod.Thing" for C types),
// or "" for a nil or released Object. It reads the type object without running Python code.
func (o *Object) TypeName() string {
	return impl(o).TypeName()
}

// Call calls o(*args) and returns the result, a new reference the caller must Release.
// Arguments are converted as FromGo does (an *Object is passed as is, borrowed); converting
// them, the call itself, and fetching an exception all happen in one cgo call. A Python
// exception is returned as an *Exception.
func (o *Object) Call(args ...any) (*Object, error) {
	// Allocated here, in a function the compiler inlines, so that the result can live on
	// the caller's stack when the caller does not keep it: the hot path allocates nothing.
	// (Conversions spelled out: impl and wrap would cost inlining budget.)
	r, err := (*bindcrt.Object)(unsafe.Pointer(o)).CallInto((*bindcrt.Object)(unsafe.Pointer(new(Object))), "", args, nil)
	return wrap(r), err
}

// CallKw calls o(*args, **kw); see Call. Keyword arguments are passed in sorted name order.
func (o *Object) CallKw(args []any, kw map[string]any) (*Object, error) {
	r, err := (*bindcrt.Object)(unsafe.Pointer(o)).CallInto((*bindcrt.Object)(unsafe.Pointer(new(Object))), "", args, kw)
	return wrap(r), err
}

// CallMethod calls o.name(*args) without creating the bound method (one cgo call, using
// PyObject_VectorcallMethod); see Call.
func (o *Object) CallMethod(name string, args ...any) (*Object, error) {
	r, err := impl(o).CallMethodKw(name, args, nil)
	return wrap(r), err
}

// CallMethodKw calls o.name(*args, **kw); see CallMethod and CallKw.
func (o *Object) CallMethodKw(name string, args []any, kw map[string]any) (*Object, error) {
	r, err := impl(o).CallMethodKw(name, args, kw)
	return wrap(r), err
}

// Int64 converts a Python int to int64; an int out of range (e.g. 2**70) or another type
// (bool included) is a *ConversionError.
func (o *Object) Int64() (int64, error) {
	n, _, err := impl(o).Scalar(bindcrt.ScalarInt64, "Object.Int64")
	return n, err
}

// Uint64 converts a non-negative Python int to uint64; negative or too large ints and other
// types are a *ConversionError.
func (o *Object) Uint64() (uint64, error) {
	n, _, err := impl(o).Scalar(bindcrt.ScalarUint64, "Object.Uint64")
	return uint64(n), err
}

// Float64 converts a Python float (or int) to float64.
func (o *Object) Float64() (float64, error) {
	n, _, err := (*bindcrt.Object)(unsafe.Pointer(o)).Scalar(bindcrt.ScalarFloat64, "Object.Float64")
	return math.Float64frombits(uint64(n)), err
}

// Bool converts True or False to a Go bool; other values (even truthy ones) are a
// *ConversionError, so a wrong type is never silently accepted.
func (o *Object) Bool() (bool, error) {
	n, _, err := impl(o).Scalar(bindcrt.ScalarBool, "Object.Bool")
	return n != 0, err
}

// Str converts a Python str to a Go string (UTF-8). A str holding lone surrogates, which
// UTF-8 cannot encode, is a *ConversionError; so is any other type (use String for str(o)).
func (o *Object) Str() (string, error) {
	return impl(o).Str()
}

// Bytes copies a Python bytes or bytearray into a new Go slice, byte for byte.
func (o *Object) Bytes() ([]byte, error) {
	return impl(o).Bytes()
}

// ToGo converts o to the natural Go value: nil, bool, int64 (uint64 for ints above
// math.MaxInt64), float64, string, []byte (bytes, bytearray), []any (list, tuple),
// map[string]any (dict with only str keys) or map[any]any (other dicts; a key must convert to
// a comparable Go value). Anything else, including ints beyond uint64, comes back as a new
// *Object reference the caller must Release.
func (o *Object) ToGo() (any, error) {
	v, err := impl(o).ToGo()
	return v, userErr(err)
}

// Decode converts o into the Go variable into points to, with the conversions and range
// checks of the target's type: any int or uint width (a Python int out of range for it, or
// a negative one for an unsigned type, is a *ConversionError naming the Go type), float32
// and float64, complex64 and complex128 (from complex, float or int), bool, string, []byte,
// slices and arrays (from list or tuple), maps (from dict), pointers (None gives nil),
// *Object (a new reference), and any (as ToGo).
func (o *Object) Decode(into any) error {
	return userErr(impl(o).Decode(into))
}

// AddFunction adds the C function cfunc (a PyCFunction with calling convention flags, e.g. a
// cgo //export function or a static C function) to the module o under name, with the
// docstring doc. self is the module when the function is called.
func (o *Object) AddFunction(name string, cfunc unsafe.Pointer, flags int, doc string) error {
	return userErr(impl(o).AddFunction(name, cfunc, flags, doc))
}

// CapsuleValue returns the Go value a capsule made by NewCapsule holds; any other object is
// a *ConversionError.
func (o *Object) CapsuleValue() (any, error) {
	v, err := impl(o).CapsuleValue()
	return v, userErr(err)
}
