// Package named exercises named types, enums and constants for bindc's tests.
package named

import (
	"math"
	"time"

	"example.com/named/units"
)

// Celsius is a temperature.
type Celsius float64

// Temp is another name for Celsius.
type Temp = Celsius

// Name is a person's name.
type Name string

// Count is a small counter.
type Count uint8

// Blob is raw data.
type Blob []byte

// Color is an enum of three colours.
type Color int

// The colours.
const (
	Red Color = iota
	Green
	Blue
)

// Flags is a bit set.
type Flags uint32

// The flags, one bit each, and all of them.
const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagAll = FlagA | FlagB | FlagC
)

// Level is a signed enum with arithmetic values.
type Level int8

// Levels, two apart.
const (
	Low Level = -3 + iota*2
	Mid
	High
	_
	Top
)

// Stringer has a method, so it is a class (not bound by this family).
type Stringer int

// String describes s.
func (s Stringer) String() string { return "stringer" }

// Point is a struct, so it is a class (bound by the classes family).
type Point struct{ X int }

// Untyped and typed constants.
const (
	Answer            = 42
	Big               = 1 << 100
	MaxInt            = math.MaxInt64
	Pi                = math.Pi
	Third             = 1.0 / 3
	Greeting          = "h\u00e9llo\n" + `raw\n`
	Yes               = !false
	Letter            = 'é'
	Boiling  Celsius  = 100
	MaxCount Count    = 255
	Half     float32  = 0.1
	Mask              = ^uint32(0)
	MinInt8           = math.MinInt8
	Neg               = -7 / 2
	Mod               = -7 % 3
	Complex           = 1 + 2i
	Thing    Stringer = 3
	Mile              = units.Mile * 2
)

// Warm raises c by one degree.
func Warm(c Celsius) Celsius { return c + 1 }

// ToFahrenheit converts t.
func ToFahrenheit(t Temp) float64 { return float64(t)*9/5 + 32 }

// Greet greets n.
func Greet(n Name) Name { return "hi " + n }

// Next is the colour after c.
func Next(c Color) Color { return (c + 1) % 3 }

// Unknown returns a Color no constant names.
func Unknown() Color { return 7 }

// Combine ORs flags.
func Combine(fs ...Flags) Flags {
	var all Flags
	for _, f := range fs {
		all |= f
	}
	return all
}

// Raise is the level above l.
func Raise(l Level) Level { return l + 2 }

// Double doubles a length from another package.
func Double(m units.Meters) units.Meters { return m * 2 }

// Inc adds one (wrapping).
func Inc(n Count) Count { return n + 1 }

// Rev reverses b.
func Rev(b Blob) Blob {
	out := make(Blob, len(b))
	for i, c := range b {
		out[len(b)-1-i] = c
	}
	return out
}

// Describe takes a type with methods: skipped by this family.
func Describe(s Stringer) string { return s.String() }

// Package variables, read and written through get_/set_ functions.
var (
	// Version is the package version.
	Version   = "1.0"
	Threshold Celsius
	Favorite       = Green
	Limit     int8 = 10
	Hits      []int
	internal  = 3
)

// Span is defined from a type with methods; it gets none of them, so it binds as int64.
type Span time.Duration

// Twice doubles a span.
func Twice(s Span) Span { return 2 * s }
