// Package streams exercises Go's streams as Python sees them: iter.Seq and iter.Seq2
// results and parameters, and receive-only channels.
package streams

import (
	"errors"
	"iter"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

// Point is a bound class carried by sequences.
type Point struct {
	X, Y int
}

// stopped counts the sequences whose Go code ran to its end, deferred calls included.
var stopped atomic.Int64

// Stopped reports how many sequences made by Count have finished (run out or been stopped).
func Stopped() int { return int(stopped.Load()) }

// Goroutines reports runtime.NumGoroutine, so tests see that no sequence is left behind.
func Goroutines() int { return runtime.NumGoroutine() }

// Count yields 0, 1, ..., n-1.
func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer stopped.Add(1)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Naturals yields 0, 1, 2, ... forever: only a consumer that stops can use it.
func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		defer stopped.Add(1)
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Words yields the fields of s.
func Words(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, w := range strings.Fields(s) {
			if !yield(w) {
				return
			}
		}
	}
}

// Enumerate yields (index, word) pairs of the fields of s.
func Enumerate(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range strings.Fields(s) {
			if !yield(i, w) {
				return
			}
		}
	}
}

// Diagonal yields points (i, i) for i < n.
func Diagonal(n int) iter.Seq[*Point] {
	return func(yield func(*Point) bool) {
		for i := 0; i < n; i++ {
			if !yield(&Point{i, i}) {
				return
			}
		}
	}
}

// Nothing returns a nil sequence.
func Nothing() iter.Seq[int] { return nil }

// Explode yields 1 and then panics.
func Explode() iter.Seq[int] {
	return func(yield func(int) bool) {
		if !yield(1) {
			return
		}
		panic(errors.New("sequence exploded"))
	}
}

// Sum adds the values of seq.
func Sum(seq iter.Seq[int]) int {
	total := 0
	for v := range seq {
		total += v
	}
	return total
}

// FirstN collects at most n values of seq (and stops it).
func FirstN(seq iter.Seq[string], n int) []string {
	var out []string
	if n <= 0 {
		return out
	}
	for v := range seq {
		out = append(out, v)
		if len(out) == n {
			break
		}
	}
	return out
}

// Join joins "k=v" for every pair of seq with ",".
func Join(seq iter.Seq2[string, int]) string {
	var parts []string
	for k, v := range seq {
		parts = append(parts, k+"="+itoa(v))
	}
	return strings.Join(parts, ",")
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b []byte
	for v > 0 {
		b = append([]byte{byte('0' + v%10)}, b...)
		v /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// Ticks sends 0..n-1 on a channel from a goroutine, one every d, then closes it.
func Ticks(n int, d time.Duration) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			time.Sleep(d)
			ch <- i
		}
	}()
	return ch
}

// Forever returns a channel nothing is ever sent on (a receive waits until interrupted).
func Forever() <-chan string { return make(chan string) }

// Total receives every value of ch until it is closed and adds them.
func Total(ch <-chan int) int {
	total := 0
	for v := range ch {
		total += v
	}
	return total
}
