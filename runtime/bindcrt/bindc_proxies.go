// Python objects standing in for Go interface values: the runtime half of the proxy types
// bindc generates for interfaces whose methods all have convertible signatures.

package bindcrt

/*
#include <stdlib.h>
#include "py4go.h"
*/
import "C"

import (
	"fmt"
	"io"
	"reflect"
	"sync"
	"unsafe"
)

// BindcProxy is a Python object passed where Go expects an interface value. A generated type
// embeds it (`type bindcPyShape struct{ python.BindcProxy }`) and implements each method of
// the interface by calling the object's Python method through BindcProxyCall or
// BindcProxyMust. It holds the object like a Callback does: one reference, released when the
// last Go value holding it is garbage collected; it may be called from any goroutine.
//
// Copies of a BindcProxy share the object, so Go's == on interface values holding proxies is
// true for the same Python object passed to the same parameter. Handed back to Python (as a
// result, or inside an `any`), a proxy becomes the original object again.
type BindcProxy struct {
	cb *Callback
}

// bindcProxy gives the runtime the proxy inside any generated type that embeds BindcProxy
// (the method is unexported, so only such types have it).
func (p BindcProxy) bindcProxy() BindcProxy { return p }

// bindcProxied is implemented by every generated proxy type.
type bindcProxied interface{ bindcProxy() BindcProxy }

// proxyMethod names a method of the interface (Go) and of the Python object (Python).
type proxyMethod struct {
	goName, pyName string
}

// describe names the method in errors: "Shape.Area (Python method Circle.area())".
func (m *proxyMethod) describe(cb *Callback) string {
	iface := "interface"
	if cb.iface != nil {
		iface = C.GoString((*C.char)(cb.iface))
	}
	// The proxy's reference keeps the object, and so its type, alive.
	typ := C.GoString(C.py4go_bind_type_name((*C.PyObject)(cb.ref.ptr)))
	return iface + "." + m.goName + " (Python method " + typ + "." + m.pyName + "())"
}

// BindcProxyCall calls the Python method pyName (implementing the Go method goName) of the
// object behind p, like Callback.Invoke: args converted as FromGo converts, results decoded
// into out with Decode's checks, the GIL taken. A Python exception comes back as the
// *Exception itself, so a Go function returning it unchanged raises the original in Python.
//
// A Python method raising EOFError returns io.EOF itself: Python's "end of input" becomes
// Go's, which readers compare with ==.
func BindcProxyCall(p BindcProxy, goName, pyName string, args []any, out ...any) error {
	err := p.cb.call(&proxyMethod{goName, pyName}, args, out)
	if e, ok := err.(*Exception); ok && e.Type == "EOFError" {
		return io.EOF
	}
	return forUser(err) // returned to user code: *python.Exception, not the implementation's
}

// BindcProxyMust is BindcProxyCall for a method without an error result: a failure panics
// with a *ProxyPanic naming the interface, the method and the Python exception. When the
// panic unwinds into the trampoline of the Go function Python called, Python sees the
// original exception again (see BindcPanic).
func BindcProxyMust(p BindcProxy, goName, pyName string, args []any, out ...any) {
	m := &proxyMethod{goName, pyName}
	if err := p.cb.call(m, args, out); err != nil {
		panic(&ProxyPanic{Op: m.describe(p.cb), Err: err})
	}
}

// ProxyPanic is the panic value of a Go interface method implemented by a Python object
// when the Python method raised, or returned a value that does not convert, and the Go
// method has no error result to report it with.
type ProxyPanic struct {
	// Op names the method: "Shape.Area (Python method Circle.area())".
	Op string
	// Err is the *Exception the Python method raised, or a *ConversionError.
	Err error
}

func (e *ProxyPanic) Error() string {
	if _, ok := e.Err.(*Exception); ok {
		return "python: " + e.Op + " raised " + e.Err.Error()
	}
	return "python: " + e.Op + ": " + e.Err.Error()
}

// Unwrap returns the Python exception (or conversion error).
func (e *ProxyPanic) Unwrap() error { return e.Err }

// BindcInterfaceArg converts an argument for a parameter of interface type I that Python
// objects may implement. arg points to the py4go_iface_arg the C wrapper filled: a bound
// instance gives its Go value when that implements I; None gives the nil interface; any
// other object (which the wrapper checked has every method), or an instance of a Python
// subclass adding the methods, is wrapped by newProxy. An instance that implements I neither
// in Go nor in Python panics with a *BindcArgError (a TypeError naming the function).
func BindcInterfaceArg[I any](arg unsafe.Pointer, newProxy func(BindcProxy) I) I {
	a := (*C.py4go_iface_arg)(arg)
	var zero I
	if a.obj == nil {
		return zero
	}
	if a.handle != 0 {
		v := BindcValue(uintptr(a.handle))
		if i, ok := bindcAsInterface[I](v); ok {
			return i
		}
		if C.py4go_bind_iface_check(a.obj, a.fn, a.pos, a.iface, a.methods, a.nmethods) < 0 {
			C.PyErr_Clear()
			want := reflect.TypeFor[I]()
			panic(&BindcArgError{fmt.Sprintf("got a Go %T, which does not implement %v", v, want)})
		}
	}
	cb := bindcCallback(unsafe.Pointer(a.obj), unsafe.Pointer(a.fn), int(a.pos), unsafe.Pointer(a.iface),
		reflect.TypeFor[I]())
	return newProxy(BindcProxy{cb})
}

// proxyObject returns a new reference to the Python object behind a proxy (the caller holds
// the GIL), or nil when v is not a proxy. A proxy made in an interpreter since finalized
// gives nil with a RuntimeError set.
func proxyObject(v any) (p unsafe.Pointer, ok bool) {
	px, ok := v.(bindcProxied)
	if !ok {
		return nil, false
	}
	r := px.bindcProxy().cb.ref
	if r.gen != generation.Load() {
		msg := "a Python object held by a Go interface value belongs to a finalized interpreter"
		C.py4go_bind_raise_runtime_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return nil, true
	}
	C.Py_IncRef((*C.PyObject)(r.ptr))
	return r.ptr, true
}

// proxyType is how to make a proxy of one interface type inside a container (the decoder
// meets the interface as a reflect.Type, without the generated code at hand).
type proxyType struct {
	make     func(BindcProxy) any
	name     *C.char  // the interface's name, C memory kept for the life of the process
	methods  **C.char // the Python method names, likewise
	nmethods C.int
}

// proxyTypes maps interface types to their proxyType; generated init functions fill it.
var proxyTypes sync.Map // reflect.Type -> *proxyType

// BindcRegisterProxy records how a generated proxy type implements the interface type t
// (named name; methods are the Python method names), so that elements of slices, arrays and
// maps of t accept Python objects too.
func BindcRegisterProxy(t reflect.Type, name string, methods []string, make func(BindcProxy) any) {
	arr := (*[1 << 20]*C.char)(C.malloc(C.size_t(len(methods)+1) * C.size_t(unsafe.Sizeof((*C.char)(nil)))))
	for i, m := range methods {
		arr[i] = C.CString(m)
	}
	proxyTypes.Store(t, &proxyType{make: make, name: C.CString(name), methods: &arr[0], nmethods: C.int(len(methods))})
}

// bindcInterfaceValue stores into rv (of an interface type with methods) the described value
// v: None is nil; a bound instance whose Go type implements it, its Go value; another object
// with the methods, a proxy when the interface has a registered one.
func bindcInterfaceValue(v C.py4go_value, rv reflect.Value) *bindcFailure {
	t := rv.Type()
	if v.kind == C.PY4GO_NONE {
		rv.SetZero()
		return nil
	}
	want := "an object implementing " + t.Name() + " or None"
	if v.kind != C.PY4GO_OBJECT {
		return bindcWrongType(v, want)
	}
	o := (*C.PyObject)(v.ptr)
	if h := uintptr(C.py4go_bind_handle_of(o)); h != 0 {
		x := reflect.ValueOf(BindcValue(h))
		if x.Kind() == reflect.Pointer && !x.IsNil() && x.Elem().Kind() == reflect.Interface {
			x = x.Elem().Elem() // an instance of an interface's class (GoHash) holds a *I
		}
		if x.IsValid() && x.Type().Implements(t) {
			rv.Set(x)
			return nil
		}
	}
	e, ok := proxyTypes.Load(t)
	if !ok {
		return bindcWrongType(v, want)
	}
	pt := e.(*proxyType)
	var count C.int
	missing := C.py4go_bind_iface_missing(o, pt.methods, pt.nmethods, &count)
	switch {
	case count < 0:
		return &bindcFailure{kind: bindcRaised}
	case count > 0:
		names := C.GoString(C.PyUnicode_AsUTF8AndSize(missing, nil))
		C.Py_DecRef(missing)
		plural := ""
		if count > 1 {
			plural = "s"
		}
		return bindcFail(bindcTypeError, "", " must implement "+t.Name()+" or be None, but "+bindcTypeName(v)+
			" object has no method"+plural+" "+names)
	}
	cb := bindcCallback(unsafe.Pointer(o), nil, 0, unsafe.Pointer(pt.name), t)
	rv.Set(reflect.ValueOf(pt.make(BindcProxy{cb})))
	return nil
}
