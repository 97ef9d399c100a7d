package bindcrt

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// TypedFastCall (generated functions of up to four int/float/bool arguments) against
// TypedCall, which it must match exactly: results, error types and messages (exceptions,
// overflow, results of the wrong type), with and without the GIL held.

var (
	typedFastSub    = TypedFunc{Module: "operator", Name: "sub"}
	typedFastMul    = TypedFunc{Module: "operator", Name: "mul"}
	typedFastShift  = TypedFunc{Module: "operator", Name: "lshift"}
	typedFastFloor  = TypedFunc{Module: "operator", Name: "floordiv"}
	typedFastNeg    = TypedFunc{Module: "operator", Name: "neg"}
	typedFastPow    = TypedFunc{Module: "builtins", Name: "pow"}
	typedFastIntNew = TypedFunc{Module: "builtins", Name: "int"}
)

// fastCase is one call: f(args...) wanting result ("int", "float", "bool" or "none").
type fastCase struct {
	f      *TypedFunc
	args   []any // int, float64 or bool
	result string
}

func (fc fastCase) String() string { return fmt.Sprintf("%s%v as %s", fc.f.op(), fc.args, fc.result) }

// viaFast makes the call through TypedFastCall, as generated code does.
func (fc fastCase) viaFast() (any, error) {
	var c TypedFastCall
	c.Func(fc.f)
	for _, a := range fc.args {
		switch x := a.(type) {
		case int:
			c.Int(x)
		case float64:
			c.Float(x)
		case bool:
			c.Bool(x)
		}
	}
	switch fc.result {
	case "int":
		return c.CallInt()
	case "float":
		return c.CallFloat()
	case "bool":
		return c.CallBool()
	}
	return nil, c.CallNone()
}

// viaTyped makes the same call through TypedCall.
func (fc fastCase) viaTyped() (any, error) {
	var c TypedCall
	c.Func(fc.f, len(fc.args))
	for _, a := range fc.args {
		switch x := a.(type) {
		case int:
			c.Int(x)
		case float64:
			c.Float(x)
		case bool:
			c.Bool(x)
		}
	}
	switch fc.result {
	case "int":
		return c.CallInt()
	case "float":
		return c.CallFloat()
	case "bool":
		return c.CallBool()
	}
	return nil, c.CallNone()
}

// errorShape describes err as a test compares it: its type and its message.
func errorShape(err error) string {
	var exc *Exception
	var ce *ConversionError
	switch {
	case err == nil:
		return "<nil>"
	case errors.As(err, &exc):
		return "Exception " + exc.Type + ": " + exc.Message
	case errors.As(err, &ce):
		return "ConversionError " + err.Error()
	}
	return fmt.Sprintf("%T %v", err, err)
}

// sameAsTyped checks that fc gives the same value and error both ways; it returns the
// fast path's outcome.
func sameAsTyped(t *testing.T, fc fastCase) (any, error) {
	t.Helper()
	fv, ferr := fc.viaFast()
	tv, terr := fc.viaTyped()
	if fmt.Sprint(fv) != fmt.Sprint(tv) || errorShape(ferr) != errorShape(terr) {
		t.Errorf("%v: TypedFastCall gives %v, %s; TypedCall %v, %s", fc, fv, errorShape(ferr), tv, errorShape(terr))
	}
	return fv, ferr
}

func TestTypedFastCallMatchesTypedCall(t *testing.T) {
	cases := []struct {
		fc   fastCase
		want string // the value, or the error's shape
	}{
		{fastCase{&typedAdd, []any{1, 2}, "int"}, "3"},
		{fastCase{&typedFastSub, []any{3, 3}, "int"}, "0"},
		{fastCase{&typedFastNeg, []any{5}, "int"}, "-5"},
		{fastCase{&typedFastMul, []any{1 << 40, -3}, "int"}, fmt.Sprint(-3 << 40)}, // several digits: not the inline read
		{fastCase{&typedFastNeg, []any{math.MinInt64}, "int"},
			"ConversionError python: operator.neg() result: Python int 9223372036854775808 is out of range for Go int64"},
		{fastCase{&typedFastShift, []any{1, 70}, "int"},
			"ConversionError python: operator.lshift() result: Python int 1180591620717411303424 is out of range for Go int64"},
		{fastCase{&typedFastPow, []any{2, 10, 1000}, "int"}, "24"},
		{fastCase{&typedFastIntNew, nil, "int"}, "0"},
		{fastCase{&typedFastMax, []any{1, 2.5, true, -3}, "float"}, "2.5"},
		{fastCase{&typedFastDiv, []any{7, 2}, "float"}, "3.5"},
		{fastCase{&typedFastDiv, []any{1.0, 0}, "float"}, "Exception ZeroDivisionError: float division by zero"},
		{fastCase{&typedFastFloor, []any{1, 0}, "int"}, "Exception ZeroDivisionError: integer division or modulo by zero"},
		{fastCase{&typedFastFloat, []any{2}, "int"},
			"ConversionError python: builtins.float() result: cannot convert Python float to Go int64"},
		{fastCase{&typedFastBool, []any{5}, "bool"}, "true"},
		{fastCase{&typedFastBool, []any{0.0}, "bool"}, "false"},
		{fastCase{&typedFastNeg, []any{2}, "bool"},
			"ConversionError python: operator.neg() result: cannot convert Python int to Go bool"},
		{fastCase{&typedFastFloor, []any{7, 2}, "none"}, "<nil>"},
		{fastCase{&typedFastFloor, []any{7, 0}, "none"}, "Exception ZeroDivisionError: integer division or modulo by zero"},
	}
	check := func(t *testing.T) {
		for _, c := range cases {
			v, err := sameAsTyped(t, c.fc)
			got := fmt.Sprint(v)
			if err != nil || c.fc.result == "none" {
				got = errorShape(err)
			}
			if got != c.want {
				t.Errorf("%v = %s, want %s", c.fc, got, c.want)
			}
		}
	}
	t.Run("without the GIL", check) // each call takes the GIL itself (the retry path)
	t.Run("inside WithGIL", func(t *testing.T) {
		if err := WithGIL(func() error { check(t); return nil }); err != nil {
			t.Fatal(err)
		}
	})
}

func TestTypedFastCallAllocatesNothing(t *testing.T) {
	add := func() (int, error) {
		var c TypedFastCall
		c.Func(&typedAdd)
		c.Int(1)
		c.Int(2)
		return c.CallInt()
	}
	if _, err := add(); err != nil { // resolve first
		t.Fatal(err)
	}
	err := WithGIL(func() error {
		if n := testing.AllocsPerRun(200, func() {
			if v, err := add(); err != nil || v != 3 {
				t.Fatalf("add = %v, %v", v, err)
			}
		}); n != 0 {
			t.Errorf("TypedFastCall add(1, 2): %v allocations per call, want 0", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTypedFastCallTooManyArguments(t *testing.T) {
	// More than four arguments is a bindc bug (it emits TypedCall then): a panic, never a
	// call with wrong arguments or a write out of bounds.
	defer func() {
		if recover() == nil {
			t.Error("a fifth argument: no panic")
		}
	}()
	var c TypedFastCall
	c.Func(&typedFastMax)
	for i := 0; i < 5; i++ {
		c.Int(i)
	}
	_, _ = c.CallInt()
}
