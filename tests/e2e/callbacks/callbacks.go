// Package callbacks exercises Go func types crossing to Python (callbacks and func results)
// and GIL release, for end-to-end tests.
package callbacks

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Apply returns f(x).
func Apply(f func(int) int, x int) int { return f(x) }

// ApplyN calls f n times, feeding each result into the next call, and returns the last.
func ApplyN(f func(int) int, x, n int) int {
	for i := 0; i < n; i++ {
		x = f(x)
	}
	return x
}

// Concurrent calls f(i) for i in [0, n) from `workers` goroutines at once and returns the
// sum of the results.
func Concurrent(f func(int) int, n, workers int) int {
	var total atomic.Int64
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				total.Add(int64(f(int(i))))
			}
		}()
	}
	wg.Wait()
	return int(total.Load())
}

// Transform maps s through f, which may fail.
func Transform(f func(string) (string, error), s string) (string, error) {
	return f(s)
}

// TransformWrapped calls f and wraps its error.
func TransformWrapped(f func(string) (string, error), s string) (string, error) {
	r, err := f(s)
	if err != nil {
		return "", errors.Join(errors.New("transform failed"), err)
	}
	return r, nil
}

// IsPythonError reports whether f's error is a Python exception (errors.As-able) and its type.
func IsPythonError(f func() error) string {
	err := f()
	if err == nil {
		return ""
	}
	var exc interface{ Error() string }
	if errors.As(err, &exc) {
		return exc.Error()
	}
	return "not an error"
}

// Each calls f for every word of s.
func Each(f func(string, int), s string) {
	for i, w := range strings.Fields(s) {
		f(w, i)
	}
}

// Bytes passes b through f.
func Bytes(f func([]byte) []byte, b []byte) []byte { return f(b) }

// Floats combines two floats with f.
func Floats(f func(float64, float64) float64, a, b float64) float64 { return f(a, b) }

// Narrow calls f, whose result must fit an int8.
func Narrow(f func() int8) int8 { return f() }

// Pair returns both results of f.
func Pair(f func(int) (int, string), x int) (int, string) { return f(x) }

// Call runs f once.
func Call(f func()) { f() }

var kept struct {
	sync.Mutex
	f func(int) int
}

// Keep stores f for later.
func Keep(f func(int) int) {
	kept.Lock()
	kept.f = f
	kept.Unlock()
}

// CallKeptLater calls the kept func with x from a new goroutine and waits for the result.
// It must release the GIL (it takes no func, so that is not the default): the goroutine
// calling the Python callable needs it.
//
//py4go:nogil
func CallKeptLater(x int) int {
	kept.Lock()
	f := kept.f
	kept.Unlock()
	ch := make(chan int)
	go func() { ch <- f(x) }()
	return <-ch
}

// CallKeptLaterHolding is CallKeptLater without //py4go:nogil: it deadlocks (the goroutine
// waits for the GIL this thread holds while waiting for the goroutine); the runtime's
// watchdog then names the problem. Only a test that expects the deadlock calls it.
func CallKeptLaterHolding(x int) int { return CallKeptLater(x) }

// Forget drops the kept func.
func Forget() {
	kept.Lock()
	kept.f = nil
	kept.Unlock()
}

// Collect runs Go's garbage collector (and finalizers) a few times.
func Collect() {
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(2 * time.Millisecond)
	}
}

// adder is what MakeAdder closures hold; counted so tests can see them freed. It is larger
// than 16 bytes so that Go does not batch it with other tiny objects (whose finalizers then
// wait for the whole batch to die).
type adder struct {
	n   int
	pad [24]byte
}

var liveAdders atomic.Int64

// MakeAdder returns a func adding n.
func MakeAdder(n int) func(int) int {
	a := &adder{n: n}
	liveAdders.Add(1)
	runtime.SetFinalizer(a, func(*adder) { liveAdders.Add(-1) })
	return func(x int) int { return x + a.n }
}

// LiveAdders collects garbage and returns how many MakeAdder funcs are still alive.
func LiveAdders() int {
	Collect()
	return int(liveAdders.Load())
}

// MakeGreeter returns a func that greets or fails on an empty name.
func MakeGreeter(greeting string) func(string) (string, error) {
	return func(name string) (string, error) {
		if name == "" {
			return "", errors.New("empty name")
		}
		return greeting + ", " + name, nil
	}
}

// MakePanicker returns a func that panics.
func MakePanicker() func() { return func() { panic("boom from Go") } }

// NilFunc returns a nil func.
func NilFunc() func(int) int { return nil }

// Compose returns a Go func calling f then g (both Python callables).
func Compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

// Sleep sleeps for ms milliseconds with the GIL released.
//
//py4go:nogil
func Sleep(ms int) { time.Sleep(time.Duration(ms) * time.Millisecond) }

// SleepHolding sleeps for ms milliseconds holding the GIL.
func SleepHolding(ms int) { time.Sleep(time.Duration(ms) * time.Millisecond) }

// ApplyHolding calls f on the calling goroutine without releasing the GIL.
//
//py4go:gil
func ApplyHolding(f func(int) int, x int) int { return f(x) }

// Add returns a+b (the GIL is held: the default).
func Add(a, b int) int { return a + b }

// AddNoGIL returns a+b, releasing the GIL around the call.
//
//py4go:nogil
func AddNoGIL(a, b int) int { return a + b }

// PanicNoGIL panics while the GIL is released.
//
//py4go:nogil
func PanicNoGIL() { panic("no gil panic") }
