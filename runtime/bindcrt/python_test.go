package bindcrt

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain registers a module before Initialize (the only moment that path can be tested),
// initializes Python once for all tests (which run on many goroutines and so take the GIL
// with WithGIL everywhere), and checks Finalize and the "not initialized" errors at the end.
func TestMain(m *testing.M) {
	if home := os.Getenv("PY4GO_TEST_INIT_FAILURE"); home != "" {
		initFailureChild(home)
		os.Exit(0)
	}
	if err := Register("py4go_registered_before", testInitBefore()); err != nil {
		fmt.Fprintln(os.Stderr, "Register before Initialize:", err)
		os.Exit(1)
	}
	if err := Register("py4go_registered_before", testInitBefore()); err == nil {
		fmt.Fprintln(os.Stderr, "registering a name twice before Initialize should fail")
		os.Exit(1)
	}
	if err := Initialize(); err != nil {
		fmt.Fprintln(os.Stderr, "Initialize:", err)
		os.Exit(1)
	}
	if err := Initialize(); err != nil { // idempotent
		fmt.Fprintln(os.Stderr, "second Initialize:", err)
		os.Exit(1)
	}
	code := m.Run()
	if err := afterFinalize(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

// afterFinalize checks Finalize (twice) and that the API then reports ErrNotInitialized.
func afterFinalize() error {
	var fn *Object
	if err := WithGIL(func() error {
		if err := Finalize(); err == nil {
			return errors.New("Finalize inside WithGIL should fail, not deadlock")
		}
		var err error
		fn, err = Eval("len", nil)
		return err
	}); err != nil {
		return err
	}
	if err := Finalize(); err != nil {
		return fmt.Errorf("Finalize: %w", err)
	}
	if err := Finalize(); err != nil {
		return fmt.Errorf("second Finalize: %w", err)
	}
	if IsInitialized() {
		return errors.New("IsInitialized after Finalize")
	}
	if err := WithGIL(func() error { return nil }); !errors.Is(err, ErrNotInitialized) {
		return fmt.Errorf("WithGIL after Finalize: got %v, want ErrNotInitialized", err)
	}
	if _, err := Import("sys"); !errors.Is(err, ErrNotInitialized) {
		return fmt.Errorf("Import after Finalize: got %v, want ErrNotInitialized", err)
	}
	if _, err := fn.Call("abc"); !errors.Is(err, ErrStale) {
		return fmt.Errorf("Call on an object of a finalized interpreter: got %v, want ErrStale", err)
	}
	fn.Release() // a no-op now, and must not crash
	return nil
}

// gil runs fn with the GIL and fails the test on error.
func gil(t testing.TB, fn func() error) {
	t.Helper()
	if err := WithGIL(fn); err != nil {
		t.Fatal(err)
	}
}

// mustExec runs Python statements in a fresh namespace and returns it.
func mustExec(t testing.TB, code string) *Object {
	t.Helper()
	g, err := NewGlobals()
	if err != nil {
		t.Fatal(err)
	}
	if err := Exec(code, g); err != nil {
		t.Fatal(err)
	}
	return g
}

// item returns globals[name] (a new reference).
func item(t testing.TB, globals *Object, name string) *Object {
	t.Helper()
	v, err := globals.CallMethod("__getitem__", name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestVersionAndState(t *testing.T) {
	if !IsInitialized() {
		t.Fatal("IsInitialized() = false")
	}
	if v := Version(); !strings.HasPrefix(v, "3.") {
		t.Fatalf("Version() = %q", v)
	}
	gil(t, func() error {
		sys, err := Import("sys")
		if err != nil {
			return err
		}
		defer sys.Release()
		hv, err := sys.GetAttr("hexversion")
		if err != nil {
			return err
		}
		if n, err := hv.Int64(); err != nil || n < 0x030b0000 {
			t.Errorf("sys.hexversion = %d, %v", n, err)
		}
		if !HoldsGIL() {
			t.Error("HoldsGIL() = false inside WithGIL")
		}
		return nil
	})
}

func TestImportCallMethodAndKeywords(t *testing.T) {
	gil(t, func() error {
		m, err := Import("os.path")
		if err != nil {
			return err
		}
		defer m.Release()
		if name := m.String(); !strings.Contains(name, "path") {
			t.Errorf("Import(\"os.path\") = %s, want the leaf module", name)
		}
		j, err := m.CallMethod("join", "a", "b")
		if err != nil {
			return err
		}
		defer j.Release()
		if s, err := j.Str(); err != nil || s != "a/b" {
			t.Errorf("os.path.join = %q, %v", s, err)
		}
		g := mustExec(t, "def f(a, b=2, *, c=3):\n    return (a, b, c)\n")
		defer g.Release()
		f := item(t, g, "f")
		defer f.Release()
		r, err := f.CallKw([]any{1}, map[string]any{"c": "x", "b": 20})
		if err != nil {
			return err
		}
		defer r.Release()
		if repr, _ := r.Repr(); repr != "(1, 20, 'x')" {
			t.Errorf("f(1, b=20, c='x') = %s", repr)
		}
		builtins, err := Import("builtins")
		if err != nil {
			return err
		}
		defer builtins.Release()
		sorted, err := builtins.CallMethodKw("sorted", []any{[]int{3, 1, 2}}, map[string]any{"reverse": true})
		if err != nil {
			return err
		}
		defer sorted.Release()
		var got []int
		if err := sorted.Decode(&got); err != nil || fmt.Sprint(got) != "[3 2 1]" {
			t.Errorf("sorted(reverse=True) = %v, %v", got, err)
		}
		return nil
	})
}

func TestExecEvalAndSysPath(t *testing.T) {
	gil(t, func() error {
		g := mustExec(t, "x = 40\ndef inc(v):\n    return v + 2\n")
		defer g.Release()
		v, err := Eval("inc(x)", g)
		if err != nil {
			return err
		}
		if n, err := v.Int64(); err != nil || n != 42 {
			t.Errorf("Eval = %d, %v", n, err)
		}
		v.Release()
		// nil globals: __main__
		if err := Exec("py4go_main_value = 7", nil); err != nil {
			return err
		}
		mv, err := Eval("py4go_main_value * 6", nil)
		if err != nil {
			return err
		}
		if n, _ := mv.Int64(); n != 42 {
			t.Errorf("__main__ value = %d", n)
		}
		if _, err := Eval("1 +", g); err == nil || !strings.HasPrefix(err.Error(), "SyntaxError") {
			t.Errorf("syntax error gave %v", err)
		}
		if err := AppendSysPath("/py4go/appended"); err != nil {
			return err
		}
		if err := PrependSysPath("/py4go/prepended"); err != nil {
			return err
		}
		p, err := Eval("(__import__('sys').path[0], __import__('sys').path[-1])", nil)
		if err != nil {
			return err
		}
		defer p.Release()
		var ends []string
		if err := p.Decode(&ends); err != nil || ends[0] != "/py4go/prepended" || ends[1] != "/py4go/appended" {
			t.Errorf("sys.path ends = %v, %v", ends, err)
		}
		return nil
	})
}

func TestAttributesStringsAndType(t *testing.T) {
	gil(t, func() error {
		g := mustExec(t, "class Box:\n    def __repr__(self):\n        return 'Box()'\n    def __str__(self):\n        return 'a box'\nb = Box()\n")
		defer g.Release()
		b := item(t, g, "b")
		defer b.Release()
		if err := b.SetAttr("size", 3); err != nil {
			return err
		}
		if err := b.SetAttr("label", "héllo"); err != nil {
			return err
		}
		size, err := b.GetAttr("size")
		if err != nil {
			return err
		}
		if n, _ := size.Int64(); n != 3 {
			t.Errorf("size = %d", n)
		}
		size.Release()
		label, err := b.GetAttr("label")
		if err != nil {
			return err
		}
		defer label.Release()
		if s, _ := label.Str(); s != "héllo" {
			t.Errorf("label = %q", s)
		}
		if s := b.String(); s != "a box" {
			t.Errorf("String() = %q", s)
		}
		if s, _ := b.Repr(); s != "Box()" {
			t.Errorf("Repr() = %q", s)
		}
		typ, err := b.Type()
		if err != nil {
			return err
		}
		defer typ.Release()
		name, _ := typ.GetAttr("__name__")
		defer name.Release()
		if s, _ := name.Str(); s != "Box" || b.TypeName() != "Box" {
			t.Errorf("type name = %q / %q", s, b.TypeName())
		}
		_, err = b.GetAttr("missing")
		var exc *Exception
		if !errors.As(err, &exc) || exc.Type != "AttributeError" {
			t.Errorf("missing attribute: %v", err)
		}
		// Unboxed scalars still behave like objects.
		f, _ := FromGo(1.5)
		if s := f.String(); s != "1.5" {
			t.Errorf("str(1.5) = %q", s)
		}
		isInt, err := f.CallMethod("is_integer")
		if err != nil {
			return err
		}
		if v, _ := isInt.Bool(); v {
			t.Error("(1.5).is_integer() = True")
		}
		return nil
	})
}

func TestExceptionReachesGo(t *testing.T) {
	gil(t, func() error {
		if err := Exec("class Boom(Exception):\n    pass\n", nil); err != nil {
			return err
		}
		g := mustExec(t, "import json\ndef inner(x):\n    raise ValueError(f'bad value {x}')\ndef outer(x):\n    return inner(x)\n")
		defer g.Release()
		outer := item(t, g, "outer")
		defer outer.Release()
		_, err := outer.Call(7)
		var exc *Exception
		if !errors.As(err, &exc) {
			t.Fatalf("error %v (%T) is not a *python.Exception", err, err)
		}
		if exc.Type != "ValueError" || exc.Message != "bad value 7" || err.Error() != "ValueError: bad value 7" {
			t.Errorf("exception = %+v / %q", exc, err.Error())
		}
		for _, want := range []string{"Traceback (most recent call last)", "in outer", "in inner", "ValueError: bad value 7"} {
			if !strings.Contains(exc.Traceback, want) {
				t.Errorf("traceback lacks %q:\n%s", want, exc.Traceback)
			}
		}
		// The error indicator is clean: the next calls work and see no pending exception.
		v, err := Eval("1 + 1", nil)
		if err != nil {
			t.Fatalf("call after an exception: %v", err)
		}
		if n, _ := v.Int64(); n != 2 {
			t.Errorf("1 + 1 = %d", n)
		}
		// Module-qualified and __main__ exception type names, like traceback prints them.
		_, err = Eval("json.loads('{')", g)
		if !errors.As(err, &exc) || exc.Type != "json.decoder.JSONDecodeError" {
			t.Errorf("JSONDecodeError type = %v", err)
		}
		err = Exec("raise Boom('x')", nil)
		if !errors.As(err, &exc) || exc.Type != "Boom" {
			t.Errorf("__main__ exception type = %v", err)
		}
		return nil
	})
}

// TestSystemExitIsAnError: sys.exit in embedded code is an *Exception the Go program
// handles (the runtime never calls Py_Exit behind its back); ExitCode gives the status
// Python would have exited with.
func TestSystemExitIsAnError(t *testing.T) {
	gil(t, func() error {
		cases := []struct {
			code, message string
			status        int
		}{
			{"import sys; sys.exit(3)", "3", 3},
			{"import sys; sys.exit()", "", 0},
			{"import sys; sys.exit(None)", "", 0},
			{"raise SystemExit(None)", "None", 0},
			{"raise SystemExit", "", 0},
			{"import sys; sys.exit('bye')", "bye", 1},
			{"import sys; sys.exit(-1)", "-1", -1},
			{"class Quit(SystemExit): pass\nraise Quit(7)", "7", 7},
		}
		for _, c := range cases {
			err := Exec(c.code, nil)
			var exc *Exception
			if !errors.As(err, &exc) {
				t.Fatalf("%q: error %v (%T) is not a *python.Exception", c.code, err, err)
			}
			status, ok := exc.ExitCode()
			if !ok || status != c.status || exc.Message != c.message {
				t.Errorf("%q: ExitCode() = %d, %v; Message %q (want %d, %q)", c.code, status, ok, exc.Message,
					c.status, c.message)
			}
		}
		err := Exec("raise ValueError('not an exit')", nil)
		var exc *Exception
		if !errors.As(err, &exc) {
			t.Fatalf("error %v is not a *python.Exception", err)
		}
		if status, ok := exc.ExitCode(); ok || status != 0 {
			t.Errorf("ValueError: ExitCode() = %d, %v, want 0, false", status, ok)
		}
		// Still running: the interpreter did not exit.
		v, err := Eval("2 * 21", nil)
		if err != nil {
			return err
		}
		if n, _ := v.Int64(); n != 42 {
			t.Errorf("2 * 21 = %d", n)
		}
		return nil
	})
}

func TestIntConversions(t *testing.T) {
	gil(t, func() error {
		big, err := Eval("2**70", nil)
		if err != nil {
			return err
		}
		defer big.Release()
		_, err = big.Int64()
		var ce *ConversionError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "int64") || !strings.Contains(err.Error(), "1180591620717411303424") {
			t.Errorf("2**70 into int64: %v", err)
		}
		var i64 int64
		if err := big.Decode(&i64); err == nil {
			t.Error("2**70 decoded into int64")
		}
		var u8 uint8
		v300, _ := FromGo(300)
		if err := v300.Decode(&u8); !errors.As(err, &ce) || !strings.Contains(err.Error(), "uint8") {
			t.Errorf("300 into uint8: %v", err)
		}
		neg, _ := Eval("-5", nil)
		var u uint
		if err := neg.Decode(&u); err == nil || !strings.Contains(err.Error(), "negative") {
			t.Errorf("-5 into uint: %v", err)
		}
		if _, err := neg.Uint64(); err == nil {
			t.Error("-5 into uint64 succeeded")
		}
		// Every width round-trips at its limits.
		cases := []any{int8(-128), int16(32767), int32(-2147483648), int64(-9223372036854775808), int(42),
			uint8(255), uint16(65535), uint32(4294967295), uint64(18446744073709551615), uint(7), uintptr(9)}
		for _, want := range cases {
			o, err := FromGo(want)
			if err != nil {
				t.Errorf("FromGo(%T %v): %v", want, want, err)
				continue
			}
			got := newOf(want)
			if err := o.Decode(got.Interface()); err != nil {
				t.Errorf("Decode into %T: %v", want, err)
			} else if got.Elem().Interface() != want {
				t.Errorf("round trip %T: got %v, want %v", want, got.Elem().Interface(), want)
			}
			o.Release()
		}
		maxU, _ := FromGo(uint64(18446744073709551615))
		defer maxU.Release()
		if v, err := maxU.Uint64(); err != nil || v != 18446744073709551615 {
			t.Errorf("max uint64 = %d, %v", v, err)
		}
		if _, err := maxU.Int64(); err == nil {
			t.Error("max uint64 into int64 succeeded")
		}
		// Wrong types are errors, not garbage.
		s, _ := FromGo("12")
		defer s.Release()
		if _, err := s.Int64(); err == nil || !strings.Contains(err.Error(), "cannot convert Python str to Go int64") {
			t.Errorf("str into int64: %v", err)
		}
		tr, _ := FromGo(true)
		if _, err := tr.Int64(); err == nil {
			t.Error("bool into int64 succeeded")
		}
		return nil
	})
}

func TestComplexConversions(t *testing.T) {
	gil(t, func() error {
		z, err := FromGo(complex(1.5, -2))
		if err != nil {
			return err
		}
		if text, _ := z.Repr(); text != "(1.5-2j)" {
			t.Errorf("FromGo(1.5-2i) = %s", text)
		}
		var back complex128
		if err := z.Decode(&back); err != nil || back != complex(1.5, -2) {
			t.Errorf("complex128 round trip = %v, %v", back, err)
		}
		list, _ := FromGo([]complex64{1i, 2})
		if text, _ := list.Repr(); text != "[1j, (2+0j)]" {
			t.Errorf("FromGo([]complex64) = %s", text)
		}
		var zs []complex64
		mixed, _ := Eval("[1, 2.5, 3j, True]", nil)
		if err := mixed.Decode(&zs); err != nil || len(zs) != 4 || zs[1] != 2.5 || zs[2] != 3i || zs[3] != 1 {
			t.Errorf("[]complex64 from numbers = %v, %v", zs, err)
		}
		var c64 complex64
		huge, _ := Eval("1e300j", nil)
		if err := huge.Decode(&c64); err == nil || !strings.Contains(err.Error(), "(0+1e+300j) is out of range for Go complex64") {
			t.Errorf("1e300j into complex64: %v", err)
		}
		str, _ := FromGo("x")
		if err := str.Decode(&back); err == nil || !strings.Contains(err.Error(), "cannot convert Python str to Go complex128") {
			t.Errorf("str into complex128: %v", err)
		}
		return nil
	})
}

func TestFloatBoolNilConversions(t *testing.T) {
	gil(t, func() error {
		f32, _ := FromGo(float32(1.5))
		var g32 float32
		if err := f32.Decode(&g32); err != nil || g32 != 1.5 {
			t.Errorf("float32 round trip = %v, %v", g32, err)
		}
		huge, _ := Eval("1e300", nil)
		if err := huge.Decode(&g32); err == nil {
			t.Error("1e300 into float32 succeeded")
		}
		i, _ := FromGo(3)
		if f, err := i.Float64(); err != nil || f != 3 {
			t.Errorf("int into float64 = %v, %v", f, err)
		}
		b, _ := Eval("1 < 2", nil)
		if v, err := b.Bool(); err != nil || !v {
			t.Errorf("bool = %v, %v", v, err)
		}
		one, _ := FromGo(1)
		if _, err := one.Bool(); err == nil {
			t.Error("int into bool succeeded")
		}
		none, err := FromGo(nil)
		if err != nil {
			return err
		}
		if s := none.String(); s != "None" {
			t.Errorf("FromGo(nil) = %s", s)
		}
		if v, err := none.ToGo(); err != nil || v != nil {
			t.Errorf("None.ToGo() = %v, %v", v, err)
		}
		var p *int
		if err := none.Decode(&p); err != nil || p != nil {
			t.Errorf("None into *int = %v, %v", p, err)
		}
		isNone, _ := Eval("lambda v: v is None", nil)
		defer isNone.Release()
		r, err := isNone.Call(nil)
		if err != nil {
			return err
		}
		if v, _ := r.Bool(); !v {
			t.Error("Go nil did not arrive as None")
		}
		return nil
	})
}

func TestStringsAndBytes(t *testing.T) {
	gil(t, func() error {
		ident, _ := Eval("lambda v: v", nil)
		defer ident.Release()
		// Non-UTF-8 bytes survive both ways.
		raw := []byte{0xff, 0x00, 0xfe, 'a', 0x80}
		r, err := ident.Call(raw)
		if err != nil {
			return err
		}
		defer r.Release()
		if r.TypeName() != "bytes" {
			t.Errorf("[]byte arrived as %s", r.TypeName())
		}
		back, err := r.Bytes()
		if err != nil || string(back) != string(raw) {
			t.Errorf("bytes round trip = %x, %v", back, err)
		}
		// A Go string that is not UTF-8 is an error naming the argument.
		_, err = ident.Call("ok", string(raw))
		var ce *ConversionError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "argument 2") || !strings.Contains(err.Error(), "utf-8") {
			t.Errorf("invalid UTF-8 string: %v", err)
		}
		if _, err := FromGo(string(raw)); err == nil {
			t.Error("FromGo(invalid UTF-8) succeeded")
		}
		// Unicode and empty strings.
		for _, s := range []string{"", "héllo wörld ✓ 🐍"} {
			o, err := ident.Call(s)
			if err != nil {
				return err
			}
			if got, err := o.Str(); err != nil || got != s {
				t.Errorf("string round trip %q = %q, %v", s, got, err)
			}
			o.Release()
		}
		// A str with a lone surrogate cannot become a Go string.
		sur, _ := Eval("'\\ud800'", nil)
		defer sur.Release()
		if _, err := sur.Str(); err == nil {
			t.Error("lone surrogate converted")
		}
		ba, _ := Eval("bytearray(b'xy')", nil)
		defer ba.Release()
		if b, err := ba.Bytes(); err != nil || string(b) != "xy" {
			t.Errorf("bytearray = %q, %v", b, err)
		}
		return nil
	})
}

func TestContainers(t *testing.T) {
	gil(t, func() error {
		in := map[string]any{
			"ints":   []int{1, 2, 3},
			"nested": [][]string{{"a"}, {"b", "c"}},
			"map":    map[int]float64{2: 0.5, 1: 1.5},
			"none":   nil,
			"bytes":  []byte("\xff"),
		}
		o, err := FromGo(in)
		if err != nil {
			return err
		}
		defer o.Release()
		if repr, _ := o.Repr(); repr != "{'bytes': b'\\xff', 'ints': [1, 2, 3], 'map': {1: 1.5, 2: 0.5}, 'nested': [['a'], ['b', 'c']], 'none': None}" {
			t.Errorf("repr = %s", repr)
		}
		var out struct{}
		if err := o.Decode(&out); err == nil {
			t.Error("decoding into a struct should fail")
		}
		var typed map[string][]int
		sub, _ := Eval("{'a': [1, 2], 'b': (3,)}", nil)
		defer sub.Release()
		if err := sub.Decode(&typed); err != nil || fmt.Sprint(typed) != "map[a:[1 2] b:[3]]" {
			t.Errorf("typed map = %v, %v", typed, err)
		}
		natural, err := o.ToGo()
		if err != nil {
			return err
		}
		m := natural.(map[string]any)
		if fmt.Sprint(m["ints"]) != "[1 2 3]" || fmt.Sprint(m["nested"]) != "[[a] [b c]]" || m["none"] != nil {
			t.Errorf("ToGo = %v", m)
		}
		if inner := m["map"].(map[any]any); inner[int64(1)] != 1.5 {
			t.Errorf("int-keyed dict = %v", inner)
		}
		// Element errors name their place.
		bad, _ := Eval("[1, 2, 'x']", nil)
		defer bad.Release()
		var ints []int
		if err := bad.Decode(&ints); err == nil || !strings.Contains(err.Error(), "[2]") {
			t.Errorf("bad element: %v", err)
		}
		var arr [2]int
		if err := bad.Decode(&arr); err == nil {
			t.Error("3 items into [2]int succeeded")
		}
		if _, err := FromGo([]any{1, make(chan int)}); err == nil || !strings.Contains(err.Error(), "chan int") {
			t.Errorf("channel element: %v", err)
		}
		// Objects inside containers are passed through, and unknown objects come back as *Object.
		objs, _ := Eval("[object(), 1]", nil)
		defer objs.Release()
		got, err := objs.ToGo()
		if err != nil {
			return err
		}
		first, ok := got.([]any)[0].(*Object)
		if !ok || first.TypeName() != "object" {
			t.Fatalf("object element = %#v", got)
		}
		wrapped, err := FromGo([]any{first, "s"})
		if err != nil {
			return err
		}
		defer wrapped.Release()
		same, _ := Eval("lambda l, o: l[0] is o", nil)
		defer same.Release()
		r, err := same.Call(wrapped, first)
		if err != nil {
			return err
		}
		if v, _ := r.Bool(); !v {
			t.Error("*Object inside a slice was not passed through")
		}
		first.Release()
		return nil
	})
}

// TestConcurrentCalls is the original py4go example: goroutines calling a Python function
// that mutates module state, each call taking the GIL on its own.
func TestWellKnownTypes(t *testing.T) {
	gil(t, func() error {
		when := time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.FixedZone("", 5400))
		in := map[string]any{"when": when, "took": 1500 * time.Millisecond, "big": new(big.Int).Lsh(big.NewInt(1), 70),
			"ratio": big.NewRat(1, 3)}
		o, err := FromGo(in)
		if err != nil {
			return err
		}
		defer o.Release()
		if repr, _ := o.Repr(); !strings.Contains(repr, "datetime.datetime(2024, 2, 29, 13, 14, 15, 123456") ||
			!strings.Contains(repr, "datetime.timedelta(seconds=1, microseconds=500000)") ||
			!strings.Contains(repr, "1180591620717411303424") || !strings.Contains(repr, "Fraction(1, 3)") {
			t.Errorf("repr = %s", repr)
		}
		g, err := NewGlobals()
		if err != nil {
			return err
		}
		defer g.Release()
		if r, err := g.CallMethod("__setitem__", "d", o); err != nil {
			return err
		} else {
			r.Release()
		}
		var back struct {
			When  time.Time
			Took  time.Duration
			Big   *big.Int
			Ratio *big.Rat
		}
		for key, into := range map[string]any{"when": &back.When, "took": &back.Took, "big": &back.Big, "ratio": &back.Ratio} {
			item, err := Eval("d["+strconv.Quote(key)+"]", g)
			if err != nil {
				return err
			}
			err = item.Decode(into)
			item.Release()
			if err != nil {
				t.Errorf("Decode %s: %v", key, err)
			}
		}
		if !back.When.Equal(when) || back.Took != 1500*time.Millisecond || back.Big.String() != "1180591620717411303424" ||
			back.Ratio.String() != "1/3" {
			t.Errorf("round trip = %+v", back)
		}
		s, _ := FromGo("not a date")
		defer s.Release()
		var tm time.Time
		if err := s.Decode(&tm); err == nil || !strings.Contains(err.Error(), "cannot convert Python str to Go time.Time") {
			t.Errorf("str into time.Time: %v", err)
		}
		return nil
	})
}

func TestConcurrentCalls(t *testing.T) {
	const goroutines, calls = 8, 1000
	var g, grow *Object
	gil(t, func() error {
		g = mustExec(t, "size = 0\ndef grow(n):\n    global size\n    size += n\n    return size\n")
		grow = item(t, g, "grow")
		return nil
	})
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for w := 0; w < goroutines; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < calls; i++ {
				err := WithGIL(func() error {
					r, err := grow.Call(1)
					r.Release()
					return err
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	gil(t, func() error {
		size := item(t, g, "size")
		if n, err := size.Int64(); err != nil || n != goroutines*calls {
			t.Errorf("size = %d, %v; want %d", n, err, goroutines*calls)
		}
		grow.Release()
		g.Release()
		return nil
	})
}

func TestWithoutGIL(t *testing.T) {
	gil(t, func() error {
		var inner error
		err := WithoutGIL(func() {
			if HoldsGIL() {
				inner = errors.New("GIL still held inside WithoutGIL")
				return
			}
			// Another goroutine can use Python meanwhile (this would deadlock otherwise).
			done := make(chan error)
			go func() {
				done <- WithGIL(func() error {
					v, err := Eval("6 * 7", nil)
					v.Release()
					return err
				})
			}()
			inner = <-done
		})
		if err != nil {
			return err
		}
		if inner != nil {
			return inner
		}
		if !HoldsGIL() {
			t.Error("GIL not retaken after WithoutGIL")
		}
		return nil
	})
	if err := WithoutGIL(func() { t.Error("ran without holding the GIL") }); !errors.Is(err, ErrNoGIL) {
		t.Errorf("WithoutGIL outside WithGIL: %v", err)
	}
}

func TestNoGILIsAnError(t *testing.T) {
	var fn *Object
	gil(t, func() error {
		var err error
		fn, err = Eval("len", nil)
		return err
	})
	done := make(chan error)
	go func() { // a goroutine that never took the GIL
		_, err := fn.Call("abc")
		if !errors.Is(err, ErrNoGIL) || !strings.Contains(err.Error(), "WithGIL") {
			done <- fmt.Errorf("Call without the GIL: %v", err)
			return
		}
		if _, err := Import("sys"); !errors.Is(err, ErrNoGIL) {
			done <- fmt.Errorf("Import without the GIL: %v", err)
			return
		}
		fn.Release() // deferred to the next WithGIL instead of crashing
		done <- nil
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	gil(t, func() error {
		if _, err := fn.Call("abc"); !errors.Is(err, ErrReleased) {
			t.Errorf("Call after Release: %v", err)
		}
		return nil
	})
}

// TestCallReleaseDoesNotLeak makes 100,000 calls returning new objects and checks that
// Python's live objects do not grow. It measures sys.getallocatedblocks() (memory blocks
// held by Python's allocator) and len(gc.get_objects()) (live container objects).
func TestCallReleaseDoesNotLeak(t *testing.T) {
	gil(t, func() error {
		g := mustExec(t, "import gc, sys\ndef make(i, s):\n    return [i, s]\ndef counts():\n    gc.collect()\n    return (sys.getallocatedblocks(), len(gc.get_objects()))\n")
		defer g.Release()
		mk, counts := item(t, g, "make"), item(t, g, "counts")
		defer mk.Release()
		defer counts.Release()
		measure := func() [2]int64 {
			c, err := counts.Call()
			if err != nil {
				t.Fatal(err)
			}
			defer c.Release()
			var v [2]int64
			if err := c.Decode(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		cycle := func(n int) {
			for i := 0; i < n; i++ {
				r, err := mk.Call(i, "text")
				if err != nil {
					t.Fatal(err)
				}
				s, err := r.CallMethod("__len__")
				if err != nil {
					t.Fatal(err)
				}
				s.Release()
				r.Release()
			}
		}
		cycle(1000) // warm caches (interned strings, free lists)
		before := measure()
		cycle(100000)
		after := measure()
		t.Logf("allocated blocks %d -> %d, gc objects %d -> %d", before[0], after[0], before[1], after[1])
		if after[0]-before[0] > 200 || after[1]-before[1] > 50 {
			t.Errorf("Python grew over 100,000 Call/Release cycles: blocks %d -> %d, objects %d -> %d",
				before[0], after[0], before[1], after[1])
		}
		return nil
	})
}

func TestRegisterBeforeAndAfterInitialize(t *testing.T) {
	// Registered in TestMain before Initialize:
	gil(t, func() error {
		m, err := Import("py4go_registered_before")
		if err != nil {
			return err
		}
		defer m.Release()
		a, _ := m.GetAttr("answer")
		if n, _ := a.Int64(); n != 42 {
			t.Errorf("before.answer = %d", n)
		}
		return nil
	})
	// After Initialize, outside WithGIL (Register takes the GIL itself)...
	if err := Register("py4go_registered_after", testInitAfter()); err != nil {
		t.Fatal(err)
	}
	gil(t, func() error {
		// ... and inside it (re-entrant).
		if err := Register("py4go_registered_after_again", testInitAfter()); err != nil {
			return err
		}
		v, err := Eval("__import__('py4go_registered_after').answer + __import__('py4go_registered_after_again').answer", nil)
		if err != nil {
			return err
		}
		if n, _ := v.Int64(); n != 86 {
			t.Errorf("after answers = %d", n)
		}
		return nil
	})
}

func TestNewModuleWithCFunction(t *testing.T) {
	gil(t, func() error {
		m, err := NewModule("py4go_made_here")
		if err != nil {
			return err
		}
		defer m.Release()
		if err := m.AddFunction("add", testAddFunction(), MethFastcall, "add(a, b) -> a + b"); err != nil {
			return err
		}
		if err := m.SetAttr("greeting", "hi"); err != nil {
			return err
		}
		v, err := Eval("__import__('py4go_made_here').add(40, 2), __import__('py4go_made_here').greeting", nil)
		if err != nil {
			return err
		}
		defer v.Release()
		got, _ := v.ToGo()
		if fmt.Sprint(got) != "[42 hi]" {
			t.Errorf("module use = %v", got)
		}
		_, err = m.CallMethod("add", 1)
		if err == nil || !strings.Contains(err.Error(), "TypeError: add() takes exactly 2 arguments (1 given)") {
			t.Errorf("bad call: %v", err)
		}
		return nil
	})
}

func TestCapsuleAndRefs(t *testing.T) {
	gil(t, func() error {
		type secret struct{ n int }
		c, err := NewCapsule(&secret{n: 5})
		if err != nil {
			return err
		}
		keep, _ := Eval("lambda c: [c]", nil)
		defer keep.Release()
		lst, err := keep.Call(c)
		if err != nil {
			return err
		}
		c.Release()
		inner, err := lst.CallMethod("__getitem__", 0)
		if err != nil {
			return err
		}
		v, err := inner.CapsuleValue()
		if err != nil || v.(*secret).n != 5 {
			t.Errorf("capsule value = %v, %v", v, err)
		}
		inner.Release()
		lst.Release()
		if _, err := keep.CapsuleValue(); err == nil {
			t.Error("CapsuleValue of a function succeeded")
		}
		// Ptr / NewRef / StealRef round trip.
		s, _ := FromGo("shared")
		ref, err := NewRef(s.Ptr())
		if err != nil {
			return err
		}
		s.Release()
		if got, _ := ref.Str(); got != "shared" {
			t.Errorf("NewRef = %q", got)
		}
		stolen := StealRef(ref.detach())
		if got, _ := stolen.Str(); got != "shared" {
			t.Errorf("StealRef = %q", got)
		}
		stolen.Release()
		stolen.Release() // idempotent
		var nilObj *Object
		nilObj.Release()
		if _, err := nilObj.GetAttr("x"); err == nil {
			t.Error("GetAttr on nil *Object succeeded")
		}
		return nil
	})
}

// TestManyArgumentsAndStrings covers both argument paths: the C scratch array (up to
// 16 values) and the Go slice used beyond it, with string data pinned in each.
func TestManyArgumentsAndStrings(t *testing.T) {
	gil(t, func() error {
		join, err := Eval("lambda *a, sep='': sep.join(a)", nil)
		if err != nil {
			return err
		}
		defer join.Release()
		for _, n := range []int{0, 3, 16, 40} {
			args := make([]any, n)
			want := ""
			for i := range args {
				s := strings.Repeat(string(rune('a'+i%26)), i+1)
				args[i] = s
				want += "-" + s
			}
			if n > 0 {
				want = want[1:]
			}
			r, err := join.CallKw(args, map[string]any{"sep": "-"})
			if err != nil {
				return err
			}
			if got, _ := r.Str(); got != want {
				t.Errorf("%d arguments: got %q, want %q", n, got, want)
			}
			r.Release()
		}
		return nil
	})
}
