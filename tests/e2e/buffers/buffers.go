// Package buffers exercises numeric slice parameters viewing Python buffers without a copy
// (array.array, memoryview, numpy arrays) in bindc.
package buffers

import "errors"

// SumF64 adds float64s.
func SumF64(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// SumF32 adds float32s.
func SumF32(xs []float32) float64 {
	t := 0.0
	for _, x := range xs {
		t += float64(x)
	}
	return t
}

// SumI64 adds int64s.
func SumI64(xs []int64) int64 { return sum(xs) }

// SumInt adds ints.
func SumInt(xs []int) int { return sum(xs) }

// SumI32 adds int32s.
func SumI32(xs []int32) int64 { return widen(xs) }

// SumI16 adds int16s.
func SumI16(xs []int16) int64 { return widen(xs) }

// SumI8 adds int8s.
func SumI8(xs []int8) int64 { return widen(xs) }

// SumU64 adds uint64s.
func SumU64(xs []uint64) uint64 { return sum(xs) }

// SumU32 adds uint32s.
func SumU32(xs []uint32) uint64 { return uwiden(xs) }

// SumU16 adds uint16s.
func SumU16(xs []uint16) uint64 { return uwiden(xs) }

// SumC128 adds complex128s.
func SumC128(xs []complex128) complex128 { return sum(xs) }

// SumC64 adds complex64s.
func SumC64(xs []complex64) complex128 {
	var t complex128
	for _, x := range xs {
		t += complex128(x)
	}
	return t
}

// Scale multiplies every element by k in place.
func Scale(xs []float64, k float64) {
	for i := range xs {
		xs[i] *= k
	}
}

// Fill sets every element to v (int32).
func Fill(xs []int32, v int32) {
	for i := range xs {
		xs[i] = v
	}
}

// Count is the number of elements Go sees.
func Count(xs []float64) int { return len(xs) }

// WriteThenPanic writes 7 into the first element, then panics.
func WriteThenPanic(xs []int64) {
	xs[0] = 7
	panic("boom")
}

// WriteThenFail writes 9 into the first element, then returns an error.
func WriteThenFail(xs []int64) error {
	xs[0] = 9
	return errors.New("failed after writing")
}

// During calls f in the middle of reading xs (f may try to resize the buffer) and returns the
// sum of xs.
func During(xs []float64, f func()) float64 {
	f()
	return SumF64(xs)
}

// Dot is the dot product of two equally long vectors, computed without the GIL.
//
//py4go:nogil
func Dot(a, b []float64) (float64, error) {
	if len(a) != len(b) {
		return 0, errors.New("length mismatch")
	}
	t := 0.0
	for i := range a {
		t += a[i] * b[i]
	}
	return t, nil
}

// Celsius is a defined float: slices of it take the element-wise path (range checks kept).
type Celsius float64

// Mean averages temperatures.
func Mean(xs []Celsius) Celsius {
	if len(xs) == 0 {
		return 0
	}
	var t Celsius
	for _, x := range xs {
		t += x
	}
	return t / Celsius(len(xs))
}

func sum[T int | int64 | uint64 | complex128](xs []T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

func widen[T int8 | int16 | int32](xs []T) int64 {
	var t int64
	for _, x := range xs {
		t += int64(x)
	}
	return t
}

func uwiden[T uint16 | uint32](xs []T) uint64 {
	var t uint64
	for _, x := range xs {
		t += uint64(x)
	}
	return t
}

// Samples is a named slice of float64 (no methods): it views buffers like []float64.
type Samples []float64

// Peak is the largest sample (0 for none).
func Peak(s Samples) float64 {
	best := 0.0
	for i, x := range s {
		if i == 0 || x > best {
			best = x
		}
	}
	return best
}

// Normalize divides every sample by the peak, in place.
func Normalize(s Samples) {
	p := Peak(s)
	for i := range s {
		s[i] /= p
	}
}

// Ramp returns n float64s 0, 1, 2... as an array.array('d').
//
//py4go:buffer
func Ramp(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i)
	}
	return out
}

// Histogram counts values per bucket of width w, as an array.array('q'), with an error for w <= 0.
//
//py4go:buffer
func Histogram(xs []float64, w float64, buckets int) ([]int64, error) {
	if w <= 0 {
		return nil, errors.New("bucket width must be positive")
	}
	out := make([]int64, buckets)
	for _, x := range xs {
		if i := int(x / w); i >= 0 && i < buckets {
			out[i]++
		}
	}
	return out, nil
}

// Halves returns float32s (array.array('f')), nil for n == 0.
//
//py4go:buffer
func Halves(n int) []float32 {
	if n == 0 {
		return nil
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(i) / 2
	}
	return out
}
