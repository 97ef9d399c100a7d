package bindcrt

/*
// Package-wide: CGO_CFLAGS from `bindc env` replaces cgo's default "-g -O2", which would
// leave the C runtime unoptimised; directives append to it instead.
#cgo CFLAGS: -O2
#include "py4go.h"
#include "py4go_config.h"
*/
import "C"

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

type lifeState int

const (
	stateOff lifeState = iota
	stateRunning
	stateFinalizing
)

// life serialises Initialize, Finalize and Register, and counts the WithGIL calls in
// progress so that Finalize can wait for them instead of pulling Python out from under them.
var life struct {
	mu      sync.Mutex
	idle    sync.Cond // signalled when active drops to 0 while finalizing
	state   lifeState
	active  int         // WithGIL calls in progress
	owned   bool        // we initialized Python (false: a host process did, e.g. extension mode)
	mainRun chan func() // work for the Python main thread (only Finalize uses it)
	inittab map[string]bool
	config  Config // what the running interpreter was started with
	started bool   // an interpreter was started by this process before
	memory  string // the allocator of the first one (see Config.allocators)
	broken  string // CPython's message when a Py_InitializeFromConfig failed ("" if none did)
}

// finalizing is held by the Finalize under way (life.mu is released while Python finalizes).
var finalizing sync.Mutex

// generation changes whenever an interpreter starts or ends, so that an *Object can tell that
// the interpreter it came from is gone (its pointer would dangle).
var generation atomic.Uint64

func init() { life.idle.L = &life.mu }

// Initialize implements Initialize of package python (documented there).
func Initialize(config ...Config) error {
	var cfg Config
	switch len(config) {
	case 0:
	case 1:
		cfg = config[0]
	default:
		return errors.New("python: Initialize: pass at most one Config")
	}
	life.mu.Lock()
	defer life.mu.Unlock()
	switch life.state {
	case stateRunning:
		if len(config) == 0 || (life.owned && cfg.equal(&life.config)) || (!life.owned && cfg.isZero()) {
			return nil
		}
		if !life.owned {
			return errors.New("python: Initialize: Python was started by the host process; its configuration cannot be changed")
		}
		return errors.New("python: Initialize: Python is already running with another Config; call Finalize first")
	case stateFinalizing:
		return errors.New("python: Initialize: Python is being finalized; call Initialize after Finalize returns")
	}
	if life.broken != "" {
		return errors.New("python: Initialize: an earlier Initialize failed inside CPython (" + life.broken +
			"); CPython cannot start again in this process")
	}
	resolved, err := cfg.resolve()
	if err != nil {
		return errors.New("python: Initialize: " + err.Error())
	}
	if !cfg.isZero() && C.py4go_is_initialized() != 0 {
		return errors.New("python: Initialize: Python was started by the host process; its configuration cannot be changed")
	}
	if life.started {
		if resolved.allocator, err = cfg.pinAllocator(life.memory); err != nil {
			return errors.New("python: Initialize: " + err.Error())
		}
	}
	cc := newCConfig(&resolved)
	defer cc.free()
	started := make(chan C.py4go_result)
	run := make(chan func())
	go pythonMainThread(cc.c, started, run)
	r := <-started
	if r.status != C.PY4GO_OK {
		e := takeException(r.exc)
		// A failed Py_InitializeFromConfig leaves CPython half initialized: another attempt
		// would fail in stranger ways ("error reading frozen getpath.py") or crash.
		life.broken = e.Message
		return errors.New("python: Initialize: Python failed to start: " + e.Message)
	}
	life.owned = r.value.num == 1
	if life.owned {
		life.mainRun = run
	}
	life.config = cfg
	if life.owned && !life.started {
		life.started = true
		_, life.memory = cfg.allocators()
	}
	life.state = stateRunning
	generation.Add(1)
	return nil
}

// pythonMainThread initializes Python on an OS thread it keeps locked, then runs the work
// Finalize and the Run functions send it. The goroutine exits still locked, so the thread
// ends with it.
func pythonMainThread(cfg *C.py4go_config, started chan<- C.py4go_result, run <-chan func()) {
	runtime.LockOSThread()
	r := C.py4go_initialize_config(cfg)
	started <- r
	if r.status != C.PY4GO_OK || r.value.num == 0 {
		return
	}
	for f := range run {
		f()
	}
}

// adoptHostInterpreter marks an interpreter started by someone else (the python process
// that imported a bindc extension module) as running. Called with life.mu held.
func adoptHostInterpreter() bool {
	if life.state != stateOff || C.py4go_is_initialized() == 0 {
		return false
	}
	life.state = stateRunning
	life.owned = false
	generation.Add(1)
	return true
}

// Finalize implements Finalize of package python (documented there).
func Finalize() error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if C.py4go_gil_check() != 0 {
		return errors.New("python: Finalize: called while holding the GIL (inside WithGIL); call it after WithGIL returns")
	}
	if !finalizing.TryLock() {
		// Another Finalize is under way (maybe the one whose atexit hook called this one,
		// which waiting would deadlock): nothing to do, as for a finalized interpreter.
		return nil
	}
	defer finalizing.Unlock()
	life.mu.Lock()
	defer life.mu.Unlock()
	if life.state != stateRunning {
		return nil
	}
	if life.owned {
		// Python's non-daemon threads and atexit hooks first, as Py_FinalizeEx does, but
		// while Python is still open to every caller: they may be in a Go call whose callbacks
		// (from its own goroutine or others) need the GIL; refusing them would break the
		// very threads Finalize waits for (a callback without error result panics, in a
		// goroutine fatally).
		life.mu.Unlock()
		done := make(chan struct{})
		life.mainRun <- func() { C.py4go_prepare_finalize(); close(done) }
		<-done
		life.mu.Lock()
	}
	life.state = stateFinalizing
	for life.active > 0 {
		life.idle.Wait()
	}
	var rc C.int64_t
	if life.owned {
		// Unlocked while Python finalizes: atexit hooks may reach Go code that calls WithGIL,
		// which must fail (the state is stateFinalizing) rather than deadlock on life.mu.
		run := life.mainRun
		life.mainRun = nil
		life.mu.Unlock()
		done := make(chan C.py4go_result)
		run <- func() { done <- C.py4go_finalize() }
		rc = (<-done).value.num
		close(run)
		life.mu.Lock()
	}
	forgetPendingReleases()
	if life.owned {
		// Py_FinalizeEx resets CPython's table of built-in modules: a module registered
		// before this interpreter must be registered again before the next one.
		life.inittab = nil
	}
	life.config = Config{}
	life.state = stateOff
	if rc < 0 {
		return errors.New("python: Finalize: Py_FinalizeEx reported an error (flushing buffered data failed)")
	}
	return nil
}

// IsInitialized implements IsInitialized of package python (documented there).
func IsInitialized() bool {
	return C.py4go_is_initialized() != 0
}

// Version implements Version of package python (documented there).
func Version() string {
	v := C.GoString(C.py4go_version())
	if i := strings.IndexByte(v, ' '); i >= 0 {
		v = v[:i]
	}
	return v
}

// enterPython registers a WithGIL call in progress, or says why Python cannot be used.
func enterPython() error {
	life.mu.Lock()
	defer life.mu.Unlock()
	switch life.state {
	case stateRunning:
		life.active++
		return nil
	case stateFinalizing:
		return errFinalizing
	}
	if adoptHostInterpreter() {
		life.active++
		return nil
	}
	return ErrNotInitialized
}

// exitPython ends what enterPython started.
func exitPython() {
	life.mu.Lock()
	life.active--
	if life.active == 0 && life.state == stateFinalizing {
		life.idle.Broadcast()
	}
	life.mu.Unlock()
}

// Register implements Register of package python (documented there).
func Register(name string, initFunc unsafe.Pointer) error {
	if name == "" || initFunc == nil {
		return errors.New("python: Register: need a module name and a non-nil init function")
	}
	life.mu.Lock()
	if life.state == stateOff && C.py4go_is_initialized() == 0 {
		defer life.mu.Unlock()
		if life.inittab[name] {
			return errors.New("python: Register(" + quote(name) + "): a module of that name is already registered")
		}
		r := C.py4go_append_inittab(cstr(name), C.Py_ssize_t(len(name)), (*[0]byte)(initFunc))
		if r.status != C.PY4GO_OK {
			return errors.New("python: Register(" + quote(name) + "): PyImport_AppendInittab failed")
		}
		if life.inittab == nil {
			life.inittab = map[string]bool{}
		}
		life.inittab[name] = true
		return nil
	}
	life.mu.Unlock()
	return WithGIL(func() error {
		r := C.py4go_load_module(cstr(name), C.Py_ssize_t(len(name)), (*[0]byte)(initFunc))
		if r.status != C.PY4GO_OK {
			return resultError(r, "Register("+quote(name)+")", nil)
		}
		C.py4go_release((*C.PyObject)(r.value.ptr))
		return nil
	})
}

// cstr borrows a Go string's bytes as a C pointer for the duration of one cgo call (the
// bytes hold no Go pointers, so cgo's rules allow it). Never NULL for an empty string,
// since the C side distinguishes NULL (absent) from "" (empty).
func cstr(s string) *C.char {
	if len(s) == 0 {
		return (*C.char)(unsafe.Pointer(&emptyCString[0]))
	}
	return (*C.char)(unsafe.Pointer(unsafe.StringData(s)))
}

var emptyCString = [1]byte{0}
