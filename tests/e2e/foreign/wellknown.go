// Package foreign uses types of other packages in its API: time, math/big, io, bytes,
// regexp. bindc maps the well-known ones to Python's own types and binds the rest as
// opaque classes.
package foreign

import (
	"math/big"
	"time"
)

// AddDuration returns t moved by d.
func AddDuration(t time.Time, d time.Duration) time.Time { return t.Add(d) }

// Describe formats t in Go's RFC 3339 layout with nanoseconds.
func Describe(t time.Time) string { return t.Format(time.RFC3339Nano) }

// Date builds a time from its parts in a fixed zone offset seconds east of UTC.
func Date(year, month, day, hour, min, sec, nsec, offset int) time.Time {
	return time.Date(year, time.Month(month), day, hour, min, sec, nsec, time.FixedZone("", offset))
}

// InUTC returns t in UTC.
func InUTC(t time.Time) time.Time { return t.UTC() }

// Unix returns t's Unix time in nanoseconds.
func Unix(t time.Time) int64 { return t.UnixNano() }

// Maybe returns t, or nil when ok is false.
func Maybe(t *time.Time, ok bool) *time.Time {
	if !ok {
		return nil
	}
	return t
}

// Nanos returns d in nanoseconds.
func Nanos(d time.Duration) int64 { return int64(d) }

// FromNanos returns n nanoseconds as a duration.
func FromNanos(n int64) time.Duration { return time.Duration(n) }

// Longest returns the longest of the durations.
func Longest(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

// Schedule maps names to times.
func Schedule(at map[string]time.Time) map[string]time.Time {
	out := map[string]time.Time{}
	for k, v := range at {
		out[k+"!"] = v.Add(time.Hour)
	}
	return out
}

// Event holds fields of well-known types.
type Event struct {
	Name  string
	At    time.Time
	Every time.Duration
	Count *big.Int
}

// Next returns the next occurrence.
func (e *Event) Next() time.Time { return e.At.Add(e.Every) }

// Mul returns a*b.
func Mul(a, b *big.Int) *big.Int { return new(big.Int).Mul(a, b) }

// Pow returns x**y.
func Pow(x *big.Int, y int) *big.Int { return new(big.Int).Exp(x, big.NewInt(int64(y)), nil) }

// Text formats x in base b.
func Text(x *big.Int, b int) string { return x.Text(b) }

// Sum adds the numbers.
func Sum(xs []*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

// NilInt returns a nil *big.Int.
func NilInt() *big.Int { return nil }

// AddRat returns a+b.
func AddRat(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }

// RatString formats r as Go does ("a/b").
func RatString(r *big.Rat) string { return r.String() }

// Half returns x/2 at x's precision.
func Half(x *big.Float) *big.Float { return new(big.Float).SetPrec(x.Prec()).Quo(x, big.NewFloat(2)) }

// FloatText formats x with Go's %g and its shortest representation.
func FloatText(x *big.Float) string { return x.Text('g', -1) }

// Prec returns x's precision in bits.
func Prec(x *big.Float) uint { return x.Prec() }

// Third returns 1/3 at prec bits.
func Third(prec uint) *big.Float {
	return new(big.Float).SetPrec(prec).Quo(big.NewFloat(1), big.NewFloat(3))
}
