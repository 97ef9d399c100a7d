// Package geom has the types: a point, and a rectangle of two points.
package geom

// Point is a point in the plane.
type Point struct{ X, Y int }

// Rect is a rectangle between two corners.
type Rect struct {
	Min, Max Point
	Label    string
}

// Origin returns the origin.
func Origin() Point { return Point{} }

// Count is how many points Touch has seen (state of this package, shared by every module).
var Count int

// Touch counts p.
func Touch(p *Point) int { Count++; return Count }
