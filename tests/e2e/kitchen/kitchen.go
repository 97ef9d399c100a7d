// Package kitchen exercises every type mapping bindc supports, for end-to-end tests.
package kitchen

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Add returns a+b.
func Add(a, b int) int { return a + b }

// Int8 echoes an int8.
func Int8(x int8) int8 { return x }

// Int16 echoes an int16.
func Int16(x int16) int16 { return x }

// Int32 echoes an int32.
func Int32(x int32) int32 { return x }

// Int64 echoes an int64.
func Int64(x int64) int64 { return x }

// Uint echoes a uint.
func Uint(x uint) uint { return x }

// Uint8 echoes a uint8.
func Uint8(x uint8) uint8 { return x }

// Uint16 echoes a uint16.
func Uint16(x uint16) uint16 { return x }

// Uint32 echoes a uint32.
func Uint32(x uint32) uint32 { return x }

// Uint64 echoes a uint64.
func Uint64(x uint64) uint64 { return x }

// Uintptr echoes a uintptr.
func Uintptr(x uintptr) uintptr { return x }

// Rune returns the rune after r.
func Rune(r rune) rune { return r + 1 }

// Byte returns b+1 (wrapping).
func Byte(b byte) byte { return b + 1 }

// Float32 echoes a float32.
func Float32(x float32) float32 { return x }

// Sqrt is math.Sqrt.
func Sqrt(x float64) float64 { return math.Sqrt(x) }

// Not negates b.
func Not(b bool) bool { return !b }

// Concat joins a and b with a space.
func Concat(a, b string) string { return a + " " + b }

// Upper is strings.ToUpper.
func Upper(s string) string { return strings.ToUpper(s) }

// Len returns the length of s in bytes (UTF-8).
func Len(s string) int { return len(s) }

// Reverse returns b reversed.
func Reverse(b []byte) []byte {
	r := make([]byte, len(b))
	for i := range b {
		r[len(b)-1-i] = b[i]
	}
	return r
}

// Invalid returns a string that is not valid UTF-8.
func Invalid() string { return "\xff\xfe" }

// Join joins parts with sep.
func Join(sep string, parts ...string) string { return strings.Join(parts, sep) }

// Sum adds every argument.
func Sum(xs ...int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// DivMod returns the quotient and remainder.
func DivMod(a, b int) (int, int) { return a / b, a % b }

// Describe returns several kinds of results at once.
func Describe(s string) (upper string, n int, empty bool, raw []byte) {
	return strings.ToUpper(s), len(s), s == "", []byte(s)
}

// ErrNegative is returned by Checked for negative input.
var ErrNegative = errors.New("negative input")

// Checked returns x, or an error when x is negative.
func Checked(x int) (int, error) {
	if x < 0 {
		return 0, fmt.Errorf("checked(%d): %w", x, ErrNegative)
	}
	return x, nil
}

// Fail returns an error when asked to.
func Fail(fail bool) error {
	if fail {
		return errors.New("asked to fail")
	}
	return nil
}

// Panic panics with msg.
func Panic(msg string) string { panic(msg) }

// Divide divides, panicking with a runtime error when b is zero.
func Divide(a, b int) int { return a / b }

// Nothing does nothing.
func Nothing() {}

// Keyword has a parameter named like a Python keyword.
func Keyword(from, lambda int) int { return from - lambda }

//py4go:export shout
func exclaim(s string) string { return s + "!" }

//py4go:skip
func Skipped() {}

// Generic is not bindable (type parameters).
func Generic[T any](x T) T { return x }

// Channel is not bindable (a pointer to a pointer).
func Channel(c **int) {}
