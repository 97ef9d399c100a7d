package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

// WithGIL implements WithGIL of package python (documented there).
func WithGIL(fn func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := enterPython(); err != nil {
		return opError("WithGIL", err)
	}
	defer exitPython()
	r := C.py4go_gil_ensure()
	if r.status != C.PY4GO_OK {
		return resultError(r, "WithGIL", nil)
	}
	defer C.py4go_gil_release(r.value.num)
	if pendingCount.Load() > 0 {
		drainPendingReleases()
	}
	return fn()
}

// WithoutGIL implements WithoutGIL of package python (documented there).
func WithoutGIL(fn func()) error {
	r := C.py4go_save_thread()
	if r.status != C.PY4GO_OK {
		return resultError(r, "WithoutGIL", nil)
	}
	defer C.py4go_restore_thread(unsafe.Pointer(r.value.ptr))
	fn()
	return nil
}

// HoldsGIL implements HoldsGIL of package python (documented there).
func HoldsGIL() bool {
	return C.py4go_gil_check() != 0
}

// Releases that could not run when they were requested (finalizers run on the finalizer
// goroutine, which does not hold the GIL; Release may be called without it). They are
// carried out by the next WithGIL, or by a goroutine started for that purpose.
var pending struct {
	mu        sync.Mutex
	ptrs      []unsafe.Pointer
	scheduled bool
}

// pendingCount mirrors len(pending.ptrs) so WithGIL can skip the lock when there is nothing.
var pendingCount atomic.Int64

// deferRelease queues p (a reference owned by an interpreter of generation gen) for release.
func deferRelease(p unsafe.Pointer, gen uint64) {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	if gen != generation.Load() {
		return // its interpreter is gone, and the object with it
	}
	pending.ptrs = append(pending.ptrs, p)
	pendingCount.Store(int64(len(pending.ptrs)))
	if !pending.scheduled {
		pending.scheduled = true
		go func() { _ = WithGIL(func() error { return nil }) }()
	}
}

// drainPendingReleases decrefs every queued reference; the caller holds the GIL.
func drainPendingReleases() {
	pending.mu.Lock()
	ptrs := pending.ptrs
	pending.ptrs = nil
	pending.scheduled = false
	pendingCount.Store(0)
	pending.mu.Unlock()
	if len(ptrs) > 0 {
		C.py4go_release_many((**C.PyObject)(unsafe.Pointer(&ptrs[0])), C.Py_ssize_t(len(ptrs)))
	}
}

// forgetPendingReleases drops the queue when its interpreter ends, and moves to a new
// generation so that no reference of the old interpreter is queued or released later.
func forgetPendingReleases() {
	pending.mu.Lock()
	pending.ptrs = nil
	pending.scheduled = false
	pendingCount.Store(0)
	generation.Add(1)
	pending.mu.Unlock()
}
