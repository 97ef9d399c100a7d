package foreign

import (
	"bufio"
	"bytes"
	"strings"
	"sync"

	"example.com/foreign/geo"
)

// Tally embeds sync.Mutex: Lock and Unlock are Go methods of *Tally, so Python has them.
type Tally struct {
	sync.Mutex
	N int
}

// Bump adds one under the lock.
func (t *Tally) Bump() int {
	t.Lock()
	defer t.Unlock()
	t.N++
	return t.N
}

// Framed embeds a struct of another package of the module by value; its methods (Dx, Dy,
// Add) are promoted, and Add is shadowed by Framed's own.
type Framed struct {
	geo.Rect
	Title string
}

// Add is Framed's own Add, which shadows the promoted geo.Rect.Add.
func (f Framed) Add(s string) string { return f.Title + s }

// Pipe returns a bufio.ReadWriter reading from s and writing into out: the class gets the
// methods promoted from its embedded *bufio.Reader and *bufio.Writer, except those both
// have (Size, Reset, Buffered: ambiguous in Go).
func Pipe(s string, out *bytes.Buffer) *bufio.ReadWriter {
	return bufio.NewReadWriter(bufio.NewReader(strings.NewReader(s)), bufio.NewWriter(out))
}
