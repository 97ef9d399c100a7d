package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// A callback waits for the GIL forever when the thread holding it is blocked in a Go function
// that waits for the callback (a function that keeps the GIL, //py4go:gil or the default for
// functions without func parameters, calling a stored callback from another goroutine).
// Nothing can break that deadlock, but it can be named: the watchdog prints one warning when
// callbacks have been waiting for the GIL and none has got it for a while.

var (
	// callbacksEntered counts callback calls started; py4go_callbacks_acquired (C) those that
	// got the GIL. The difference is the number waiting.
	callbacksEntered  atomic.Int64
	callbacksAcquired = (*int64)(unsafe.Pointer(&C.py4go_callbacks_acquired))
	watchdogOnce      sync.Once
)

// gilWaitWarning is how long callbacks may wait without any progress before the warning
// (PY4GO_GIL_WAIT_WARN, a Go duration, overrides it; "0" turns the watchdog off).
func gilWaitWarning() time.Duration {
	if v := os.Getenv("PY4GO_GIL_WAIT_WARN"); v != "" {
		if d, err := time.ParseDuration(v); err == nil || v == "0" {
			return d
		}
	}
	return 10 * time.Second
}

// startWatchdog starts the watchdog goroutine (once, at the first callback).
func startWatchdog() {
	watchdogOnce.Do(func() {
		limit := gilWaitWarning()
		if limit <= 0 {
			return
		}
		go watchdog(limit)
	})
}

func watchdog(limit time.Duration) {
	tick := limit / 10
	var last int64
	var stuck time.Duration
	warned := false
	for {
		time.Sleep(tick)
		acquired := atomic.LoadInt64(callbacksAcquired)
		waiting := callbacksEntered.Load() - acquired
		if waiting <= 0 || acquired != last {
			last, stuck = acquired, 0
			continue
		}
		stuck += tick
		if stuck >= limit && !warned {
			warned = true
			fmt.Fprintf(os.Stderr, "py4go: %d callback(s) from Go have waited %v for the GIL and none got it: "+
				"the thread holding it is probably blocked in a Go function that waits for them. Mark that "+
				"function //py4go:nogil so it releases the GIL (see docs/gil.md).\n", waiting, stuck)
		}
	}
}
