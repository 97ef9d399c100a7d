package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	python "github.com/py4go/py4go/runtime"

	"example.com/soak"
)

// check is one named fault scenario; it returns why it failed, or nil.
type check struct {
	name string
	run  func() error
}

// runChecks runs every check, then checks that Python still answers; it reports failure.
func runChecks(checks []check) bool {
	failed := false
	for _, c := range checks {
		if report(c.name, c.run()) {
			failed = true
		}
		if report(c.name+" (still running afterwards)", stillRunning()) {
			failed = true
		}
	}
	return failed
}

// stillRunning: after a fault, plain calls both ways still work.
func stillRunning() error {
	return python.WithGIL(func() error {
		fns, err := funcs("square", "via_go")
		if err != nil {
			return err
		}
		defer releaseAll(fns)
		if v, err := callInt(fns[0], 12); err != nil || v != 144 {
			return fmt.Errorf("square(12) = %d, %v", v, err)
		}
		if v, err := callInt(fns[1], 5); err != nil || v != 16 {
			return fmt.Errorf("via_go(5) = %d, %v", v, err)
		}
		return nil
	})
}

// callPython calls soak_embedded.NAME(args...) holding the GIL and returns its error.
func callPython(name string, args ...any) error {
	return python.WithGIL(func() error {
		fns, err := funcs(name)
		if err != nil {
			return err
		}
		defer releaseAll(fns)
		r, err := fns[0].Call(args...)
		r.Release()
		return err
	})
}

// exec runs Python statements in __main__, holding the GIL.
func exec(code string) error {
	return python.WithGIL(func() error { return python.Exec(code, nil) })
}

// wantException checks that err is a *python.Exception of type typ (suffix match, so
// "GoPanic" accepts "py4go.GoPanic") whose message and traceback contain the given parts.
func wantException(err error, typ, message string, traceback ...string) (*python.Exception, error) {
	var exc *python.Exception
	if !errors.As(err, &exc) {
		return nil, fmt.Errorf("want a *python.Exception %s, got %v (%T)", typ, err, err)
	}
	if !strings.HasSuffix(exc.Type, typ) || !strings.Contains(exc.Message, message) {
		return nil, fmt.Errorf("want %s containing %q, got %s: %s", typ, message, exc.Type, exc.Message)
	}
	for _, part := range traceback {
		if !strings.Contains(exc.Traceback, part) {
			return nil, fmt.Errorf("traceback lacks %q:\n%s", part, exc.Traceback)
		}
	}
	fmt.Printf("  the Go host got %T %q\n", err, err.Error())
	return exc, nil
}

// inGoroutine runs f on a new goroutine (a thread Python has never seen) and waits for it.
func inGoroutine(f func() error) error {
	ch := make(chan error, 1)
	go func() { ch <- f() }()
	return <-ch
}

var faultChecks = []check{
	{"go_panic_in_callback_in_python_call_from_go", func() error {
		// Go host -> nest (Python) -> soak.apply (Go) -> lambda (Python) -> soak.panic_with (Go) panics.
		before := soak.Counts()["panic_with"]
		_, err := wantException(callPython("nest", 7), "GoPanic", "panic_with() panicked: boom 7",
			"in nest", "in <lambda>")
		if err == nil && soak.Counts()["panic_with"] != before+1 {
			err = errors.New("panic_with was not called exactly once")
		}
		return err
	}},
	{"go_panic_without_gil_in_callback_in_python_call_from_go", func() error {
		_, err := wantException(callPython("nest_no_gil", 8), "GoPanic", "panic_no_gil() panicked: boom 8",
			"in nest_no_gil", "in <lambda>")
		return err
	}},
	{"go_panic_stack_reaches_python", func() error {
		return python.WithGIL(func() error {
			fns, err := funcs("nest_stack")
			if err != nil {
				return err
			}
			defer releaseAll(fns)
			r, err := fns[0].Call(9)
			if err != nil {
				return err
			}
			defer r.Release()
			stack, err := r.Str()
			if err != nil || !strings.Contains(stack, "soak.PanicWith") {
				return fmt.Errorf("GoPanic.go_stack lacks soak.PanicWith: %q, %v", stack, err)
			}
			return nil
		})
	}},
	{"python_exception_in_callback_go_panics_with_it", func() error {
		// A func type without an error result: Go panics with the exception and Python gets
		// the original back (not GoPanic), then so does the Go host.
		_, err := wantException(callPython("raise_through_go", 3), "ValueError", "bad 3",
			"in raise_through_go", "in raiser")
		return err
	}},
	{"python_exception_in_callback_error_result", func() error {
		_, err := wantException(callPython("raise_through_transform", "k"), "KeyError", "'k'",
			"in raise_through_transform", "in fail")
		return err
	}},
	{"callback_result_of_the_wrong_type", func() error {
		_, err := wantException(callPython("wrong_result", 1), "GoPanic",
			"callback apply() argument 1 result", "in wrong_result")
		return err
	}},
	{"python_exception_in_callback_called_from_a_go_goroutine", func() error {
		if err := exec("import soak, soak_embedded\nsoak.keep(soak_embedded.raiser)"); err != nil {
			return err
		}
		err := inGoroutine(func() error { _, err := soak.CallKept(9); return err })
		_, err = wantException(err, "ValueError", "bad 9", "in raiser")
		return err
	}},
	{"callback_called_from_go_goroutines_after_the_call_returned", func() error {
		if err := exec("import soak, soak_embedded\nsoak.keep(soak_embedded.square)"); err != nil {
			return err
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < 50; i++ {
					x := g*100 + i
					if v, err := soak.CallKept(x); err != nil || v != x*x {
						errs <- fmt.Errorf("CallKept(%d) = %d, %v", x, v, err)
						return
					}
				}
			}(g)
		}
		wg.Wait()
		close(errs)
		return <-errs
	}},
	{"sys_exit_in_embedded_python", func() error {
		for _, c := range []struct {
			code   string
			status int
		}{{"sys.exit(3)", 3}, {"sys.exit()", 0}, {"sys.exit('bye')", 1}} {
			exc, err := wantException(exec("import sys\n"+c.code), "SystemExit", "")
			if err != nil {
				return err
			}
			if status, ok := exc.ExitCode(); !ok || status != c.status {
				return fmt.Errorf("%s: ExitCode() = %d, %v", c.code, status, ok)
			}
		}
		return nil
	}},
	{"sys_exit_in_callback_in_go_call", func() error {
		exc, err := wantException(callPython("exit_in_callback", 4), "SystemExit", "4", "in exit_in_callback")
		if err != nil {
			return err
		}
		if status, ok := exc.ExitCode(); !ok || status != 4 {
			return fmt.Errorf("ExitCode() = %d, %v", status, ok)
		}
		return nil
	}},
	{"sys_exit_in_callback_called_from_a_go_goroutine", func() error {
		if err := exec("import soak, sys\nsoak.keep(lambda x: sys.exit(x))"); err != nil {
			return err
		}
		err := inGoroutine(func() error { _, err := soak.CallKept(5); return err })
		exc, err := wantException(err, "SystemExit", "5")
		if err != nil {
			return err
		}
		if status, ok := exc.ExitCode(); !ok || status != 5 {
			return fmt.Errorf("ExitCode() = %d, %v", status, ok)
		}
		return nil
	}},
	{"sys_exit_in_a_python_thread", func() error {
		return python.WithGIL(func() error {
			fns, err := funcs("exit_in_thread")
			if err != nil {
				return err
			}
			defer releaseAll(fns)
			r, err := fns[0].Call(6)
			if err != nil {
				return err
			}
			if ok, err := r.Bool(); err != nil || !ok {
				return fmt.Errorf("the thread calling sys.exit did not end: %v, %v", ok, err)
			}
			return nil
		})
	}},
}

// finalizeIdle: goroutines that used Python are parked (their objects released) while
// Finalize runs; Finalize returns, and everything they try afterwards is a clear Go error.
func finalizeIdle() error {
	var stale *python.Object
	if err := python.WithGIL(func() error {
		if err := python.Exec("import soak, soak_embedded\nsoak.keep(soak_embedded.double)\n"+
			"soak.keep_must(soak_embedded.double)", nil); err != nil {
			return err
		}
		fns, err := funcs("square")
		stale = fns[0] // deliberately kept past Finalize
		return err
	}); err != nil {
		return err
	}
	if v, err := inGoroutineInt(func() (int, error) { return soak.CallKept(21) }); err != nil || v != 42 {
		return fmt.Errorf("callback from a goroutine before Finalize: %d, %v", v, err)
	}
	const parked = 8
	var ready, done sync.WaitGroup
	resume := make(chan struct{})
	after := make([]error, parked)
	for g := 0; g < parked; g++ {
		ready.Add(1)
		done.Add(1)
		go func(g int) {
			defer done.Done()
			err := python.WithGIL(func() error {
				v, err := callInt(stale, g)
				if err == nil && v != int64(g*g) {
					err = fmt.Errorf("square(%d) = %d", g, v)
				}
				return err
			})
			ready.Done()
			if err != nil {
				after[g] = err
				return
			}
			<-resume // idle, holding no GIL and no Python object
			after[g] = python.WithGIL(func() error { return errors.New("WithGIL ran fn after Finalize") })
		}(g)
	}
	ready.Wait()
	finalized := make(chan error, 1)
	go func() { finalized <- python.Finalize() }()
	select {
	case err := <-finalized:
		if err != nil {
			return fmt.Errorf("Finalize: %w", err)
		}
	case <-time.After(30 * time.Second):
		return errors.New("Finalize did not return within 30s while goroutines were idle")
	}
	if python.IsInitialized() {
		return errors.New("IsInitialized() after Finalize")
	}
	close(resume)
	done.Wait()
	var problems []string
	for g, err := range after {
		if !errors.Is(err, python.ErrNotInitialized) {
			problems = append(problems, fmt.Sprintf("goroutine %d after Finalize: %v", g, err))
		}
	}
	// A kept callback with an error result: the error names the callback and the cause.
	_, err := inGoroutineInt(func() (int, error) { return soak.CallKept(1) })
	if !errors.Is(err, python.ErrNotInitialized) || !strings.Contains(err.Error(), "callback keep() argument 1") {
		problems = append(problems, fmt.Sprintf("kept callback after Finalize: %v", err))
	}
	fmt.Printf("kept callback after Finalize: %v\n", err)
	// Without an error result it panics with that error (recoverable, as any Go panic).
	_, err = inGoroutineInt(func() (v int, err error) {
		defer func() {
			if r := recover(); r != nil {
				err, _ = r.(error)
			}
		}()
		return soak.CallKeptMust(1), errors.New("no panic")
	})
	if !errors.Is(err, python.ErrNotInitialized) {
		problems = append(problems, fmt.Sprintf("kept callback without error result after Finalize: %v", err))
	}
	// An *Object of the finalized interpreter is stale; Release is a no-op.
	if _, err := stale.Call(1); !errors.Is(err, python.ErrStale) {
		problems = append(problems, fmt.Sprintf("object of the finalized interpreter: %v", err))
	}
	fmt.Printf("object after Finalize: %v\n", func() error { _, err := stale.Call(1); return err }())
	stale.Release()
	// The kept callables' references are dropped by finalizers now: they must do nothing.
	soak.Forget()
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// finalizeBusy: goroutines call Python in a loop while Finalize runs. Finalize waits for the
// calls in progress, and every goroutine stops on an error that says Python is gone
// (errors.Is ErrNotInitialized), whichever phase of Finalize it hit.
func finalizeBusy() error {
	fns, err := funcsWithGIL("square")
	if err != nil {
		return err
	}
	const busy = 8
	var calls atomic.Int64
	ends := make(chan error, busy)
	for g := 0; g < busy; g++ {
		go func(g int) {
			for {
				err := python.WithGIL(func() error {
					v, err := callInt(fns[0], g)
					if err == nil && v != int64(g*g) {
						err = fmt.Errorf("square(%d) = %d", g, v)
					}
					return err
				})
				if err != nil {
					ends <- err
					return
				}
				calls.Add(1)
			}
		}(g)
	}
	time.Sleep(200 * time.Millisecond)
	if err := python.Finalize(); err != nil {
		return err
	}
	var problems []string
	seen := map[string]int{}
	for g := 0; g < busy; g++ {
		err := <-ends
		seen[err.Error()]++
		if !errors.Is(err, python.ErrNotInitialized) {
			problems = append(problems, fmt.Sprintf("a goroutine stopped on %v", err))
		}
	}
	fmt.Printf("%d calls before Finalize; the goroutines stopped on %v\n", calls.Load(), seen)
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// funcsWithGIL is funcs, taking the GIL itself.
func funcsWithGIL(names ...string) ([]*python.Object, error) {
	var fns []*python.Object
	err := python.WithGIL(func() error {
		var err error
		fns, err = funcs(names...)
		return err
	})
	return fns, err
}

func inGoroutineInt(f func() (int, error)) (int, error) {
	var v int
	err := inGoroutine(func() error {
		var err error
		v, err = f()
		return err
	})
	return v, err
}

// exitWithPythonStatus runs sys.exit(code) in embedded Python and exits the way Python
// would have, after finalizing: what a host wanting Python's semantics does.
func exitWithPythonStatus(code string) {
	err := exec("import sys\nsys.exit(" + code + ")")
	var exc *python.Exception
	if !errors.As(err, &exc) {
		fatal(fmt.Errorf("sys.exit(%s) gave %v", code, err))
	}
	status, ok := exc.ExitCode()
	if !ok {
		fatal(fmt.Errorf("sys.exit(%s) gave %v, not a SystemExit", code, err))
	}
	if _, isInt := strconv.Atoi(exc.Message); isInt != nil && exc.Message != "" {
		fmt.Fprintln(os.Stderr, exc.Message) // as Python prints a non-int code
	}
	fmt.Println("exiting with", status)
	if err := python.Finalize(); err != nil {
		fatal(err)
	}
	os.Exit(status)
}
