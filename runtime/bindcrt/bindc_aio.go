// A bound Go function awaited from asyncio: `await mod.aio.fetch(url)` (the generated
// `aio` namespace; compiler/bindc/emit/aio.py). No Python thread is involved:
//
//  1. on the event loop's thread, holding the GIL, the generated trampoline converts the
//     arguments and calls BindcAioStart, which makes a future of the running loop and the
//     call's context (timeout= for a function taking one), and starts the Go call on a
//     goroutine;
//  2. the goroutine runs the Go function without the GIL and, when it returns, queues the
//     call for bindcAioPump;
//  3. the pump goroutine takes the GIL once for every batch of finished calls and hands
//     their handles to each loop with loop.call_soon_threadsafe;
//  4. on the loop's thread, py4goAioComplete converts the results (BindcFromGo) or raises
//     (GoError, GoPanic, TimeoutError: as the synchronous call would) into the future.
//
// The future's done callback cancels the call's context: cancelling the awaiting task
// cancels the future, so a Go function taking a context sees ctx.Done() at once; one that
// takes none runs to its end and its results are dropped. The pump is one goroutine for the
// life of the process, started by the first awaited call.

package bindcrt

/*
#include "py4go.h"
PyObject *py4go_bind_aio_future(uintptr_t handle, PyObject **loop);
int py4go_bind_aio_schedule(PyObject *loop, const uintptr_t *hs, Py_ssize_t n);
void py4go_bind_aio_settle(PyObject *future, PyObject *result);
*/
import "C"

import (
	"context"
	"errors"
	"runtime/debug"
	"sync"
	"unsafe"
)

// bindcAioCall is one awaited Go call.
type bindcAioCall struct {
	call         *BindcCall // the context and how its end maps to an exception
	returnsError bool
	loop, future *C.PyObject // strong references, touched holding the GIL only
	results      []any
	err          error
	panicked     *bindcForwardedPanic
}

var bindcAio struct {
	sync.Mutex
	next  uintptr
	calls map[uintptr]*bindcAioCall
	pump  sync.Once
	ready chan uintptr // finished calls, for the pump
}

// BindcRunningAioCalls reports how many awaited Go calls have not settled their future yet.
func BindcRunningAioCalls() int {
	bindcAio.Lock()
	defer bindcAio.Unlock()
	return len(bindcAio.calls)
}

// BindcAioStart starts call (the Go function with converted arguments: its results as a
// slice, and its error) on a goroutine and returns a new reference to the asyncio future
// that will hold the results of fn (a tuple for several, None for none), or nil with a Python
// exception set (RuntimeError outside a running event loop). timeout is as for
// BindcContextCall. Called on the loop's thread, holding the GIL.
func BindcAioStart(fn string, timeout float64, returnsError bool,
	call func(ctx context.Context) ([]any, error)) unsafe.Pointer {
	bindcAio.pump.Do(func() {
		bindcAio.ready = make(chan uintptr, 1024)
		go bindcAioPump()
	})
	c := &bindcAioCall{call: BindcContextCall(fn, timeout), returnsError: returnsError}
	bindcAio.Lock()
	if bindcAio.calls == nil {
		bindcAio.calls = map[uintptr]*bindcAioCall{}
	}
	bindcAio.next++
	h := bindcAio.next
	bindcAio.calls[h] = c
	bindcAio.Unlock()
	var loop *C.PyObject
	future := C.py4go_bind_aio_future(C.uintptr_t(h), &loop)
	if future == nil {
		bindcAioForget(h)
		c.call.cancel()
		return nil
	}
	c.loop, c.future = loop, future
	C.Py_IncRef(future) // one for the caller, one kept until the call settles
	go func() {
		defer func() { bindcAio.ready <- h }()
		defer func() {
			if r := recover(); r != nil {
				c.panicked = &bindcForwardedPanic{r, debug.Stack()}
			}
		}()
		c.results, c.err = call(c.call.ctx)
		c.call.expired = errors.Is(c.call.ctx.Err(), context.DeadlineExceeded)
	}()
	return unsafe.Pointer(future)
}

// bindcAioPump hands finished calls back to their loops: one GIL acquisition per batch, one
// call_soon_threadsafe per loop in it.
func bindcAioPump() {
	for h := range bindcAio.ready {
		batch := []uintptr{h}
		for more := true; more; {
			select {
			case h := <-bindcAio.ready:
				batch = append(batch, h)
			default:
				more = false
			}
		}
		_ = WithGIL(func() error {
			byLoop := map[*C.PyObject][]uintptr{}
			var loops []*C.PyObject
			for _, h := range batch {
				bindcAio.Lock()
				c := bindcAio.calls[h]
				bindcAio.Unlock()
				if c == nil {
					continue
				}
				if byLoop[c.loop] == nil {
					loops = append(loops, c.loop)
				}
				byLoop[c.loop] = append(byLoop[c.loop], h)
			}
			for _, loop := range loops {
				hs := byLoop[loop]
				// hs is Go memory holding no Go pointers: C may read it during the call.
				if C.py4go_bind_aio_schedule(loop, (*C.uintptr_t)(unsafe.Pointer(&hs[0])), C.Py_ssize_t(len(hs))) < 0 {
					for _, h := range hs { // the loop is closed: nobody will await these
						bindcAioRelease(bindcAioForget(h))
					}
				}
			}
			return nil
		})
	}
}

// bindcAioForget removes call h from the table and returns it (nil if already gone).
func bindcAioForget(h uintptr) *bindcAioCall {
	bindcAio.Lock()
	defer bindcAio.Unlock()
	c := bindcAio.calls[h]
	delete(bindcAio.calls, h)
	return c
}

// bindcAioRelease drops the references a call holds. Holding the GIL.
func bindcAioRelease(c *bindcAioCall) {
	if c == nil {
		return
	}
	c.call.cancel()
	C.Py_DecRef(c.future)
	C.Py_DecRef(c.loop)
}

// bindcAioDone is the future's done callback: cancel the Go call's context (the call may be
// running: a cancelled task; or over: a no-op).
func bindcAioDone(h uintptr) {
	bindcAio.Lock()
	c := bindcAio.calls[h]
	bindcAio.Unlock()
	if c != nil {
		c.call.cancel()
	}
}

// bindcAioComplete settles the future of the finished call h, on its loop's thread holding
// the GIL.
func bindcAioComplete(h uintptr) {
	c := bindcAioForget(h)
	if c == nil {
		return
	}
	defer bindcAioRelease(c)
	result := c.result()
	C.py4go_bind_aio_settle(c.future, (*C.PyObject)(result))
	C.Py_DecRef((*C.PyObject)(result))
}

// result is a new reference to what the future gets, or nil with the exception set.
func (c *bindcAioCall) result() (out unsafe.Pointer) {
	defer func() {
		if r := recover(); r != nil { // a panic converting the results
			BindcPanic(c.call.fn, r)
			out = nil
		}
	}()
	if c.panicked != nil {
		BindcPanic(c.call.fn, c.panicked)
		return nil
	}
	if c.err == bindcErrChanDrained || c.err == bindcErrIterEnd {
		C.PyErr_SetNone(C.PyExc_StopAsyncIteration)
		return nil
	}
	if c.call.Finish(c.err, c.returnsError) < 0 {
		return nil
	}
	switch len(c.results) {
	case 0:
		return unsafe.Pointer(C.py4go_bind_new_none())
	case 1:
		return BindcFromGo(c.call.fn, c.results[0])
	}
	items := make([]*C.PyObject, len(c.results))
	for i, v := range c.results {
		if items[i] = (*C.PyObject)(BindcFromGo(c.call.fn, v)); items[i] == nil {
			for _, x := range items[:i] {
				C.Py_DecRef(x)
			}
			return nil
		}
	}
	// The array lives in C memory for the call: py4go_bind_tuple steals every reference.
	arr := (*[1 << 20]*C.PyObject)(C.malloc(C.size_t(len(items)) * C.size_t(unsafe.Sizeof(items[0]))))[:len(items):len(items)]
	copy(arr, items)
	t := C.py4go_bind_tuple(C.Py_ssize_t(len(items)), &arr[0])
	C.free(unsafe.Pointer(&arr[0]))
	return unsafe.Pointer(t)
}
