// Package classes exercises Go structs bound as Python classes, for end-to-end tests.
package classes

import (
	"fmt"
	"math"
)

// Point is a point in the plane.
type Point struct {
	// X is the horizontal coordinate.
	X int
	Y int
	// hidden is unexported: not visible from Python.
	hidden int
}

// NewPoint returns a pointer to a new Point.
func NewPoint(x, y int) *Point { return &Point{X: x, Y: y} }

// Norm is the distance from the origin (value receiver).
func (p Point) Norm() float64 { return math.Hypot(float64(p.X), float64(p.Y)) }

// Scale multiplies both coordinates by k (pointer receiver: changes p).
func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

// Add returns p+q as a new value.
func (p Point) Add(q Point) Point { return Point{X: p.X + q.X, Y: p.Y + q.Y} }

// String formats the point.
func (p Point) String() string { return fmt.Sprintf("(%d, %d)", p.X, p.Y) }

// Origin returns the zero Point by value.
func Origin() Point { return Point{} }

// Swap returns a copy of p with X and Y exchanged; p itself is unchanged.
func Swap(p Point) Point { p.X, p.Y = p.Y, p.X; return p }

// Move shifts the point p points to, in place.
func Move(p *Point, dx, dy int) { p.X += dx; p.Y += dy }

// IsNil reports whether p is nil.
func IsNil(p *Point) bool { return p == nil }

// Nowhere returns a nil *Point.
func Nowhere() *Point { return nil }

// Rect holds two Points by value.
type Rect struct {
	Min, Max Point
	Label    string
}

// Area is the rectangle's area.
func (r *Rect) Area() int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

// Node is a linked-list node.
type Node struct {
	Value int
	Next  *Node
}

// Len counts nodes from n.
func (n *Node) Len() int {
	c := 0
	for ; n != nil; n = n.Next {
		c++
	}
	return c
}

// Base is embedded in Derived.
type Base struct {
	ID int
}

// Describe is promoted to Derived.
func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }

// Derived embeds Base: ID and Describe are promoted.
type Derived struct {
	Base
	Name string
}

// Blob is not comparable (it holds a slice).
type Blob struct {
	Data []byte
}

// Size is len(Data).
func (b Blob) Size() int { return len(b.Data) }

// ParseError is an error type.
type ParseError struct {
	Line int
	Msg  string
}

// Error implements error.
func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse fails with a *ParseError for negative input.
func Parse(n int) (int, error) {
	if n < 0 {
		return 0, &ParseError{Line: -n, Msg: "negative"}
	}
	return n, nil
}

// Crash panics through a nil pointer.
func (n *Node) Crash() int { var m *Node; return m.Value }

//py4go:export
type secret struct {
	Code int
}

//py4go:export
func reveal(s secret) int { return s.Code * 2 }

// Shape is implemented by *Rect and Square (and not by Point).
type Shape interface {
	Area() int
}

// Square has a value-receiver Area.
type Square struct {
	Side int
}

// Area implements Shape.
func (s Square) Area() int { return s.Side * s.Side }

// Bigger returns whichever shape has the larger area (a or b, as the same Go value).
func Bigger(a, b Shape) Shape {
	if b.Area() > a.Area() {
		return b
	}
	return a
}

// AreaOf returns s.Area(), or -1 for a nil Shape.
func AreaOf(s Shape) int {
	if s == nil {
		return -1
	}
	return s.Area()
}

// NoShape returns a nil Shape.
func NoShape() Shape { return nil }

// Unbound returns a Shape whose Go type has no Python class: an instance of GoShape.
func Unbound() Shape { return unboundShape{} }

type unboundShape struct{}

func (unboundShape) Area() int { return 0 }

// Corners returns r's two corners (a slice of structs: instances of Point).
func Corners(r Rect) []Point { return []Point{r.Min, r.Max} }

// Centroid averages points given as a list of Point values.
func Centroid(ps []Point) Point {
	var c Point
	for _, p := range ps {
		c.X += p.X
		c.Y += p.Y
	}
	if len(ps) > 0 {
		c.X /= len(ps)
		c.Y /= len(ps)
	}
	return c
}

// ScaleAll scales every point in place (pointers are shared); nil entries are skipped.
func ScaleAll(ps []*Point, k int) int {
	n := 0
	for _, p := range ps {
		if p != nil {
			p.Scale(k)
			n++
		}
	}
	return n
}

// ByName indexes nodes by name.
func ByName(m map[string]*Node) map[string]int {
	out := map[string]int{}
	for k, n := range m {
		out[k] = n.Len()
	}
	return out
}
