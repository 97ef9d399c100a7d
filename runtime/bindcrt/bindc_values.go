// Runtime half of bindc wrappers for values that are not scalars: slices, arrays, maps,
// any (interface{}) and *Object. The C wrapper hands the borrowed PyObject* to the Go
// trampoline, which converts it here: one cgo crossing describes the object and one unpacks
// each container level (py4go_unpack), and results are built one container level per
// crossing. Slices (and, as parameters, arrays) of int, int64, float64 and string, at any
// depth, take typed C paths without reflection per element; everything else goes through
// reflection on the Go type.
//
// Ownership: a *Object parameter (also inside a container or an any) is a new reference the
// Go function owns: it may keep it, and should Release it when done (else the finalizer
// does). A *Object returned as the function's result hands its reference to Python (the
// Object is released). A *Object inside a returned container or any is borrowed, as FromGo
// does: Python gets its own reference, and the Go side keeps its own.

package bindcrt

/*
#include "py4go.h"
int py4go_bind_raise_msg(int kind, const char *msg, Py_ssize_t n);
PyObject *py4go_bind_none(void);
*/
import "C"

import (
	"errors"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"
)

// Python exception classes raised by py4go_bind_raise_msg.
const (
	bindcTypeError     = 0
	bindcOverflowError = 1
	bindcValueError    = 2
	bindcMemoryError   = 3
	bindcRaised        = -1 // the Python exception is already set
)

// bindcFailure is a value that could not cross: the exception class and the message after
// "f() argument N" (tail starts with the element path, e.g. "[1] must be int, not str").
type bindcFailure struct {
	kind int
	tail string
}

func bindcFail(kind int, path, text string) *bindcFailure {
	return &bindcFailure{kind: kind, tail: path + text}
}

// at puts the path of the element that failed in front of the message (paths are built only
// on failure, from the inside out, so converting costs no string work per element).
func (f *bindcFailure) at(path string) *bindcFailure {
	f.tail = path + f.tail
	return f
}

// naming adds a value class's name to what a wrong-type failure says was expected ("must be
// UUID or bytes, not str"), since the class is what the stub names; nil stays nil.
func (f *bindcFailure) naming(class string) *bindcFailure {
	const must = " must be "
	if f != nil && f.kind == bindcTypeError && strings.HasPrefix(f.tail, must) {
		f.tail = must + class + " or " + f.tail[len(must):]
	}
	return f
}

// raise sets the Python exception for f with the given message prefix and returns -1.
func (f *bindcFailure) raise(prefix string) int32 {
	if f.kind == bindcRaised {
		return -1
	}
	msg := prefix + f.tail
	C.py4go_bind_raise_msg(C.int(f.kind), bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return -1
}

// bindcAdopted records that the host interpreter (extension mode) has been adopted, so that
// *Object values made for bound functions belong to the current interpreter generation and
// are not reported stale after the first WithGIL adopts it.
var bindcAdopted atomic.Bool

func bindcAdopt() {
	if bindcAdopted.Load() {
		return
	}
	life.mu.Lock()
	if life.state == stateOff {
		adoptHostInterpreter()
	}
	life.mu.Unlock()
	bindcAdopted.Store(true)
}

// BindcDecode converts the Python object p (borrowed; argument pos of the Python function
// fn) into the Go variable into points to. It returns 0, or -1 with a Python exception set:
// TypeError for a wrong type (naming fn, the argument and the element index or key),
// OverflowError for a number out of range of its Go type, ValueError for an array of the
// wrong length. The GIL must be held.
func BindcDecode(fn string, pos int, p unsafe.Pointer, into any) int32 {
	var d bindcDecoder
	defer d.finish()
	if f := d.top(p, into); f != nil {
		return f.raise(bindcSite(fn, pos))
	}
	return 0
}

// BindcFromGo returns a new Python reference for the result v of the Python function fn:
// slices and arrays become lists (a nil slice an empty list), maps dicts (a nil map an empty
// dict; keys sorted), values inside an any convert as FromGo does (a nil any is None). On
// failure it returns nil with a Python exception set.
func BindcFromGo(fn string, v any) unsafe.Pointer {
	p, f := bindcEncodeTop(fn, v)
	if f != nil {
		f.raise(fn + "() result")
		return nil
	}
	return p
}

// BindcTakeObject hands the reference held by o, the *Object result of the Python function
// fn, over to Python: o is released. nil gives None; an unboxed scalar becomes its Python
// object; a released or stale Object raises ValueError. user is a *python.Object (the Go
// function's result type) or an *Object.
func BindcTakeObject[U any](fn string, user *U) unsafe.Pointer {
	o := FromUser(user)
	if o == nil {
		return unsafe.Pointer(C.py4go_bind_none())
	}
	if _, err := o.pyobj(""); err != nil {
		msg := err.Error()
		if u := errors.Unwrap(err); u != nil {
			msg = u.Error()
		}
		return bindcFailRaise(bindcValueError, fn+"() result: "+msg)
	}
	return o.detach()
}

func bindcFailRaise(kind int, msg string) unsafe.Pointer {
	C.py4go_bind_raise_msg(C.int(kind), bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return nil
}

// BindcFromAny returns a new Python reference for v, the any (interface{}) result of the
// Python function fn, converted as FromGo does (a nil any, slice or map is None). On
// failure it returns nil with a Python exception set.
func BindcFromAny(fn string, v any) unsafe.Pointer {
	p, f := bindcEncodeAny(v)
	if f != nil {
		f.raise(fn + "() result")
		return nil
	}
	return p
}

// bindcSite names where a bad value was given, as the C runtime's messages do: "fn() argument
// POS", or for position 0 (assignment to a field; fn is "Class.field") just fn.
func bindcSite(fn string, pos int) string {
	if pos == 0 {
		return fn
	}
	return fn + "() argument " + strconv.Itoa(pos)
}
