// Package interfaces exercises Python objects implementing Go interfaces, for end-to-end tests.
package interfaces

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	python "github.com/py4go/py4go/runtime"
)

// Shape is implemented by Square here and by any Python object with an area() method.
type Shape interface {
	Area() int
}

// Square is a Go Shape.
type Square struct {
	Side int
}

// Area implements Shape.
func (s Square) Area() int { return s.Side * s.Side }

// AreaOf returns s.Area(), or -1 for a nil Shape.
func AreaOf(s Shape) int {
	if s == nil {
		return -1
	}
	return s.Area()
}

// TotalArea sums the areas of Go and Python shapes alike.
func TotalArea(shapes ...Shape) int {
	total := 0
	for _, s := range shapes {
		total += s.Area()
	}
	return total
}

// Bigger returns whichever shape has the larger area (a or b itself).
func Bigger(a, b Shape) Shape {
	if b.Area() > a.Area() {
		return b
	}
	return a
}

// Same reports whether Go sees a and b as the same interface value.
func Same(a, b Shape) bool { return a == b }

// SafeArea calls s.Area() and recovers a panic, returning its message.
func SafeArea(s Shape) (area int, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprint(r)
		}
	}()
	return s.Area(), ""
}

// AreaInGoroutine calls s.Area() on another goroutine, n times, and returns the sum.
func AreaInGoroutine(s Shape, n int) int {
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += len(sums) {
				sums[g] += s.Area()
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, x := range sums {
		total += x
	}
	return total
}

var kept Shape

// Keep stores s for KeptArea.
func Keep(s Shape) { kept = s }

// KeptArea calls the kept shape from a new goroutine (so it must release the GIL).
//
//py4go:nogil
func KeptArea() int {
	done := make(chan int)
	go func() { done <- kept.Area() }()
	return <-done
}

// Kept returns the kept shape.
func Kept() Shape { return kept }

// Forget drops the kept shape.
func Forget() { kept = nil }

// Collect runs Go's garbage collector (and finalizers) a few times.
func Collect() {
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(2 * time.Millisecond)
	}
}

// Labeler has a method with an error result, arguments and several kinds of values, and
// String (which Python implements as __str__).
type Labeler interface {
	fmt.Stringer
	// Label labels n items.
	Label(prefix string, n int) (string, error)
	Weights(xs []float64) map[string]float64
}

// Describe combines l's String and Label; l's error is returned as is.
func Describe(l Labeler, n int) (string, error) {
	s, err := l.Label("#", n)
	if err != nil {
		return "", err
	}
	return l.String() + " " + s, nil
}

// DescribeWrapped wraps the error of l.Label("x", 0).
func DescribeWrapped(l Labeler) error {
	if _, err := l.Label("x", 0); err != nil {
		return fmt.Errorf("label failed: %w", err)
	}
	return nil
}

// LabelError returns the text of l's error for Label("", 0) and its Python exception type,
// as Go sees them.
func LabelError(l Labeler) string {
	_, err := l.Label("", 0)
	if err == nil {
		return ""
	}
	var exc *python.Exception
	if !errors.As(err, &exc) {
		return err.Error() + " (not a *python.Exception)"
	}
	return err.Error() + " (" + exc.Type + ")"
}

// Heaviest returns the key of the largest weight l gives xs.
func Heaviest(l Labeler, xs []float64) string {
	best, bestW := "", -1.0
	for k, w := range l.Weights(xs) {
		if w > bestW {
			best, bestW = k, w
		}
	}
	return best
}

// Failer embeds error: Python implements Error() as __str__.
type Failer interface {
	error
	Code() int
}

// Explain formats a Failer.
func Explain(f Failer) string { return fmt.Sprintf("%d: %s", f.Code(), f.Error()) }

// Visitor's method takes a bound struct: a Python object implementing it gets a Square instance.
type Visitor interface {
	Visit(s Square) int
}

// Walk visits a square.
func Walk(v Visitor) int { return v.Visit(Square{Side: 2}) }

// ReadCloser embeds io.Reader, whose methods bindc does not know.
type ReadCloser interface {
	io.Reader
	Close() error
}

// CloseIt closes rc.
func CloseIt(rc ReadCloser) error { return rc.Close() }

// Sealed has an unexported method: Python objects implement it only when the bindings are
// generated into this package (a wrapper package cannot declare seal).
type Sealed interface {
	Value() int
	seal()
}

// ValueOf returns s.Value().
func ValueOf(s Sealed) int { return s.Value() }

// Chain mentions itself: Python objects cannot implement it (its results would be proxies).
type Chain interface {
	Next() Chain
}

// Length counts the links of c.
func Length(c Chain) int {
	n := 0
	for ; c != nil; c = c.Next() {
		n++
	}
	return n
}

// Holder has a field of interface type.
type Holder struct {
	Shape Shape
}

// Area returns the held shape's area.
func (h *Holder) Area() int { return h.Shape.Area() }

// SumAreas sums a list of Go and Python shapes (nil entries count 0).
func SumAreas(shapes []Shape) int {
	total := 0
	for _, s := range shapes {
		if s != nil {
			total += s.Area()
		}
	}
	return total
}

// ByName returns the area of every named shape.
func ByName(shapes map[string]Shape) map[string]int {
	out := map[string]int{}
	for k, s := range shapes {
		out[k] = s.Area()
	}
	return out
}

// ReverseShapes returns shapes in reverse order (Go and Python values come back as they went in).
func ReverseShapes(shapes []Shape) []Shape {
	out := make([]Shape, len(shapes))
	for i, s := range shapes {
		out[len(shapes)-1-i] = s
	}
	return out
}

// Greet writes a greeting to w: an io.Writer of Go (a *Buffer) or of Python (io.BytesIO,
// a file opened "wb").
func Greet(w io.Writer, name string) (int, error) {
	return fmt.Fprintf(w, "hello %s\n", name)
}

// CopyAndClose writes each line to w, then closes it.
func CopyAndClose(w io.WriteCloser, lines []string) error {
	for _, l := range lines {
		if _, err := io.WriteString(w, l+"\n"); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
	}
	return w.Close()
}

// Buffer is a Go io.Writer.
type Buffer struct {
	data []byte
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) {
	b.data = append(b.data, p...)
	return len(p), nil
}

// String is what was written.
func (b *Buffer) String() string { return string(b.data) }
