// Command host embeds Python with the bound soak package registered and runs one scenario of
// tests/reliability (issue 5, points 4 and 5):
//
//	host soak SECONDS DIR    16 goroutines call Python while 16 Python threads call Go
//	host faults DIR          Go panics and Python exceptions through nested calls, sys.exit
//	host finalize DIR        Finalize while goroutines are parked, then they try Python again
//	host exitcode CODE DIR   Python calls sys.exit(CODE); the host exits with Python's status
//	host sigint nogil|gil DIR SIGINT (handled by the host) during a long Go call from Python
//	host busy DIR            Finalize while goroutines call Python in a loop
//	host worker DIR          Finalize while a Python thread calls Go (and Go calls back)
//	host daemon DIR          Finalize while Python daemon threads are inside Go calls
//	host deadlock DIR        hangs on purpose (tests the stack dump of a hung host)
//
// DIR holds soak_embedded.py. Output: "ok NAME" lines and a final JSON summary on stdout;
// any failed check is printed as "FAIL NAME: why" and the host exits 1.
package main

import (
	"encoding/json"
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

func main() {
	if len(os.Args) < 3 {
		fatal(errors.New("usage: host soak SECONDS DIR | faults DIR | finalize DIR | exitcode CODE DIR"))
	}
	dir := os.Args[len(os.Args)-1]
	if err := soak.RegisterPythonModule(); err != nil {
		fatal(err)
	}
	if err := python.Initialize(); err != nil {
		fatal(err)
	}
	if err := python.WithGIL(func() error { return python.AppendSysPath(dir) }); err != nil {
		fatal(err)
	}
	var failed bool
	switch os.Args[1] {
	case "soak":
		seconds, err := strconv.ParseFloat(os.Args[2], 64)
		if err != nil {
			fatal(err)
		}
		failed = report("soak", soakRun(seconds))
	case "faults":
		failed = runChecks(faultChecks)
	case "finalize":
		failed = report("finalize", finalizeIdle())
		os.Exit(exitStatus(failed)) // Finalize already ran
	case "exitcode":
		exitWithPythonStatus(os.Args[2])
	case "sigint":
		failed = report("sigint", interruptDuringLongCall(os.Args[2]))
	case "busy":
		failed = report("busy", finalizeBusy())
		os.Exit(exitStatus(failed)) // Finalize already ran
	case "worker":
		failed = report("worker", workerThreadAtFinalize())
		os.Exit(exitStatus(failed)) // Finalize already ran
	case "daemon":
		failed = report("daemon", daemonThreadsAtFinalize())
		os.Exit(exitStatus(failed)) // Finalize already ran
	case "deadlock":
		failed = report("deadlock", deadlock())
	default:
		fatal(errors.New("unknown scenario " + os.Args[1]))
	}
	if err := python.Finalize(); err != nil {
		fatal(err)
	}
	os.Exit(exitStatus(failed))
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "host:", err)
	os.Exit(2)
}

func exitStatus(failed bool) int {
	if failed {
		return 1
	}
	return 0
}

// report prints "ok NAME" or "FAIL NAME: err" and says whether it failed.
func report(name string, err error) bool {
	if err != nil {
		fmt.Printf("FAIL %s: %v\n", name, err)
		return true
	}
	fmt.Printf("ok %s\n", name)
	return false
}

// funcs imports soak_embedded and returns the named attributes (the caller holds the GIL
// and releases them).
func funcs(names ...string) ([]*python.Object, error) {
	mod, err := python.Import("soak_embedded")
	if err != nil {
		return nil, err
	}
	defer mod.Release()
	out := make([]*python.Object, len(names))
	for i, n := range names {
		if out[i], err = mod.GetAttr(n); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func releaseAll(objs []*python.Object) {
	for _, o := range objs {
		o.Release()
	}
}

// callInt calls f(args...) and returns the result as an int64.
func callInt(f *python.Object, args ...any) (int64, error) {
	r, err := f.Call(args...)
	if err != nil {
		return 0, err
	}
	defer r.Release()
	return r.Int64()
}

// deadlock hangs on purpose, so that a test can check what a hang reports: it holds the GIL
// while waiting for a goroutine that needs it.
func deadlock() error {
	return python.WithGIL(func() error {
		ch := make(chan error)
		go func() { ch <- python.WithGIL(func() error { return nil }) }()
		return <-ch
	})
}

// ---- soak ------------------------------------------------------------------------------------

const workers = 16 // goroutines calling Python, and Python threads calling Go

// goTally is what the soak goroutines counted.
type goTally struct {
	calls, conversions, viaGo atomic.Int64 // Go -> Python calls, FromGo/Decode, via_go calls
	perGoroutine              [workers]atomic.Int64
}

// pyTally is what the Python side counted (soak_embedded.py).
type pyTally struct {
	calls     map[string]int64 // per bound function, summed over the threads; "threads_idle"
	errors    []string         // wrong results and unexpected exceptions
	callbacks int64            // invocations of soak_embedded.double
}

// soakRun runs the soak for the given duration, prints a JSON summary and checks that both
// sides counted the same calls (checkTotals).
func soakRun(seconds float64) error {
	fns, err := funcsWithGIL("square", "checksum", "via_go", "Box", "start_threads", "warm_up", "ERRORS",
		"callback_calls", "disarm")
	if err != nil {
		return err
	}
	defer python.WithGIL(func() error { releaseAll(fns); return nil })
	if err := python.WithGIL(func() error { _, err := fns[5].Call(); return err }); err != nil {
		return err
	}
	goroutinesBefore := runtime.NumGoroutine()
	settleGo()
	var blocksBefore, blocksAfter int64
	var threads *python.Object
	if err := python.WithGIL(func() error {
		if blocksBefore, err = allocatedBlocks(); err != nil {
			return err
		}
		threads, err = fns[4].Call(workers, seconds)
		return err
	}); err != nil {
		return err
	}
	var gt goTally
	problems := runGoroutines(seconds, fns[0], fns[1], fns[2], fns[3], &gt)
	pt, err := pythonTally(threads, fns[6], fns[7], fns[8])
	if err != nil {
		return err
	}
	// Leaks: Python blocks once everything of the run is released (all threads joined),
	// goroutines once they have all returned.
	settleGo()
	if err := python.WithGIL(func() error { blocksAfter, err = allocatedBlocks(); return err }); err != nil {
		return err
	}
	goCounts := soak.Counts()
	problems = append(problems, checkTotals(&gt, pt, goCounts)...)
	var pythonToGo int64
	for _, n := range goCounts {
		pythonToGo += int64(n) // every call of a bound function, from the threads and from via_go
	}
	summary, _ := json.Marshal(map[string]any{
		"seconds": seconds, "goroutines": workers, "python_threads": workers,
		"go_to_python_calls": gt.calls.Load(), "conversions": gt.conversions.Load(),
		"python_to_go_calls": pythonToGo, "callbacks": pt.callbacks,
		"python_thread_calls": pt.calls, "go_counts": goCounts,
		"blocks_delta": blocksAfter - blocksBefore, "goroutines_delta": runtime.NumGoroutine() - goroutinesBefore,
	})
	fmt.Println(string(summary))
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// runGoroutines runs the soak goroutines until the deadline and returns their failures.
func runGoroutines(seconds float64, square, checksum, viaGo, box *python.Object, gt *goTally) []string {
	deadline := time.Now().Add(time.Duration(seconds * float64(time.Second)))
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			errs <- goroutineLoop(g, deadline, square, checksum, viaGo, box, gt)
		}(g)
	}
	wg.Wait()
	close(errs)
	var problems []string
	for e := range errs {
		if e != nil {
			problems = append(problems, e.Error())
		}
	}
	return problems
}

// pythonTally joins the Python threads and collects what Python counted; it releases threads.
func pythonTally(threads, errorList, callbackCalls, disarm *python.Object) (*pyTally, error) {
	pt := &pyTally{}
	err := python.WithGIL(func() error {
		defer threads.Release()
		totals, err := threads.CallMethod("join", 60.0)
		if err != nil {
			return err
		}
		defer totals.Release()
		if err := totals.Decode(&pt.calls); err != nil {
			return err
		}
		if err := errorList.Decode(&pt.errors); err != nil {
			return err
		}
		if pt.callbacks, err = callInt(callbackCalls); err != nil {
			return err
		}
		_, err = disarm.Call()
		return err
	})
	return pt, err
}

// checkTotals compares the two sides' counts: every call a Python thread or via_go made
// reached Go exactly once, and every callback Go made reached Python exactly once; no
// goroutine or thread starved.
func checkTotals(gt *goTally, pt *pyTally, goCounts map[string]int) []string {
	problems := append([]string(nil), pt.errors...)
	via := gt.viaGo.Load()
	expect := func(name string, got, want int64) {
		if got != want {
			problems = append(problems, fmt.Sprintf("%s: counted %d calls, expected %d", name, got, want))
		}
	}
	expect("add", int64(goCounts["add"]), pt.calls["add"]+via)
	expect("apply", int64(goCounts["apply"]), pt.calls["apply"]+via)
	for _, name := range []string{"add_no_gil", "apply_holding", "concat", "fan_out", "fan_out_strings", "transform",
		"panic_no_gil", "count_up", "stream"} {
		expect(name, int64(goCounts[name]), pt.calls[name])
	}
	// Each aio_long check awaits three soak.aio.long calls, each finished in Go.
	expect("long", int64(goCounts["long"]), 3*pt.calls["aio_long"])
	expect("long_done", int64(goCounts["long_done"]), 3*pt.calls["aio_long"])
	expect("callbacks", pt.callbacks, pt.calls["apply"]+pt.calls["apply_holding"]+4*pt.calls["fan_out"]+via)
	if pt.calls["threads_idle"] != 0 {
		problems = append(problems, fmt.Sprintf("%d Python threads made no call (starved)", pt.calls["threads_idle"]))
	}
	for g := range gt.perGoroutine {
		if gt.perGoroutine[g].Load() == 0 {
			problems = append(problems, fmt.Sprintf("goroutine %d made no call (starved)", g))
		}
	}
	return problems
}

// settleGo runs Go's garbage collector so that the Python references Go values held (a
// callback's callable, the exception object inside a callback's *python.Exception) are
// released: their finalizers queue the releases and the next WithGIL carries them out. Go's
// collector paces itself on the Go heap only, so without this the Python objects of the last
// few thousand calls would still be waiting and look like a leak.
func settleGo() {
	for i := 0; i < 2; i++ {
		runtime.GC()
		time.Sleep(20 * time.Millisecond) // finalizers run on their own goroutine
	}
}

// allocatedBlocks is sys.getallocatedblocks() after a full collection (the GIL is held).
func allocatedBlocks() (int64, error) {
	n, err := python.Eval("__import__('gc').collect() and 0 or __import__('sys').getallocatedblocks()", nil)
	if err != nil {
		return 0, err
	}
	defer n.Release()
	return n.Int64()
}

// goroutineLoop is one soak goroutine: until the deadline, Go -> Python calls of every kind
// (Call, GetAttr, FromGo/ToGo conversions, a Python function calling bound Go functions),
// each result checked.
func goroutineLoop(g int, deadline time.Time, square, checksum, viaGo, boxClass *python.Object, gt *goTally) error {
	var box *python.Object
	if err := python.WithGIL(func() error {
		var err error
		box, err = boxClass.Call(g)
		return err
	}); err != nil {
		return err
	}
	defer python.WithGIL(func() error { box.Release(); return nil })
	for i := int64(1); time.Now().Before(deadline); i++ {
		x := int64(g)*1_000_000 + i
		var label *python.Object
		err := python.WithGIL(func() error {
			if v, err := callInt(square, x); err != nil || v != x*x {
				return fmt.Errorf("square(%d) = %d, %v", x, v, err)
			}
			attr, err := box.GetAttr("value")
			if err != nil {
				return err
			}
			if v, err := attr.Int64(); err != nil || v != int64(g) {
				return fmt.Errorf("box.value = %d, %v; want %d", v, err, g)
			}
			label, err = box.GetAttr("label")
			if err != nil {
				return err
			}
			if s, err := label.Str(); err != nil || s != "box"+strconv.Itoa(g) {
				return fmt.Errorf("box.label = %q, %v", s, err)
			}
			data, err := python.FromGo(map[string]any{"items": []any{1, "two", 3.0}, "x": x})
			if err != nil {
				return err
			}
			defer data.Release()
			var back map[string]any
			if err := data.Decode(&back); err != nil || back["x"] != x {
				return fmt.Errorf("FromGo/Decode round trip gave %v, %v", back, err)
			}
			if v, err := callInt(checksum, data); err != nil || v != 3+x {
				return fmt.Errorf("checksum = %d, %v; want %d", v, err, 3+x)
			}
			if v, err := callInt(viaGo, x); err != nil || v != (x+1)+2*x {
				return fmt.Errorf("via_go(%d) = %d, %v", x, v, err)
			}
			return nil
		})
		// Released without the GIL: queued, and done by a later WithGIL (the leak figures
		// show the queue is drained).
		label.Release()
		if err != nil {
			return fmt.Errorf("goroutine %d, iteration %d: %w", g, i, err)
		}
		gt.perGoroutine[g].Add(1)
		gt.calls.Add(5) // square, box.value, box.label, checksum, via_go
		gt.conversions.Add(2)
		gt.viaGo.Add(1)
	}
	return nil
}
