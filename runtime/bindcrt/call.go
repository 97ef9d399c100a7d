package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"sync/atomic"
	"unsafe"
)

// Call implements Object.Call of package python (documented there).
func (o *Object) Call(args ...any) (*Object, error) {
	// Small enough for the compiler to inline, so that the result Object can live on the
	// caller's stack when the caller does not keep it: the hot path allocates nothing.
	return o.CallInto(new(Object), "", args, nil)
}

// CallKw implements Object.CallKw of package python (documented there).
func (o *Object) CallKw(args []any, kw map[string]any) (*Object, error) {
	return o.CallInto(new(Object), "", args, kw)
}

// CallMethod implements Object.CallMethod of package python (documented there).
func (o *Object) CallMethod(name string, args ...any) (*Object, error) {
	return o.CallMethodKw(name, args, nil)
}

// CallMethodKw implements Object.CallMethodKw of package python (documented there).
func (o *Object) CallMethodKw(name string, args []any, kw map[string]any) (*Object, error) {
	if name == "" {
		return nil, errors.New("python: Object.CallMethod(\"\"): empty method name")
	}
	return o.CallInto(new(Object), name, args, kw)
}

func callOp(method string, kw map[string]any) string {
	switch {
	case method != "":
		return "Object.CallMethod(" + quote(method) + ")"
	case kw != nil:
		return "Object.CallKw"
	}
	return "Object.Call"
}

// CallInto is the one path from Go to a Python call: pack the arguments into C tagged values,
// make one cgo call, store the (possibly unboxed) result in res and return it. Package
// python's Call methods call it directly, with res allocated in them, so that they inline
// into their callers and the result lives on the caller's stack when it can. Its errors are
// package python's types (forUser).
func (o *Object) CallInto(res *Object, method string, args []any, kw map[string]any) (*Object, error) {
	var self unsafe.Pointer
	if o != nil && o.ref != nil && o.ref.gen == generation.Load() {
		self = o.ref.ptr // a live reference, as pyobj returns it, without the call
	} else {
		var err error
		if self, err = o.pyobj("Object.Call"); err != nil {
			return nil, forUser(err)
		}
	}
	nargs, nkw := len(args), len(kw)
	if method == "" && nkw == 0 && nargs <= typedFastArgs {
		if ok, err := o.callFast(res, self, args); ok {
			if err != nil {
				return nil, forUser(err)
			}
			return res, nil
		}
	}
	var pk packer
	pk.claim(nargs + 2*nkw)
	for i, a := range args {
		if x, ok := a.(int); ok { // the most common argument, without the call to put
			setInt(&pk.vals[i], int64(x))
			continue
		}
		if err := pk.put(&pk.vals[i], a); err != nil {
			pk.abort()
			return nil, forUser(conversionContext(err, callOp(method, kw)+" argument "+strconv.Itoa(i+1)))
		}
	}
	var names []string
	if nkw > 0 {
		names = make([]string, 0, nkw)
		for k := range kw {
			names = append(names, k)
		}
		sort.Strings(names)
		for j, k := range names {
			if err := pk.put(&pk.vals[nargs+j], kw[k]); err != nil {
				pk.abort()
				return nil, forUser(conversionContext(err, callOp(method, kw)+" keyword argument "+quote(k)))
			}
			pk.putString(&pk.vals[nargs+nkw+j], k)
		}
	}
	var mp *C.char
	if method != "" {
		mp = cstr(method)
	}
	var r C.py4go_result
	if pk.scratch {
		r = C.py4go_call_scratch(C.uintptr_t(uintptr(self)), mp, C.Py_ssize_t(len(method)), C.Py_ssize_t(nargs),
			C.Py_ssize_t(nkw), C.PY4GO_UNBOX)
	} else {
		r = C.py4go_call((*C.PyObject)(self), mp, C.Py_ssize_t(len(method)), &pk.vals[0], C.Py_ssize_t(nargs),
			C.Py_ssize_t(nkw), C.PY4GO_UNBOX)
	}
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, forUser(resultError(r, callOp(method, kw), func(i int) string {
			switch {
			case i < nargs:
				return "argument " + strconv.Itoa(i+1)
			case i < nargs+nkw:
				return "keyword argument " + quote(names[i-nargs])
			default:
				return "keyword name " + quote(names[i-nargs-nkw])
			}
		}))
	}
	res.setResult(r.value)
	return res, nil
}

// scratch is the C runtime's argument array (py4go_scratch) and its busy flag; see
// py4go_call_scratch in py4go.h.
var (
	scratch     = (*[C.PY4GO_SCRATCH_SIZE]C.py4go_value)(unsafe.Pointer(&C.py4go_scratch[0]))
	scratchBusy = (*int32)(unsafe.Pointer(&C.py4go_scratch_busy))
)

// packer converts Go values into C tagged values for one cgo call. Strings and byte slices
// are not copied: their memory is pinned (runtime.Pinner) for the duration of the call, as
// cgo's pointer rules require for Go pointers stored in memory passed to C. Containers and
// other composite values become Python objects first, whose references the C side steals.
type packer struct {
	vals    []C.py4go_value
	pin     *runtime.Pinner // allocated on first use: most calls pass no strings
	scratch bool            // vals is the C scratch array (py4go_call_scratch releases it)
	classes bindcClassCache // whether the values put are of a value class (bindcPut)
}

// claim provides room for n values: the C scratch array when it is free and large enough
// (always, unless a call is being packed concurrently by a goroutine without the GIL), else
// a Go slice, which py4go_call reads after cgo checks its pointers.
func (pk *packer) claim(n int) {
	if n <= len(scratch) && atomic.CompareAndSwapInt32(scratchBusy, 0, 1) {
		pk.vals = scratch[:n:n]
		pk.scratch = true
		return
	}
	pk.vals = make([]C.py4go_value, n+1) // +1: &vals[0] must exist even for n == 0
	pk.vals = pk.vals[:n]
}

// done runs after the cgo call: it clears the scratch slots (so no stale Go pointer stays
// in C memory) and unpins.
func (pk *packer) done() {
	if pk.scratch {
		clear(pk.vals)
	}
	if pk.pin != nil {
		pk.pin.Unpin()
	}
}

// abort releases the references packed so far for stealing (the C call will not happen)
// and unpins.
func (pk *packer) abort() {
	var stolen []unsafe.Pointer
	for i := range pk.vals {
		if pk.vals[i].kind == C.PY4GO_OBJECT && pk.vals[i].flags&C.PY4GO_STEAL != 0 && pk.vals[i].ptr != nil {
			stolen = append(stolen, unsafe.Pointer(pk.vals[i].ptr))
		}
	}
	if len(stolen) > 0 {
		C.py4go_release_many((**C.PyObject)(unsafe.Pointer(&stolen[0])), C.Py_ssize_t(len(stolen)))
	}
	pk.done()
	if pk.scratch { // the C call that would have released it will not happen
		atomic.StoreInt32(scratchBusy, 0)
	}
}

func (pk *packer) pinData(p unsafe.Pointer) {
	if pk.pin == nil {
		pk.pin = new(runtime.Pinner)
	}
	pk.pin.Pin(p)
}

func (pk *packer) putString(d *C.py4go_value, s string) {
	d.kind = C.PY4GO_STR
	d.num = C.int64_t(len(s))
	if len(s) > 0 {
		p := unsafe.Pointer(unsafe.StringData(s))
		pk.pinData(p)
		d.ptr = p
	}
}

func (pk *packer) putBytes(d *C.py4go_value, b []byte) {
	d.kind = C.PY4GO_BYTES
	d.num = C.int64_t(len(b))
	if len(b) > 0 {
		p := unsafe.Pointer(unsafe.SliceData(b))
		pk.pinData(p)
		d.ptr = p
	}
}

func setInt(d *C.py4go_value, v int64) {
	d.kind = C.PY4GO_INT64
	d.num = C.int64_t(v)
}

func setUint(d *C.py4go_value, v uint64) {
	d.kind = C.PY4GO_UINT64
	d.num = C.int64_t(v)
}

func setFloat(d *C.py4go_value, v float64) {
	d.kind = C.PY4GO_FLOAT64
	d.num = C.int64_t(math.Float64bits(v))
}

// putComplex points d at a pinned copy of c's two parts (C reads them as two doubles).
func (pk *packer) putComplex(d *C.py4go_value, c complex128) {
	parts := &[2]float64{real(c), imag(c)}
	pk.pinData(unsafe.Pointer(parts))
	d.kind = C.PY4GO_COMPLEX
	d.ptr = unsafe.Pointer(parts)
}

func setBool(d *C.py4go_value, v bool) {
	d.kind = C.PY4GO_BOOL
	d.num = 0
	if v {
		d.num = 1
	}
}

// put packs one Go value into d. The common kinds take a type switch (no reflection, no
// allocation); everything else goes through putReflect.
func (pk *packer) put(d *C.py4go_value, v any) error {
	switch x := v.(type) {
	case nil:
		d.kind = C.PY4GO_NONE
	case int:
		setInt(d, int64(x))
	case int64:
		setInt(d, x)
	case int32:
		setInt(d, int64(x))
	case int16:
		setInt(d, int64(x))
	case int8:
		setInt(d, int64(x))
	case uint:
		setUint(d, uint64(x))
	case uint64:
		setUint(d, x)
	case uint32:
		setUint(d, uint64(x))
	case uint16:
		setUint(d, uint64(x))
	case uint8:
		setUint(d, uint64(x))
	case uintptr:
		setUint(d, uint64(x))
	case float64:
		setFloat(d, x)
	case float32:
		setFloat(d, float64(x))
	case complex128:
		pk.putComplex(d, x)
	case complex64:
		pk.putComplex(d, complex128(x))
	case bool:
		setBool(d, x)
	case string:
		pk.putString(d, x)
	case []byte:
		pk.putBytes(d, x)
	case *Object:
		return pk.putObject(d, x)
	default:
		return pk.putReflect(d, reflect.ValueOf(v))
	}
	return nil
}

// putObject passes an *Object borrowed (unboxed scalars by value; nil as None).
func (pk *packer) putObject(d *C.py4go_value, o *Object) error {
	if o == nil {
		d.kind = C.PY4GO_NONE
		return nil
	}
	if o.unboxed() {
		d.kind, d.num = o.kind, o.num
		return nil
	}
	p, err := o.pyobj("")
	if err != nil {
		return &ConversionError{Message: errors.Unwrap(err).Error()}
	}
	d.kind = C.PY4GO_OBJECT
	d.ptr = p
	return nil
}

var objectPtrType = reflect.TypeOf((*Object)(nil))

// arrayBytes copies the bytes of a [N]byte (or a named array of bytes) value.
func arrayBytes(rv reflect.Value) []byte {
	b := make([]byte, rv.Len())
	reflect.Copy(reflect.ValueOf(b), rv)
	return b
}

// putInstance packs a struct value or pointer whose type has a bindc class (a module
// registered it) as a new instance of that class: a callback of a bound package gets its
// own structs as the objects Python knows. ok is false when the type has no class. Needs
// the GIL (struct arguments are never packed without it: see Callback.call).
func (pk *packer) putInstance(d *C.py4go_value, rv reflect.Value) (ok bool, err error) {
	p, ok := bindcWrapInstance(rv.Interface())
	if !ok {
		return false, nil
	}
	if p == nil {
		C.PyErr_Clear()
		return true, &ConversionError{Message: "out of memory creating a Python object"}
	}
	d.kind = C.PY4GO_OBJECT
	d.flags = C.PY4GO_STEAL
	d.ptr = p
	return true, nil
}

// putReflect packs values of named types, pointers, slices, arrays and maps.
func (pk *packer) putReflect(d *C.py4go_value, rv reflect.Value) error {
	if rv.IsValid() && BindcWellKnownType(rv.Type()) && rv.Type() != bindcReaderType {
		// time.Time, time.Duration, *big.Int...: their Python types, as in containers, so a
		// Python method implementing Next(time.Time) time.Time gets a datetime. Packed with
		// the GIL held (scalarArgs sends every named type down the slow path).
		p, f, ok := bindcEncodeWellKnown(rv)
		if ok {
			if f != nil {
				detail := f.tail
				if f.kind == bindcRaised { // datetime/decimal raised (out of range): report it here
					C.PyErr_Clear()
					detail = ": Python could not create it (out of range)"
				}
				return &ConversionError{Message: "cannot convert Go " + rv.Type().String() + " to a Python value" + detail}
			}
			d.kind = C.PY4GO_OBJECT
			d.flags = C.PY4GO_STEAL
			d.ptr = p
			return nil
		}
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		setInt(d, rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		setUint(d, rv.Uint())
	case reflect.Float32, reflect.Float64:
		setFloat(d, rv.Float())
	case reflect.Complex64, reflect.Complex128:
		pk.putComplex(d, rv.Complex())
	case reflect.Bool:
		setBool(d, rv.Bool())
	case reflect.String:
		pk.putString(d, rv.String())
	case reflect.Interface:
		if rv.IsNil() {
			d.kind = C.PY4GO_NONE
			return nil
		}
		return pk.put(d, rv.Elem().Interface())
	case reflect.Pointer:
		if isObjectPtr(rv.Type()) {
			return pk.putObject(d, (*Object)(rv.UnsafePointer()))
		}
		if rv.IsNil() {
			d.kind = C.PY4GO_NONE
			return nil
		}
		if rv.Elem().Kind() == reflect.Struct {
			if ok, err := pk.putInstance(d, rv); ok {
				return err // a bound class's value, shared
			}
		}
		return pk.putReflect(d, rv.Elem())
	case reflect.Struct:
		if ok, err := pk.putInstance(d, rv); ok {
			return err // a bound class's value, copied
		}
		return &ConversionError{Message: "cannot convert Go " + rv.Type().String() + " to a Python value"}
	case reflect.Slice, reflect.Array, reflect.Map:
		if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8 {
			pk.putBytes(d, rv.Bytes())
			return nil
		}
		if rv.Kind() == reflect.Array && rv.Type().Elem().Kind() == reflect.Uint8 {
			pk.putBytes(d, arrayBytes(rv)) // [N]byte is bytes, like []byte
			return nil
		}
		if rv.Kind() != reflect.Array && rv.IsNil() {
			d.kind = C.PY4GO_NONE
			return nil
		}
		p, err := newContainer(rv)
		if err != nil {
			return err
		}
		d.kind = C.PY4GO_OBJECT
		d.flags = C.PY4GO_STEAL
		d.ptr = p
	default:
		if !rv.IsValid() {
			d.kind = C.PY4GO_NONE
			return nil
		}
		return &ConversionError{Message: "cannot convert Go " + rv.Type().String() + " to a Python value"}
	}
	return nil
}

// newContainer builds a Python list (slices, arrays) or dict (maps) in one cgo call and
// returns the new reference.
func newContainer(rv reflect.Value) (unsafe.Pointer, error) {
	var pk packer
	isDict := rv.Kind() == reflect.Map
	n := rv.Len()
	if isDict {
		pk.vals = make([]C.py4go_value, 2*n)
		keys := rv.MapKeys()
		sortKeys(keys)
		for i, k := range keys {
			if err := pk.putReflect(&pk.vals[2*i], k); err != nil {
				pk.abort()
				return nil, conversionContext(err, "key "+formatKey(k))
			}
			if err := pk.putReflect(&pk.vals[2*i+1], rv.MapIndex(k)); err != nil {
				pk.abort()
				return nil, conversionContext(err, "["+formatKey(k)+"]")
			}
		}
	} else {
		pk.vals = make([]C.py4go_value, n)
		for i := 0; i < n; i++ {
			if err := pk.putReflect(&pk.vals[i], rv.Index(i)); err != nil {
				pk.abort()
				return nil, conversionContext(err, "["+strconv.Itoa(i)+"]")
			}
		}
	}
	var vp *C.py4go_value
	if len(pk.vals) > 0 {
		vp = &pk.vals[0]
	}
	var dictFlag C.int
	if isDict {
		dictFlag = 1
	}
	r := C.py4go_new_container(vp, C.Py_ssize_t(n), 0, dictFlag)
	pk.done()
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "FromGo", func(i int) string {
			if isDict {
				return "dict item " + strconv.Itoa(i/2)
			}
			return "[" + strconv.Itoa(i) + "]"
		})
	}
	return unsafe.Pointer(r.value.ptr), nil
}

// sortKeys orders map keys of basic kinds, so that a Go map becomes a dict with a
// reproducible order.
func sortKeys(keys []reflect.Value) {
	if len(keys) < 2 {
		return
	}
	switch keys[0].Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Uint() < keys[j].Uint() })
	case reflect.Float32, reflect.Float64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Float() < keys[j].Float() })
	}
}

func formatKey(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return quote(k.String())
	}
	return fmt.Sprint(k.Interface())
}

// conversionContext prefixes the context of a ConversionError (other errors pass through).
func conversionContext(err error, ctx string) error {
	var ce *ConversionError
	if errors.As(err, &ce) {
		if ce.Context == "" {
			ce.Context = ctx
		} else if ce.Context[0] == '[' {
			ce.Context = ctx + ce.Context
		} else {
			ce.Context = ctx + " " + ce.Context
		}
		return ce
	}
	return err
}
