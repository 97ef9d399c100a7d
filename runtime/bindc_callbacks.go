// Runtime half of bindc's func support: Python callables as Go funcs (Callback) and Go funcs
// as Python callables (BindcFuncHandle), plus releasing the GIL around long Go calls.

package python

/*
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"runtime"
	"strconv"
	"sync"
	"unsafe"
)

// Callback is a Python callable held by a Go func that bindc generated for a func-typed
// parameter. It owns one reference to the callable, released when the Callback is garbage
// collected (the release is queued and done by the next holder of the GIL, since the
// finalizer runs without it). It may be invoked from any goroutine, any number of times,
// also after the Python call that passed it has returned.
type Callback struct {
	ref *reference     // the callable; its finalizer queues the release
	fn  unsafe.Pointer // C string literal naming the Python function it was passed to
	pos int            // and the argument position
}

// BindcCallback takes a new reference to the callable p (borrowed from the C wrapper, which
// holds the GIL; the trampoline calls this before it may release the GIL). fn is the C string
// literal naming the Python function and pos the argument, for error messages.
func BindcCallback(p unsafe.Pointer, fn unsafe.Pointer, pos int) *Callback {
	if generation.Load() == 0 {
		// Extension mode, first use: adopt the host interpreter now, so the reference
		// belongs to its generation (WithGIL would otherwise adopt it later and call
		// this reference stale).
		life.mu.Lock()
		adoptHostInterpreter()
		life.mu.Unlock()
	}
	C.Py_IncRef((*C.PyObject)(p))
	return &Callback{ref: newReference(p), fn: fn, pos: pos}
}

// Site describes where the callable came from: "apply() argument 1".
func (cb *Callback) Site() string {
	return C.GoString((*C.char)(cb.fn)) + "() argument " + strconv.Itoa(cb.pos)
}

// Invoke calls the callable with args (converted as FromGo converts) and stores its result
// into the pointers in out, with the range and type checks of Decode: nothing for no out
// (the result is ignored), the value for one, and a tuple of exactly len(out) items for more.
// It takes the GIL with WithGIL, so it works from any goroutine, and re-entrantly on a
// thread that already holds it. A Python exception is returned as *Exception; a result that
// does not fit as a *ConversionError naming the callback.
func (cb *Callback) Invoke(args []any, out ...any) error {
	err := WithGIL(func() error {
		callable := Object{ref: cb.ref} // borrows cb's reference; never released here
		res, err := callable.Call(args...)
		if err != nil {
			return err
		}
		defer res.Release()
		return cb.decode(res, out)
	})
	runtime.KeepAlive(cb)
	return err
}

// decode stores the callable's result into out (see Invoke).
func (cb *Callback) decode(res *Object, out []any) error {
	switch len(out) {
	case 0:
		return nil
	case 1:
		return cb.context(decodeResult(res, out[0]))
	}
	var items []*Object
	if err := res.Decode(&items); err != nil || len(items) != len(out) {
		return &ConversionError{Context: "callback " + cb.Site() + " result",
			Message: "expected a tuple of " + strconv.Itoa(len(out)) + " values, got Python " + res.TypeName()}
	}
	defer func() {
		for _, it := range items {
			it.Release()
		}
	}()
	for i, it := range items {
		if err := decodeResult(it, out[i]); err != nil {
			return cb.context(err)
		}
	}
	return nil
}

// context puts the callback's site into a conversion error.
func (cb *Callback) context(err error) error {
	var ce *ConversionError
	if errors.As(err, &ce) {
		ce.Context = "callback " + cb.Site() + " result"
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
	return o.Decode(into) // also explains a failed fast path in terms of the Go type
}

// BindcMust is what a generated func without an error result does with a callback's error:
// it panics with it. When the Go function that received the func runs inside a call from
// Python, the panic is recovered there and surfaces in Python (see BindcPanic).
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
