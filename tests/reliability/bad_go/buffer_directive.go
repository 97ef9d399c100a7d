// bindc-expect: exit 2
// bindc-expect: 9:14: error: Names cannot be exported: //py4go:buffer: result 1 is []string, not a slice of numbers array.array can hold ([]float64, []int32...)
// bindc-expect: 13:17: error: Spectrum cannot be exported: //py4go:buffer: result 1 is []complex128, not a slice of numbers array.array can hold ([]float64, []int32...)
// bindc-expect: 15:16: error: //py4go:buffer takes no argument
package bad

// Names is not numeric.
//py4go:buffer
func Names() []string { return nil }

// Spectrum has no array typecode.
//py4go:buffer
func Spectrum() []complex128 { return nil }

//py4go:buffer d
func Ramp() []float64 { return nil }
