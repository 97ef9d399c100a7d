package bindcrt

/*
#include "py4go_typed.h"
*/
import "C"

import (
	"math"
	"runtime"
	"strconv"
	"unsafe"
)

// typedFastArgs is how many arguments py4go_typed_call_fast takes.
const typedFastArgs = C.PY4GO_TYPED_FAST_ARGS

// callFast is Object.Call's path for the common call: no keywords and at most
// PY4GO_TYPED_FAST_ARGS arguments that are ints, floats, bools, nil or *Objects. Their
// values go to C by value and the (unboxed) result comes back in two registers, in one cgo
// crossing that claims no shared buffer (py4go_typed_fastN). ok is false, having done
// nothing, when an argument needs the general packer.
func (o *Object) callFast(res *Object, self unsafe.Pointer, args []any) (ok bool, err error) {
	var kinds uint32
	var sv [C.PY4GO_TYPED_FAST_ARGS]int64
	for i, a := range args {
		if x, ok := a.(int); ok { // the commonest argument: one type compare, not the switch's dispatch
			sv[i] = int64(x)
			kinds |= C.PY4GO_INT64 << (4 * uint32(i))
			continue
		}
		var kind C.int32_t
		var v int64
		switch x := a.(type) {
		case int:
			kind, v = C.PY4GO_INT64, int64(x)
		case int64:
			kind, v = C.PY4GO_INT64, x
		case float64:
			kind, v = C.PY4GO_FLOAT64, int64(math.Float64bits(x))
		case bool:
			kind = C.PY4GO_BOOL
			if x {
				v = 1
			}
		case nil:
			kind = C.PY4GO_NONE
		case *Object:
			switch {
			case x == nil:
				kind = C.PY4GO_NONE
			case x.ref != nil && x.ref.gen == generation.Load():
				kind, v = C.PY4GO_OBJECT, int64(uintptr(x.ref.ptr))
			case x.unboxed() && x.kind <= C.PY4GO_FLOAT64 && x.kind != C.PY4GO_UINT64:
				kind, v = x.kind, int64(x.num)
			default:
				return false, nil // released or stale: the packer reports it
			}
		default:
			return false, nil
		}
		sv[i] = v
		kinds |= uint32(kind) << (4 * uint32(i))
	}
	// The C entry for this argument count (py4go_typed_fastN: straight-line, the values as
	// plain parameters).
	p, d := C.uintptr_t(uintptr(self)), typedDesc(kinds, int32(len(args)), C.PY4GO_TYPED_UNBOX, 0)
	var f C.py4go_typed_fast_result
	switch len(args) {
	case 0:
		f = C.py4go_typed_fast0(p, d)
	case 1:
		f = C.py4go_typed_fast1(p, d, C.int64_t(sv[0]))
	case 2:
		f = C.py4go_typed_fast2(p, d, C.int64_t(sv[0]), C.int64_t(sv[1]))
	case 3:
		f = C.py4go_typed_fast3(p, d, C.int64_t(sv[0]), C.int64_t(sv[1]), C.int64_t(sv[2]))
	default:
		f = C.py4go_typed_fast4(p, d, C.int64_t(sv[0]), C.int64_t(sv[1]), C.int64_t(sv[2]), C.int64_t(sv[3]))
	}
	runtime.KeepAlive(args) // the *Object arguments own the references passed borrowed
	if f.tag>>4 != C.PY4GO_OK {
		return true, fastCallError(f, len(args))
	}
	kind := C.int32_t(f.tag & 0xf)
	if kind == C.PY4GO_OBJECT {
		u := uintptr(f.num) // a new reference (C memory) passed as an integer
		res.ref = newReference(*(*unsafe.Pointer)(unsafe.Pointer(&u)))
		return true, nil
	}
	res.kind, res.num = kind, C.int64_t(f.num)
	return true, nil
}

// typedDesc is PY4GO_TYPED_DESC: what py4go_typed_call_fast is asked to do, in one argument.
func typedDesc(kinds uint32, nargs int32, want, flags C.int) C.uint64_t {
	return C.uint64_t(uint64(uint16(kinds)) | uint64(uint8(nargs))<<16 | uint64(uint8(flags))<<24 |
		uint64(uint8(want+C.PY4GO_TYPED_WANT_BIAS))<<32)
}

// fastCallError is the error of a failed fast call, as Object.Call reports it.
func fastCallError(f C.py4go_typed_fast_result, nargs int) error {
	var r C.py4go_result
	if f.tag >= C.PY4GO_TYPED_TAG_RESULT {
		r = C.py4go_typed_take_result(f.tag)
	} else {
		r.status = C.int32_t(f.tag >> 4)
		r.arg = -1
	}
	return resultError(r, callOp("", nil), func(i int) string { return "argument " + strconv.Itoa(i+1) })
}
