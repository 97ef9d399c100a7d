package bindcrt

import (
	"errors"
	"strings"
	"testing"
)

// The fast path of typed calls and of Object.Call (py4go_typed_call_fast): scalar and object
// arguments by value, the result in two registers. These check that it behaves exactly as
// the general path: results of every kind, errors, spilling into the general path mid-call,
// and no allocation.

var (
	typedFastMax   = TypedFunc{Module: "builtins", Name: "max"}
	typedFastFloat = TypedFunc{Module: "builtins", Name: "float"}
	typedFastBool  = TypedFunc{Module: "builtins", Name: "bool"}
	typedFastDiv   = TypedFunc{Module: "operator", Name: "truediv"}
	typedFastIsNot = TypedFunc{Module: "operator", Name: "is_not"}
	typedFastFmt   = TypedFunc{Module: "builtins", Name: "format"}
	typedFastNone  = TypedFunc{Module: "builtins", Name: "print"}
)

func TestTypedFastResultsAndArguments(t *testing.T) {
	err := WithGIL(func() error {
		var c TypedCall
		c.Func(&typedFastMax, 4)
		c.Int(3)
		c.Float(7.5)
		c.Bool(true)
		c.Int(-2)
		if v, err := c.CallFloat(); err != nil || v != 7.5 {
			t.Errorf("max(3, 7.5, True, -2) = %v, %v", v, err)
		}
		c = TypedCall{}
		c.Func(&typedFastBool, 1)
		c.Int(5)
		if v, err := c.CallBool(); err != nil || !v {
			t.Errorf("bool(5) = %v, %v", v, err)
		}
		c = TypedCall{}
		c.Func(&typedFastIsNot, 2)
		c.None()
		c.Object(nil) // nil is None
		if v, err := c.CallBool(); err != nil || v {
			t.Errorf("None is not None = %v, %v", v, err)
		}
		// An object argument on the fast path, and an int result accepted as float.
		seven, err := FromGo(7)
		if err != nil {
			return err
		}
		boxed, err := Eval("10**30", nil)
		if err != nil {
			return err
		}
		defer boxed.Release()
		c = TypedCall{}
		c.Func(&typedFastDiv, 2)
		c.Object(boxed)
		c.Object(seven)
		if v, err := c.CallFloat(); err != nil || v < 1.4e29 || v > 1.43e29 {
			t.Errorf("10**30 / 7 = %v, %v", v, err)
		}
		// Optional results: None is nil.
		c = TypedCall{}
		c.Func(&typedFastNone, 0)
		if v, err := c.CallOptInt(); err != nil || v != nil {
			t.Errorf("print() as int | None = %v, %v", v, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTypedFastErrors(t *testing.T) {
	// An exception raised by the callee (without WithGIL: the call takes the GIL itself).
	var c TypedCall
	c.Func(&typedFastDiv, 2)
	c.Int(1)
	c.Int(0)
	_, err := c.CallFloat()
	var exc *Exception
	if !errors.As(err, &exc) || exc.Type != "ZeroDivisionError" {
		t.Errorf("1 / 0: %v, want ZeroDivisionError", err)
	}
	// A result of the wrong type is a conversion error naming the call.
	c = TypedCall{}
	c.Func(&typedFastFloat, 1)
	c.Int(2)
	_, err = c.CallInt()
	var ce *ConversionError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "builtins.float() result") {
		t.Errorf("float(2) as int: %v, want a ConversionError on builtins.float() result", err)
	}
	// A str result wanted as bool (strict: only True or False).
	c = TypedCall{}
	c.Func(&typedFastFmt, 1)
	c.Int(1)
	if _, err = c.CallBool(); !errors.As(err, &ce) {
		t.Errorf("format(1) as bool: %v, want a ConversionError", err)
	}
	// A released object argument is reported, not passed.
	o, _ := FromGo(1)
	o.Release()
	c = TypedCall{}
	c.Func(&typedFastBool, 1)
	c.Object(o)
	if _, err = c.CallBool(); err == nil {
		t.Error("a released argument: no error")
	}
}

func TestTypedFastSpills(t *testing.T) {
	// Scalars packed on the fast path, then a str argument: the call moves to the buffer.
	var c TypedCall
	c.Func(&typedFastFmt, 2)
	c.Float(2.5)
	c.Str(".3f")
	if s, err := c.CallStr(); err != nil || s != "2.500" {
		t.Errorf("format(2.5, '.3f') = %q, %v", s, err)
	}
	// More values than the fast path takes.
	c = TypedCall{}
	c.Func(&typedFastMax, 6)
	for _, v := range []int{4, 9, 1, 7, 3, 2} {
		c.Int(v)
	}
	if v, err := c.CallInt(); err != nil || v != 9 {
		t.Errorf("max of six = %v, %v", v, err)
	}
	// Too many values for what Func reserved is a bindc bug: a panic, not memory corruption.
	defer func() {
		if recover() == nil {
			t.Error("a fifth value after Func(f, 4): no panic")
		}
	}()
	c = TypedCall{}
	c.Func(&typedFastMax, 4)
	for i := 0; i < 5; i++ {
		c.Int(i)
	}
}

func TestTypedFastAllocatesNothing(t *testing.T) {
	if _, err := typedAddInts(1, 2); err != nil { // resolve first
		t.Fatal(err)
	}
	var add *Object
	err := WithGIL(func() error {
		var err error
		add, err = Eval("__import__('operator').add", nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer add.Release()
	err = WithGIL(func() error {
		if n := testing.AllocsPerRun(200, func() {
			if v, err := typedAddInts(1, 2); err != nil || v != 3 {
				t.Fatalf("add = %v, %v", v, err)
			}
		}); n != 0 {
			t.Errorf("typed add(1, 2): %v allocations per call, want 0", n)
		}
		if n := testing.AllocsPerRun(200, func() {
			r, err := add.Call(1, 2)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := r.Int64(); v != 3 {
				t.Fatalf("add.Call = %d", v)
			}
			r.Release()
		}); n != 0 {
			t.Errorf("Object.Call(1, 2) + Int64 + Release: %v allocations per call, want 0", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestObjectCallFastPathResults(t *testing.T) {
	err := WithGIL(func() error {
		f, err := Eval("lambda *a: a[0] if len(a) < 2 else list(a)", nil)
		if err != nil {
			return err
		}
		defer f.Release()
		for _, tc := range []struct {
			arg  any
			want string
		}{{1.5, "1.5"}, {true, "True"}, {nil, "None"}, {int64(-9), "-9"}} {
			r, err := f.Call(tc.arg)
			if err != nil {
				return err
			}
			if s := r.String(); s != tc.want {
				t.Errorf("f(%v) = %s, want %s", tc.arg, s, tc.want)
			}
			r.Release()
		}
		r, err := f.Call(1, 2.5, false, nil) // an object result (a list) from the fast path
		if err != nil {
			return err
		}
		defer r.Release()
		if s := r.String(); s != "[1, 2.5, False, None]" {
			t.Errorf("f(1, 2.5, False, None) = %s", s)
		}
		_, err = f.Call()
		var exc *Exception
		if !errors.As(err, &exc) || exc.Type != "IndexError" {
			t.Errorf("f(): %v, want IndexError", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Without the GIL the dynamic API reports it, as before.
	var f *Object
	if err := WithGIL(func() error {
		var err error
		f, err = Eval("abs", nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if _, err := f.Call(-1); !errors.Is(err, ErrNoGIL) {
		t.Errorf("Call without the GIL: %v, want ErrNoGIL", err)
	}
}
