package idioms

import (
	"fmt"
	"math/big"
	"strings"
)

// Amount holds a *big.Int: Go's == would compare the pointers; Equal and Cmp compare values.
type Amount struct {
	n *big.Int
}

// NewAmount returns an Amount of n.
func NewAmount(n int64) Amount { return Amount{big.NewInt(n)} }

// Equal reports whether a and b hold the same value.
func (a Amount) Equal(b Amount) bool { return a.n.Cmp(b.n) == 0 }

// Cmp orders amounts.
func (a Amount) Cmp(b Amount) int { return a.n.Cmp(b.n) }

// String is the decimal value.
func (a Amount) String() string { return a.n.String() }

// Semver is ordered by Less only (and compared field by field by Go's ==).
type Semver struct{ Major, Minor, Patch int }

// Less orders versions.
func (v Semver) Less(o Semver) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor < o.Minor
	}
	return v.Patch < o.Patch
}

// Name compares case-insensitively through Compare, taking a pointer.
type Name struct{ Text string }

// Compare orders names ignoring case.
func (n *Name) Compare(o *Name) int { return strings.Compare(strings.ToLower(n.Text), strings.ToLower(o.Text)) }

// Opaque has no exported fields: its repr uses String().
type Opaque struct{ secret int }

// NewOpaque returns an Opaque.
func NewOpaque(n int) *Opaque { return &Opaque{n} }

// String describes it.
func (o *Opaque) String() string { return fmt.Sprintf("opaque#%d", o.secret) }

// ByLength orders words by their length (sort.Interface), not alphabetically: its sort()
// in Python is Go's sort.Stable with this Less.
type ByLength []string

// Len is the number of words.
func (b ByLength) Len() int { return len(b) }

// Less orders by length.
func (b ByLength) Less(i, j int) bool { return len(b[i]) < len(b[j]) }

// Swap swaps two words.
func (b ByLength) Swap(i, j int) { b[i], b[j] = b[j], b[i] }

// Semvers is a named slice without sort.Interface: its sort() orders by the elements' <.
type Semvers []Semver

// Newest returns the last version (the zero Semver for none).
func (s Semvers) Newest() Semver {
	if len(s) == 0 {
		return Semver{}
	}
	return s[len(s)-1]
}
