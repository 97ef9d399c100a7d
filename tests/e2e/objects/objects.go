// Package objects exercises the Python object protocols of bound Go types: copy and deepcopy,
// pickle, pattern matching, constructor signatures, and named slices and maps as sequences
// and mappings.
package objects

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Point is a plain struct: every field exported and bindable, so it pickles by its fields.
type Point struct {
	X     float64
	Y     float64
	Label string
}

// Norm1 is |X| + |Y|.
func (p Point) Norm1() float64 {
	x, y := p.X, p.Y
	if x < 0 {
		x = -x
	}
	if y < 0 {
		y = -y
	}
	return x + y
}

// Shape has every kind of field deepcopy walks: a slice, a map, a nested struct and a
// pointer to a bound struct.
type Shape struct {
	Name   string
	Points []Point
	Tags   map[string]int
	Origin Point
	Parent *Shape
	Count  int
	OK     bool
	Ratio  float32
	Raw    []byte
	Code   uint8
	Z      complex128
}

// Size is len(Points).
func (s *Shape) Size() int { return len(s.Points) }

// Secret has an unexported field and no marshaler: it cannot be pickled.
type Secret struct {
	Public int
	hidden int
}

// Hidden reads the unexported field.
func (s Secret) Hidden() int { return s.hidden }

// NewSecret sets both fields.
func NewSecret(public, hidden int) *Secret { return &Secret{Public: public, hidden: hidden} }

// Version has unexported state but marshals itself as text ("1.2.3").
type Version struct {
	major, minor, patch int
}

// ParseVersion parses "a.b.c".
func ParseVersion(s string) (*Version, error) {
	v := &Version{}
	if err := v.UnmarshalText([]byte(s)); err != nil {
		return nil, err
	}
	return v, nil
}

// String formats the version.
func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.major, v.minor, v.patch) }

// MarshalText implements encoding.TextMarshaler.
func (v Version) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (v *Version) UnmarshalText(b []byte) error {
	parts := strings.Split(string(b), ".")
	if len(parts) != 3 {
		return errors.New("want major.minor.patch")
	}
	n := [3]int{}
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil {
			return err
		}
		n[i] = x
	}
	v.major, v.minor, v.patch = n[0], n[1], n[2]
	return nil
}

// Token has unexported state and marshals itself as bytes.
type Token struct {
	id   uint32
	name string
}

// NewToken makes a token.
func NewToken(id uint32, name string) *Token { return &Token{id, name} }

// Describe shows the hidden state.
func (t *Token) Describe() string { return fmt.Sprintf("%d:%s", t.id, t.name) }

// MarshalBinary implements encoding.BinaryMarshaler: 4 bytes of id, then the name.
func (t *Token) MarshalBinary() ([]byte, error) {
	b := []byte{byte(t.id >> 24), byte(t.id >> 16), byte(t.id >> 8), byte(t.id)}
	return append(b, t.name...), nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler.
func (t *Token) UnmarshalBinary(b []byte) error {
	if len(b) < 4 {
		return errors.New("token data too short")
	}
	t.id = uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	t.name = string(b[4:])
	return nil
}

// Node is a linked list node; a cycle is allowed.
type Node struct {
	Value int
	Next  *Node
}

// IDs is a named slice with methods: a MutableSequence.
type IDs []int

// Sum adds the IDs.
func (ids IDs) Sum() int {
	t := 0
	for _, x := range ids {
		t += x
	}
	return t
}

// Push appends through a pointer receiver.
func (ids *IDs) Push(x int) { *ids = append(*ids, x) }

// Names is a named slice of strings.
type Names []string

// Join joins the names.
func (n Names) Join(sep string) string { return strings.Join(n, sep) }

// Vec is a named array: a fixed-length Sequence.
type Vec [3]float64

// Dot is the dot product.
func (v Vec) Dot(w Vec) float64 { return v[0]*w[0] + v[1]*w[1] + v[2]*w[2] }

// Set is a named map: a MutableMapping.
type Set map[string]bool

// Has reports whether k is in the set (a Go method named like a Python one).
func (s Set) Has(k string) bool { return s[k] }

// Scores is a named map with a method called Get, which keeps its Go meaning.
type Scores map[string]int

// Get returns the score or -1.
func (s Scores) Get(k string) int {
	if v, ok := s[k]; ok {
		return v
	}
	return -1
}

// Pts is a named slice of bound structs.
type Pts []Point

// Total is the sum of the X coordinates.
func (p Pts) Total() float64 {
	t := 0.0
	for _, q := range p {
		t += q.X
	}
	return t
}

// SumAll adds a plain []int: a named IDs instance is accepted too.
func SumAll(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// CountTrue counts true values of a plain map: a Set instance is accepted too.
func CountTrue(m map[string]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}

// Evens returns the even IDs as a new IDs.
func Evens(ids IDs) IDs {
	var out IDs
	for _, x := range ids {
		if x%2 == 0 {
			out = append(out, x)
		}
	}
	return out
}

// Kelvin is a value class over a float.
type Kelvin float64

// Celsius converts.
func (k Kelvin) Celsius() float64 { return float64(k) - 273.15 }

// Queue has Go's Len() idiom: Python's len() and truthiness use it.
type Queue struct {
	items []string
}

// Push adds an item.
func (q *Queue) Push(s string) { q.items = append(q.items, s) }

// Len is the number of items.
func (q *Queue) Len() int { return len(q.items) }

// Broken has a Len that goes negative.
type Broken struct{ N int }

// Len returns N, even when negative.
func (b Broken) Len() int { return b.N }

// Thermo holds a Kelvin: its getter hands out a copy, since Kelvin is immutable in Python.
type Thermo struct{ T Kelvin }

// Heat raises the temperature in place.
func (t *Thermo) Heat() { t.T++ }
