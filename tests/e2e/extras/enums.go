package extras

import "example.com/extras/kinds"

// Grow is the next size (Large stays Large).
func Grow(k kinds.Kind) kinds.Kind {
	if k < kinds.Large {
		return k + 1
	}
	return k
}

// Odd returns a Kind no constant names.
func Odd() kinds.Kind { return 7 }

// Mode is extras' own type with the name of kinds.Mode.
type Mode int

// Toggle flips a kinds.Mode (a plain int here: the name Mode is taken).
func Toggle(m kinds.Mode) kinds.Mode { return 3 - m }

// Twice doubles a kinds.Single (one constant: not an enum).
func Twice(s kinds.Single) kinds.Single { return 2 * s }

// Box holds a size.
type Box struct {
	Size kinds.Kind
}

// Current is a package variable of an imported enum type.
var Current = kinds.Medium
