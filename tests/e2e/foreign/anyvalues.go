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
