package bindcrt

// Exports for py4go_callback.c; cgo allows no C definitions next to //export, so this file
// includes nothing but stdint.h.

// #include <stdint.h>
import "C"

// py4goFuncRelease is called when Python drops a builtin function made from a Go func: the
// handle is deleted, so the func can be garbage collected.
//
//export py4goFuncRelease
func py4goFuncRelease(h C.uintptr_t) {
	releaseFunc(uintptr(h))
}
