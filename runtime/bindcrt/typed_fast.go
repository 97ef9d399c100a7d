package bindcrt

/*
#include "py4go_typed.h"
*/
import "C"

import (
	"math"
)

// TypedFastCall is TypedCall for the commonest call, which generated code uses when it can:
// a module-level function or static method with at most PY4GO_TYPED_FAST_ARGS positional
// int, float64 or bool arguments (no keywords, no defaults in play) and an int, float64, bool
// or no result. Its packing methods inline (a store and an or: there is no slow path to
// spill into), and the call goes to the C entry for its argument count (py4go_typed_fastN),
// which takes the values as plain C parameters. Results and errors are exactly TypedCall's:
// a failure, or a call made without the GIL, is handed to the same code TypedCall uses.
//
// Use: declare it on the stack, Func, one value method per argument, then exactly one Call*
// method. A TypedFastCall is used once, by one goroutine.
//
// For generated code.
type TypedFastCall struct {
	fn *TypedFunc
	// PY4GO_TYPED_DESC but for want: argument i's kind in bits 4i..4i+3, their count in bits
	// 16..23. Kept ready for C, so that in a generated function it folds into a constant.
	desc uint64
	v    [C.PY4GO_TYPED_FAST_ARGS]int64
}

// Func starts a call of f.
func (c *TypedFastCall) Func(f *TypedFunc) { c.fn = f }

// put packs one argument. Kept within Go's inlining budget: a fifth argument (a bindc bug)
// cannot write out of bounds, and the call reports it.
func (c *TypedFastCall) put(kind uint64, v int64) {
	n := (c.desc >> 16) & (C.PY4GO_TYPED_FAST_ARGS - 1) // PY4GO_TYPED_FAST_ARGS is a power of two
	c.v[n] = v
	c.desc = (c.desc | kind<<(4*n)) + 1<<16
}

// Int packs an int argument.
func (c *TypedFastCall) Int(v int) { c.put(C.PY4GO_INT64, int64(v)) }

// Int64 packs an int64 argument.
func (c *TypedFastCall) Int64(v int64) { c.put(C.PY4GO_INT64, v) }

// Float packs a float64 argument.
func (c *TypedFastCall) Float(v float64) { c.put(C.PY4GO_FLOAT64, int64(math.Float64bits(v))) }

// Bool packs a bool argument.
func (c *TypedFastCall) Bool(v bool) {
	var n int64
	if v {
		n = 1
	}
	c.put(C.PY4GO_BOOL, n)
}

// call makes the call (one crossing) and returns its raw result.
func (c *TypedFastCall) call(want C.int) (f C.py4go_typed_fast_result, err error) {
	t := c.fn.cache.Load()
	if t == nil || t.gen != generation.Load() {
		if t, err = c.fn.resolve(); err != nil {
			return f, err
		}
	}
	p, d := C.uintptr_t(uintptr(t.ptr)), C.uint64_t(c.desc|uint64(uint8(want+C.PY4GO_TYPED_WANT_BIAS))<<32)
	switch c.desc >> 16 {
	case 0:
		f = C.py4go_typed_fast0(p, d)
	case 1:
		f = C.py4go_typed_fast1(p, d, C.int64_t(c.v[0]))
	case 2:
		f = C.py4go_typed_fast2(p, d, C.int64_t(c.v[0]), C.int64_t(c.v[1]))
	case 3:
		f = C.py4go_typed_fast3(p, d, C.int64_t(c.v[0]), C.int64_t(c.v[1]), C.int64_t(c.v[2]))
	case 4:
		f = C.py4go_typed_fast4(p, d, C.int64_t(c.v[0]), C.int64_t(c.v[1]), C.int64_t(c.v[2]), C.int64_t(c.v[3]))
	default:
		panic("python: TypedFastCall: more than 4 arguments (a bindc bug)")
	}
	return f, nil
}

// failed is TypedCall's handling of a fast call that did not succeed (a retry taking the
// GIL, or the error), so that both report alike.
//
//go:noinline (kept out of the Call* methods)
func (c *TypedFastCall) failed(f C.py4go_typed_fast_result, err error, want C.int) (int64, error) {
	if err != nil {
		return 0, err
	}
	t, err := c.fn.target() // resolved by call (again if Python was restarted meanwhile)
	if err != nil {
		return 0, err
	}
	n := int32(c.desc >> 16)
	tc := TypedCall{fn: c.fn, kinds: uint32(c.desc & 0xffff), n: n, max: n, sv: c.v}
	r, err := tc.fastFailed(t, f, want, 0)
	return int64(r.value.num), err
}

// CallNone calls and ignores the result (a `-> None` function).
func (c *TypedFastCall) CallNone() error {
	f, err := c.call(C.PY4GO_TYPED_IGNORE)
	if err == nil && f.tag>>4 == C.PY4GO_OK {
		return nil
	}
	_, err = c.failed(f, err, C.PY4GO_TYPED_IGNORE)
	return err
}

// CallInt calls and converts the result to int (an int out of range is an error).
func (c *TypedFastCall) CallInt() (int, error) {
	f, err := c.call(C.PY4GO_INT64)
	if err == nil && f.tag == C.PY4GO_OK<<4|C.PY4GO_INT64 && int64(int(f.num)) == int64(f.num) {
		return int(f.num), nil
	}
	return c.intFailed(f, err)
}

//go:noinline (CallInt's rare path)
func (c *TypedFastCall) intFailed(f C.py4go_typed_fast_result, err error) (int, error) {
	num, err := c.failed(f, err, C.PY4GO_INT64)
	return intResult(num, err, c.fn.op)
}

// CallFloat calls and converts the result to float64 (an int is accepted).
func (c *TypedFastCall) CallFloat() (float64, error) {
	f, err := c.call(C.PY4GO_FLOAT64)
	if err == nil && f.tag>>4 == C.PY4GO_OK {
		return math.Float64frombits(uint64(f.num)), nil
	}
	num, err := c.failed(f, err, C.PY4GO_FLOAT64)
	return floatResult(num, err, c.fn.op)
}

// CallBool calls and converts the result to bool (only True or False).
func (c *TypedFastCall) CallBool() (bool, error) {
	f, err := c.call(C.PY4GO_BOOL)
	if err == nil && f.tag>>4 == C.PY4GO_OK {
		return f.num != 0, nil
	}
	num, err := c.failed(f, err, C.PY4GO_BOOL)
	return boolResult(num, err, c.fn.op)
}
