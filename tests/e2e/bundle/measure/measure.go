// Package measure works on the types of package geom.
package measure

import "example.com/bundle/geom"

// Sum adds the coordinates of p.
func Sum(p geom.Point) int { return p.X + p.Y }

// Shift moves p in place (shared: the caller's object changes).
func Shift(p *geom.Point, d int) { p.X += d; p.Y += d }

// Moved returns a copy of p moved by d.
func Moved(p geom.Point, d int) geom.Point { return geom.Point{X: p.X + d, Y: p.Y + d} }

// Area is the area of r.
func Area(r *geom.Rect) int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

// Touches calls geom.Touch: the same package state as module geom sees.
func Touches(p *geom.Point) int { return geom.Touch(p) }
