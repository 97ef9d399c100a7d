package python

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

// WithGIL runs fn holding the GIL, from any goroutine. It locks the goroutine to its OS
// thread for the duration (the GIL belongs to a thread, not a goroutine), takes the GIL with
// PyGILState_Ensure, runs fn and gives both back, also when fn panics. It is re-entrant:
// calling WithGIL inside fn (or inside a Go function Python called) simply nests.
//
// WithGIL returns fn's error, or an error wrapping ErrNotInitialized when Python is not
// running. Releases deferred by finalizers or by Release calls made without the GIL are
// carried out here.
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

// WithoutGIL releases the GIL around fn, so other goroutines (and Python threads) can run
// Python while fn does long Go work; it retakes the GIL before returning. fn must not touch
// Python objects. The calling goroutine must hold the GIL (be inside WithGIL, or in a Go
// function called from Python); otherwise WithoutGIL returns an error wrapping ErrNoGIL and
// does not run fn.
func WithoutGIL(fn func()) error {
	r := C.py4go_save_thread()
	if r.status != C.PY4GO_OK {
		return resultError(r, "WithoutGIL", nil)
	}
	defer C.py4go_restore_thread(unsafe.Pointer(r.value.ptr))
	fn()
	return nil
}

// HoldsGIL reports whether the calling goroutine's thread holds the GIL. Only meaningful
// while the goroutine is locked to its thread (inside WithGIL, or a call from Python).
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
