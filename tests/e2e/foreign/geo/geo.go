// Package geo has small shapes that package foreign's API uses: a second package of the same
// module, whose struct types the foreign module binds as classes of its own.
package geo

// Pt is a point on the integer grid.
type Pt struct{ X, Y int }

// Add returns p moved by q.
func (p Pt) Add(q Pt) Pt { return Pt{p.X + q.X, p.Y + q.Y} }

// Rect is the rectangle from Min (inclusive) to Max (exclusive).
type Rect struct{ Min, Max Pt }

// Dx is the rectangle's width.
func (r Rect) Dx() int { return r.Max.X - r.Min.X }

// Dy is the rectangle's height.
func (r Rect) Dy() int { return r.Max.Y - r.Min.Y }

// Add returns r moved by p.
func (r Rect) Add(p Pt) Rect { return Rect{r.Min.Add(p), r.Max.Add(p)} }

// Canvas is a drawing surface. Its fields are private: only NewCanvas makes a usable one.
type Canvas struct {
	w, h  int
	layer *Layer
}

// NewCanvas returns a w×h canvas with one layer named "base".
func NewCanvas(w, h int) *Canvas {
	return &Canvas{w: w, h: h, layer: &Layer{Name: "base", paint: &Paint{Color: "white"}}}
}

// Bounds is the canvas's rectangle.
func (c *Canvas) Bounds() Rect { return Rect{Max: Pt{c.w, c.h}} }

// Top is the topmost layer.
func (c *Canvas) Top() *Layer { return c.layer }

// Push adds a layer named name on top and returns it.
func (c *Canvas) Push(name string) *Layer {
	c.layer = &Layer{Name: name, below: c.layer, paint: c.layer.paint}
	return c.layer
}

// Layer is one layer of a canvas.
type Layer struct {
	Name  string
	below *Layer
	paint *Paint
}

// Below is the layer under this one (nil for the bottom layer).
func (l *Layer) Below() *Layer { return l.below }

// Paint is the layer's paint: a type three steps away from package foreign's API.
func (l *Layer) Paint() *Paint { return l.paint }

// Paint says how a layer is coloured.
type Paint struct{ Color string }
