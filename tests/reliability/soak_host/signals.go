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
