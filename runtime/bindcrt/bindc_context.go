// A bound Go function whose first parameter is a context.Context: bindc fills the context,
// Python never passes it (compiler/bindc/typemap/contexts.py). Per call:
//
//   - `timeout=` seconds make it a context.WithTimeout; a deadline that passed raises
//     TimeoutError (see Finish for when);
//   - Ctrl-C cancels it. Python's SIGINT handler only records the signal (in C) and runs the
//     Python-level handler (which raises KeyboardInterrupt) later, in the main thread, holding
//     the GIL. A Go call runs with the GIL released, so nothing would run that handler until
//     the call returned. Hence the design: the Go function runs on a goroutine of its own,
//     and the calling thread (the main thread, for a call made there) waits for it in slices
//     of bindcContextPoll; after each slice it takes the GIL and calls PyErr_CheckSignals,
//     which runs pending handlers in the main thread (a no-op elsewhere). When a handler
//     raises, the context is cancelled, the calling thread waits for the Go function to
//     return (cancellation is cooperative: a Go function that ignores its context runs to
//     its end) and the call raises that exception. A Python handler that does not raise
//     leaves the call running, as Python would. Nothing here runs in a signal handler, and
//     Go's own signal handling is not involved (a c-shared module installs no handler for
//     SIGINT, docs/reliability.md), so Python's handlers stay in charge;
//   - the context is cancelled when the call returns, so goroutines the function started
//     on it end too.
//
// The goroutine touches no Python object: arguments are converted before, results after,
// on the calling goroutine holding the GIL (a parameter that calls back into Python takes the
// GIL itself, as it does in any GIL-releasing call).

package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"context"
	"errors"
	"math"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"time"
)

// BindcContext is context.Context, named by the runtime so that generated code need not
// import "context" into the bound package's namespace.
type BindcContext = context.Context

// bindcContextPoll is how long the thread waiting for a context-taking Go call sleeps
// before it lets Python run its signal handlers: the upper bound of Ctrl-C's latency.
const bindcContextPoll = 20 * time.Millisecond

// bindcContextCalls counts the context-taking calls whose Go function is running (tests and
// leak checks read it through BindcRunningContextCalls).
var bindcContextCalls atomic.Int64

// BindcRunningContextCalls reports how many context-taking Go calls are running.
func BindcRunningContextCalls() int { return int(bindcContextCalls.Load()) }

// BindcCall is one call of a bound function taking a context.Context.
type BindcCall struct {
	fn          string  // the Python name of the function, for messages
	timeout     float64 // seconds, negative for none
	ctx         context.Context
	cancel      context.CancelFunc
	expired     bool // the deadline had passed when the Go function returned
	interrupted bool // a signal handler raised while waiting: its exception is set
}

// BindcContextCall makes the context of one call of fn: with a deadline timeout seconds from
// now when timeout >= 0 (a timeout beyond time.Duration's ~292 years, infinity included, is
// none). Called holding the GIL.
func BindcContextCall(fn string, timeout float64) *BindcCall {
	c := &BindcCall{fn: fn, timeout: timeout}
	if timeout >= 0 && timeout < float64(math.MaxInt64)/float64(time.Second) {
		c.ctx, c.cancel = context.WithTimeout(context.Background(), time.Duration(timeout*float64(time.Second)))
	} else {
		c.ctx, c.cancel = context.WithCancel(context.Background())
	}
	return c
}

// bindcForwardedPanic carries a panic of the goroutine running a call to the calling
// goroutine, which raises GoPanic with the stack where it happened.
type bindcForwardedPanic struct {
	value any
	stack []byte
}

// Run calls f with the call's context on a new goroutine, releasing the GIL while it waits
// (see the file comment), and returns 0; or -1 with the exception of a Python signal handler
// set (KeyboardInterrupt) once f has returned after its context was cancelled. A panic of f
// is panicked again here. Called holding the GIL; returns holding it.
func (c *BindcCall) Run(f func(ctx context.Context)) int32 {
	done := make(chan struct{})
	var panicked *bindcForwardedPanic
	bindcContextCalls.Add(1)
	go func() {
		defer close(done)
		defer bindcContextCalls.Add(-1)
		defer func() {
			if r := recover(); r != nil {
				panicked = &bindcForwardedPanic{r, debug.Stack()}
			}
		}()
		f(c.ctx)
	}()
	gil := BindcReleaseGIL()
	c.wait(done, &gil)
	gil.Restore()
	c.expired = errors.Is(c.ctx.Err(), context.DeadlineExceeded)
	c.cancel() // the call is over: goroutines it left on its context end
	if c.interrupted {
		return -1 // the handler's exception (KeyboardInterrupt) wins over a panic or a result
	}
	if panicked != nil {
		panic(panicked)
	}
	return 0
}

// wait returns once done is closed, with the GIL released (*gil holds the released state).
// Every bindcContextPoll it takes the GIL to run Python's pending signal handlers; one that
// raises cancels the context, and the rest of the wait ignores further signals.
func (c *BindcCall) wait(done <-chan struct{}, gil *BindcThreadState) {
	timer := time.NewTimer(bindcContextPoll)
	defer timer.Stop()
	for {
		select {
		case <-done:
			return
		case <-timer.C:
		}
		if c.interrupted {
			timer.Reset(bindcContextPoll)
			continue
		}
		gil.Restore()
		if C.PyErr_CheckSignals() < 0 {
			c.interrupted = true
			c.cancel()
		}
		*gil = BindcReleaseGIL()
		timer.Reset(bindcContextPoll)
	}
}

// Finish raises what the call's end means for Python, holding the GIL, and returns -1; or
// returns 0 when the results stand. err is the error the Go function returned (returnsError:
// it has an error result):
//   - an error caused by the call's deadline (errors.Is context.DeadlineExceeded, with the
//     deadline passed) raises TimeoutError; any other error raises GoError as usual;
//   - a function without an error result whose deadline passed before it returned raises
//     TimeoutError (its results are whatever it made of an expired context);
//   - a function with an error result that returned nil keeps its results, deadline or not.
func (c *BindcCall) Finish(err error, returnsError bool) int32 {
	switch {
	case err != nil && c.expired && errors.Is(err, context.DeadlineExceeded):
		return c.raiseTimeout(err)
	case err != nil:
		return BindcError(err)
	case !returnsError && c.expired:
		return c.raiseTimeout(nil)
	}
	return 0
}

func (c *BindcCall) raiseTimeout(err error) int32 {
	msg := c.fn + "() timed out after " + strconv.FormatFloat(c.timeout, 'g', -1, 64) + " s"
	if err != nil {
		msg += ": " + err.Error()
	}
	return int32(C.py4go_bind_raise_timeout(bindcCStr(msg), C.Py_ssize_t(len(msg))))
}
