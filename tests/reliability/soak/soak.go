// Package soak is the Go side of the concurrency soak and the fault tests of
// tests/reliability (issue 5, points 4 and 5). Every function counts its calls, so the tests
// can check exact totals after many goroutines and Python threads have called at once.
package soak

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// counters holds one call counter per bound function (created on first use).
var counters sync.Map // name -> *atomic.Int64

func count(name string) {
	c, ok := counters.Load(name)
	if !ok {
		c, _ = counters.LoadOrStore(name, new(atomic.Int64))
	}
	c.(*atomic.Int64).Add(1)
}

// Counts returns how many times each function of this package has been called from Python
// or Go since the last ResetCounts.
func Counts() map[string]int {
	out := map[string]int{}
	counters.Range(func(k, v any) bool {
		out[k.(string)] = int(v.(*atomic.Int64).Load())
		return true
	})
	return out
}

// ResetCounts sets every call counter back to zero.
func ResetCounts() {
	counters.Range(func(k, v any) bool {
		v.(*atomic.Int64).Store(0)
		return true
	})
}

// Add returns a+b, holding the GIL (the default for functions without func parameters).
func Add(a, b int) int {
	count("add")
	return a + b
}

// AddNoGIL returns a+b with the GIL released around the call.
//
//py4go:nogil
func AddNoGIL(a, b int) int {
	count("add_no_gil")
	return a + b
}

// Concat joins a and b with a dash.
func Concat(a, b string) string {
	count("concat")
	return a + "-" + b
}

// Apply returns f(x); the GIL is released while it runs (it takes a func).
func Apply(f func(int) int, x int) int {
	count("apply")
	return f(x)
}

// ApplyHolding returns f(x) without releasing the GIL (the callback re-enters it).
//
//py4go:gil
func ApplyHolding(f func(int) int, x int) int {
	count("apply_holding")
	return f(x)
}

// FanOut calls f(i) for i in [0, n) from n goroutines it starts (threads Python never saw)
// and returns the sum of the results.
func FanOut(f func(int) int, n int) int {
	count("fan_out")
	var total atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			total.Add(int64(f(i)))
		}(i)
	}
	wg.Wait()
	return int(total.Load())
}

// FanOutStrings calls f with "0".."n-1" from n goroutines it starts and returns the results
// in order, or the first error (a Python exception, for a callable that raises).
func FanOutStrings(f func(string) (string, error), n int) ([]string, error) {
	count("fan_out_strings")
	out := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out[i], errs[i] = f(strconv.Itoa(i))
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// Transform returns f(s), or f's error unchanged.
func Transform(f func(string) (string, error), s string) (string, error) {
	count("transform")
	return f(s)
}

// PanicWith panics with msg, holding the GIL.
func PanicWith(msg string) {
	count("panic_with")
	panic(msg)
}

// PanicNoGIL panics with msg while the GIL is released.
//
//py4go:nogil
func PanicNoGIL(msg string) {
	count("panic_no_gil")
	panic(errors.New(msg))
}

// Long sleeps for ms milliseconds with the GIL released and returns ms.
//
//py4go:nogil
func Long(ms int) int {
	count("long")
	time.Sleep(time.Duration(ms) * time.Millisecond)
	count("long_done")
	return ms
}

// CountUp yields 0..n-1: an iter.Seq, a lazy Python iterator (a break stops it).
func CountUp(n int) iter.Seq[int] {
	count("count_up")
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Stream sends 0..n-1 from a goroutine on a channel it then closes: a Python iterator that
// ends when the channel does.
func Stream(n int) <-chan int {
	count("stream")
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

// LongHolding sleeps for ms milliseconds holding the GIL and returns ms.
func LongHolding(ms int) int {
	count("long_holding")
	time.Sleep(time.Duration(ms) * time.Millisecond)
	count("long_holding_done")
	return ms
}

// kept holds callables Python passed earlier, for Go to call later from goroutines of its own.
var kept struct {
	sync.Mutex
	f    func(int) (int, error)
	must func(int) int
}

// Keep stores f; CallKept calls it later.
func Keep(f func(int) (int, error)) {
	count("keep")
	kept.Lock()
	kept.f = f
	kept.Unlock()
}

// KeepMust stores f (a func without an error result: a Python exception makes it panic);
// CallKeptMust calls it later.
func KeepMust(f func(int) int) {
	count("keep_must")
	kept.Lock()
	kept.must = f
	kept.Unlock()
}

// Forget drops the kept callables.
func Forget() {
	kept.Lock()
	kept.f, kept.must = nil, nil
	kept.Unlock()
}

// CallKept calls the func stored by Keep with x; Go code (a goroutine Python did not
// create) calls it after the Python call that passed the func has returned.
func CallKept(x int) (int, error) {
	kept.Lock()
	f := kept.f
	kept.Unlock()
	if f == nil {
		return 0, errors.New("soak: nothing kept")
	}
	return f(x)
}

// CallKeptMust calls the func stored by KeepMust with x.
func CallKeptMust(x int) int {
	kept.Lock()
	f := kept.must
	kept.Unlock()
	return f(x)
}

// later collects the results of StartLater's goroutine.
var later struct {
	sync.Mutex
	done    chan struct{}
	results []string
}

// StartLater starts a goroutine that, once the Python call has returned, calls the func
// stored by Keep with 0..n-1 and records each result or error; it returns at once.
// WaitLater waits for it.
func StartLater(n int) {
	count("start_later")
	later.Lock()
	later.done = make(chan struct{})
	later.results = nil
	done := later.done
	later.Unlock()
	go func() {
		defer close(done)
		time.Sleep(20 * time.Millisecond)
		for i := 0; i < n; i++ {
			v, err := CallKept(i)
			later.Lock()
			later.results = append(later.results, describe(v, err))
			later.Unlock()
		}
	}()
}

// WaitLater waits (GIL released) for StartLater's goroutine and returns what it recorded.
//
//py4go:nogil
func WaitLater() []string {
	later.Lock()
	done := later.done
	later.Unlock()
	<-done
	later.Lock()
	defer later.Unlock()
	return append([]string(nil), later.results...)
}

// describe renders a callback outcome for tests: "ok 4", or the error's dynamic type and
// text ("*python.Exception ValueError: bad").
func describe(v int, err error) string {
	if err != nil {
		return fmt.Sprintf("%T %v", err, err)
	}
	return "ok " + strconv.Itoa(v)
}
