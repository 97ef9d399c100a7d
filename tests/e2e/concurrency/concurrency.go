// Package concurrency exercises Go's concurrency as Python sees it: functions taking a
// context.Context (filled by bindc: a timeout, Ctrl-C and asyncio cancellation reach it).
package concurrency

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

var (
	running     atomic.Int64 // context-taking calls in progress
	finished    atomic.Int64 // context-taking calls that returned
	cancelledAt atomic.Int64 // time.Now().UnixNano() when Sleep last saw its context end
)

// Goroutines reports runtime.NumGoroutine, so tests see that no call is left behind.
func Goroutines() int { return runtime.NumGoroutine() }

// Running reports how many context-taking calls of this package are in progress.
func Running() int { return int(running.Load()) }

// Finished reports how many context-taking calls of this package have returned.
func Finished() int { return int(finished.Load()) }

// CancelledAt is the wall-clock time (Unix nanoseconds) at which a Sleep last saw its
// context end, 0 before that.
func CancelledAt() int64 { return cancelledAt.Load() }

func track() func() {
	running.Add(1)
	return func() {
		running.Add(-1)
		finished.Add(1)
	}
}

// Sleep waits for d, or until ctx ends (returning its error).
func Sleep(ctx context.Context, d time.Duration) error {
	defer track()()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		cancelledAt.Store(time.Now().UnixNano())
		return ctx.Err()
	}
}

// Nap waits for ms milliseconds, or until ctx ends, and returns the milliseconds it waited:
// a context-taking function without an error result.
func Nap(ctx context.Context, ms int) int {
	defer track()()
	start := time.Now()
	select {
	case <-time.After(time.Duration(ms) * time.Millisecond):
	case <-ctx.Done():
	}
	return int(time.Since(start) / time.Millisecond)
}

// Deadline reports the seconds left before ctx's deadline, or -1 without one.
func Deadline(ctx context.Context) float64 {
	d, ok := ctx.Deadline()
	if !ok {
		return -1
	}
	return time.Until(d).Seconds()
}

// Echo returns s: a quick context-taking call.
func Echo(ctx context.Context, s string) (string, error) {
	return s, ctx.Err()
}

// ErrRefused is returned by Refuse.
var ErrRefused = errors.New("refused")

// Refuse fails with ErrRefused, whatever the context.
func Refuse(ctx context.Context) error { return ErrRefused }

// Explode panics on the goroutine running the call.
func Explode(ctx context.Context, msg string) int {
	panic(errors.New(msg))
}

// Ignore runs for ms milliseconds whatever its context says (cancellation is cooperative).
func Ignore(ctx context.Context, ms int) bool {
	time.Sleep(time.Duration(ms) * time.Millisecond)
	return ctx.Err() != nil
}

// Spawn starts n goroutines that live as long as ctx and returns: the context ends when the
// call returns, so they end too.
func Spawn(ctx context.Context, n int) int {
	for i := 0; i < n; i++ {
		go func() { <-ctx.Done() }()
	}
	return n
}

// Add adds a and b: a function without a context, for comparison.
func Add(a, b int) int { return a + b }

// Counter counts calls made through its method.
type Counter struct {
	N int
}

// Bump waits for ms milliseconds (or until ctx ends) and adds one to N unless ctx ended.
func (c *Counter) Bump(ctx context.Context, ms int) (int, error) {
	if err := Sleep(ctx, time.Duration(ms)*time.Millisecond); err != nil {
		return c.N, err
	}
	c.N++
	return c.N, nil
}

// Work sleeps for ms milliseconds without a context and returns ms: a function that releases
// the GIL (and so has an awaitable form) but cannot be cancelled.
//
//py4go:nogil
func Work(ms int) int {
	time.Sleep(time.Duration(ms) * time.Millisecond)
	return ms
}

// Apply calls f(x) from the goroutine running the call.
func Apply(f func(int) int, x int) int { return f(x) }

// Pair returns two results, for a future holding a tuple.
func Pair(ctx context.Context, a string, b int) (string, int, error) { return a, b, nil }

// Produce sends 0..n-1 on ch and closes it (a chan<- parameter: Go sends, Python receives).
func Produce(ch chan<- int, n int) {
	defer close(ch)
	for i := 0; i < n; i++ {
		ch <- i
	}
}

// Consume receives from ch until it is closed and returns the sum (Python sends).
func Consume(ch <-chan int) int {
	total := 0
	for v := range ch {
		total += v
	}
	return total
}

// Pipe returns a channel of strings with the given capacity (a chan T result).
func Pipe(capacity int) chan string { return make(chan string, capacity) }

// Relay receives one string from in and sends it upper-cased on out (two chan T parameters).
func Relay(in, out chan string) {
	s := <-in
	out <- strings.ToUpper(s)
}

// NilChan returns a nil channel.
func NilChan() chan int { return nil }

// Sink returns a send-only channel nothing receives from.
func Sink() chan<- int { return make(chan int, 1) }

// Mailbox has a channel field.
type Mailbox struct {
	Inbox chan string
}

// NewMailbox makes a Mailbox whose inbox holds n messages.
func NewMailbox(n int) *Mailbox { return &Mailbox{Inbox: make(chan string, n)} }

// Deliver sends s to m's inbox.
func (m *Mailbox) Deliver(s string) { m.Inbox <- s }
