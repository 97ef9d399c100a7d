package bindcrt

import "reflect"

// newOf returns a pointer (as a reflect.Value) to a new zero value of v's type.
func newOf(v any) reflect.Value { return reflect.New(reflect.TypeOf(v)) }
