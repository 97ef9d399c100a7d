//go:build go1.23

package python

import (
	"iter"

	"github.com/py4go/py4go/runtime/bindcrt"
)

// Iter ranges over o as Python's for loop does: iter(o), then next() until the iterator is
// exhausted. It may be used from any goroutine; each step takes the GIL for itself, so the
// loop body runs without it.
//
//	for item, err := range obj.Iter() {
//		if err != nil {
//			return err // iter(o) failed, or the iterator raised: a *Exception
//		}
//		defer item.Release()
//		...
//	}
//
// Each item is a new reference owned by the loop body (Release it, or let the finalizer do
// so). An error is yielded once, with a nil item, and ends the sequence. Breaking out of the
// loop stops pulling from the Python iterator, which is released then; a generator is not
// closed explicitly, its reference simply goes away as in Python.
func (o *Object) Iter() iter.Seq2[*Object, error] {
	seq := impl(o).Iter()
	return func(yield func(*Object, error) bool) {
		seq(func(item *bindcrt.Object, err error) bool { return yield(wrap(item), userErr(err)) })
	}
}
