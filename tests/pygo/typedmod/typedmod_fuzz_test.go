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
