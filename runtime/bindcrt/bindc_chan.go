// Go channels as Python Channel objects (py4go_bind_chan.c has the Python class): a
// bidirectional `chan T` result, parameter or field, and a send-only `chan<- T` parameter.
//
// A Channel holds a handle to a bindcChan. One made by Python (Channel(capacity)) has no Go
// channel until the first Go function it is passed to: that function's parameter type fixes
// the element type (make(chan T, capacity)); passing it where another element type is
// expected is a TypeError. send and recv run with the GIL released and wait in slices of
// bindcContextPoll, letting Python run its signal handlers (Ctrl-C), up to an optional
// timeout (TimeoutError). A receive from a closed, drained channel raises ChannelClosed
// (iteration ends there); Go's own panics (send on or close of a closed channel) are GoPanic.

package bindcrt

/*
#include "py4go.h"
PyObject *py4go_bind_new_channel(uintptr_t h);
uintptr_t py4go_bind_channel_handle(PyObject *o);
int py4go_bind_raise_channel_closed(void);
int py4go_bind_raise_timeout(const char *msg, Py_ssize_t len);
*/
import "C"

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unsafe"
)

// bindcChan is the Go side of one Channel.
type bindcChan struct {
	mu       sync.Mutex
	v        reflect.Value // the channel; invalid until typed
	capacity int
}

var bindcChans struct {
	sync.Mutex
	next uintptr
	m    map[uintptr]*bindcChan
}

func bindcChanRegister(c *bindcChan) uintptr {
	bindcChans.Lock()
	defer bindcChans.Unlock()
	if bindcChans.m == nil {
		bindcChans.m = map[uintptr]*bindcChan{}
	}
	bindcChans.next++
	bindcChans.m[bindcChans.next] = c
	return bindcChans.next
}

func bindcChanOf(h uintptr) *bindcChan {
	bindcChans.Lock()
	defer bindcChans.Unlock()
	return bindcChans.m[h]
}

// BindcLiveChannels reports how many Go channels Python Channel objects hold.
func BindcLiveChannels() int {
	bindcChans.Lock()
	defer bindcChans.Unlock()
	return len(bindcChans.m)
}

// typed returns the channel, made with element type elem when it has none yet (a Channel
// made by Python), or an error message when it carries another element type.
func (c *bindcChan) typed(t reflect.Type) (reflect.Value, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.v.IsValid() {
		c.v = reflect.MakeChan(reflect.ChanOf(reflect.BothDir, t.Elem()), c.capacity)
	}
	if c.v.Type().Elem() != t.Elem() {
		return reflect.Value{}, "a Channel of Go " + c.v.Type().Elem().String() + ", not " + t.Elem().String()
	}
	if !c.v.Type().ConvertibleTo(t) {
		return reflect.Value{}, "a Channel Go may receive from, not a send-only " + c.v.Type().String()
	}
	return c.v, ""
}

func (c *bindcChan) value() reflect.Value {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v
}

// BindcChanParam stores into *into the Go channel of the Channel p (borrowed; argument pos of
// fn) for a parameter of type C (chan T or chan<- T), or returns -1 with a TypeError.
func BindcChanParam[Ch any](fn string, pos int, p unsafe.Pointer, into *Ch) int32 {
	t := reflect.TypeOf(into).Elem()
	h := uintptr(C.py4go_bind_channel_handle((*C.PyObject)(p)))
	c := bindcChanOf(h)
	if c == nil {
		msg := bindcSite(fn, pos) + " must be Channel, not " + C.GoString(C.py4go_bind_type_name((*C.PyObject)(p)))
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return -1
	}
	v, bad := c.typed(t)
	if bad != "" {
		msg := bindcSite(fn, pos) + " must be " + bad
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return -1
	}
	reflect.ValueOf(into).Elem().Set(v.Convert(t))
	return 0
}

// BindcFromChanBoth returns a new reference to a Channel for ch (None for a nil channel), or
// nil with a Python exception set.
func BindcFromChanBoth[T any](fn string, ch chan T) unsafe.Pointer {
	if ch == nil {
		return unsafe.Pointer(C.py4go_bind_new_none())
	}
	h := bindcChanRegister(&bindcChan{v: reflect.ValueOf(ch), capacity: cap(ch)})
	return unsafe.Pointer(C.py4go_bind_new_channel(C.uintptr_t(h)))
}

// BindcFromChanSend is BindcFromChanBoth for a send-only channel (Python may only send).
func BindcFromChanSend[T any](fn string, ch chan<- T) unsafe.Pointer {
	if ch == nil {
		return unsafe.Pointer(C.py4go_bind_new_none())
	}
	h := bindcChanRegister(&bindcChan{v: reflect.ValueOf(ch), capacity: cap(ch)})
	return unsafe.Pointer(C.py4go_bind_new_channel(C.uintptr_t(h)))
}

func bindcChanNew(capacity int) uintptr {
	return bindcChanRegister(&bindcChan{capacity: capacity})
}

func bindcChanFree(h uintptr) {
	bindcChans.Lock()
	delete(bindcChans.m, h)
	bindcChans.Unlock()
}

// bindcChanWait runs the select of cases (plus a timer for timeout seconds, negative: none)
// with the GIL released, waking every bindcContextPoll for Python's signal handlers. It
// returns the chosen case and its received value; chosen -1 with the handler's exception set,
// -2 on timeout.
func bindcChanWait(cases []reflect.SelectCase, timeout float64) (chosen int, recv reflect.Value, ok bool) {
	var deadline <-chan time.Time
	if timeout >= 0 {
		t := time.NewTimer(time.Duration(timeout * float64(time.Second)))
		defer t.Stop()
		deadline = t.C
	}
	poll := time.NewTimer(bindcContextPoll)
	defer poll.Stop()
	n := len(cases)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(poll.C)})
	if deadline != nil {
		cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(deadline)})
	}
	// A value ready now is taken without releasing the GIL.
	if chosen, recv, ok := reflect.Select(append(cases[:n:n], reflect.SelectCase{Dir: reflect.SelectDefault})); chosen < n {
		return chosen, recv, ok
	}
	for {
		gil := BindcReleaseGIL()
		chosen, recv, ok = reflect.Select(cases)
		gil.Restore()
		switch {
		case chosen < n:
			return chosen, recv, ok
		case chosen == n+1:
			return -2, reflect.Value{}, false
		}
		if C.PyErr_CheckSignals() < 0 {
			return -1, reflect.Value{}, false
		}
		poll.Reset(bindcContextPoll)
	}
}

func bindcChanRaiseTimeout(what string, timeout float64) int32 {
	msg := "Channel." + what + "() timed out after " + strconv.FormatFloat(timeout, 'g', -1, 64) + " s"
	return int32(C.py4go_bind_raise_timeout(bindcCStr(msg), C.Py_ssize_t(len(msg))))
}

func bindcChanUntyped() int32 {
	msg := "this Channel has no Go element type yet: pass it to a Go function taking a chan first"
	C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return -1
}

// bindcChanSend is Channel.send: holding the GIL.
func bindcChanSend(h uintptr, value unsafe.Pointer, timeout float64) (status int32) {
	defer func() {
		if r := recover(); r != nil { // send on a closed channel
			status = BindcPanic("Channel.send", r)
		}
	}()
	c := bindcChanOf(h)
	if c == nil {
		return bindcChanUntyped()
	}
	v := c.value()
	if !v.IsValid() {
		return bindcChanUntyped()
	}
	elem := reflect.New(v.Type().Elem())
	if BindcDecode("Channel.send", 1, value, elem.Interface()) < 0 {
		return -1
	}
	switch chosen, _, _ := bindcChanWait([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: v, Send: elem.Elem()}}, timeout); chosen {
	case -1:
		return -1
	case -2:
		return bindcChanRaiseTimeout("send", timeout)
	}
	return 0
}

// bindcChanRecv is Channel.recv (iterating: __next__, which ends instead of raising
// ChannelClosed): 1 with a new reference in *out, 0 at the end of an iteration, -1 raising.
func bindcChanRecv(h uintptr, timeout float64, iterating bool, out *unsafe.Pointer) int32 {
	c := bindcChanOf(h)
	if c == nil {
		return bindcChanUntyped()
	}
	v := c.value()
	if !v.IsValid() {
		return bindcChanUntyped()
	}
	if v.Type().ChanDir()&reflect.RecvDir == 0 {
		msg := "Channel.recv(): the Go channel is send-only (" + v.Type().String() + ")"
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return -1
	}
	chosen, recv, ok := bindcChanWait([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: v}}, timeout)
	switch {
	case chosen == -1:
		return -1
	case chosen == -2:
		return bindcChanRaiseTimeout("recv", timeout)
	case !ok && iterating:
		return 0
	case !ok:
		return int32(C.py4go_bind_raise_channel_closed())
	}
	if *out = BindcFromGo("Channel.recv", recv.Interface()); *out == nil {
		return -1
	}
	return 1
}

// bindcErrChanDrained ends an `async for` over a Channel: the future raises
// StopAsyncIteration (bindcAioCall.result).
var bindcErrChanDrained = errors.New("channel closed and drained")

// bindcChanAnext is Channel.__anext__: a new reference to a future of the running loop that
// a goroutine completes with the next value (StopAsyncIteration once closed and drained), or
// nil with an exception set. Cancelling the future stops the goroutine's receive.
func bindcChanAnext(h uintptr) unsafe.Pointer {
	c := bindcChanOf(h)
	if c == nil || !c.value().IsValid() {
		bindcChanUntyped()
		return nil
	}
	v := c.value()
	if v.Type().ChanDir()&reflect.RecvDir == 0 {
		msg := "Channel.__anext__(): the Go channel is send-only (" + v.Type().String() + ")"
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
		return nil
	}
	return BindcAioStart("Channel.__anext__", -1, true, func(ctx context.Context) ([]any, error) {
		chosen, recv, ok := reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: v},
			{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ctx.Done())}})
		switch {
		case chosen == 1:
			return nil, ctx.Err()
		case !ok:
			return nil, bindcErrChanDrained
		}
		return []any{recv.Interface()}, nil
	})
}

// bindcChanClose is Channel.close.
func bindcChanClose(h uintptr) (status int32) {
	defer func() {
		if r := recover(); r != nil { // close of a closed channel
			status = BindcPanic("Channel.close", r)
		}
	}()
	c := bindcChanOf(h)
	if c == nil || !c.value().IsValid() {
		return bindcChanUntyped()
	}
	c.value().Close()
	return 0
}

// bindcChanInfo is len (what 0) or cap (what 1) of the channel.
func bindcChanInfo(h uintptr, what int) int {
	c := bindcChanOf(h)
	if c == nil {
		return 0
	}
	v := c.value()
	switch {
	case !v.IsValid() && what == 1:
		return c.capacity
	case !v.IsValid():
		return 0
	case what == 1:
		return v.Cap()
	}
	return v.Len()
}
