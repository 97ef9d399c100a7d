// Runtime half of bindc's func support: Python callables as Go funcs (Callback) and Go funcs
// as Python callables (BindcFuncHandle), plus releasing the GIL around long Go calls.

package bindcrt

/*
#include <stdlib.h>
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"
)

// Callback is a Python callable held by a Go func that bindc generated for a func-typed
// parameter. It owns one reference to the callable, released when the Callback is garbage
// collected (the release is queued and done by the next holder of the GIL, since the
// finalizer runs without it). It may be invoked from any goroutine, any number of times,
// also after the Python call that passed it has returned.
type Callback struct {
	ref   *reference     // the callable; its finalizer queues the release
	fn    unsafe.Pointer // C string literal naming the Python function it was passed to
	pos   int            // and the argument position
	iface unsafe.Pointer // for a BindcProxy: C string literal naming the Go interface
}

// BindcCallback returns the Callback for the callable p (borrowed from the C wrapper, which
// holds the GIL; the trampoline calls this before it may release the GIL). fn is the C string
// literal naming the Python function and pos the argument, for error messages.
//
// Passing the same callable to the same function again (the common case: a loop calling
// Apply(f, x)) reuses the live Callback instead of taking a new reference: a new one needs a
// finalizer, and registering finalizers for every call dominated the cost of a callback
// round trip (profiled: runtime.addspecial, 34% of the time). The cache holds Callbacks
// weakly, so it never keeps a callable alive. A nil p (None where the function takes a nil
// func) gives nil, which the generated closure builders turn into a nil func.
func BindcCallback(p unsafe.Pointer, fn unsafe.Pointer, pos int) *Callback {
	if p == nil {
		return nil
	}
	return bindcCallback(p, fn, pos, nil, nil)
}

// bindcCallback is BindcCallback for a callable or, with iface (the C string naming it) and
// ifaceType set, for an object standing in for that Go interface.
func bindcCallback(p unsafe.Pointer, fn unsafe.Pointer, pos int, iface unsafe.Pointer, ifaceType reflect.Type) *Callback {
	if generation.Load() == 0 {
		// Extension mode, first use: adopt the host interpreter now, so the reference
		// belongs to its generation (WithGIL would otherwise adopt it later and call
		// this reference stale).
		life.mu.Lock()
		adoptHostInterpreter()
		life.mu.Unlock()
	}
	key := callbackKey{p: p, fn: fn, pos: pos, gen: generation.Load()}
	if ifaceType != nil {
		// One proxy per object and interface, wherever it was passed: Go's == on interface
		// values then sees the same Python object as the same value.
		key = callbackKey{p: p, iface: ifaceType, gen: key.gen}
	}
	callbacks.Lock()
	defer callbacks.Unlock()
	if w, ok := callbacks.m[key]; ok {
		if cb := w.Value(); cb != nil {
			return cb
		}
	}
	startWatchdog()
	C.Py_IncRef((*C.PyObject)(p))
	cb := &Callback{ref: newReference(p), fn: fn, pos: pos, iface: iface}
	if callbacks.m == nil {
		callbacks.m = map[callbackKey]weak.Pointer[Callback]{}
	}
	callbacks.m[key] = weak.Make(cb)
	if len(callbacks.m) >= callbacks.sweepAt {
		// Forget entries whose Callback was collected (amortised: the threshold doubles).
		for k, w := range callbacks.m {
			if w.Value() == nil {
				delete(callbacks.m, k)
			}
		}
		callbacks.sweepAt = max(64, 2*len(callbacks.m))
	}
	return cb
}

// callbackKey identifies a callable passed as one argument of one Python function, or an
// object standing in for one Go interface, in one interpreter generation. While the cached Callback lives it owns a reference to the
// callable, so the address cannot be reused by another object meanwhile.
type callbackKey struct {
	p, fn unsafe.Pointer
	pos   int
	iface reflect.Type // for a proxy (fn and pos are then not part of the key)
	gen   uint64
}

// callbacks caches live Callbacks (see BindcCallback).
var callbacks struct {
	sync.Mutex
	m       map[callbackKey]weak.Pointer[Callback]
	sweepAt int
}

// Site describes where the callable came from: "apply() argument 1".
func (cb *Callback) Site() string {
	if cb.fn == nil { // a Python function that arrived inside an any (bindcPyFunc)
		return "a Python function passed as any"
	}
	return C.GoString((*C.char)(cb.fn)) + "() argument " + strconv.Itoa(cb.pos)
}

// op names the callback (or the proxy's method m) in errors; built only when there is one:
// it costs a cgo call.
func (cb *Callback) op(m *proxyMethod) string {
	if m != nil {
		return m.describe(cb)
	}
	return "callback " + cb.Site()
}

// Invoke calls the callable with args (converted as FromGo converts) and stores its result
// into the pointers in out, with the range and type checks of Decode: nothing for no out
// (the result is ignored), the value for one, and a tuple of exactly len(out) items for more.
// It takes the GIL itself, so it works from any goroutine, and re-entrantly on a thread
// that already holds it. A Python exception is returned as *Exception (which keeps the
// exception object, so that a bindc trampoline returning or panicking with it raises the
// original in Python); a result that does not fit is a *ConversionError naming the callback.
func (cb *Callback) Invoke(args []any, out ...any) error {
	// The error reaches user code: a Python exception is a *python.Exception there.
	return forUser(cb.call(nil, args, out))
}

// call is Invoke, or, when m is not nil, a call of the object's method m (see BindcProxyCall).
func (cb *Callback) call(m *proxyMethod, args []any, out []any) error {
	var err error
	if len(out) <= 1 && scalarArgs(args) && (len(out) == 0 || scalarTarget(out[0])) {
		// Scalars need the GIL only inside the call: one cgo crossing takes it, converts,
		// calls, unboxes the result and gives it back (WithGIL would cost three).
		err = cb.invoke(m, args, out, false)
	} else {
		callbacksEntered.Add(1)
		err = WithGIL(func() error {
			atomic.AddInt64(callbacksAcquired, 1)
			// py4go_bind_invoke counts this call again: balance it.
			callbacksEntered.Add(1)
			return cb.invoke(m, args, out, true)
		})
	}
	runtime.KeepAlive(cb)
	return err
}

// invoke packs args, calls (the callable, or its method m), and decodes into out; inWithGIL
// tells whether the caller holds the GIL through WithGIL (needed to pack containers and
// decode objects).
func (cb *Callback) invoke(m *proxyMethod, args []any, out []any, inWithGIL bool) error {
	if !inWithGIL {
		if err := enterPython(); err != nil {
			return opError(cb.op(m), err)
		}
		defer exitPython()
	}
	r := cb.ref
	if r.gen != generation.Load() {
		return opError(cb.op(m), ErrStale)
	}
	// Not the C scratch array: it may only be filled by a goroutine holding the GIL (a
	// holder clears it after its call, which would wipe values packed meanwhile). A pooled
	// C buffer instead: Go memory would cost an allocation and cgo's pointer check of every
	// value (profiled: ~10% of a callback round trip).
	var pk packer
	var buf *valueBuf
	if len(args) <= valueBufLen {
		buf = valueBufs.Get().(*valueBuf)
		pk.vals = buf.vals[:len(args):len(args)]
	} else {
		pk.vals = make([]C.py4go_value, len(args))
	}
	for i, a := range args {
		if err := pk.put(&pk.vals[i], a); err != nil {
			pk.abort()
			buf.put()
			return conversionContext(err, cb.op(m)+" argument "+strconv.Itoa(i+1))
		}
	}
	if !inWithGIL {
		callbacksEntered.Add(1) // py4go_bind_invoke counts it acquired (see the watchdog)
	}
	var res C.py4go_result
	if m == nil {
		res = C.py4go_bind_invoke(C.uintptr_t(uintptr(r.ptr)), pk.first(), C.Py_ssize_t(len(args)))
	} else {
		res = C.py4go_bind_invoke_method(C.uintptr_t(uintptr(r.ptr)), bindcCStr(m.pyName), C.Py_ssize_t(len(m.pyName)),
			pk.first(), C.Py_ssize_t(len(args)))
	}
	pk.done()
	clear(pk.vals) // no pointer into Go memory stays behind in the C buffer
	buf.put()
	if res.status != C.PY4GO_OK {
		err := resultError(res, cb.op(m), func(i int) string { return "argument " + strconv.Itoa(i+1) })
		if e, ok := err.(*Exception); ok && res.value.kind == C.PY4GO_OBJECT && res.value.ptr != nil {
			e.exc = newReference(unsafe.Pointer(res.value.ptr))
		}
		return err
	}
	if res.value.kind == C.PY4GO_OBJECT {
		o := StealRef(unsafe.Pointer(res.value.ptr))
		if inWithGIL {
			defer o.Release()
			return cb.decode(m, o, out)
		}
		return WithGIL(func() error {
			defer o.Release()
			return cb.decode(m, o, out)
		})
	}
	o := Object{kind: res.value.kind, num: res.value.num}
	return cb.decode(m, &o, out)
}

// valueBuf is C memory for the arguments of one callback call (C memory: packing into it
// allocates nothing and cgo does not check it for Go pointers).
type valueBuf struct {
	vals *[valueBufLen]C.py4go_value
}

// valueBufLen is the most arguments a pooled buffer holds (more take a Go slice).
const valueBufLen = 8

// valueBufs pools them; a buffer the pool drops is freed by its finalizer.
var valueBufs = sync.Pool{New: func() any {
	b := &valueBuf{(*[valueBufLen]C.py4go_value)(C.calloc(valueBufLen, C.sizeof_py4go_value))}
	runtime.SetFinalizer(b, func(b *valueBuf) { C.free(unsafe.Pointer(b.vals)) })
	return b
}}

// put returns b to the pool (nil is fine).
func (b *valueBuf) put() {
	if b != nil {
		valueBufs.Put(b)
	}
}

// first is &pk.vals[0], or nil when there are no values.
func (pk *packer) first() *C.py4go_value {
	if len(pk.vals) == 0 {
		return nil
	}
	return &pk.vals[0]
}

// bindcReraise raises again (the caller holds the GIL) the original Python exception behind
// err when err is a callback's *Exception itself, returned or panicked with unchanged by the
// Go code (or a *ProxyPanic holding one), and reports whether it did.
func bindcReraise(err any) bool {
	if pp, ok := err.(*ProxyPanic); ok { // a Python object's method, called through an interface
		err = pp.Err
	}
	if u, ok := err.(interface{ As(any) bool }); ok { // user code holds a *python.Exception
		var impl *Exception
		if _, own := err.(*Exception); !own && u.As(&impl) {
			err = impl
		}
	}
	e, ok := err.(*Exception)
	if !ok || e.exc == nil || e.exc.ptr == nil || e.exc.gen != generation.Load() {
		return false
	}
	C.py4go_bind_reraise((*C.PyObject)(e.exc.ptr))
	// Python holds the exception now: drop ours at once rather than at the next Go GC (a
	// loop raising through Go would otherwise pile up exceptions and their tracebacks).
	// Raising the same *Exception again then reports it as a GoPanic with its message.
	C.Py_DecRef((*C.PyObject)(e.exc.ptr))
	e.exc.ptr = nil
	return true
}

// bindcSetCause makes the Python exception inside err (a wrapped callback *Exception) the
// __cause__ of the exception just raised for err.
func bindcSetCause(err error) {
	var e *Exception
	if errors.As(err, &e) && e.exc != nil && e.exc.ptr != nil && e.exc.gen == generation.Load() {
		C.py4go_bind_set_cause((*C.PyObject)(e.exc.ptr))
	}
}

// scalarArgs reports whether every argument packs into a C value without creating Python
// objects (which would need the GIL before the call).
func scalarArgs(args []any) bool {
	for _, a := range args {
		switch a.(type) {
		case int, int64, int32, int16, int8, uint, uint64, uint32, uint16, uint8, uintptr,
			float64, float32, bool, string, []byte, nil:
		default:
			return false
		}
	}
	return true
}

// scalarTarget reports whether a result pointer takes a value that PY4GO_UNBOX returns
// unboxed (decoding it then needs no GIL).
func scalarTarget(out any) bool {
	switch out.(type) {
	case *int, *int64, *int32, *int16, *int8, *uint, *uint64, *uint32, *uint16, *uint8, *uintptr,
		*float64, *float32, *bool:
		return true
	}
	return false
}

// decode stores the callable's result into out (see Invoke).
func (cb *Callback) decode(m *proxyMethod, res *Object, out []any) error {
	switch len(out) {
	case 0:
		return nil
	case 1:
		return cb.context(m, decodeResult(res, out[0]))
	}
	var items []*Object
	if err := res.Decode(&items); err != nil || len(items) != len(out) {
		return &ConversionError{Context: cb.op(m) + " result",
			Message: "expected a tuple of " + strconv.Itoa(len(out)) + " values, got Python " + res.TypeName()}
	}
	defer func() {
		for _, it := range items {
			it.Release()
		}
	}()
	for i, it := range items {
		if err := decodeResult(it, out[i]); err != nil {
			return cb.context(m, err)
		}
	}
	return nil
}

// context puts the callback's site into a conversion error.
func (cb *Callback) context(m *proxyMethod, err error) error {
	var ce *ConversionError
	if errors.As(err, &ce) {
		ce.Context = cb.op(m) + " result"
	}
	return err
}

// decodeResult is Decode with fast paths for the common scalar results of callbacks.
func decodeResult(o *Object, into any) error {
	switch t := into.(type) {
	case *int:
		if v, err := o.Int64(); err == nil {
			*t = int(v)
			return nil
		}
	}
	rv := reflect.ValueOf(into).Elem()
	if BindcWellKnownType(rv.Type()) {
		return decodeWellKnown(o, into, rv.Type())
	}
	if rv.Kind() == reflect.Struct || rv.Kind() == reflect.Pointer && rv.Type().Elem().Kind() == reflect.Struct {
		return decodeInstance(o, rv)
	} else if rv.Kind() == reflect.Interface && rv.NumMethod() > 0 {
		return decodeInterface(o, rv)
	}
	return o.Decode(into) // also explains a failed fast path in terms of the Go type
}

// decodeInterface stores o into rv, of an interface type with methods (a callback returning
// a hash.Hash: hmac.New(h func() hash.Hash, key)): a bound instance implementing it, an
// instance of an interface's class holding such a value, or a Python object with the methods
// through the interface's registered proxy; None is nil.
func decodeInterface(o *Object, rv reflect.Value) error {
	if o.unboxed() && o.kind == C.PY4GO_NONE {
		rv.SetZero()
		return nil
	}
	p, err := o.pyobj("")
	if err != nil {
		return err
	}
	if f := bindcInterfaceValue(C.py4go_value{kind: C.PY4GO_OBJECT, ptr: p}, rv); f != nil {
		if f.kind == bindcRaised { // looking the methods up raised: report it as the failure
			C.PyErr_Clear()
		}
		why := ""
		if _, after, found := strings.Cut(f.tail, ", but "); found {
			why = ": " + after // the methods it lacks
		}
		return &ConversionError{Message: "expected an object implementing " + rv.Type().String() +
			", got Python " + o.TypeName() + why}
	}
	return nil
}

// decodeWellKnown stores o into a time.Time, time.Duration, *big.Int... target with the
// conversions bound functions use (a datetime, a timedelta or int nanoseconds, an int...), so
// a Python method can implement Next(time.Time) time.Time. Needs the GIL.
func decodeWellKnown(o *Object, into any, t reflect.Type) error {
	p, err := o.pyobj("")
	if err != nil {
		return err
	}
	var d bindcDecoder
	defer d.finish()
	if f := d.top(p, into); f != nil {
		if f.kind == bindcRaised {
			C.PyErr_Clear()
			return &ConversionError{Message: "cannot convert Python " + o.TypeName() + " to Go " + t.String()}
		}
		return &ConversionError{Message: "cannot convert Python " + o.TypeName() + " to Go " + t.String() + ":" + f.tail}
	}
	return nil
}

// decodeInstance stores the Go value of the bindc instance o into rv (a struct, copied, or
// a pointer to one, shared; None is a nil pointer): a callback returning a bound class.
func decodeInstance(o *Object, rv reflect.Value) error {
	if rv.Kind() == reflect.Pointer && o.unboxed() && o.kind == C.PY4GO_NONE {
		rv.SetZero()
		return nil
	}
	p, err := o.pyobj("")
	if err == nil {
		if x, ok := bindcInstanceValue(p, rv.Type()); ok {
			rv.Set(x)
			return nil
		}
	}
	want := rv.Type().String()
	return &ConversionError{Message: "expected an instance of " + want + ", got Python " + o.TypeName()}
}

// BindcMust is what a generated func without an error result does with a callback's error:
// it panics with it. When the panic unwinds into the trampoline of the Go function Python
// called, the trampoline raises the callback's original Python exception (see BindcPanic); a
// conversion error surfaces as GoPanic. In a goroutine of the Go code's own, nothing recovers
// it (as for any Go panic): Go code calling callbacks there should use an error result.
func BindcMust(err error) {
	if err != nil {
		panic(err)
	}
}

// funcs holds the Go funcs Python callables stand for, by handle (like runtime/cgo.Handle,
// but countable: LiveGoFuncs). Entries are removed when Python drops the callable.
var funcs struct {
	sync.RWMutex
	next uintptr
	m    map[uintptr]any
}

// BindcFuncHandle returns a non-zero handle keeping the Go func f alive for a Python callable
// (which deletes it, through py4goFuncRelease, when Python drops the callable); the caller
// passes nil funcs as 0 itself.
func BindcFuncHandle(f any) uintptr {
	funcs.Lock()
	defer funcs.Unlock()
	if funcs.m == nil {
		funcs.m = map[uintptr]any{}
	}
	funcs.next++
	funcs.m[funcs.next] = f
	return funcs.next
}

// BindcFuncValue returns the Go func behind a handle made by BindcFuncHandle.
func BindcFuncValue(h uintptr) any {
	funcs.RLock()
	defer funcs.RUnlock()
	return funcs.m[h]
}

// releaseFunc forgets the func behind h.
func releaseFunc(h uintptr) {
	funcs.Lock()
	delete(funcs.m, h)
	funcs.Unlock()
}

// LiveGoFuncs reports how many Go funcs are currently held by Python callables (returned
// to Python by bindc-generated functions and not yet dropped by Python).
func LiveGoFuncs() int {
	funcs.RLock()
	defer funcs.RUnlock()
	return len(funcs.m)
}

// BindcThreadState is the GIL a trampoline released around a long Go call; the zero value
// means the GIL is held.
type BindcThreadState struct {
	tstate unsafe.Pointer
}

// BindcReleaseGIL releases the GIL (the caller, a trampoline called from Python, holds it).
func BindcReleaseGIL() BindcThreadState {
	return BindcThreadState{C.py4go_bind_release_gil()}
}

// Restore retakes the GIL released by BindcReleaseGIL; it does nothing when already done, so
// a trampoline's panic handler may call it unconditionally.
func (s *BindcThreadState) Restore() {
	if s.tstate != nil {
		C.py4go_bind_restore_gil(s.tstate)
		s.tstate = nil
	}
}
