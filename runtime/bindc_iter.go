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

package python

/*
#include "py4go.h"
PyObject *py4go_bind_new_goiter(uintptr_t handle);
PyObject *py4go_bind_tuple(Py_ssize_t n, PyObject **items);
py4go_result py4go_bind_iter_step(PyObject *it);
uintptr_t py4go_bind_channel_handle(PyObject *o);
*/
import "C"

import (
	"iter"
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
	done bool   // the end was reached, the iterator closed, or the Go side panicked
	poll bool   // pull blocks: wait in bindcSignalPoll slices
}

// finish ends the iterator (idempotent): the sequence's goroutine is stopped.
func (it *bindcIterator) finish() {
	if it.done {
		return
	}
	it.done = true
	if it.stop != nil {
		it.stop()
	}
}

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
	next, stop := iter.Pull(seq)
	return bindcNewIterator(&bindcIterator{fn: fn, stop: stop, pull: func(<-chan time.Time) (any, any, bool, bool) {
		v, ok := next()
		return v, nil, ok, false
	}})
}

// BindcFromSeq2 is BindcFromSeq for an iter.Seq2: the iterator yields (k, v) tuples.
func BindcFromSeq2[K, V any](fn string, seq iter.Seq2[K, V]) unsafe.Pointer {
	if seq == nil {
		return bindcNewIterator(&bindcIterator{fn: fn, pair: true, done: true})
	}
	next, stop := iter.Pull2(seq)
	return bindcNewIterator(&bindcIterator{fn: fn, pair: true, stop: stop,
		pull: func(<-chan time.Time) (any, any, bool, bool) {
			k, v, ok := next()
			return k, v, ok, false
		}})
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
	}})
}

// bindcIterNext is py4goIterNext: 1 with a new reference in *out, 0 at the end, -1 with a
// Python exception set. Called from Python with the GIL held.
func bindcIterNext(h uintptr, out *unsafe.Pointer) (status int32) {
	it := bindcIteratorOf(h)
	if it == nil || it.done {
		return 0
	}
	var gil BindcThreadState
	defer func() {
		if r := recover(); r != nil {
			gil.Restore()
			it.done = true // a panicking sequence is over (iter.Pull's next re-panics once)
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
func bindcIterClose(h uintptr) {
	bindcIterators.Lock()
	it := bindcIterators.m[h]
	delete(bindcIterators.m, h)
	bindcIterators.Unlock()
	if it == nil || it.done {
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
