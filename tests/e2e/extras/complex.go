// Package extras exercises complex numbers, sentinel errors and enums of an imported package
// for bindc's tests.
package extras

import "math/cmplx"

// Sqrt is the principal square root of z.
func Sqrt(z complex128) complex128 { return cmplx.Sqrt(z) }

// Half halves z in single precision.
func Half(z complex64) complex64 { return z / 2 }

// Parts splits z into its real and imaginary parts.
func Parts(z complex128) (float64, float64) { return real(z), imag(z) }

// Add adds every z.
func Add(zs ...complex128) complex128 {
	var total complex128
	for _, z := range zs {
		total += z
	}
	return total
}

// Conjugates conjugates each element.
func Conjugates(zs []complex128) []complex128 {
	out := make([]complex128, len(zs))
	for i, z := range zs {
		out[i] = cmplx.Conj(z)
	}
	return out
}

// Roots maps each name to the square root of its value, in single precision.
func Roots(m map[string]complex64) map[string]complex64 {
	out := make(map[string]complex64, len(m))
	for k, z := range m {
		out[k] = complex64(cmplx.Sqrt(complex128(z)))
	}
	return out
}

// Impedance is a complex number with a meaning.
type Impedance complex128

// Series is the impedance of a and b in series.
func Series(a, b Impedance) Impedance { return a + b }

// Circuit is a struct with a complex field.
type Circuit struct {
	Load Impedance
	Gain complex64
}

// Total is the load times the gain.
func (c *Circuit) Total() complex128 { return complex128(c.Load) * complex128(c.Gain) }

// Apply calls f on z (a Python callback taking and returning a complex number).
func Apply(f func(complex128) complex128, z complex128) complex128 { return f(z) }

// Unit is the imaginary unit, a package variable (complex128 from its constant initialiser).
var Unit = 1i

// Complex constants, evaluated exactly at generation.
const (
	Rot               = 1i
	Quarter           = (1 + 1i) * (1 - 1i) / 8
	Z64     complex64 = 0.1 + 0.2i
	Re                = real(3 + 4i)
)
