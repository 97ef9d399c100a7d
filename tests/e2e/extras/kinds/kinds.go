// Package kinds declares enums that package extras uses in its API.
package kinds

// Kind is a size class.
type Kind int

// The sizes.
const (
	Small Kind = iota
	Medium
	Large
)

// Mode has the name of a type of package extras: it crosses as a plain int there.
type Mode uint8

// The modes.
const (
	Fast Mode = 1
	Slow Mode = 2
)

// Single has one constant: not an enum.
type Single int

// Only is the one Single.
const Only Single = 1
