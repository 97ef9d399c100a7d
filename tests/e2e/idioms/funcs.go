// Package idioms holds the everyday idioms of published Go packages that bindc binds:
// named func types, slices of local types with methods, out-parameters, slices filled in
// place, Equal/Compare methods and byte arrays.
package idioms

// Func is a named func type, used as a field, a variable, a parameter and a result.
type Func func()

// Pred is a predicate over points, returned from Go.
type Pred func(Pt) bool

// Pt is a point.
type Pt struct{ X, Y int }

// Hook holds a callback in a field of a named func type.
type Hook struct {
	Name string
	Fn   Func
}

// Fire calls the hook's func, if any, and says whether there was one.
func (h *Hook) Fire() bool {
	if h.Fn == nil {
		return false
	}
	h.Fn()
	return true
}

// OnDone is a package variable of a named func type.
var OnDone Func

// Done calls OnDone, if set.
func Done() bool {
	if OnDone == nil {
		return false
	}
	OnDone()
	return true
}

// Run calls f.
func Run(f Func) { f() }

// Counter returns a Func counting its calls, and a func reading the count.
func Counter() (Func, func() int) {
	n := 0
	return func() { n++ }, func() int { return n }
}

// Above returns a predicate: whether a point lies above y.
func Above(y int) Pred { return func(p Pt) bool { return p.Y > y } }

// Filter keeps the points keep accepts (keep may be a Go Pred or a Python callable).
func Filter(pts []Pt, keep Pred) []Pt {
	var out []Pt
	for _, p := range pts {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// Visit calls f with a pointer to a new point, then returns the point (f may change it).
func Visit(f func(*Pt)) Pt {
	p := &Pt{1, 2}
	f(p)
	return *p
}

// Apply calls f with a point value.
func Apply(f func(Pt) int, p Pt) int { return f(p) }

// Build calls f and returns the point it built.
func Build(f func(int) Pt) Pt { return f(7) }

// Pts is a slice of a local struct type, with methods: a value class.
type Pts []Pt

// Len is the number of points.
func (p Pts) Len() int { return len(p) }

// Shifted returns the points moved by dx.
func (p Pts) Shifted(dx int) Pts {
	out := make(Pts, len(p))
	for i, q := range p {
		out[i] = Pt{q.X + dx, q.Y}
	}
	return out
}

// Line returns n points on a line.
func Line(n int) Pts {
	out := make(Pts, n)
	for i := range out {
		out[i] = Pt{i, i}
	}
	return out
}

// Grid is a map of a local struct type, with a method.
type Grid map[string]Pt

// Count is the number of entries.
func (g Grid) Count() int { return len(g) }

// Middleware is a named func type collected in slices.
type Middleware func(string) string

// Chain applies every middleware in order.
func Chain(s string, ms []Middleware) string {
	for _, m := range ms {
		s = m(s)
	}
	return s
}

// RunAll calls every func and returns how many there were.
func RunAll(fs []func()) int {
	for _, f := range fs {
		f()
	}
	return len(fs)
}

// Defaults returns two middlewares and a nil one.
func Defaults() []Middleware {
	return []Middleware{func(s string) string { return s + "!" }, func(s string) string { return "<" + s + ">" }, nil}
}

// Hooks is a package variable holding funcs.
var Hooks []func()
