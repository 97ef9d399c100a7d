package python

// Tests of the user API as a facade: the behaviour itself is tested in package bindcrt; these
// check that objects and errors keep their user types across the boundary, both ways.

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/py4go/py4go/runtime/bindcrt"
)

func TestMain(m *testing.M) {
	if err := Initialize(); err != nil {
		fmt.Fprintln(os.Stderr, "Initialize:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// inGIL runs fn holding the GIL and fails the test on its error.
func inGIL(t *testing.T, fn func() error) {
	t.Helper()
	if err := WithGIL(fn); err != nil {
		t.Fatal(err)
	}
}

func TestObjectsKeepTheirUserTypeInsideAny(t *testing.T) {
	inGIL(t, func() error {
		g, err := NewGlobals()
		if err != nil {
			return err
		}
		defer g.Release()
		if err := Exec("class Thing:\n    pass\nthing = Thing()\ndef ident(x): return x\n", g); err != nil {
			return err
		}
		thing, err := Eval("thing", g)
		if err != nil {
			return err
		}
		defer thing.Release()
		ident, err := Eval("ident", g)
		if err != nil {
			return err
		}
		defer ident.Release()

		// A *python.Object argument is passed as the object itself (not converted by reflection).
		same, err := ident.Call(thing)
		if err != nil {
			return err
		}
		defer same.Release()
		if same.Ptr() != thing.Ptr() {
			t.Errorf("ident(thing) is another object: %v", same)
		}
		// Inside containers too, and back out of ToGo as *python.Object.
		lst, err := FromGo([]any{thing, 1})
		if err != nil {
			return err
		}
		defer lst.Release()
		natural, err := lst.ToGo()
		if err != nil {
			return err
		}
		items := natural.([]any)
		back, ok := items[0].(*Object)
		if !ok {
			return fmt.Errorf("ToGo gave %T for a Thing, want *python.Object", items[0])
		}
		defer back.Release()
		if back.Ptr() != thing.Ptr() || items[1] != int64(1) {
			t.Errorf("ToGo = %v", natural)
		}
		// Decode targets: a *python.Object variable, a struct field, a slice of them.
		var into *Object
		if err := thing.Decode(&into); err != nil {
			return err
		}
		defer into.Release()
		var rec struct{ Items []*Object }
		pair, err := FromGo(map[string]any{"Items": []any{thing, thing}})
		if err != nil {
			return err
		}
		defer pair.Release()
		var m map[string][]*Object
		if err := pair.Decode(&m); err != nil {
			return err
		}
		rec.Items = m["Items"]
		for _, o := range rec.Items {
			defer o.Release()
		}
		if into.Ptr() != thing.Ptr() || len(rec.Items) != 2 || rec.Items[1].Ptr() != thing.Ptr() {
			t.Errorf("Decode: %v %v", into, rec.Items)
		}
		// SetAttr and FromGo take it as the object too.
		if err := thing.SetAttr("me", thing); err != nil {
			return err
		}
		me, err := thing.GetAttr("me")
		if err != nil {
			return err
		}
		defer me.Release()
		if me.Ptr() != thing.Ptr() {
			t.Errorf("thing.me is %v", me)
		}
		return thing.SetAttr("me", nil)
	})
}

func TestErrorsAreTheUserTypes(t *testing.T) {
	inGIL(t, func() error {
		err := Exec("raise ValueError('bad value')", nil)
		exc, ok := err.(*Exception) // returned unwrapped, as documented
		if !ok {
			return fmt.Errorf("Exec error is %T (%v), want *python.Exception", err, err)
		}
		if exc.Type != "ValueError" || exc.Message != "bad value" || exc.Error() != "ValueError: bad value" {
			t.Errorf("exception = %+v", exc)
		}
		if _, isExit := exc.ExitCode(); isExit {
			t.Error("a ValueError is not a SystemExit")
		}
		// errors.As reaches it through wrapping too, and the runtime still sees its own
		// record (a callback handing it back re-raises the original).
		wrapped := fmt.Errorf("context: %w", err)
		var viaAs *Exception
		if !errors.As(wrapped, &viaAs) || viaAs.Traceback == "" {
			t.Errorf("errors.As(wrapped) = %v", viaAs)
		}
		var record *bindcrt.Exception
		if !errors.As(exc, &record) || record.Message != "bad value" {
			t.Errorf("errors.As to the runtime's record: %v", record)
		}

		err = Exec("import sys; sys.exit(3)", nil)
		if errors.As(err, &exc); exc == nil {
			return fmt.Errorf("sys.exit gave %v", err)
		}
		if code, isExit := exc.ExitCode(); !isExit || code != 3 {
			t.Errorf("ExitCode() = %d, %v", code, isExit)
		}

		s, err := FromGo("text")
		if err != nil {
			return err
		}
		defer s.Release()
		_, err = s.Int64()
		var ce *ConversionError
		if !errors.As(err, &ce) || ce.Context == "" || ce.Message == "" {
			t.Errorf("Int64 of a str: %T %v", err, err)
		}
		if _, direct := err.(*ConversionError); !direct {
			t.Errorf("Int64 of a str returned %T, want *python.ConversionError", err)
		}
		var back *bindcrt.ConversionError
		if !errors.As(ce, &back) || back.Message != ce.Message {
			t.Errorf("a user ConversionError does not reach the runtime: %v", back)
		}
		return nil
	})
	// Sentinels are the runtime's own values, so errors.Is holds across the boundary.
	if _, err := Import("os"); !errors.Is(err, ErrNoGIL) {
		t.Errorf("Import without the GIL: %v", err)
	}
}

func TestConfigCarriesEveryField(t *testing.T) {
	// Every field of Config reaches the runtime, set to a non-zero value: a field added to
	// one side only, or forgotten in impl, fails here.
	var c Config
	cv := reflect.ValueOf(&c).Elem()
	for i := 0; i < cv.NumField(); i++ {
		f := cv.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("value-" + cv.Type().Field(i).Name)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"item-" + cv.Type().Field(i).Name}))
		default:
			t.Fatalf("Config.%s: kind %s not covered by this test", cv.Type().Field(i).Name, f.Kind())
		}
	}
	got := reflect.ValueOf(c.impl())
	exported := 0
	for i := 0; i < got.NumField(); i++ {
		if got.Type().Field(i).IsExported() {
			exported++
		}
	}
	if exported != cv.NumField() {
		t.Errorf("bindcrt.Config has %d exported fields, python.Config %d", exported, cv.NumField())
	}
	for i := 0; i < cv.NumField(); i++ {
		name := cv.Type().Field(i).Name
		if !reflect.DeepEqual(got.FieldByName(name).Interface(), cv.Field(i).Interface()) {
			t.Errorf("Config.%s = %v reaches the runtime as %v", name, cv.Field(i), got.FieldByName(name))
		}
	}
}

func TestObjectIsOneRuntimeObject(t *testing.T) {
	// The pointer conversions between *Object and *bindcrt.Object rely on this layout.
	if reflect.TypeOf(Object{}).Size() != reflect.TypeOf(bindcrt.Object{}).Size() || reflect.TypeOf(Object{}).NumField() != 1 {
		t.Fatal("python.Object must be a struct holding exactly one bindcrt.Object")
	}
	if MethVarargs != bindcrt.MethVarargs || MethKeywords != bindcrt.MethKeywords || MethNoArgs != bindcrt.MethNoArgs ||
		MethO != bindcrt.MethO || MethFastcall != bindcrt.MethFastcall {
		t.Error("the METH_* constants differ from CPython's")
	}
}

func TestCallInt64ReleaseAllocatesNothing(t *testing.T) {
	// Call, Int64 and Release inline into the caller (they are pass-throughs to bindcrt), so
	// the result Object of add(1, 2) lives on this stack: the dynamic API's hot path stays
	// allocation-free through the facade.
	inGIL(t, func() error {
		add, err := Eval("lambda a, b: a + b", nil)
		if err != nil {
			return err
		}
		defer add.Release()
		var sum int64
		allocs := testing.AllocsPerRun(1000, func() {
			r, err := add.Call(1, 2)
			if err != nil {
				panic(err)
			}
			n, err := r.Int64()
			if err != nil {
				panic(err)
			}
			sum += n
			r.Release()
		})
		if allocs != 0 || sum == 0 {
			t.Errorf("Call + Int64 + Release: %v allocations per call", allocs)
		}
		return nil
	})
}
