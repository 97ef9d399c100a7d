// Go's streams in Python: iter.Seq / iter.Seq2 results and receive-channel results become
// lazy Python iterators, and iter.Seq parameters take any Python iterable.
//
// A result iterator pulls one value per __next__ (iter.Pull for sequences, a receive for
// channels) with the GIL released, so the Go side may run long, block, or call back into
// Python. A channel receive that waits wakes every bindcSignalPoll to let Python handle
// signals: Ctrl-C stops a `for x in ch` loop with KeyboardInterrupt, and the loop may be
// resumed. When Python drops the iterator before the end (a `break`), the sequence is
// stopped (iter.Pull's stop: the yield in the Go code returns false), so no goroutine is left
// behind; a channel is just no longer received from.

package bindcrt

/*
#include "py4go.h"
PyObject *py4go_bind_new_goiter(uintptr_t handle);
PyObject *py4go_bind_tuple(Py_ssize_t n, PyObject **items);
py4go_result py4go_bind_iter_step(PyObject *it);
uintptr_t py4go_bind_channel_handle(PyObject *o);
*/
import "C"

import (
	"context"
	"errors"
	"iter"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// bindcSignalPoll is how long a channel receive waits, with the GIL released, before it
// lets Python run its signal handlers (and goes on waiting unless one raised).
const bindcSignalPoll = 50 * time.Millisecond

// bindcIterator is the Go side of one Python iterator.
type bindcIterator struct {
	fn   string // the bound function that returned it, for messages
	pair bool   // an iter.Seq2: items are (k, v) tuples
	// pull returns the next value(s), ok false at the end. Called without the GIL. A
	// non-nil wake makes a blocking pull give up when it fires (woke true).
	pull func(wake <-chan time.Time) (k, v any, ok, woke bool)
	stop func() // iter.Pull's stop; nil for a channel
	// recv is a channel's receive for `async for`: it gives up when done is closed (the
	// awaiting task was cancelled), so no goroutine stays blocked on a channel nobody reads.
	recv func(done <-chan struct{}) (v any, ok, cancelled bool)
	done bool // the end was reached, the iterator closed, or the Go side panicked
	poll bool // pull blocks: wait in bindcSignalPoll slices

	// A sequence starts at its first pull (pull and stop are nil until then). iter.Pull's
	// coroutine must be resumed with the OS-thread locking it was created with, and a
	// goroutine entered from a Python thread is locked to that thread. A `for` starts it on
	// the pulling goroutine (fast: a coroutine switch per item), bound to that thread (owner);
	// an `async for` starts it on a driver goroutine of its own (bindcSeqDriver: any
	// goroutine may pull, at two goroutine hand-offs per item).
	seq   iter.Seq2[any, any]
	owner uint64 // the Python thread a `for` started the sequence on; 0: not bound

	// An `async for` pulls on a goroutine (bindcIterAnext) while Python may drop the
	// iterator: busy marks that pull, and closeAfter a finish that must wait for it (iter.Pull's
	// next and stop may not run at once).
	mu         sync.Mutex
	busy       bool
	closeAfter bool
}

// finish ends the iterator (idempotent): the sequence's goroutine is stopped. During an
// awaited pull the stop is left to that pull's goroutine.
func (it *bindcIterator) finish() {
	it.mu.Lock()
	if it.done {
		it.mu.Unlock()
		return
	}
	if it.busy {
		it.closeAfter = true
		it.mu.Unlock()
		return
	}
	it.done = true
	it.mu.Unlock()
	if it.stop != nil {
		it.stop()
	}
}

// over reports whether the iterator has ended.
func (it *bindcIterator) over() bool {
	it.mu.Lock()
	defer it.mu.Unlock()
	return it.done
}

// bindcErrIterEnd ends an `async for` over a Go iterator: the future raises
// StopAsyncIteration (bindcAioCall.result).
var bindcErrIterEnd = errors.New("end of the Go sequence")

// bindcIterAnext is the iterator's __anext__: a new reference to an asyncio future of the
// running loop that a goroutine completes with the next item (StopAsyncIteration at the end,
// GoPanic if the Go side panics), or nil with an exception set. One pull at a time: an
// `async for` awaits each before asking for the next.
func bindcIterAnext(h uintptr, thread uint64) unsafe.Pointer {
	it := bindcIteratorOf(h)
	fn := "iterator"
	if it != nil {
		fn = it.fn
		it.mu.Lock()
		owner, unstarted := it.owner, it.seq != nil && !it.busy
		if unstarted {
			it.startDriven()
		}
		it.mu.Unlock()
		switch {
		case owner != 0 && owner != thread:
			bindcWrongThread(it, "__anext__() of")
			return nil
		case owner != 0:
			return bindcAnextHere(it)
		}
	}
	return BindcAioStart(fn, -1, true, func(ctx context.Context) ([]any, error) {
		if it == nil {
			return nil, bindcErrIterEnd
		}
		it.mu.Lock()
		if it.done {
			it.mu.Unlock()
			return nil, bindcErrIterEnd
		}
		if it.busy {
			it.mu.Unlock()
			return nil, errors.New(fn + "(): __anext__ awaited while another is pending (one async for at a time)")
		}
		it.busy = true
		it.mu.Unlock()
		k, v, ok, cancelled := it.pullAsync(ctx)
		it.mu.Lock()
		it.busy = false
		closeNow := it.closeAfter
		it.mu.Unlock()
		if closeNow || (!ok && !cancelled) {
			it.finish()
		}
		switch {
		case cancelled:
			return nil, ctx.Err()
		case !ok:
			return nil, bindcErrIterEnd
		case it.pair:
			return []any{k, v}, nil
		}
		return []any{k}, nil
	})
}

// bindcAnextHere is __anext__ of a sequence a `for` started on this thread: only this
// thread may resume its coroutine, so the pull runs now (the GIL released, as for next())
// and the future is completed with its value.
func bindcAnextHere(it *bindcIterator) unsafe.Pointer {
	var k, v any
	var ok bool
	var panicked *bindcForwardedPanic
	if !it.over() { // once over, the future just ends the loop
		bindcPullHere(it, &k, &v, &ok, &panicked)
	}
	if !ok && panicked == nil {
		it.finish()
	}
	return BindcAioStart(it.fn, -1, true, func(context.Context) ([]any, error) {
		switch {
		case panicked != nil:
			panic(panicked)
		case !ok:
			return nil, bindcErrIterEnd
		case it.pair:
			return []any{k, v}, nil
		}
		return []any{k}, nil
	})
}

// bindcPullHere pulls once on the calling goroutine with the GIL released; a panic of the
// Go side ends the iterator and is returned in *panicked.
func bindcPullHere(it *bindcIterator, k, v *any, ok *bool, panicked **bindcForwardedPanic) {
	gil := BindcReleaseGIL()
	defer gil.Restore()
	defer func() {
		if r := recover(); r != nil {
			*panicked = &bindcForwardedPanic{r, debug.Stack()}
			it.mu.Lock()
			it.done = true
			it.mu.Unlock()
		}
	}()
	*k, *v, *ok, _ = it.pull(nil)
}

// pullAsync is one pull for bindcIterAnext, on its goroutine. A panic of the Go side ends
// the iterator and goes on to BindcAioStart (a GoPanic in the future).
func (it *bindcIterator) pullAsync(ctx context.Context) (k, v any, ok, cancelled bool) {
	defer func() {
		if r := recover(); r != nil {
			it.mu.Lock()
			it.busy, it.done = false, true
			it.mu.Unlock()
			panic(r)
		}
	}()
	if it.recv != nil {
		k, ok, cancelled = it.recv(ctx.Done())
		return k, nil, ok, cancelled
	}
	k, v, ok, _ = it.pull(nil)
	return k, v, ok, false
}

// bindcStrandedSequences counts sequences Python dropped on another thread than the one
// their `for` started them on (they could not be stopped); see BindcStrandedSequences.
var bindcStrandedSequences atomic.Int64

// BindcStrandedSequences reports how many Go sequences were dropped unfinished on a thread
// that could not stop them (their goroutines stay suspended).
func BindcStrandedSequences() int { return int(bindcStrandedSequences.Load()) }

// bindcIterators holds the iterators Python holds, by handle (non-zero).
var bindcIterators struct {
	sync.Mutex
	next uintptr
	m    map[uintptr]*bindcIterator
}

// bindcNewIterator registers it and returns a new reference to its Python iterator, or nil
// with a Python exception set.
func bindcNewIterator(it *bindcIterator) unsafe.Pointer {
	bindcIterators.Lock()
	if bindcIterators.m == nil {
		bindcIterators.m = map[uintptr]*bindcIterator{}
	}
	bindcIterators.next++
	h := bindcIterators.next
	bindcIterators.m[h] = it
	bindcIterators.Unlock()
	return unsafe.Pointer(C.py4go_bind_new_goiter(C.uintptr_t(h)))
}

func bindcIteratorOf(h uintptr) *bindcIterator {
	bindcIterators.Lock()
	defer bindcIterators.Unlock()
	return bindcIterators.m[h]
}

// BindcLiveIterators reports how many Go sequences and channels Python iterators hold.
func BindcLiveIterators() int {
	bindcIterators.Lock()
	defer bindcIterators.Unlock()
	return len(bindcIterators.m)
}

// BindcFromSeq returns a new reference to a Python iterator over seq, the result of fn
// (empty for a nil sequence), or nil with a Python exception set.
func BindcFromSeq[T any](fn string, seq iter.Seq[T]) unsafe.Pointer {
	if seq == nil {
		return bindcNewIterator(&bindcIterator{fn: fn, done: true})
	}
	// Called, not ranged over: the runtime's go.mod allows Go 1.22 programs.
	return bindcNewIterator(&bindcIterator{fn: fn, seq: func(yield func(any, any) bool) {
		seq(func(v T) bool { return yield(v, nil) })
	}})
}

// BindcFromSeq2 is BindcFromSeq for an iter.Seq2: the iterator yields (k, v) tuples.
func BindcFromSeq2[K, V any](fn string, seq iter.Seq2[K, V]) unsafe.Pointer {
	if seq == nil {
		return bindcNewIterator(&bindcIterator{fn: fn, pair: true, done: true})
	}
	return bindcNewIterator(&bindcIterator{fn: fn, pair: true, seq: func(yield func(any, any) bool) {
		seq(func(k K, v V) bool { return yield(k, v) })
	}})
}

// bindcPulled is one step of a sequence for bindcSeqIterator's consumer.
type bindcPulled struct {
	k, v     any
	ok       bool
	panicked *bindcForwardedPanic
}

// startHere starts the sequence with iter.Pull on the calling goroutine (a `for` on Python
// thread thread), which only that thread may then resume.
func (it *bindcIterator) startHere(thread uint64) {
	next, stop := iter.Pull2(it.seq)
	it.seq, it.owner, it.stop = nil, thread, stop
	it.pull = func(<-chan time.Time) (any, any, bool, bool) {
		k, v, ok := next()
		return k, v, ok, false
	}
}

// startDriven starts the sequence on a driver goroutine (bindcSeqDriver), which any
// goroutine may pull from.
func (it *bindcIterator) startDriven() {
	it.pull, it.stop = bindcSeqDriver(it.seq)
	it.seq = nil
}

// bindcWrongThread sets the RuntimeError of a pull on another thread than the one whose
// `for` started the sequence, and returns -1.
func bindcWrongThread(it *bindcIterator, what string) int32 {
	msg := it.fn + "(): " + what + " a Go sequence that a for loop started on another thread: continue it " +
		"on that thread (the Go side is a coroutine bound to it), or start it with async for, which " +
		"any thread may continue"
	C.py4go_bind_raise_runtime_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
	return -1
}

// bindcSeqDriver drives seq with iter.Pull on a goroutine of its own, one value per
// request, and returns its pull and stop. The driver goroutine is never locked to a thread,
// so any caller may pull; the values stay lazy (the Go code runs only while a pull waits).
func bindcSeqDriver(seq iter.Seq2[any, any]) (func(<-chan time.Time) (any, any, bool, bool), func()) {
	requests := make(chan bool) // true: the next value; false: stop
	replies := make(chan bindcPulled)
	go func() {
		next, stop := iter.Pull2(seq)
		for more := range requests {
			var r bindcPulled
			func() {
				defer func() {
					if p := recover(); p != nil { // the sequence panicked (or its stop did)
						r = bindcPulled{panicked: &bindcForwardedPanic{p, debug.Stack()}}
					}
				}()
				if more {
					r.k, r.v, r.ok = next()
				} else {
					stop()
				}
			}()
			replies <- r
			if !r.ok {
				return // ended, stopped or panicked: iter.Pull's goroutine is done too
			}
		}
	}()
	exited := false // the driver returned: nothing is left to pull or stop (one consumer at a time)
	pull := func(<-chan time.Time) (any, any, bool, bool) {
		if exited {
			return nil, nil, false, false
		}
		requests <- true
		r := <-replies
		exited = !r.ok
		if r.panicked != nil {
			panic(r.panicked)
		}
		return r.k, r.v, r.ok, false
	}
	stop := func() {
		if exited {
			return
		}
		exited = true
		requests <- false
		if r := <-replies; r.panicked != nil {
			panic(r.panicked)
		}
	}
	return pull, stop
}

// BindcFromChan returns a new reference to a Python iterator receiving from ch, the result
// of fn, until ch is closed (empty for a nil channel), or nil with a Python exception set.
func BindcFromChan[T any](fn string, ch <-chan T) unsafe.Pointer {
	if ch == nil {
		return bindcNewIterator(&bindcIterator{fn: fn, done: true})
	}
	return bindcNewIterator(&bindcIterator{fn: fn, poll: true, pull: func(wake <-chan time.Time) (any, any, bool, bool) {
		select {
		case v, ok := <-ch:
			return v, nil, ok, false
		default:
		}
		select {
		case v, ok := <-ch:
			return v, nil, ok, false
		case <-wake:
			return nil, nil, false, true
		}
	}, recv: func(done <-chan struct{}) (any, bool, bool) {
		select {
		case v, ok := <-ch:
			return v, ok, false
		case <-done:
			return nil, false, true
		}
	}})
}

// bindcIterNext is py4goIterNext: 1 with a new reference in *out, 0 at the end, -1 with a
// Python exception set. Called from Python with the GIL held.
func bindcIterNext(h uintptr, thread uint64, out *unsafe.Pointer) (status int32) {
	it := bindcIteratorOf(h)
	if it == nil || it.over() {
		return 0
	}
	switch {
	case it.seq != nil:
		it.startHere(thread)
	case it.owner != 0 && it.owner != thread:
		return bindcWrongThread(it, "next() of")
	}
	var gil BindcThreadState
	defer func() {
		if r := recover(); r != nil {
			gil.Restore()
			it.mu.Lock()
			it.done = true // a panicking sequence is over (iter.Pull's next re-panics once)
			it.mu.Unlock()
			status = BindcPanic(it.fn, r)
		}
	}()
	var timer *time.Timer
	var k, v any
	var ok bool
	for {
		var wake <-chan time.Time
		if it.poll {
			if timer == nil {
				timer = time.NewTimer(bindcSignalPoll)
				defer timer.Stop()
			} else {
				timer.Reset(bindcSignalPoll)
			}
			wake = timer.C
		}
		gil = BindcReleaseGIL()
		var woke bool
		k, v, ok, woke = it.pull(wake)
		gil.Restore()
		if !woke {
			break
		}
		if C.PyErr_CheckSignals() < 0 {
			return -1 // KeyboardInterrupt: this item is not lost, the next call waits again
		}
	}
	if !ok {
		it.finish()
		return 0
	}
	first := BindcFromGo(it.fn, k)
	if !it.pair {
		*out = first
		if first == nil {
			return -1
		}
		return 1
	}
	items := [2]*C.PyObject{(*C.PyObject)(first), (*C.PyObject)(BindcFromGo(it.fn, v))}
	if items[0] == nil || items[1] == nil {
		C.Py_DecRef(items[0])
		C.Py_DecRef(items[1])
		return -1
	}
	// The array lives in C memory for the call: py4go_bind_tuple steals both references.
	c := (*[2]*C.PyObject)(C.malloc(C.size_t(unsafe.Sizeof(items))))
	*c = items
	t := C.py4go_bind_tuple(2, &c[0])
	C.free(unsafe.Pointer(c))
	if t == nil {
		return -1
	}
	*out = unsafe.Pointer(t)
	return 1
}

// bindcIterClose is py4goIterClose: Python dropped the iterator. A sequence not run to its
// end is stopped, with the GIL released (its remaining Go code, deferred calls included,
// runs now and may call back into Python).
func bindcIterClose(h uintptr, thread uint64) {
	bindcIterators.Lock()
	it := bindcIterators.m[h]
	delete(bindcIterators.m, h)
	bindcIterators.Unlock()
	if it == nil || it.over() || it.seq != nil {
		return // ended, or never started: no Go code ran
	}
	if it.owner != 0 && it.owner != thread {
		// Dropped on another thread than the one its coroutine is bound to: stopping it here
		// would abort the process. It stays suspended (its deferred calls do not run).
		it.mu.Lock()
		it.done = true
		it.mu.Unlock()
		bindcStrandedSequences.Add(1)
		return
	}
	gil := BindcReleaseGIL()
	defer gil.Restore()
	defer func() { _ = recover() }() // a panic while stopping has nowhere to go: Python let go
	it.finish()
}

// BindcSeqArg stores into *into an iter.Seq drawing its values from the Python iterable p
// (borrowed; argument pos of fn), or returns -1 with a TypeError when p is not iterable.
// The sequence takes the GIL for each value; a value of the wrong type or an exception of
// the Python iterator panics with that exception, which the trampoline of fn raises again
// unchanged (as for a callback's exception). Ranging over it again continues the same
// Python iterator.
func BindcSeqArg[T any](fn string, pos int, p unsafe.Pointer, into *iter.Seq[T]) int32 {
	source := bindcIterOf(fn, pos, p)
	if source == nil {
		return -1
	}
	*into = bindcSeqFrom(source, func(item unsafe.Pointer, v *T) int32 { return BindcDecode(fn, pos, item, v) })
	return 0
}

// BindcSeq2Arg is BindcSeqArg for an iter.Seq2: the iterable's items are (k, v) pairs.
func BindcSeq2Arg[K, V any](fn string, pos int, p unsafe.Pointer, into *iter.Seq2[K, V]) int32 {
	source := bindcIterOf(fn, pos, p)
	if source == nil {
		return -1
	}
	type pair struct {
		k K
		v V
	}
	pairs := bindcSeqFrom(source, func(item unsafe.Pointer, out *pair) int32 {
		o := (*C.PyObject)(item)
		if C.PySequence_Check(o) == 0 || C.PySequence_Size(o) != 2 {
			C.PyErr_Clear()
			msg := bindcSite(fn, pos) + " items must be (key, value) pairs, not " + C.GoString(C.py4go_bind_type_name(o))
			C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
			return -1
		}
		for i, target := range []any{&out.k, &out.v} {
			x := C.PySequence_GetItem(o, C.Py_ssize_t(i))
			if x == nil {
				return -1
			}
			rc := BindcDecode(fn, pos, unsafe.Pointer(x), target)
			C.Py_DecRef(x)
			if rc < 0 {
				return -1
			}
		}
		return 0
	})
	*into = func(yield func(K, V) bool) {
		pairs(func(kv pair) bool { return yield(kv.k, kv.v) })
	}
	return 0
}

// BindcChanArg stores into *into the Go channel of a Channel p (borrowed; argument pos of fn),
// or else a closed channel holding every item of the Python iterable p, read now, with the
// GIL held: a Go function receiving
// until the channel closes sees them all, and a wrong item or an exception of the iterable
// raises before the Go function runs (returning -1 with it set).
func BindcChanArg[T any](fn string, pos int, p unsafe.Pointer, into *<-chan T) int32 {
	if C.py4go_bind_channel_handle((*C.PyObject)(p)) != 0 { // a Channel: Go receives from it
		return BindcChanParam(fn, pos, p, into)
	}
	it := bindcGetIter(fn, pos, p)
	if it == nil {
		return -1
	}
	defer C.Py_DecRef(it)
	var values []T
	for {
		item := C.PyIter_Next(it)
		if item == nil {
			if C.PyErr_Occurred() != nil {
				return -1
			}
			break
		}
		var v T
		rc := BindcDecode(fn, pos, unsafe.Pointer(item), &v)
		C.Py_DecRef(item)
		if rc < 0 {
			return -1
		}
		values = append(values, v)
	}
	ch := make(chan T, len(values))
	for _, v := range values {
		ch <- v
	}
	close(ch)
	*into = ch
	return 0
}

// bindcGetIter returns a new reference to iter(p), or nil with a TypeError naming the argument.
func bindcGetIter(fn string, pos int, p unsafe.Pointer) *C.PyObject {
	it := C.PyObject_GetIter((*C.PyObject)(p))
	if it == nil {
		C.PyErr_Clear()
		msg := bindcSite(fn, pos) + " must be iterable, not " + C.GoString(C.py4go_bind_type_name((*C.PyObject)(p)))
		C.py4go_bind_raise_type_error(bindcCStr(msg), C.Py_ssize_t(len(msg)))
	}
	return it
}

// bindcIterOf is bindcGetIter as an Object the Go sequence keeps (released when collected).
func bindcIterOf(fn string, pos int, p unsafe.Pointer) *Object {
	it := bindcGetIter(fn, pos, p)
	if it == nil {
		return nil
	}
	bindcAdopt()
	return StealRef(unsafe.Pointer(it))
}

// bindcSeqFrom is the sequence of the items of the Python iterator source, each converted by
// decode (which returns -1 with a Python exception set), taking the GIL per item. Once the
// Python iterator ends or raises, its reference is released and the sequence is empty.
func bindcSeqFrom[T any](source *Object, decode func(item unsafe.Pointer, v *T) int32) iter.Seq[T] {
	var over atomic.Bool // the Python iterator ended or raised: its reference is released
	return func(yield func(T) bool) {
		for !over.Load() {
			var v T
			var end bool
			var failed error
			err := WithGIL(func() error {
				if over.Load() {
					end = true
					return nil
				}
				ptr, err := source.pyobj("iter.Seq argument")
				if err != nil {
					return err
				}
				r := C.py4go_bind_iter_step((*C.PyObject)(ptr))
				if r.status != C.PY4GO_OK || r.value.ptr == nil {
					// Done with the Python iterator: release it now, not at the next Go GC.
					over.Store(true)
					source.Release()
					if r.status != C.PY4GO_OK {
						failed = bindcKeptException(r)
					} else {
						end = true
					}
					return nil
				}
				item := unsafe.Pointer(r.value.ptr)
				defer C.Py_DecRef((*C.PyObject)(item))
				if decode(item, &v) < 0 {
					failed = bindcKeptException(C.py4go_take_exception())
				}
				return nil
			})
			if err == nil {
				err = failed
			}
			if err != nil {
				panic(err)
			}
			if end || !yield(v) {
				return
			}
		}
	}
}

// bindcKeptException is the *Exception of a result of py4go_take_exception, holding the
// exception object so that a trampoline can raise it again unchanged.
func bindcKeptException(r C.py4go_result) error {
	err := resultError(r, "", nil)
	if e, ok := err.(*Exception); ok && r.value.ptr != nil {
		e.exc = newReference(unsafe.Pointer(r.value.ptr))
	}
	return err
}
