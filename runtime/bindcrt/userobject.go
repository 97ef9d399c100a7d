package bindcrt

import (
	"reflect"
	"unsafe"
)

// userObjectType is *python.Object, set by package python's init (nil in a program that does
// not link package python: then no value can hold one). A python.Object is a struct whose
// only field is an Object, so the two pointer types address the same memory.
var userObjectType reflect.Type

// RegisterUserObject is called by package python's init with reflect.TypeOf((*python.Object)(nil)),
// so that such values inside an any (call arguments, FromGo, Decode targets, struct fields of
// bound Go types) are recognised, and objects this package puts in an any are of that type.
func RegisterUserObject(t reflect.Type) {
	if t.Kind() != reflect.Pointer || t.Elem().Size() != unsafe.Sizeof(Object{}) {
		panic("bindcrt.RegisterUserObject: " + t.String() + " is not a pointer to a struct holding one bindcrt.Object")
	}
	userObjectType = t
}

// FromUser converts a *python.Object for this package (generated code passes the user's
// objects with it). The type parameter is inferred; nil stays nil.
func FromUser[U any](o *U) *Object { return (*Object)(unsafe.Pointer(o)) }

// ToUser converts an *Object to a *python.Object, written ToUser[python.Object](o) by
// generated code; nil stays nil.
func ToUser[U any](o *Object) *U { return (*U)(unsafe.Pointer(o)) }

// asObject reports whether v holds an *Object under either name, and returns it.
func asObject(v any) (*Object, bool) {
	switch x := v.(type) {
	case *Object:
		return x, true
	case nil:
		return nil, false
	}
	if userObjectType != nil && reflect.TypeOf(v) == userObjectType {
		return (*Object)(reflect.ValueOf(v).UnsafePointer()), true
	}
	return nil, false
}

// isObjectPtr reports whether t is *Object under either name.
func isObjectPtr(t reflect.Type) bool {
	return t == objectPtrType || (t == userObjectType && t != nil)
}

// objectValue is o as a reflect.Value of type t (isObjectPtr(t)).
func objectValue(o *Object, t reflect.Type) reflect.Value {
	if t == objectPtrType {
		return reflect.ValueOf(o)
	}
	return reflect.NewAt(t.Elem(), unsafe.Pointer(o))
}

// boxObject is o as code outside this package sees it in an any: a *python.Object when
// package python is linked (ToGo results, decoded any values).
func boxObject(o *Object) any {
	if userObjectType == nil || o == nil {
		return o
	}
	return reflect.NewAt(userObjectType.Elem(), unsafe.Pointer(o)).Interface()
}

// objectTarget reports whether into points to an *Object variable under either name.
func objectTarget(into any) (**Object, bool) {
	if op, ok := into.(**Object); ok {
		return op, true
	}
	if userObjectType != nil {
		if rv := reflect.ValueOf(into); rv.Kind() == reflect.Pointer && rv.Type().Elem() == userObjectType && !rv.IsNil() {
			return (**Object)(rv.UnsafePointer()), true
		}
	}
	return nil, false
}
