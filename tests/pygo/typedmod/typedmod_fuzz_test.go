package typedmod_test

// Fuzzing the generated conversions: any Go string, int, float, bytes and bool goes to Python
// and back unchanged (a string that is not valid UTF-8 is an error, never a crash or a silent
// change). The seeds run with every `go test`; tests/reliability/test_pygo_reliability.py
// runs the fuzzer itself.

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"example.com/pygoe2e/typedmod"
	python "github.com/py4go/py4go/runtime"
)

func FuzzTypedRoundTrip(f *testing.F) {
	f.Add("", int64(0), 0.0, []byte{}, false)
	f.Add("héllo\x00wörld", int64(math.MaxInt64), math.Inf(-1), []byte{0, 255}, true)
	f.Add(strings.Repeat("ü", 700), int64(math.MinInt64), math.NaN(), []byte(strings.Repeat("x", 2000)), false)
	f.Add("\xff\xfe", int64(-1), -0.0, []byte(nil), true)
	f.Fuzz(func(t *testing.T, s string, n int64, x float64, b []byte, flag bool) {
		gs, err := typedmod.EchoStr(s)
		if !utf8.ValidString(s) {
			var ce *python.ConversionError
			if !errors.As(err, &ce) {
				t.Fatalf("EchoStr(invalid UTF-8 %q) = %q, %v; want a ConversionError", s, gs, err)
			}
			return
		}
		if err != nil || gs != s {
			t.Fatalf("EchoStr(%q) = %q, %v", s, gs, err)
		}
		rs, rn, rx, rb, rflag, err := typedmod.EchoAll(s, int(n), x, b, flag)
		if err != nil {
			t.Fatal(err)
		}
		sameFloat := rx == x || (math.IsNaN(rx) && math.IsNaN(x))
		if rs != s || rn != int(n) || !sameFloat || string(rb) != string(b) || rflag != flag {
			t.Fatalf("EchoAll(%q, %d, %v, %q, %v) = %q, %d, %v, %q, %v", s, n, x, b, flag, rs, rn, rx, rb, rflag)
		}
		var np *int
		if n%2 == 0 {
			v := int(n)
			np = &v
		}
		got, err := typedmod.EchoOpt(typedmod.EchoOptN(np), typedmod.EchoOptS(&s))
		want := fmt.Sprintf("(%s, %s)", pyRepr(np), pyStrRepr(t, s))
		if err != nil || got != want {
			t.Fatalf("EchoOpt = %q, %v; want %q", got, err, want)
		}
	})
}

func pyRepr(p *int) string {
	if p == nil {
		return "None"
	}
	return fmt.Sprint(*p)
}

// pyStrRepr is Python's repr(s), asked from Python.
func pyStrRepr(t *testing.T, s string) string {
	var r string
	err := python.WithGIL(func() error {
		o, err := python.FromGo(s)
		if err != nil {
			return err
		}
		defer o.Release()
		r, err = o.Repr()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// FuzzDatetimes: any instant in datetime's range plus any duration arrives as Python's
// datetime + timedelta, equal to Go's Add at microsecond precision (datetime's), or as an
// OverflowError outside years 1..9999 — never a crash or a wrong time.
func FuzzDatetimes(f *testing.F) {
	f.Add(int64(0), int64(0), int32(0))
	f.Add(int64(253402300799), int64(1), int32(3600))  // 9999-12-31T23:59:59: one more second overflows
	f.Add(int64(-62135596800), int64(-1), int32(-1800)) // 0001-01-01T00:00:00
	f.Fuzz(func(t *testing.T, secs int64, micros int64, offset int32) {
		if secs < -62135596800 || secs > 253402300799 || offset <= -86400 || offset >= 86400 {
			return // outside what a Go time.Time in datetime's range can be here
		}
		start := time.Unix(secs, 0).In(time.FixedZone("", int(offset)/60*60))
		by := time.Duration(micros%(1<<40)) * time.Microsecond
		got, err := typedmod.Later(start, by)
		want := start.Add(by)
		if y := want.UTC().Year(); y < 1 || y > 9999 || start.Year() < 1 || start.Year() > 9999 {
			if err == nil && !got.Equal(want) {
				t.Fatalf("Later(%v, %v) = %v, want %v or an error", start, by, got, want)
			}
			return
		}
		if err != nil || !got.Equal(want) {
			t.Fatalf("Later(%v, %v) = %v, %v; want %v", start, by, got, err, want)
		}
	})
}
