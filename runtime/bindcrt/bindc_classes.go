// Go values behind Python objects: the handles bindc-generated classes hold.

package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"fmt"
	"reflect"
	"runtime/cgo"
	"sync"
	"sync/atomic"
	"unsafe"
)

// liveHandles counts Go values currently kept alive by Python objects.
var liveHandles atomic.Int64

// BindcNewHandle keeps v (a pointer, for bindc classes) alive for a Python object and returns
// the handle the object stores. The handle is deleted when Python frees the object.
func BindcNewHandle(v any) uintptr {
	liveHandles.Add(1)
	return uintptr(cgo.NewHandle(v))
}

// BindcValue returns the Go value behind a handle stored in a Python object.
func BindcValue(h uintptr) any {
	return cgo.Handle(h).Value()
}

// BindcLiveHandles returns how many Go values Python objects currently keep alive: after
// every object is dropped it is back where it started (no table that only grows).
func BindcLiveHandles() int64 {
	return liveHandles.Load()
}

//export py4goHandleDelete
func py4goHandleDelete(h C.uintptr_t) {
	cgo.Handle(h).Delete()
	liveHandles.Add(-1)
}

//export py4goLiveHandles
func py4goLiveHandles() C.longlong {
	return C.longlong(liveHandles.Load())
}

// BindcPtr returns the *T behind a handle, or nil for handle 0 (Python None).
func BindcPtr[T any](h uintptr) *T {
	if h == 0 {
		return nil
	}
	return cgo.Handle(h).Value().(*T)
}

// BindcPtrHandle returns a handle keeping p alive for a Python object, or 0 for nil (None).
func BindcPtrHandle[T any](p *T) uintptr {
	if p == nil {
		return 0
	}
	return BindcNewHandle(p)
}

// classEntry is a Python class bound for a Go type T, a struct or a value class (its
// instances hold *T).
type classEntry struct {
	pyType  unsafe.Pointer // PyTypeObject *
	isError bool           // T or *T implements error; the class derives from GoError
}

// classes maps each bound Go type to its Python class. Generated module initialisers
// register them, so Go values reaching Python through interfaces find their concrete class.
var classes sync.Map // reflect.Type -> classEntry

// BindcRegisterClass records that pyType (a bindc class) holds values of the Go type t.
func BindcRegisterClass(t reflect.Type, pyType unsafe.Pointer, isError bool) {
	classes.Store(t, classEntry{pyType, isError})
}

// bindcValueClass reports whether t is a value class's type: a defined type that is not a
// struct (type UUID [16]byte, type Kelvin float64, type IDs []int) with a bound class. Inside
// containers its values cross as instances of the class, not by their kind, so a []UUID is a
// list of UUID instances, as the stub says.
func bindcValueClass(t reflect.Type) bool {
	if t.PkgPath() == "" {
		return false // predeclared and unnamed types: int, []byte, map[string]int
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Pointer, reflect.Interface:
		return false // struct classes and interfaces have their own paths
	}
	_, ok := classes.Load(t)
	return ok
}

// bindcClassCache remembers bindcValueClass for the last type asked: the elements of a
// container all ask about one type, so a container costs one registry lookup, not one per
// element (a []W of a named scalar W would otherwise pay it per element).
type bindcClassCache struct {
	t     reflect.Type
	class bool
}

// is reports bindcValueClass(t), from the cache when t was the last type asked.
func (c *bindcClassCache) is(t reflect.Type) bool {
	if t != c.t {
		c.t, c.class = t, bindcValueClass(t)
	}
	return c.class
}

// boundPointer returns v as a *T for a type T that has a bound class, with T's entry: v
// itself for a non-nil *T, or a heap copy of a T value (classes hold *T). ok is false for nil
// pointers and for types without a class. The registry is consulted before anything is copied.
func boundPointer(v any) (ptr reflect.Value, entry classEntry, ok bool) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return reflect.Value{}, classEntry{}, false
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return reflect.Value{}, classEntry{}, false
		}
		e, found := classes.Load(rv.Type().Elem())
		if !found {
			return reflect.Value{}, classEntry{}, false
		}
		return rv, e.(classEntry), true
	}
	e, found := classes.Load(rv.Type())
	if !found {
		return reflect.Value{}, classEntry{}, false
	}
	p := reflect.New(rv.Type())
	p.Elem().Set(rv)
	return p, e.(classEntry), true
}

// raiseErrorInstance raises err as its bound exception class, if it has one; with a
// sentinel class (err wraps that sentinel), as a subclass of both.
func raiseErrorInstance(err error, sentinel unsafe.Pointer) bool {
	ptr, entry, ok := boundPointer(err)
	if !ok || !entry.isError {
		return false
	}
	typ := fmt.Sprintf("%T", err)
	C.py4go_bind_raise_instance((*C.PyTypeObject)(entry.pyType), (*C.PyObject)(sentinel),
		C.uintptr_t(BindcNewHandle(ptr.Interface())), bindcCStr(typ), C.Py_ssize_t(len(typ)))
	return true
}

// BindcWrapValue returns a new Python reference for a Go value that reached Python through
// an interface: an instance of its concrete type's bound class (sharing a pointer, copying a
// value), None for nil, or nil with TypeError set (naming the Python function fn) when the
// dynamic type has no Python class.
func BindcWrapValue(fn string, v any) unsafe.Pointer {
	if v == nil || (reflect.ValueOf(v).Kind() == reflect.Pointer && reflect.ValueOf(v).IsNil()) {
		return unsafe.Pointer(C.py4go_bind_new_none())
	}
	if p, ok := bindcWrapInstance(v); ok {
		return p
	}
	msg := fmt.Sprintf("%s() returned a Go value of type %T, which has no Python class", fn, v)
	C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return nil
}

// BindcCopyOf returns a pointer to a copy of v: the Go value of an immutable value class's
// result, which must not alias a field that its struct's methods may change.
func BindcCopyOf[T any](v T) *T { return &v }

// BindcWrapInterface is BindcWrapValue for a result of a named interface type I: a dynamic
// type without a class of its own (an unexported implementation, as constructors returning
// an interface hand out: `func New() Markdown { return &markdown{} }`) is wrapped in I's own
// class, whose instances hold a *I and call I's methods, when the module binds one.
func BindcWrapInterface[I any](fn string, v I) unsafe.Pointer {
	a := any(v)
	if a == nil || (reflect.ValueOf(a).Kind() == reflect.Pointer && reflect.ValueOf(a).IsNil()) {
		return unsafe.Pointer(C.py4go_bind_new_none())
	}
	if p, ok := bindcWrapInstance(a); ok {
		return p
	}
	if e, found := classes.Load(reflect.TypeFor[I]()); found {
		boxed := new(I)
		*boxed = v
		h := C.uintptr_t(BindcNewHandle(boxed))
		return unsafe.Pointer(C.py4go_bind_wrap((*C.PyTypeObject)(e.(classEntry).pyType), h))
	}
	return BindcWrapValue(fn, a)
}

// bindcAsInterface returns the value behind a handle as interface I: the value itself when
// its type implements I, or the interface value an instance of an interface's class holds
// (a *I, see BindcWrapInterface; or a *J whose dynamic value implements I).
func bindcAsInterface[I any](v any) (I, bool) {
	if i, ok := v.(I); ok {
		return i, true
	}
	if p, ok := v.(*I); ok && p != nil {
		return *p, true
	}
	// An instance of another interface's class (a GoHash32 where hash.Hash is wanted): the
	// dynamic value it holds may implement I.
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Interface {
		if i, ok := rv.Elem().Interface().(I); ok {
			return i, true
		}
	}
	var zero I
	return zero, false
}

// BindcArgError is panicked by argument conversions done on the Go side; BindcPanic turns it
// into a TypeError naming the function instead of a GoPanic.
type BindcArgError struct {
	// Msg completes "fn() ...", e.g. "got a Go *pkg.T, which does not implement pkg.Shape".
	Msg string
}

func (e *BindcArgError) Error() string { return e.Msg }

// BindcImplements returns the Go value behind handle h (a bindc instance) as interface I;
// handle 0 (None) gives I's zero value (a nil interface). A value whose type does not
// implement I panics with a *BindcArgError.
func BindcImplements[I any](h uintptr) I {
	var zero I
	if h == 0 {
		return zero
	}
	v := BindcValue(h)
	if i, ok := bindcAsInterface[I](v); ok {
		return i
	}
	want := reflect.TypeOf((*I)(nil)).Elem()
	panic(&BindcArgError{fmt.Sprintf("got a Go %T, which does not implement %v", v, want)})
}

// bindcWrapInstance returns a new reference to an instance of the bound class of v's struct
// type (a value is copied to the heap, a pointer shared), or nil with a Python exception set
// when wrapping fails; ok is false when v's type has no bound class. A nil pointer is None.
// A proxy (a Python object passed as a Go interface) is the original object again.
func bindcWrapInstance(v any) (p unsafe.Pointer, ok bool) {
	if p, ok := proxyObject(v); ok { // a Python object that stood in for a Go interface
		return p, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && rv.IsNil() {
		if _, bound := classes.Load(rv.Type().Elem()); bound {
			return unsafe.Pointer(C.py4go_bind_new_none()), true
		}
		return nil, false
	}
	ptr, entry, bound := boundPointer(v)
	if !bound {
		return nil, false
	}
	h := C.uintptr_t(BindcNewHandle(ptr.Interface()))
	return unsafe.Pointer(C.py4go_bind_wrap((*C.PyTypeObject)(entry.pyType), h)), true
}

// bindcInstanceValue returns the Go value a bindc instance holds, as a value of type t (the
// struct type T, copied, or *T, shared), if the Python object o is an instance of T's class.
func bindcInstanceValue(o unsafe.Pointer, t reflect.Type) (reflect.Value, bool) {
	h := uintptr(C.py4go_bind_handle_of((*C.PyObject)(o)))
	if h == 0 {
		return reflect.Value{}, false
	}
	pv := reflect.ValueOf(BindcValue(h))
	switch {
	case pv.Type() == t:
		return pv, true
	case pv.Type() == reflect.PointerTo(t):
		return pv.Elem(), true
	}
	return reflect.Value{}, false
}
