//go:build go1.23

package bindcrt

import (
	"iter"
)

// Iter implements Object.Iter of package python (documented there).
func (o *Object) Iter() iter.Seq2[*Object, error] {
	return func(yield func(*Object, error) bool) {
		var it, next, sentinel *Object
		defer func() {
			_ = WithGIL(func() error {
				it.Release()
				next.Release()
				sentinel.Release()
				return nil
			})
		}()
		err := WithGIL(func() error {
			builtins, err := Import("builtins")
			if err != nil {
				return err
			}
			defer builtins.Release()
			if next, err = builtins.GetAttr("next"); err != nil {
				return err
			}
			if sentinel, err = Eval("object()", nil); err != nil {
				return err
			}
			fn, err := builtins.GetAttr("iter")
			if err != nil {
				return err
			}
			defer fn.Release()
			it, err = fn.Call(o)
			return err
		})
		if err != nil {
			yield(nil, err)
			return
		}
		for {
			var item *Object
			err := WithGIL(func() error {
				var err error
				// next(it, sentinel): the end is the sentinel, not a StopIteration whose
				// traceback would be formatted for nothing.
				item, err = next.Call(it, sentinel)
				if err == nil && item.ref != nil && item.ref.ptr == sentinel.ref.ptr {
					item.Release()
					item = nil
				}
				return err
			})
			if err != nil {
				yield(nil, err)
				return
			}
			if item == nil {
				return
			}
			if !yield(item, nil) {
				return
			}
		}
	}
}
