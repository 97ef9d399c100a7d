package foreign

import (
	"bytes"
	"regexp"
	"strings"

	"example.com/foreign/geo"
)

// Builder is the package's own builder; strings.Builder's class steps aside as strings_Builder.
type Builder struct{ Parts []string }

// Join joins the parts with sep.
func (b *Builder) Join(sep string) string { return strings.Join(b.Parts, sep) }

// Greeting returns a new buffer holding a greeting for name.
func Greeting(name string) *bytes.Buffer { return bytes.NewBufferString("hello, " + name) }

// NilBuffer returns a nil *bytes.Buffer.
func NilBuffer() *bytes.Buffer { return nil }

// BufferLen is the number of unread bytes of b, -1 for nil.
func BufferLen(b *bytes.Buffer) int {
	if b == nil {
		return -1
	}
	return b.Len()
}

// Compile compiles a regular expression.
func Compile(expr string) (*regexp.Regexp, error) { return regexp.Compile(expr) }

// FindAll returns every match of re in s.
func FindAll(re *regexp.Regexp, s string) []string { return re.FindAllString(s, -1) }

// Words matches words: a variable of another package's type.
var Words = regexp.MustCompile(`\w+`)

// Fill writes n copies of s into sb.
func Fill(sb *strings.Builder, s string, n int) {
	for i := 0; i < n; i++ {
		sb.WriteString(s)
	}
}

// Area is the area of r.
func Area(r geo.Rect) int { return r.Dx() * r.Dy() }

// Unit is the unit square.
func Unit() geo.Rect { return geo.Rect{Max: geo.Pt{X: 1, Y: 1}} }

// Sketch returns a new w×h canvas.
func Sketch(w, h int) *geo.Canvas { return geo.NewCanvas(w, h) }

// Shelf holds a buffer in a field.
type Shelf struct {
	Label string
	Buf   *bytes.Buffer
}

// BufferAsAny returns b through an any result.
func BufferAsAny(b *bytes.Buffer) any { return b }

// Buffers returns n buffers, the i-th holding i bytes.
func Buffers(n int) []*bytes.Buffer {
	out := make([]*bytes.Buffer, n)
	for i := range out {
		out[i] = bytes.NewBuffer(make([]byte, i))
	}
	return out
}

// TotalLen sums the lengths of bs (nil buffers count 0).
func TotalLen(bs []*bytes.Buffer) int {
	n := 0
	for _, b := range bs {
		if b != nil {
			n += b.Len()
		}
	}
	return n
}

// MatchNamed reports whether the pattern called name in patterns matches s.
func MatchNamed(patterns map[string]*regexp.Regexp, name, s string) bool {
	re, ok := patterns[name]
	return ok && re.MatchString(s)
}
