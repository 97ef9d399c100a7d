package idioms

import (
	"encoding/json"
	"sort"
	"strings"
)

// Config is filled by the decoders below.
type Config struct {
	Name  string
	Ports []int
}

// Decode reads one JSON value from data and stores it in the value pointed to by v.
func Decode(data string, v any) error { return json.NewDecoder(strings.NewReader(data)).Decode(v) }

// Unmarshal is json.Unmarshal (out-parameter by its name: no doc needed).
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// Describe formats v: an in-only any (a dict arrives as a map, not a pointer to one).
func Describe(v any) string {
	if m, ok := v.(map[string]any); ok {
		return "map of " + string(rune('0'+len(m)))
	}
	return "other"
}

// MyInt is a named integer.
type MyInt int

// Inc increments *p and returns the new value (Python ints are immutable: the argument is
// copied in, so the result is how Python sees the change).
func Inc(p *MyInt) MyInt {
	*p++
	return *p
}

// IntVector is a named slice.
type IntVector []int

// Push appends x to *v: a list argument grows.
func Push(v *IntVector, x int) { *v = append(*v, x) }

// Reset empties *xs.
func Reset(xs *[]string) { *xs = nil }

// Fill sets xs[i] = 10*i.
func Fill(xs []int) {
	for i := range xs {
		xs[i] = i * 10
	}
}

// Read fills p with "hello" and returns the count, like io.Reader.
func Read(p []byte) int { return copy(p, "hello") }

// SortStrings sorts xs in place.
func SortStrings(xs []string) { sort.Strings(xs) }

// Sum reads xs only.
func Sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// Version is a version number ordered by Less.
type Version struct{ Major, Minor int }

// Less orders versions.
func (v Version) Less(o Version) bool {
	return v.Major < o.Major || v.Major == o.Major && v.Minor < o.Minor
}

// SortVersions sorts xs in place.
func SortVersions(xs []Version) { sort.Slice(xs, func(i, j int) bool { return xs[i].Less(xs[j]) }) }

// Bump increments the minor version of every element through its pointer.
func Bump(xs []*Version) {
	for _, v := range xs {
		v.Minor++
	}
}
