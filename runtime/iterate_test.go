//go:build go1.23

package python

import (
	"errors"
	"reflect"
	"testing"
)

func TestIterYieldsUserObjects(t *testing.T) {
	var lst *Object
	inGIL(t, func() (err error) {
		lst, err = Eval("['a', 'b']", nil)
		return err
	})
	var got []string
	for item, err := range lst.Iter() {
		if err != nil {
			t.Fatal(err)
		}
		inGIL(t, func() error {
			defer item.Release()
			s, err := item.Str()
			got = append(got, s)
			return err
		})
	}
	inGIL(t, func() error { lst.Release(); return nil })
	if !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Iter gave %q", got)
	}
	var noList *Object
	inGIL(t, func() (err error) {
		noList, err = Eval("5", nil)
		return err
	})
	for item, err := range noList.Iter() {
		var exc *Exception
		if item != nil || !errors.As(err, &exc) || exc.Type != "TypeError" {
			t.Errorf("iter(5) yielded %v, %v", item, err)
		}
	}
}
