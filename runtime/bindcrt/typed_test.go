package bindcrt

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

// The typed-call runtime behind `bindc go`, tested directly on operator and builtins functions
// (the generated wrappers are tested end to end in tests/pygo).

var (
	typedAdd    = TypedFunc{Module: "operator", Name: "add"}
	typedIndent = TypedFunc{Module: "textwrap", Name: "indent"}
	typedPow    = TypedFunc{Module: "builtins", Name: "pow"}
	typedInt    = TypedFunc{Module: "builtins", Name: "int"}
)

func typedAddInts(a, b int) (int, error) {
	var c TypedCall
	c.Func(&typedAdd, 2)
	c.Int(a)
	c.Int(b)
	return c.CallInt()
}

func TestTypedCallScalars(t *testing.T) {
	// Without WithGIL: the call takes the GIL itself.
	if v, err := typedAddInts(40, 2); err != nil || v != 42 {
		t.Fatalf("add(40, 2) = %v, %v", v, err)
	}
	err := WithGIL(func() error {
		if v, err := typedAddInts(1, 2); err != nil || v != 3 {
			t.Errorf("add(1, 2) inside WithGIL = %v, %v", v, err)
		}
		var c TypedCall
		c.Func(&typedIndent, 4)
		c.Str("a\nb\n")
		c.Kw("prefix")
		c.Str("> ")
		s, err := c.CallStr()
		if err != nil || s != "> a\n> b\n" {
			t.Errorf("indent = %q, %v", s, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTypedCallOverflowIsAnError(t *testing.T) {
	var c TypedCall
	c.Func(&typedPow, 2)
	c.Int(2)
	c.Int(70)
	_, err := c.CallInt()
	var ce *ConversionError
	if !errors.As(err, &ce) || !strings.Contains(ce.Error(), "builtins.pow() result") {
		t.Fatalf("pow(2, 70) as int: err = %v, want a ConversionError naming the result", err)
	}
}

func TestTypedCallExceptionAndLongString(t *testing.T) {
	var c TypedCall
	c.Func(&typedInt, 1)
	c.Str("x")
	_, err := c.CallInt()
	var exc *Exception
	if !errors.As(err, &exc) || exc.Type != "ValueError" {
		t.Fatalf("int('x'): err = %v, want ValueError", err)
	}
	long := strings.Repeat("é", 3000) // longer than the arena both ways
	var c2 TypedCall
	c2.Func(&typedIndent, 2)
	c2.Str(long)
	c2.Str("")
	s, err := c2.CallStr()
	if err != nil || s != long {
		t.Fatalf("indent(long) = %d bytes, %v", len(s), err)
	}
}

func TestTypedCallConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				v, err := typedAddInts(g, i)
				if err != nil || v != g+i {
					errs <- errors.New("wrong sum")
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestTypedNewFunc(t *testing.T) {
	err := WithGIL(func() error {
		f, err := TypedNewFunc(func(args []*Object) (any, error) {
			defer args[0].Release()
			n, err := args[0].Int64()
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, errors.New("negative")
			}
			return n * 2, nil
		})
		if err != nil {
			return err
		}
		defer f.Release()
		r, err := f.Call(21)
		if err != nil {
			return err
		}
		if v, _ := r.Int64(); v != 42 {
			t.Errorf("f(21) = %d", v)
		}
		_, err = f.Call(-1)
		var exc *Exception
		if !errors.As(err, &exc) || exc.Type != "RuntimeError" || exc.Message != "negative" {
			t.Errorf("f(-1): %v, want RuntimeError: negative", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var typedMainAdd = TypedFunc{Module: "__main__", Name: "py4go_typed_bench_add"}

func defineTypedMainAdd(b *testing.B) {
	if err := WithGIL(func() error {
		return Exec("def py4go_typed_bench_add(a, b):\n    return a + b\n", nil)
	}); err != nil {
		b.Fatal(err)
	}
}

func typedMainAddInts(a, b int) (int, error) {
	var c TypedCall
	c.Func(&typedMainAdd, 2)
	c.Int(a)
	c.Int(b)
	return c.CallInt()
}

// BenchmarkTypedCallAdd is what a generated Add(1, 2) costs inside WithGIL; compare with
// BenchmarkCallAddCFloor + BenchmarkCgoCrossing.
func BenchmarkTypedCallAdd(b *testing.B) {
	defineTypedMainAdd(b)
	err := WithGIL(func() error {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := typedMainAddInts(1, 2); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkTypedCallAddNoGIL is a generated Add(1, 2) from a goroutine not holding the GIL.
func BenchmarkTypedCallAddNoGIL(b *testing.B) {
	defineTypedMainAdd(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := typedMainAddInts(1, 2); err != nil {
			b.Fatal(err)
		}
	}
}
