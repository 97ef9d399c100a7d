// Package vectorized exercises the vectorized forms (mod.vec.f): functions over numbers,
// strings and bools, named scalars, errors and panics at a chosen element, and functions that
// get no vectorized form.
package vectorized

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Celsius is a named float64.
type Celsius float64

// Level is a named int with constants: an enum.
type Level int

// The levels.
const (
	Low Level = iota
	High
)

// ErrNegative is returned by Sqrt for a negative input.
var ErrNegative = errors.New("negative input")

// Add returns a + b.
func Add(a, b int) int { return a + b }

// Scale returns x * f.
func Scale(x float64, f float32) float64 { return x * float64(f) }

// Small narrows v to an int8 result after taking an int16.
func Small(v int16) int8 { return int8(v / 2) }

// Mask returns x & m (unsigned).
func Mask(x uint64, m uint8) uint64 { return x & uint64(m) }

// Not negates b.
func Not(b bool) bool { return !b }

// Both reports a && b.
func Both(a, b bool) bool { return a && b }

// Repeat repeats s n times.
func Repeat(s string, n int) string { return strings.Repeat(s, n) }

// Len counts the bytes of s.
func Len(s string) int { return len(s) }

// ToF converts Celsius to Fahrenheit.
func ToF(c Celsius) Celsius { return c*9/5 + 32 }

// LevelOf is High from 10 on.
func LevelOf(v int) Level {
	if v >= 10 {
		return High
	}
	return Low
}

// Conj conjugates z.
func Conj(z complex128) complex128 { return complex(real(z), -imag(z)) }

// Sqrt returns the square root, or ErrNegative.
func Sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegative
	}
	return math.Sqrt(x), nil
}

// Check returns an error for a value above limit.
func Check(v, limit int) error {
	if v > limit {
		return fmt.Errorf("%d is above %d", v, limit)
	}
	return nil
}

// Invert panics on 0.
func Invert(v int) int {
	if v == 0 {
		panic("zero has no inverse")
	}
	return 100 / v
}

// BadUTF8 returns invalid UTF-8 for a negative n.
func BadUTF8(n int) string {
	if n < 0 {
		return "\xff"
	}
	return fmt.Sprint(n)
}

// Pair has two results: no vectorized form.
func Pair(v int) (int, int) { return v, -v }

// Sum is variadic: no vectorized form.
func Sum(vs ...int) int {
	total := 0
	for _, v := range vs {
		total += v
	}
	return total
}

// Now takes nothing: no vectorized form.
func Now() int { return 42 }

// Join takes a slice: no vectorized form.
func Join(parts []string) string { return strings.Join(parts, ",") }

var counter int

// Count adds v to a package counter: no result.
func Count(v int) { counter += v }

// Counter reads the counter.
func Counter() int { return counter }

// Hypot releases the GIL (//py4go:nogil): its vectorized form converts the whole run, then
// releases it once around the Go loop.
//
//py4go:nogil
func Hypot(a, b float64) float64 { return math.Hypot(a, b) }

// Halve fails with an error after releasing the GIL for odd values.
//
//py4go:nogil
func Halve(v int) (int, error) {
	if v%2 != 0 {
		return 0, fmt.Errorf("%d is odd", v)
	}
	return v / 2, nil
}

// Crash panics after releasing the GIL for a negative value.
//
//py4go:nogil
func Crash(v int) int {
	if v < 0 {
		panic(fmt.Sprintf("negative: %d", v))
	}
	return v
}
