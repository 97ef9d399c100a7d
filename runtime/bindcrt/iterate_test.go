//go:build go1.23

package bindcrt

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// evalIn evaluates expr holding the GIL.
func evalIn(t *testing.T, expr string) *Object {
	t.Helper()
	var o *Object
	if err := WithGIL(func() error {
		var err error
		o, err = Eval(expr, nil)
		return err
	}); err != nil {
		t.Fatalf("Eval(%s): %v", expr, err)
	}
	return o
}

func TestIterRangesOverAPythonIterable(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []int64
	}{
		{"[1, 2, 3]", []int64{1, 2, 3}},
		{"range(0)", nil},
		{"(i * i for i in range(4))", []int64{0, 1, 4, 9}},
		{"{7: 'a', 8: 'b'}", []int64{7, 8}},
	} {
		obj := evalIn(t, tc.expr)
		var got []int64
		for item, err := range obj.Iter() { // from a goroutine without the GIL
			if err != nil {
				t.Fatalf("%s: %v", tc.expr, err)
			}
			n, err := item.Int64()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, n)
			item.Release()
		}
		if len(got) != len(tc.want) {
			t.Fatalf("%s: got %v, want %v", tc.expr, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Fatalf("%s: got %v, want %v", tc.expr, got, tc.want)
			}
		}
		_ = WithGIL(func() error { obj.Release(); return nil })
	}
}

func TestIterErrorsAndBreak(t *testing.T) {
	notIterable := evalIn(t, "42")
	n := 0
	for item, err := range notIterable.Iter() {
		var e *Exception
		if item != nil || !errors.As(err, &e) || e.Type != "TypeError" || !strings.Contains(e.Message, "not iterable") {
			t.Fatalf("iterating an int: item %v, err %v", item, err)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("the error should be yielded once, got %d", n)
	}

	// A generator raising midway: the items before it, then its exception.
	failing := evalIn(t, "(1 // (2 - i) for i in range(5))")
	var got []string
	for item, err := range failing.Iter() {
		var e *Exception
		if errors.As(err, &e) {
			got = append(got, e.Type)
			continue
		}
		got = append(got, item.String())
	}
	if strings.Join(got, ",") != "0,1,ZeroDivisionError" {
		t.Fatalf("got %v", got)
	}

	// Breaking out stops pulling: an endless generator is left after two items.
	endless := evalIn(t, "__import__('itertools').count()")
	taken := 0
	for item, err := range endless.Iter() {
		if err != nil {
			t.Fatal(err)
		}
		item.Release()
		if taken++; taken == 2 {
			break
		}
	}
	var next *Object
	if err := WithGIL(func() error {
		var err error
		next, err = endless.CallMethod("__next__")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if v, _ := next.Int64(); v != 2 {
		t.Fatalf("the iterator should have been advanced twice, next is %d", v)
	}
}

func TestRunCoroutineReturnsItsResult(t *testing.T) {
	if err := WithGIL(func() error {
		return Exec(`
import asyncio
async def py4go_test_add(a, b):
    await asyncio.sleep(0.01)
    return a + b
async def py4go_test_fail():
    await asyncio.sleep(0)
    raise KeyError("k")
py4go_test_cancelled = []
async def py4go_test_slow():
    try:
        await asyncio.sleep(30)
    finally:
        py4go_test_cancelled.append(True)
`, nil)
	}); err != nil {
		t.Fatal(err)
	}
	coro := evalIn(t, "py4go_test_add(2, 3)")
	r, err := RunCoroutine(context.Background(), coro)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Int64(); v != 5 {
		t.Fatalf("got %v", r)
	}

	// Several at once, from goroutines: each on its own loop.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := evalIn(t, "py4go_test_add(40, 2)")
			r, err := RunCoroutine(context.Background(), c)
			if err == nil {
				if v, _ := r.Int64(); v != 42 {
					err = errors.New("wrong result " + r.String())
				}
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	_, err = RunCoroutine(context.Background(), evalIn(t, "py4go_test_fail()"))
	var e *Exception
	if !errors.As(err, &e) || e.Type != "KeyError" {
		t.Fatalf("a raising coroutine: %v", err)
	}
	if _, err := RunCoroutine(context.Background(), evalIn(t, "42")); err == nil {
		t.Fatal("an int is not awaitable: want an error")
	}
}

func TestRunCoroutineIsCancelledByItsContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := RunCoroutine(ctx, evalIn(t, "py4go_test_slow()"))
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Fatalf("cancellation took %v", elapsed)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want DeadlineExceeded, got %v", err)
	}
	ran := evalIn(t, "py4go_test_cancelled == [True]")
	if ok, _ := ran.Bool(); !ok {
		t.Fatal("the coroutine's finally block did not run")
	}
}
