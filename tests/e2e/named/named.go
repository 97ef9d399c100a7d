// Package named exercises named types, enums and constants for bindc's tests.
package named

import (
	"math"
	"sort"
	"strconv"
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

// Kelvin is a temperature with methods: a Python class holding the value.
type Kelvin float64

// Celsius converts k.
func (k Kelvin) Celsius() Celsius { return Celsius(k - 273.15) }

// String formats k.
func (k Kelvin) String() string { return strconv.FormatFloat(float64(k), 'f', -1, 64) + " K" }

// Warm raises k in place.
func (k *Kelvin) Warm(by float64) { *k += Kelvin(by) }

// Absolute is the lowest temperature.
func Absolute() Kelvin { return 0 }

// Hotter reports whether a is hotter than b.
func Hotter(a, b Kelvin) bool { return a > b }

// WarmUp warms *k through the pointer.
func WarmUp(k *Kelvin, by float64) { k.Warm(by) }

// Readings returns temperatures: a slice of a value class (a list of Kelvin instances).
func Readings() []Kelvin { return []Kelvin{1, 2.5} }

// Warmest returns the highest of ks (0 for none).
func Warmest(ks []Kelvin) Kelvin {
	var best Kelvin
	for _, k := range ks {
		best = max(best, k)
	}
	return best
}

// ByCity indexes temperatures by city: a map of a value class.
func ByCity(m map[string]Kelvin) map[string]Kelvin { return m }

// Tags is a set of labels with methods (a map underneath).
type Tags map[string]bool

// Add puts s in the set.
func (t Tags) Add(s string) { t[s] = true }

// Has reports whether s is in the set.
func (t Tags) Has(s string) bool { return t[s] }

// Sorted lists the labels in order.
func (t Tags) Sorted() []string {
	out := make([]string, 0, len(t))
	for s := range t {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// NewTags is a set of the given labels.
func NewTags(labels ...string) Tags {
	t := Tags{}
	for _, s := range labels {
		t.Add(s)
	}
	return t
}

// Code is an error type that is not a struct.
type Code int

// Error describes the code.
func (c Code) Error() string { return "code " + strconv.Itoa(int(c)) }

// Check fails with Code(n) unless n is 0.
func Check(n int) error {
	if n == 0 {
		return nil
	}
	return Code(n)
}

// Suit is an enum with methods: an IntEnum whose class carries them.
type Suit int

// The suits.
const (
	Clubs Suit = iota
	Hearts
)

// String names the suit.
func (s Suit) String() string { return [...]string{"clubs", "hearts"}[s] }

// Red reports whether the suit is red.
func (s Suit) Red() bool { return s == Hearts }

// Next is the following suit (wrapping).
func (s Suit) Next(step int) Suit { return (s + Suit(step)) % 2 }

// Value would hide the IntEnum's own value attribute: skipped with a warning.
func (s Suit) Value() int { return int(s) }

// Flip cannot be bound: members are immutable ints.
func (s *Suit) Flip() { *s = 1 - *s }

// Other is the other suit.
func Other(s Suit) Suit { return 1 - s }

// Hottest returns the highest of ks (Kelvin instances or floats).
func Hottest(ks []Kelvin) Kelvin {
	best := Kelvin(0)
	for _, k := range ks {
		best = max(best, k)
	}
	return best
}

// Groups is a map of value-class values of a map kind (toml's []Key is the slice-kind case).
func Groups() map[string]Tags { return map[string]Tags{"g": NewTags("x", "y")} }

// CountTags counts the labels of every set in ts.
func CountTags(ts []Tags) int {
	n := 0
	for _, t := range ts {
		n += len(t)
	}
	return n
}
