package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"time"

	python "github.com/py4go/py4go/runtime"

	"example.com/soak"
)

// interruptDuringLongCall: in an embedding program the Go runtime owns signals (Python is
// initialized without its handlers). A host that wants SIGINT handles it with os/signal; a
// SIGINT arriving while Python runs a long Go call (GIL released or held) reaches that
// handler, and the Python code and the Go call carry on undisturbed.
func interruptDuringLongCall(variant string) error {
	fn := map[string]string{"nogil": "long", "gil": "long_holding"}[variant]
	if fn == "" {
		return errors.New("variant must be nogil or gil")
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	defer signal.Stop(ch)
	var got atomic.Bool
	go func() {
		<-ch
		got.Store(true)
		fmt.Println("host got SIGINT")
	}()
	fmt.Println("calling")
	start := time.Now()
	if err := exec("import soak\nresult = soak." + fn + "(1500)\nassert result == 1500, result"); err != nil {
		return err
	}
	elapsed := time.Since(start)
	if !got.Load() {
		return errors.New("the host's SIGINT handler did not run during the call")
	}
	if soak.Counts()[fn+"_done"] != 1 || elapsed < 1400*time.Millisecond {
		return fmt.Errorf("the Go call did not run to its end: %v after %v", soak.Counts(), elapsed)
	}
	return stillRunning()
}

// workerThreadAtFinalize: a non-daemon Python thread is calling Go functions that call back
// into Python when the host calls Finalize, and an atexit hook does the same. As in a plain
// Python program at exit, Finalize waits for the thread and then runs the hook, and every
// call, callbacks included, works meanwhile.
func workerThreadAtFinalize() error {
	err := exec(`
import os, threading, time, soak, soak_embedded
def worker():
    done = 0
    try:
        for i in range(100):
            assert soak.apply(soak_embedded.double, i) == 2 * i
            assert soak.fan_out(soak_embedded.double, 2) == 2
            done += 1
            time.sleep(0.001)
    except BaseException as exc:
        os.write(1, f"worker failed after {done} rounds: {type(exc).__name__}: {exc}\n".encode())
    else:
        os.write(1, f"worker finished {done} rounds\n".encode())
# daemon=False explicitly: code run under WithGIL runs on a goroutine's thread, which Python
# sees as a daemonic _DummyThread, and new threads inherit daemon=True from it.
threading.Thread(target=worker, daemon=False).start()

import atexit
def at_exit():
    # Runs during Finalize too: a Go call with callbacks from this and other goroutines.
    os.write(1, f"atexit: {soak.apply(soak_embedded.double, 21)} {soak.fan_out(soak_embedded.double, 3)}\n".encode())
atexit.register(at_exit)
`)
	if err != nil {
		return err
	}
	start := time.Now()
	if err := python.Finalize(); err != nil {
		return err
	}
	fmt.Printf("Finalize returned after %v\n", time.Since(start).Round(time.Millisecond))
	if n := soak.Counts()["fan_out"]; n != 100+1 { // the worker's rounds and the atexit hook
		return fmt.Errorf("fan_out ran %d times, expected 100 (worker) + 1 (atexit)", n)
	}
	return nil
}

// daemonThreadsAtFinalize: Python daemon threads are inside a long Go call (GIL released)
// when the host finalizes. Finalize returns at once; when their Go calls return, CPython ends
// those threads (as it ends any daemon thread that wants the GIL after finalization) and the
// Go program keeps running.
func daemonThreadsAtFinalize() error {
	err := exec(`
import threading, time, soak
def worker():
    soak.long(300)
    print("a daemon thread ran Python after Finalize", flush=True)
for _ in range(4):
    threading.Thread(target=worker, daemon=True).start()
while soak.counts().get("long", 0) < 4:
    time.sleep(0.001)
`)
	if err != nil {
		return err
	}
	start := time.Now()
	if err := python.Finalize(); err != nil {
		return err
	}
	if took := time.Since(start); took > 250*time.Millisecond {
		return fmt.Errorf("Finalize waited %v for the daemon threads' Go calls", took)
	}
	time.Sleep(800 * time.Millisecond) // the Go calls return meanwhile
	if n := soak.Counts()["long_done"]; n != 4 {
		return fmt.Errorf("%d of 4 Go calls ran to their end", n)
	}
	if err := python.WithGIL(func() error { return nil }); !errors.Is(err, python.ErrNotInitialized) {
		return fmt.Errorf("WithGIL after Finalize: %v", err)
	}
	return nil
}
