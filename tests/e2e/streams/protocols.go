package streams

import (
	"fmt"
	"iter"
	"slices"
)

// Tags is an ordered set of strings: Go's method shapes give it Python's protocols
// (Len -> len, All -> iteration, Contains -> in, GoString -> repr).
type Tags struct {
	items []string
}

// NewTags makes a set of the given tags.
func NewTags(tags ...string) *Tags {
	t := &Tags{}
	for _, s := range tags {
		t.Add(s)
	}
	return t
}

// Add inserts a tag once.
func (t *Tags) Add(s string) {
	if !t.Contains(s) {
		t.items = append(t.items, s)
	}
}

// Len is the number of tags.
func (t *Tags) Len() int { return len(t.items) }

// All yields the tags in insertion order.
func (t *Tags) All() iter.Seq[string] { return slices.Values(t.items) }

// Contains reports whether s is a tag.
func (t *Tags) Contains(s string) bool { return slices.Contains(t.items, s) }

// GoString is the Go syntax of the set.
func (t *Tags) GoString() string { return fmt.Sprintf("streams.NewTags(%q...)", t.items) }

// Grid has two methods of each shape: the first in Go's idiom order wins, with a warning.
type Grid struct{ N int }

// Contains reports whether i is a cell of the grid.
func (g Grid) Contains(i int) bool { return i >= 0 && i < g.N }

// Has is what Contains says.
func (g Grid) Has(i int) bool { return g.Contains(i) }

// All yields the cells.
func (g Grid) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range g.N {
			if !yield(i) {
				return
			}
		}
	}
}

// Values yields the cells too.
func (g Grid) Values() iter.Seq[int] { return g.All() }

// Ticker counts up. NewTicker returns one whose Go type is unexported: Python gets an
// instance of GoTicker, the class of Ticker values.
type Ticker interface {
	Next() int
	Seq(n int) iter.Seq[int]
}

type ticker struct{ n int }

func (t *ticker) Next() int { t.n++; return t.n }

func (t *ticker) Seq(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for range n {
			if !yield(t.Next()) {
				return
			}
		}
	}
}

// NewTicker starts a ticker at from.
func NewTicker(from int) Ticker { return &ticker{n: from} }

// Peek returns t's next value without Python calling Next itself.
func Peek(t Ticker) int { return t.Next() }
