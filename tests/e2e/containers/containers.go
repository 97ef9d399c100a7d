// Package containers exercises slices, arrays, maps, any and *python.Object crossing
// between Python and Go.
package containers

import (
	"fmt"
	"sort"
	"strings"

	python "github.com/py4go/py4go/runtime"
)

// SumList returns the sum of xs.
func SumList(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// Numbers returns [0, 1, ..., n-1].
func Numbers(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// Scale multiplies every element by k.
func Scale(xs []float64, k float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x * k
	}
	return out
}

// Upper upper-cases every string.
func Upper(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ToUpper(x)
	}
	return out
}

// Small sums int8 values (range-checked per element).
func Small(xs []int8) int {
	total := 0
	for _, x := range xs {
		total += int(x)
	}
	return total
}

// Flags negates every bool.
func Flags(xs []bool) []bool {
	out := make([]bool, len(xs))
	for i, x := range xs {
		out[i] = !x
	}
	return out
}

// Unsigned doubles uint32 values.
func Unsigned(xs []uint32) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		out[i] = 2 * uint64(x)
	}
	return out
}

// Chunks returns the byte strings of blobs, reversed in order.
func Chunks(blobs [][]byte) [][]byte {
	out := make([][]byte, len(blobs))
	for i, b := range blobs {
		out[len(blobs)-1-i] = b
	}
	return out
}

// Triple returns its array with every element tripled.
func Triple(a [3]int) [3]int {
	for i := range a {
		a[i] *= 3
	}
	return a
}

// Grid returns rows x cols cells named "r,c".
func Grid(rows, cols int) [][]string {
	out := make([][]string, rows)
	for r := range out {
		out[r] = make([]string, cols)
		for c := range out[r] {
			out[r][c] = fmt.Sprintf("%d,%d", r, c)
		}
	}
	return out
}

// Flatten joins rows of strings into one slice.
func Flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// Counts counts the words of text.
func Counts(text string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(text) {
		out[w]++
	}
	return out
}

// Total sums the values of m.
func Total(m map[string]int) int {
	total := 0
	for _, v := range m {
		total += v
	}
	return total
}

// Invert swaps keys and values.
func Invert(m map[string]int) map[int]string {
	out := make(map[int]string, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

// Lengths maps each key to the length of its list.
func Lengths(m map[string][]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = len(v)
	}
	return out
}

// Groups groups words by their length.
func Groups(words []string) map[int][]string {
	out := map[int][]string{}
	for _, w := range words {
		out[len(w)] = append(out[len(w)], w)
	}
	for _, g := range out {
		sort.Strings(g)
	}
	return out
}

// Table returns, for each row key, the sum of its columns.
func Table(t map[int]map[string]float64) map[int]float64 {
	out := make(map[int]float64, len(t))
	for k, row := range t {
		for _, v := range row {
			out[k] += v
		}
	}
	return out
}

// Nest builds {i: {"x": i/2}} for i < n.
func Nest(n int) map[int]map[string]float64 {
	out := make(map[int]map[string]float64, n)
	for i := 0; i < n; i++ {
		out[i] = map[string]float64{"x": float64(i) / 2}
	}
	return out
}

// NilSlice returns a nil slice (an empty list in Python).
func NilSlice() []int { return nil }

// NilMap returns a nil map (an empty dict in Python).
func NilMap() map[string]int { return nil }

// NilInside returns slices and maps holding nil ones.
func NilInside() map[string][]int { return map[string][]int{"none": nil, "one": {1}} }

// EmptyLen returns the length of xs and whether it is nil.
func EmptyLen(xs []string) (int, bool) { return len(xs), xs == nil }

// Describe returns the Go type and value of v as text.
func Describe(v any) string { return fmt.Sprintf("%T %v", v, v) }

// Echo returns v unchanged (through Go's natural types).
func Echo(v any) any { return v }

// Mixed returns a list of values of many types.
func Mixed() []any {
	return []any{nil, true, 1, -2.5, "s", []byte("b"), []int{1, 2}, map[string]any{"k": []string{"v"}}}
}

// Record returns a string-keyed record with mixed values.
func Record() map[string]any {
	return map[string]any{"name": "go", "age": 15, "tags": []string{"a", "b"}, "none": nil}
}

// Keys returns the sorted keys of a record.
func Keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Same returns o itself (identity is kept).
func Same(o *python.Object) *python.Object { return o }

// TypeOf returns the Python type name of o.
func TypeOf(o *python.Object) string {
	defer o.Release()
	return o.TypeName()
}

// Nothing returns a nil *python.Object (None).
func Nothing() *python.Object { return nil }

// First returns the first object of objs.
func First(objs []*python.Object) *python.Object {
	for _, o := range objs[1:] {
		o.Release()
	}
	return objs[0]
}

var kept *python.Object

// Keep stores o in Go and returns the previously kept object (or None).
func Keep(o *python.Object) *python.Object {
	prev := kept
	kept = o
	return prev
}

// BadUTF8 returns strings that are not valid UTF-8.
func BadUTF8() []string { return []string{"ok", "\xff"} }

// Unconvertible returns a value Python has no type for.
func Unconvertible() any { return struct{}{} }

// Kind returns the Go type ToGo picked for v (written interface{} on purpose).
func Kind(v interface{}) string { return fmt.Sprintf("%T", v) }

// Narrow narrows to float32 (range-checked per element).
func Narrow(xs []float32) []float32 { return xs }

// Pair takes and returns fixed-size arrays of strings.
func Pair(p [2]string) [2]string { return [2]string{p[1], p[0]} }

// Maybe doubles *x, or returns nil for nil (None).
func Maybe(x *int) *int {
	if x == nil {
		return nil
	}
	y := 2 * *x
	return &y
}

// Names returns the names that are set.
func Names(names []*string) []string {
	var out []string
	for _, n := range names {
		if n != nil {
			out = append(out, *n)
		}
	}
	return out
}

// Transpose transposes a rectangular matrix.
func Transpose(m [][]float64) [][]float64 {
	if len(m) == 0 {
		return nil
	}
	out := make([][]float64, len(m[0]))
	for j := range out {
		out[j] = make([]float64, len(m))
		for i := range m {
			out[j][i] = m[i][j]
		}
	}
	return out
}

// Index maps each word to the positions it appears at.
func Index(words []string) map[string][]int {
	out := map[string][]int{}
	for i, w := range words {
		out[w] = append(out[w], i)
	}
	return out
}

// Shout upper-cases the values of m.
func Shout(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = strings.ToUpper(v)
	}
	return out
}
