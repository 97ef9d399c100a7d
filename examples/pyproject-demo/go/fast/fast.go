// Package fast is the Go half of the demo project: numeric helpers Python calls directly.
package fast

import "sort"

// Fib returns the n-th Fibonacci number (Fib(0) = 0), computed iteratively.
func Fib(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

// Median returns the median of xs (the mean of the two middle values for an even count).
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}
