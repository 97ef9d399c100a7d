package foreign

import (
	"fmt"
	"time"
)

// Point is a bound struct, passed through any.
type Point struct{ X, Y int }

// TypeOf returns the Go type of v, as fmt's %T shows it.
func TypeOf(v any) string { return fmt.Sprintf("%T", v) }

// Identity returns v unchanged.
func Identity(v any) any { return v }

// Printf formats like fmt.Sprintf.
func Printf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// Printi formats like fmt.Sprint, interface{} spelled out.
func Printi(a ...interface{}) string { return fmt.Sprint(a...) }

// Origin returns a Point as an any.
func Origin() any { return Point{} }

// Values returns Go values of several kinds in a map of any.
func Values() map[string]any {
	return map[string]any{"p": &Point{1, 2}, "t": time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), "n": 3}
}

// Apply calls f with args when f is a func(...any) (any, error), as a Python function passed
// as any arrives; anything else is an error naming its Go type.
func Apply(f any, args ...any) (any, error) {
	fn, ok := f.(func(...any) (any, error))
	if !ok {
		return nil, fmt.Errorf("not a func(...any) (any, error): %T", f)
	}
	return fn(args...)
}

// Stored keeps the funcs of a map[string]any (a FuncMap) to call them later, as
// text/template does.
var stored map[string]any

// Store keeps funcs for Call.
func Store(funcs map[string]any) { stored = funcs }

// Call calls the stored func name with args from a new goroutine (a Python function is
// callable from any goroutine; this function waits for it, so it must release the GIL).
//
//py4go:nogil
func Call(name string, args ...any) (any, error) {
	type result struct {
		v   any
		err error
	}
	done := make(chan result)
	go func() {
		v, err := Apply(stored[name], args...)
		done <- result{v, err}
	}()
	r := <-done
	return r.v, r.err
}
