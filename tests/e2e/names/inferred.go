package names

import (
	"strconv"
	"strings"
)

// Variables whose types are not written: bindc reads them from the initialiser.
var (
	// Origin is a struct literal.
	Origin = P{Name: "origin"}
	// Current points to a struct literal.
	Current = &P{Name: "current"}
	// Primes is a slice literal.
	Primes = []int{2, 3, 5}
	// Limits is a map literal.
	Limits = map[string]int{"a": 1}
	// Made is MakeS's declared result.
	Made = MakeS(4)
	// Checked is Must's declared result.
	Checked = Must(ParseS("7"))
	// Repeated is the result of a function of another package.
	Repeated = strings.Repeat("ab", 2)
)

// MakeS makes an S.
func MakeS(n int) S { return S{N: n} }

// ParseS parses an S.
func ParseS(s string) (S, error) {
	n, err := strconv.Atoi(s)
	return S{N: n}, err
}

// Must panics on an error.
func Must(s S, err error) S {
	if err != nil {
		panic(err)
	}
	return s
}
