// Runtime support for the typed Go wrappers `bindc go` generates from Python signatures.
//
// Everything exported here carries the Typed prefix and is for generated code: users call the
// generated functions, not these. The file (with typed_fast.go, typed_export.go and py4go_typed.c/.h) is
// self-contained so that it can move into an implementation package later; it uses only
// the package's unexported primitives (packer, generation, enterPython, resultError).

package bindcrt

/*
#include <stdlib.h>
#include "py4go_typed.h"
*/
import "C"

import (
	"errors"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// TypedFunc is a module attribute generated code calls: a function or a class (Name may be
// dotted, "Outer.Inner"). It is resolved (imported) on first use, and again after Python
// was finalized and initialized anew. The zero value with Module and Name set is ready.
//
// For generated code.
type TypedFunc struct {
	Module, Name string
	cache        atomic.Pointer[typedTarget]
	mu           sync.Mutex
}

type typedTarget struct {
	obj *Object
	ptr unsafe.Pointer // obj's PyObject*, checked once when resolved
	gen uint64
}

// Object returns the resolved attribute (borrowed: owned by f; do not Release it).
func (f *TypedFunc) Object() (*Object, error) {
	t, err := f.target()
	if err != nil {
		return nil, err
	}
	return t.obj, nil
}

// target is the resolved attribute, resolving it on first use (one atomic load after that).
func (f *TypedFunc) target() (*typedTarget, error) {
	if t := f.cache.Load(); t != nil && t.gen == generation.Load() {
		return t, nil
	}
	return f.resolve()
}

func (f *TypedFunc) resolve() (*typedTarget, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if t := f.cache.Load(); t != nil && t.gen == generation.Load() {
		return t, nil
	}
	var obj *Object
	err := WithGIL(func() error {
		o, err := Import(f.Module)
		if err != nil {
			return err
		}
		for _, part := range strings.Split(f.Name, ".") {
			next, err := o.GetAttr(part)
			o.Release()
			if err != nil {
				return err
			}
			o = next
		}
		obj = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	p, err := obj.pyobj("TypedFunc")
	if err != nil {
		return nil, err
	}
	t := &typedTarget{obj: obj, ptr: p, gen: generation.Load()}
	f.cache.Store(t)
	return t, nil
}

func (f *TypedFunc) op() string { return f.Module + "." + f.Name + "()" }

// typedSlows pools the state of calls that leave the fast path, each with its C argument
// buffer (sync.Pool: per-P, no atomic operation on the hot path, which measured cheaper than
// claiming from a fixed array with compare-and-swap). A state the pool drops frees its
// buffer through its finalizer.
var typedSlows = sync.Pool{New: func() any {
	s := &typedSlow{buf: (*C.py4go_typed_buf)(C.calloc(1, C.sizeof_py4go_typed_buf))}
	runtime.SetFinalizer(s, func(s *typedSlow) { C.free(unsafe.Pointer(s.buf)) })
	return s
}}

// typedSlow is the state of a call that is not on the fast path: a method call, or one with
// str/bytes/container arguments, keyword arguments, more than PY4GO_TYPED_FAST_ARGS values,
// a str/bytes result, or a packing error. It owns one C buffer (freed with it).
type typedSlow struct {
	buf    *C.py4go_typed_buf
	vals   []C.py4go_value // in buf.vals, or in big
	big    *C.py4go_value  // the C array of a call with more values than buf holds
	arena  int             // bytes of buf.arena used by string arguments
	names  []string        // keyword names, in nbuf unless there are many
	nbuf   [4]string
	pin    runtime.Pinner
	pinned bool
	err    error
}

// TypedCall packs the arguments of one call and makes it, in one cgo crossing for scalar,
// str and bytes arguments and results. Use: declare it on the stack, Func or Method, one
// value method per positional argument, then Kw + a value method per keyword argument, then
// exactly one Call* method. A TypedCall is used once, by one goroutine.
//
// The call takes the GIL when the calling thread does not hold it, so generated functions
// work from any goroutine; inside WithGIL they skip that step and are cheapest.
//
// For generated code.
type TypedCall struct {
	fn *TypedFunc
	// The fast path (a function call of up to PY4GO_TYPED_FAST_ARGS scalar or object
	// arguments, the common case): the values stay in sv and travel to C by value, so the
	// call claims no buffer, packs nothing into memory and allocates nothing. The struct is
	// kept small because generated code zeroes one per call.
	kinds uint32 // argument i's kind in bits 4i..4i+3
	n     int32  // values packed (positional, keyword values; keyword names are added last)
	max   int32  // values reserved by Func/Method
	fcap  int32  // max on the fast path, 0 off it: put's one test
	nkw   int32
	sv    [C.PY4GO_TYPED_FAST_ARGS]int64
	s     *typedSlow // nil on the fast path
	// A method call's receiver and method name (off the fast path).
	self   *Object
	method string
}

// Func starts a call of f with room for up to max values (positional, keyword values and
// keyword names together).
func (c *TypedCall) Func(f *TypedFunc, max int) {
	c.fn = f
	c.max = int32(max)
	if max > C.PY4GO_TYPED_FAST_ARGS {
		c.spill()
		return
	}
	c.fcap = c.max
}

// Method starts a call of self's method name; see Func.
func (c *TypedCall) Method(self *Object, name string, max int) {
	c.max = int32(max)
	c.self, c.method = self, name
	c.spill()
}

// spill leaves the fast path: claims a pooled state and moves the values packed so far
// into its buffer.
func (c *TypedCall) spill() {
	if c.s != nil {
		return
	}
	s := typedSlows.Get().(*typedSlow)
	c.s = s
	c.fcap = 0
	if c.max <= C.PY4GO_TYPED_VALUES {
		s.vals = unsafe.Slice(&s.buf.vals[0], c.max)
	} else {
		// Many values: a C array of their own (C memory, like the pooled buffers, so the call
		// can pass it as an integer without cgo's pointer checks).
		s.big = (*C.py4go_value)(C.calloc(C.size_t(c.max+1), C.sizeof_py4go_value))
		s.vals = unsafe.Slice(s.big, c.max)
	}
	for i := int32(0); i < c.n; i++ {
		d := &s.vals[i]
		*d = C.py4go_value{kind: C.int32_t((c.kinds >> (4 * i)) & 0xf)}
		if d.kind == C.PY4GO_OBJECT {
			// A PyObject* (C memory) kept as an integer: stored without converting it back
			// to a pointer in Go.
			*(*uintptr)(unsafe.Pointer(&d.ptr)) = uintptr(c.sv[i])
		} else {
			d.num = C.int64_t(c.sv[i])
		}
	}
}

// put packs one value of kind PY4GO_NONE..PY4GO_FLOAT64, or PY4GO_OBJECT with the
// PyObject* (C memory) as v.
// The fast path's packing is a store and an or. Not inlined (the putSlow call puts it over
// Go's budget: cost 97 of 80), which costs about 23 instructions per argument (callgrind).
func (c *TypedCall) put(kind C.int32_t, v int64) {
	n := c.n
	if n >= c.fcap {
		c.putSlow(kind, v)
		return
	}
	c.sv[n&(C.PY4GO_TYPED_FAST_ARGS-1)] = v // n < fcap <= PY4GO_TYPED_FAST_ARGS (a power of two)
	c.kinds |= uint32(kind) << (4 * uint32(n))
	c.n = n + 1
}

//go:noinline (the slow path stays out of put)
func (c *TypedCall) putSlow(kind C.int32_t, v int64) {
	if c.s == nil || c.n >= c.max { // on the fast path, fcap == max
		panic("python: TypedCall: more values than Func/Method reserved (a bindc bug)")
	}
	d := c.next()
	d.kind = kind
	if kind == C.PY4GO_OBJECT {
		*(*uintptr)(unsafe.Pointer(&d.ptr)) = uintptr(v)
	} else {
		d.num = C.int64_t(v)
	}
}

// next is the next value slot in the buffer (off the fast path).
func (c *TypedCall) next() *C.py4go_value {
	if c.n >= int32(len(c.s.vals)) {
		panic("python: TypedCall: more values than Func/Method reserved (a bindc bug)")
	}
	d := &c.s.vals[c.n]
	*d = C.py4go_value{}
	c.n++
	return d
}

// Int packs an int argument.
func (c *TypedCall) Int(v int) { c.put(C.PY4GO_INT64, int64(v)) }

// Int64 packs an int64 argument.
func (c *TypedCall) Int64(v int64) { c.put(C.PY4GO_INT64, v) }

// Float packs a float64 argument.
func (c *TypedCall) Float(v float64) { c.put(C.PY4GO_FLOAT64, int64(math.Float64bits(v))) }

// Bool packs a bool argument.
func (c *TypedCall) Bool(v bool) {
	var n int64
	if v {
		n = 1
	}
	c.put(C.PY4GO_BOOL, n)
}

// None packs None.
func (c *TypedCall) None() { c.put(C.PY4GO_NONE, 0) }

// Str packs a str argument (strict UTF-8). Short strings are copied into C memory, longer
// ones pinned for the call.
func (c *TypedCall) Str(s string) {
	c.spill()
	c.putStr(c.next(), s)
}

func (c *TypedCall) putStr(d *C.py4go_value, s string) {
	d.kind = C.PY4GO_STR
	d.num = C.int64_t(len(s))
	if len(s) == 0 {
		return
	}
	sl := c.s
	if sl.big == nil && sl.arena+len(s) <= C.PY4GO_TYPED_ARENA {
		dst := unsafe.Slice((*byte)(unsafe.Pointer(&sl.buf.arena[sl.arena])), len(s))
		copy(dst, s)
		d.ptr = unsafe.Pointer(&sl.buf.arena[sl.arena])
		sl.arena += len(s)
		return
	}
	p := unsafe.Pointer(unsafe.StringData(s))
	sl.pin.Pin(p)
	sl.pinned = true
	d.ptr = p
}

// Bytes packs a bytes argument (a nil slice is b"").
func (c *TypedCall) Bytes(b []byte) {
	c.Str(unsafe.String(unsafe.SliceData(b), len(b)))
	c.s.vals[c.n-1].kind = C.PY4GO_BYTES
}

// Object packs o (borrowed; nil is None).
func (c *TypedCall) Object(o *Object) {
	if o == nil {
		c.None()
		return
	}
	p, err := o.pyobj("")
	if err != nil {
		c.fail(err)
		return
	}
	c.put(C.PY4GO_OBJECT, int64(uintptr(p)))
}

// Any packs v as FromGo converts it (containers become new Python objects, which needs the
// GIL: generated code calls Any only inside WithGIL).
func (c *TypedCall) Any(v any) {
	if o, ok := asObject(v); ok {
		c.Object(o)
		return
	}
	c.spill()
	pk := packer{vals: c.s.vals, pin: &c.s.pin}
	c.s.pinned = true // Unpin of a Pinner that pinned nothing is fine
	d := c.next()
	if err := pk.put(d, v); err != nil {
		c.fail(err)
	}
}

// Kw makes the next value the keyword argument name (a Go string constant).
func (c *TypedCall) Kw(name string) {
	c.spill()
	if c.s.names == nil {
		c.s.names = c.s.nbuf[:0]
	}
	c.s.names = append(c.s.names, name)
	c.nkw++
}

func (c *TypedCall) fail(err error) {
	c.spill()
	if c.s.err == nil {
		c.s.err = err
	}
	c.None()
}

func (c *TypedCall) op() string {
	if c.fn != nil {
		return c.fn.op()
	}
	return c.method + "()"
}

// do makes the call and returns the raw result (see py4go_typed_call).
func (c *TypedCall) do(want C.int, flags C.int) (C.py4go_result, error) {
	c.spill() // a str/bytes result comes back through the buffer's arena
	r, err := c.call(want, flags)
	c.finish() // not deferred: call does not panic
	if err != nil || (want != C.PY4GO_STR && want != C.PY4GO_BYTES) || r.value.kind == C.PY4GO_NONE {
		c.release() // a str/bytes result is in the arena: strResult releases after copying
	}
	return r, err
}

// callFast makes a fast-path call: one cgo crossing, nothing claimed, nothing pinned, the
// result in two registers.
func (c *TypedCall) callFast(want C.int, flags C.int) (int64, C.int32_t, error) {
	t := c.fn.cache.Load()
	if t == nil || t.gen != generation.Load() {
		var err error
		if t, err = c.fn.resolve(); err != nil {
			return 0, 0, err
		}
	}
	f := C.py4go_typed_call_fast(C.uintptr_t(uintptr(t.ptr)), typedDesc(c.kinds, c.n, want, flags),
		C.int64_t(c.sv[0]), C.int64_t(c.sv[1]), C.int64_t(c.sv[2]), C.int64_t(c.sv[3]))
	if f.tag>>4 != C.PY4GO_OK {
		r, err := c.fastFailed(t, f, want, flags)
		return int64(r.value.num), r.value.kind, err
	}
	return int64(f.num), C.int32_t(f.tag & 0xf), nil
}

// scalarCall makes a call wanting a scalar result (want PY4GO_TYPED_IGNORE, PY4GO_BOOL,
// PY4GO_INT64 or PY4GO_FLOAT64): on the fast path when the arguments allow.
func (c *TypedCall) scalarCall(want C.int, flags C.int) (int64, C.int32_t, error) {
	if c.s == nil && c.fn != nil {
		return c.callFast(want, flags)
	}
	r, err := c.do(want, flags)
	return int64(r.value.num), r.value.kind, err
}

// fastFailed handles a fast-path call that did not succeed: one made without the GIL is
// repeated taking it in C (registered as a Python user so that Finalize waits for it);
// anything else becomes the error.
func (c *TypedCall) fastFailed(t *typedTarget, f C.py4go_typed_fast_result, want C.int, flags C.int) (C.py4go_result, error) {
	if f.tag>>4 == C.PY4GO_NO_GIL {
		if err := enterPython(); err != nil {
			return C.py4go_result{}, opError(c.op(), err)
		}
		f = C.py4go_typed_call_fast(C.uintptr_t(uintptr(t.ptr)), typedDesc(c.kinds, c.n, want, flags|C.PY4GO_TYPED_ENSURE_GIL),
			C.int64_t(c.sv[0]), C.int64_t(c.sv[1]), C.int64_t(c.sv[2]), C.int64_t(c.sv[3]))
		exitPython()
	}
	var r C.py4go_result
	if f.tag >= C.PY4GO_TYPED_TAG_RESULT {
		r = C.py4go_typed_take_result(f.tag)
	} else {
		r.status = C.int32_t(f.tag >> 4)
		r.arg = -1
		r.value.kind = C.int32_t(f.tag & 0xf)
		r.value.num = f.num
	}
	if r.status == C.PY4GO_OK {
		return r, nil
	}
	return r, resultError(r, c.op(), c.argName)
}

func (c *TypedCall) call(want C.int, flags C.int) (C.py4go_result, error) {
	s := c.s
	if s.err != nil {
		return C.py4go_result{}, conversionContext(s.err, c.op())
	}
	var callable unsafe.Pointer
	var mp *C.char
	if c.fn != nil {
		t, err := c.fn.target()
		if err != nil {
			return C.py4go_result{}, err
		}
		callable = t.ptr
	} else {
		p, err := c.self.pyobj("TypedCall.Method")
		if err != nil {
			return C.py4go_result{}, err
		}
		callable = p
		mp = cstr(c.method)
	}
	nkw := int(c.nkw)
	nargs := int(c.n) - nkw
	for i := 0; i < nkw; i++ { // names follow the keyword values
		c.putStr(c.next(), s.names[i])
	}
	// Values and the result arena are C memory: passed as integers, cgo checks nothing.
	var vp C.uintptr_t
	if len(s.vals) > 0 {
		vp = C.uintptr_t(uintptr(unsafe.Pointer(&s.vals[0])))
	}
	out, outCap := C.uintptr_t(uintptr(unsafe.Pointer(&s.buf.arena[0]))), C.Py_ssize_t(C.PY4GO_TYPED_ARENA)
	r := C.py4go_typed_call(C.uintptr_t(uintptr(callable)), mp, C.Py_ssize_t(len(c.method)), vp,
		C.Py_ssize_t(nargs), C.Py_ssize_t(nkw), want, flags, out, outCap)
	if r.status == C.PY4GO_NO_GIL {
		// Not inside WithGIL (nor a call from Python): take the GIL in the same kind of call,
		// registered as a Python user so that Finalize waits for it.
		if err := enterPython(); err != nil {
			return r, opError(c.op(), err)
		}
		r = C.py4go_typed_call(C.uintptr_t(uintptr(callable)), mp, C.Py_ssize_t(len(c.method)), vp,
			C.Py_ssize_t(nargs), C.Py_ssize_t(nkw), want, flags|C.PY4GO_TYPED_ENSURE_GIL, out, outCap)
		exitPython()
	}
	runtime.KeepAlive(c.self)
	if r.status != C.PY4GO_OK {
		return r, resultError(r, c.op(), c.argName)
	}
	return r, nil
}

func (c *TypedCall) argName(i int) string {
	nargs := int(c.n - 2*c.nkw)
	if c.s == nil {
		nargs = int(c.n)
	}
	switch {
	case i < nargs:
		return "argument " + strconv.Itoa(i+1)
	case i < nargs+int(c.nkw):
		return "argument " + c.s.names[i-nargs]
	}
	return "keyword name"
}

// finish unpins and frees a large value array once the call is made (the state, with the
// result arena, is given back by release).
func (c *TypedCall) finish() {
	s := c.s
	if s.pinned {
		s.pin.Unpin()
		s.pinned = false
	}
	if s.big != nil {
		C.free(unsafe.Pointer(s.big))
		s.big = nil
	}
}

// release gives the pooled state back once its result arena has been read.
func (c *TypedCall) release() {
	s := c.s
	if s == nil {
		return
	}
	c.s = nil
	s.vals, s.arena, s.names, s.err = nil, 0, nil, nil
	s.nbuf = [4]string{}
	typedSlows.Put(s)
}

// strResult copies a str/bytes result (from the arena, or from an object too long for it)
// and gives the call's state back.
func (c *TypedCall) strResult(r C.py4go_result, want C.int) (string, error) {
	defer c.release()
	if r.value.kind == C.PY4GO_OBJECT { // too long for the arena: copy from the object
		o := StealRef(unsafe.Pointer(r.value.ptr))
		defer o.Release()
		var s string
		err := WithGIL(func() error {
			v, err := o.scalar(want, c.op()+" result")
			if err == nil {
				s = string(unsafe.Slice((*byte)(unsafe.Pointer(v.ptr)), int(v.num)))
			}
			return err
		})
		return s, err
	}
	if r.value.num == 0 {
		return "", nil
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(r.value.ptr)), int(r.value.num))), nil
}

func resultContext(err error, op string) error {
	var ce *ConversionError
	if errors.As(err, &ce) && !strings.HasSuffix(ce.Context, "result") && !strings.Contains(ce.Context, "argument") {
		ce.Context = op + " result"
	}
	return err
}

// CallNone calls and ignores the result (a `-> None` function).
func (c *TypedCall) CallNone() error {
	_, _, err := c.scalarCall(C.PY4GO_TYPED_IGNORE, 0)
	return err
}

// CallInt calls and converts the result to int (an int out of range is an error).
func (c *TypedCall) CallInt() (int, error) {
	num, _, err := c.scalarCall(C.PY4GO_INT64, 0)
	return intResult(num, err, c.op)
}

// intResult is the int result of a call that returned num or failed with err (the
// conversions of TypedCall and TypedFastCall, so that they report alike); op names the call
// (a func: the name is built only when an error needs it, and an interface would move a
// TypedFastCall to the heap).
func intResult(num int64, err error, op func() string) (int, error) {
	if err != nil {
		return 0, resultContext(err, op())
	}
	if num > math.MaxInt || num < math.MinInt {
		return 0, &ConversionError{Context: op() + " result", Message: "Python int out of range for Go int"}
	}
	return int(num), nil
}

// floatResult is intResult for float64.
func floatResult(num int64, err error, op func() string) (float64, error) {
	if err != nil {
		return 0, resultContext(err, op())
	}
	return math.Float64frombits(uint64(num)), nil
}

// boolResult is intResult for bool.
func boolResult(num int64, err error, op func() string) (bool, error) {
	if err != nil {
		return false, resultContext(err, op())
	}
	return num != 0, nil
}

// CallFloat calls and converts the result to float64 (an int is accepted).
func (c *TypedCall) CallFloat() (float64, error) {
	num, _, err := c.scalarCall(C.PY4GO_FLOAT64, 0)
	return floatResult(num, err, c.op)
}

// CallBool calls and converts the result to bool (only True or False).
func (c *TypedCall) CallBool() (bool, error) {
	num, _, err := c.scalarCall(C.PY4GO_BOOL, 0)
	return boolResult(num, err, c.op)
}

// CallStr calls and converts the result to string.
func (c *TypedCall) CallStr() (string, error) {
	r, err := c.do(C.PY4GO_STR, 0)
	if err != nil {
		return "", resultContext(err, c.op())
	}
	return c.strResult(r, C.PY4GO_STR)
}

// CallBytes calls and copies the bytes result.
func (c *TypedCall) CallBytes() ([]byte, error) {
	r, err := c.do(C.PY4GO_BYTES, 0)
	if err != nil {
		return nil, resultContext(err, c.op())
	}
	s, err := c.strResult(r, C.PY4GO_BYTES)
	return []byte(s), err
}

// CallOptInt is CallInt for `int | None`: nil for None.
func (c *TypedCall) CallOptInt() (*int, error) {
	num, kind, err := c.scalarCall(C.PY4GO_INT64, C.PY4GO_TYPED_OPTIONAL)
	if err != nil || kind == C.PY4GO_NONE {
		return nil, resultContext(err, c.op())
	}
	v := int(num)
	return &v, nil
}

// CallOptFloat is CallFloat for `float | None`.
func (c *TypedCall) CallOptFloat() (*float64, error) {
	num, kind, err := c.scalarCall(C.PY4GO_FLOAT64, C.PY4GO_TYPED_OPTIONAL)
	if err != nil || kind == C.PY4GO_NONE {
		return nil, resultContext(err, c.op())
	}
	v := math.Float64frombits(uint64(num))
	return &v, nil
}

// CallOptBool is CallBool for `bool | None`.
func (c *TypedCall) CallOptBool() (*bool, error) {
	num, kind, err := c.scalarCall(C.PY4GO_BOOL, C.PY4GO_TYPED_OPTIONAL)
	if err != nil || kind == C.PY4GO_NONE {
		return nil, resultContext(err, c.op())
	}
	v := num != 0
	return &v, nil
}

// CallOptStr is CallStr for `str | None`.
func (c *TypedCall) CallOptStr() (*string, error) {
	r, err := c.do(C.PY4GO_STR, C.PY4GO_TYPED_OPTIONAL)
	if err != nil || r.value.kind == C.PY4GO_NONE {
		return nil, resultContext(err, c.op())
	}
	s, err := c.strResult(r, C.PY4GO_STR)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// CallOptBytes is CallBytes for `bytes | None`.
func (c *TypedCall) CallOptBytes() (*[]byte, error) {
	r, err := c.do(C.PY4GO_BYTES, C.PY4GO_TYPED_OPTIONAL)
	if err != nil || r.value.kind == C.PY4GO_NONE {
		return nil, resultContext(err, c.op())
	}
	s, err := c.strResult(r, C.PY4GO_BYTES)
	if err != nil {
		return nil, err
	}
	b := []byte(s)
	return &b, nil
}

// CallObject calls and returns the result object itself (a new reference the caller owns).
func (c *TypedCall) CallObject() (*Object, error) {
	r, err := c.do(C.PY4GO_TYPED_OBJECT, 0)
	if err != nil {
		return nil, err
	}
	return StealRef(unsafe.Pointer(r.value.ptr)), nil
}

// GetAttr reads self's attribute name as a raw result (see the Attr* helpers).
func (c *TypedCall) getattr(self *Object, name string, want C.int, flags C.int) (C.py4go_result, error) {
	c.Method(self, name, 0)
	return c.do(want, flags|C.PY4GO_TYPED_GETATTR)
}

// TypedAttrInt reads self.name as an int in one crossing.
func TypedAttrInt(self *Object, name string) (int, error) {
	var c TypedCall
	r, err := c.getattr(self, name, C.PY4GO_INT64, 0)
	if err != nil {
		return 0, attrContext(err, name)
	}
	return int(r.value.num), nil
}

// TypedAttrFloat reads self.name as a float64 in one crossing.
func TypedAttrFloat(self *Object, name string) (float64, error) {
	var c TypedCall
	r, err := c.getattr(self, name, C.PY4GO_FLOAT64, 0)
	if err != nil {
		return 0, attrContext(err, name)
	}
	return math.Float64frombits(uint64(r.value.num)), nil
}

// TypedAttrBool reads self.name as a bool in one crossing.
func TypedAttrBool(self *Object, name string) (bool, error) {
	var c TypedCall
	r, err := c.getattr(self, name, C.PY4GO_BOOL, 0)
	if err != nil {
		return false, attrContext(err, name)
	}
	return r.value.num != 0, nil
}

// TypedAttrStr reads self.name as a string in one crossing (long strings: two).
func TypedAttrStr(self *Object, name string) (string, error) {
	var c TypedCall
	r, err := c.getattr(self, name, C.PY4GO_STR, 0)
	if err != nil {
		return "", attrContext(err, name)
	}
	return c.strResult(r, C.PY4GO_STR)
}

// TypedAttrObject reads self.name as an object (a new reference).
func TypedAttrObject(self *Object, name string) (*Object, error) {
	var c TypedCall
	r, err := c.getattr(self, name, C.PY4GO_TYPED_OBJECT, 0)
	if err != nil {
		return nil, attrContext(err, name)
	}
	return StealRef(unsafe.Pointer(r.value.ptr)), nil
}

func attrContext(err error, name string) error {
	var ce *ConversionError
	if errors.As(err, &ce) {
		ce.Context = "attribute " + name
	}
	return err
}

// TypedDecode converts o into a T (with Decode's range and type checks) and releases o;
// op names the value in errors. The caller holds the GIL (generated code: inside WithGIL).
func TypedDecode[T any](o *Object, op string) (T, error) {
	var v T
	defer o.Release()
	if err := o.Decode(&v); err != nil {
		var ce *ConversionError
		if errors.As(err, &ce) {
			ce.Context = op
		}
		return v, err
	}
	return v, nil
}

var typedList = TypedFunc{Module: "builtins", Name: "list"}

// TypedDecodeIter materialises an iterable result (a generator, an iterator) with list()
// and decodes it into a []T; it releases o. The caller holds the GIL.
func TypedDecodeIter[T any](o *Object, op string) ([]T, error) {
	defer o.Release()
	var c TypedCall
	c.Func(&typedList, 1)
	c.Object(o)
	l, err := c.CallObject()
	if err != nil {
		return nil, err
	}
	return TypedDecode[[]T](l, op)
}

// TypedGIL runs fn holding the GIL: WithGIL, for generated functions whose conversions
// need it for longer than one call (containers, callbacks, classes of values).
func TypedGIL(fn func() error) error { return WithGIL(fn) }

// TypedNewFunc makes a Python callable calling fn from any Python thread: fn gets the
// positional arguments (new references it may keep; generated adapters decode them) and
// returns a Go value converted as FromGo converts (nil is None), or an error raised in Python
// as RuntimeError (a *Exception from a nested Python call is raised unchanged). A panic in fn
// is raised as RuntimeError too. The caller holds the GIL and owns the result.
func TypedNewFunc(fn func(args []*Object) (any, error)) (*Object, error) {
	h := BindcFuncHandle(fn)
	var p unsafe.Pointer
	if err := WithGIL(func() error {
		p = unsafe.Pointer(C.py4go_typed_new_func(C.uintptr_t(h)))
		if p == nil {
			return errors.New("python: TypedNewFunc: could not create the callable")
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return StealRef(p), nil
}

// typedInvoke runs the Go func behind h for a Python call (see TypedNewFunc); the calling
// thread holds the GIL.
func typedInvoke(h uintptr, args []unsafe.Pointer) (res unsafe.Pointer) {
	fn, _ := BindcFuncValue(h).(func([]*Object) (any, error))
	defer func() {
		if p := recover(); p != nil {
			msg := "Go panic: " + panicText(p)
			C.py4go_typed_raise(cstr(msg), C.Py_ssize_t(len(msg)), nil)
			res = nil
		}
	}()
	if fn == nil {
		panic("the Go func was released")
	}
	objs := make([]*Object, len(args))
	for i, a := range args {
		o, err := NewRef(a)
		if err != nil {
			panic(err)
		}
		objs[i] = o
	}
	v, err := fn(objs)
	if err != nil {
		var cause unsafe.Pointer
		var e *Exception
		if errors.As(err, &e) && e.exc != nil && e.exc.ptr != nil && e.exc.gen == generation.Load() {
			cause = e.exc.ptr
		}
		msg := err.Error()
		C.py4go_typed_raise(cstr(msg), C.Py_ssize_t(len(msg)), (*C.PyObject)(cause))
		return nil
	}
	o, ok := asObject(v) // a conversion generated code made: its reference passes to Python
	if !ok || o == nil {
		if o, err = FromGo(v); err != nil {
			panic(err)
		}
	}
	if o.unboxed() {
		if _, err := o.pyobj("TypedNewFunc"); err != nil {
			panic(err)
		}
	}
	return o.detach()
}

func panicText(p any) string {
	switch v := p.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "non-error panic value"
}

var typedNamespace = TypedFunc{Module: "types", Name: "SimpleNamespace"}

// TypedNamespace builds types.SimpleNamespace(**attrs): how a Go value implementing a
// Protocol's interface reaches Python (its methods as callables). The caller holds the GIL
// and owns the result; attrs stay the caller's.
func TypedNamespace(names []string, attrs []*Object) (*Object, error) {
	var c TypedCall
	c.Func(&typedNamespace, 2*len(names))
	for i, n := range names {
		c.Kw(n)
		c.Object(attrs[i])
	}
	return c.CallObject()
}

// TypedIsNone reports whether o is None (nil counts as None); no GIL needed.
func TypedIsNone(o *Object) bool {
	if o == nil {
		return true
	}
	if o.unboxed() {
		return o.kind == C.PY4GO_NONE
	}
	return o.ref != nil && o.ref.ptr == unsafe.Pointer(&C._Py_NoneStruct)
}

// TypedOptional converts o with conv unless it is None (then nil); it releases o either way.
func TypedOptional[T any](o *Object, op string, conv func(*Object, string) (T, error)) (*T, error) {
	if TypedIsNone(o) {
		o.Release()
		return nil, nil
	}
	v, err := conv(o, op)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// TypedKeep is the conversion of an untyped (Any) result: the object itself, as users see it
// (TypedKeep[python.Object]).
func TypedKeep[U any](o *Object, _ string) (*U, error) { return ToUser[U](o), nil }

// TypedUser hands a call's object result to users: TypedUser[python.Object](call.CallObject()).
func TypedUser[U any](o *Object, err error) (*U, error) { return ToUser[U](o), err }

// TypedArgCount is the error of a Go func called from Python with the wrong number of
// arguments; it releases them.
func TypedArgCount(args []*Object, want int) error {
	for _, a := range args {
		a.Release()
	}
	return errors.New("expected " + strconv.Itoa(want) + " arguments, got " + strconv.Itoa(len(args)))
}

// TypedVersion1 is referenced by every generated package: code generated for another
// revision of this API fails to compile instead of misbehaving.
const TypedVersion1 = true

// TypedTupleLen checks that a tuple result has n items; on mismatch it releases them and
// returns the error.
func TypedTupleLen(items []*Object, n int, op string) error {
	if len(items) == n {
		return nil
	}
	for _, it := range items {
		it.Release()
	}
	return &ConversionError{Context: op, Message: "expected a tuple of " + strconv.Itoa(n) + " items, got " + strconv.Itoa(len(items))}
}

// TypedDecodeList converts a list/tuple result whose items need generated conversions
// (the module's enums, records, classes): conv consumes each item. It releases o.
func TypedDecodeList[T any](o *Object, op string, conv func(*Object, string) (T, error)) ([]T, error) {
	items, err := TypedDecode[[]*Object](o, op)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(items))
	for i, it := range items {
		v, err := conv(it, op+"["+strconv.Itoa(i)+"]")
		if err != nil {
			for _, rest := range items[i+1:] {
				rest.Release()
			}
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// TypedEncodeList builds a Python list from vs with conv (a generated conversion returning
// new references). The caller holds the GIL and owns the result.
func TypedEncodeList[T any](vs []T, conv func(T) (*Object, error)) (*Object, error) {
	objs := make([]*Object, 0, len(vs))
	defer func() {
		for _, o := range objs {
			o.Release()
		}
	}()
	for _, v := range vs {
		o, err := conv(v)
		if err != nil {
			return nil, err
		}
		objs = append(objs, o)
	}
	return FromGo(objs)
}
