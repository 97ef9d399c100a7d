package typedmod_test

// The Go -> Python leak check for generated calls (issue 11): N calls of every kind of
// generated function, with sys.getallocatedblocks() measured over two windows after a
// warm-up. Runs only when PYGO_LEAK_CALLS is set (tests/reliability/test_pygo_reliability.py).

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"example.com/pygoe2e/typedmod"
	python "github.com/py4go/py4go/runtime"
	"github.com/py4go/py4go/runtime/bindcrt"
)

var pyGetBlocks = bindcrt.TypedFunc{Module: "sys", Name: "getallocatedblocks"}

func allocatedBlocks(t *testing.T) int {
	var call bindcrt.TypedCall
	call.Func(&pyGetBlocks, 0)
	n, err := call.CallInt()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGeneratedCallsDoNotLeak(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("PYGO_LEAK_CALLS"))
	if n == 0 {
		t.Skip("PYGO_LEAK_CALLS not set")
	}
	counter, err := typedmod.NewCounter()
	if err != nil {
		t.Fatal(err)
	}
	defer counter.Close()
	kinds := map[string]func() error{
		"int":        func() error { _, err := typedmod.Add(1, 2); return err },
		"str+option": func() error { _, err := typedmod.Greet("Tal", typedmod.GreetTimes(2)); return err },
		"bytes":      func() error { _, err := typedmod.EchoBytes([]byte("abc")); return err },
		"long str":   func() error { _, err := typedmod.EchoStr(string(make([]byte, 5000))); return err },
		"optional":   func() error { _, err := typedmod.MaybeHalf(3); return err },
		"list":       func() error { _, err := typedmod.SplitWords("a b c"); return err },
		"dict":       func() error { _, err := typedmod.WordLengths([]string{"a", "bb"}); return err },
		"iterator":   func() error { _, err := typedmod.CountUp(3); return err },
		"tuple":      func() error { _, _, err := typedmod.DivmodPair(7, 2); return err },
		"datetime": func() error {
			_, err := typedmod.Later(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Hour)
			return err
		},
		"callback": func() error {
			_, err := typedmod.Apply(func(x int) (int, error) { return x + 1, nil }, 1)
			return err
		},
		"enum":      func() error { _, err := typedmod.NextColor(typedmod.ColorRed); return err },
		"typeddict": func() error { _, err := typedmod.Mirror(typedmod.Point{X: 1, Y: 2}); return err },
		"dataclass": func() error {
			_, err := typedmod.Discounted(typedmod.Item{Name: "a", Price: 1, Tags: []string{"t"}}, 10)
			return err
		},
		"protocol": func() error { _, err := typedmod.Welcome(shouty{}, "x"); return err },
		"method":   func() error { _, err := counter.Incr(); return err },
		"attribute": func() error {
			if err := counter.SetLabel("l"); err != nil {
				return err
			}
			_, err := counter.Label()
			return err
		},
		"class": func() error {
			c, err := typedmod.NewCounter(typedmod.CounterStart(1))
			if err == nil {
				c.Close()
			}
			return err
		},
		"exception": func() error {
			_, _, err := typedmod.ParsePair("")
			var e *typedmod.EmptyInput
			if !errors.As(err, &e) {
				return fmt.Errorf("want EmptyInput, got %v", err)
			}
			return nil
		},
		// The scalar fast path (TypedFastCall; "int" above is one) in each of its outcomes:
		// another result kind, no result, an exception, an int result too big for Go (its
		// object is released), and a call that takes the GIL itself.
		"fast bool": func() error { _, err := typedmod.IsEven(4); return err },
		"fast none": func() error { return typedmod.Nothing(1) },
		"fast exception": func() error {
			var exc *python.Exception
			if err := typedmod.Nothing(-1); !errors.As(err, &exc) {
				return fmt.Errorf("want ValueError, got %v", err)
			}
			return nil
		},
		"fast overflow": func() error {
			var ce *python.ConversionError
			if _, err := typedmod.Big(); !errors.As(err, &ce) {
				return fmt.Errorf("want a ConversionError, got %v", err)
			}
			return nil
		},
		"fast without GIL": func() error {
			var err error
			if werr := python.WithoutGIL(func() { _, err = typedmod.Add(1, 2) }); werr != nil {
				return werr
			}
			return err
		},
	}
	enc := json.NewEncoder(os.Stdout)
	err = python.WithGIL(func() error {
		for name, call := range kinds {
			var deltas [3]int
			for w := 0; w < 3; w++ {
				before := allocatedBlocks(t)
				for i := 0; i < n; i++ {
					if err := call(); err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
				}
				python.WithoutGIL(func() {}) // let deferred releases (finalizers) run
				deltas[w] = allocatedBlocks(t) - before
			}
			_ = enc.Encode(map[string]any{"kind": name, "calls": n, "blocks": deltas})
			if d := min(deltas[1], deltas[2]); d > 64 {
				t.Errorf("%s: %d Python blocks more after %d calls (windows %v): a leak", name, d, n, deltas)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
