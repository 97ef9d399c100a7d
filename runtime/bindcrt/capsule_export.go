package bindcrt

// This file only exports Go to the C runtime; cgo allows no C definitions next to //export.

// #include <stdint.h>
import "C"

import "runtime/cgo"

// py4goCapsuleRelease is called by the C runtime when a capsule made by NewCapsule dies.
//
//export py4goCapsuleRelease
func py4goCapsuleRelease(h C.uintptr_t) {
	cgo.Handle(h).Delete()
}
