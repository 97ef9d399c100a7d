package bindcrt

// Fuzz targets for the conversions between Go and Python values (issue 5, reliability).
// Each target checks a round trip through the interpreter against Go's own idea of the
// value: strings (valid and invalid UTF-8), bytes, every int width, float64 bit patterns, and
// nested containers decoded from the fuzz input; FuzzTypedFastInts checks the typed fast path
// (TypedFastCall) against the general one (TypedCall). Run briefly by tests/reliability/ with
// `go test -run '^$' -fuzz '^FuzzX$' -fuzztime 5s`; without -fuzz, `go test` runs the seeds.

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"
)

// fuzzFuncs evaluates Python helper functions once per process (fuzz workers are processes).
func fuzzFuncs(f *testing.F, exprs ...string) []*Object {
	f.Helper()
	out := make([]*Object, len(exprs))
	gil(f, func() error {
		for i, e := range exprs {
			o, err := Eval(e, nil)
			if err != nil {
				return err
			}
			out[i] = o
		}
		return nil
	})
	return out
}

func isConversionError(err error) bool {
	var ce *ConversionError
	return errors.As(err, &ce)
}

// FuzzStringBytes: a Go string reaches Python as str exactly when it is valid UTF-8 (same
// code points, same bytes back), else FromGo and Call report a *ConversionError; any bytes
// cross as bytes unchanged.
func FuzzStringBytes(f *testing.F) {
	for _, s := range []string{"", "a", "\x00", "héllo ✓", "\xff\xfe", "a\x00b", "\xed\xa0\x80", "\U0010ffff", "\xf4\x90\x80\x80"} {
		f.Add(s)
	}
	fns := fuzzFuncs(f, "lambda s: (len(s), s.encode('utf-8'), s[::-1][::-1])", "lambda b: bytes(b)")
	info, ident := fns[0], fns[1]
	f.Fuzz(func(t *testing.T, s string) {
		gil(t, func() error {
			r, err := info.Call(s)
			if !utf8.ValidString(s) {
				if !isConversionError(err) {
					t.Fatalf("Call with invalid UTF-8 %q: got %v, want *ConversionError", s, err)
				}
				if _, err := FromGo(s); !isConversionError(err) {
					t.Fatalf("FromGo(%q): got %v, want *ConversionError", s, err)
				}
			} else {
				if err != nil {
					t.Fatalf("Call(%q): %v", s, err)
				}
				var tuple []any
				if err := r.Decode(&tuple); err != nil {
					t.Fatal(err)
				}
				r.Release()
				if n := tuple[0].(int64); n != int64(utf8.RuneCountInString(s)) {
					t.Fatalf("len(%q) in Python = %d, want %d", s, n, utf8.RuneCountInString(s))
				}
				if b := tuple[1].([]byte); !bytes.Equal(b, []byte(s)) {
					t.Fatalf("%q.encode() = %q", s, b)
				}
				if back := tuple[2].(string); back != s {
					t.Fatalf("round trip of %q gave %q", s, back)
				}
				o, err := FromGo(s)
				if err != nil {
					t.Fatal(err)
				}
				back, err := o.Str()
				o.Release()
				if err != nil || back != s {
					t.Fatalf("FromGo(%q).Str() = %q, %v", s, back, err)
				}
			}
			b, err := ident.Call([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			defer b.Release()
			got, err := b.Bytes()
			if err != nil || !bytes.Equal(got, []byte(s)) {
				t.Fatalf("bytes round trip of %q gave %q, %v", s, got, err)
			}
			if _, err := b.Str(); !isConversionError(err) {
				t.Fatalf("bytes.Str(): got %v, want *ConversionError", err)
			}
			return nil
		})
	})
}

// FuzzInts: every int width round-trips through Python arithmetic; Decode into a narrower
// type fails exactly when the value is out of its range; a value built in Python beyond
// 64 bits matches math/big.
func FuzzInts(f *testing.F) {
	f.Add(int64(0), uint64(0))
	f.Add(int64(math.MinInt64), uint64(math.MaxUint64))
	f.Add(int64(math.MaxInt64), uint64(1<<63))
	f.Add(int64(-129), uint64(256))
	fns := fuzzFuncs(f, "lambda x: -(-x)", "lambda a, b: a * 2**64 + b")
	neg, big2 := fns[0], fns[1]
	f.Fuzz(func(t *testing.T, i int64, u uint64) {
		gil(t, func() error {
			ri, err := neg.Call(i)
			if err != nil {
				t.Fatal(err)
			}
			defer ri.Release()
			if got, err := ri.Int64(); err != nil || got != i {
				t.Fatalf("Int64 of %d = %d, %v", i, got, err)
			}
			ru, err := neg.Call(u)
			if err != nil {
				t.Fatal(err)
			}
			defer ru.Release()
			if got, err := ru.Uint64(); err != nil || got != u {
				t.Fatalf("Uint64 of %d = %d, %v", u, got, err)
			}
			if _, err := ru.Int64(); (u > math.MaxInt64) != isConversionError(err) {
				t.Fatalf("Int64 of %d: err %v", u, err)
			}
			if _, err := ri.Uint64(); (i < 0) != isConversionError(err) {
				t.Fatalf("Uint64 of %d: err %v", i, err)
			}
			checkNarrow(t, ri, i)
			// a * 2**64 + b: a Python int of up to 128 bits.
			rb, err := big2.Call(i, u)
			if err != nil {
				t.Fatal(err)
			}
			defer rb.Release()
			want := new(big.Int).Lsh(big.NewInt(i), 64)
			want.Add(want, new(big.Int).SetUint64(u))
			if got := rb.String(); got != want.String() {
				t.Fatalf("%d * 2**64 + %d: Python says %s, math/big says %s", i, u, got, want)
			}
			g, err := rb.ToGo()
			if err != nil {
				t.Fatal(err)
			}
			switch v := g.(type) {
			case int64:
				if !want.IsInt64() || v != want.Int64() {
					t.Fatalf("ToGo of %s gave int64 %d", want, v)
				}
			case uint64:
				if want.IsInt64() || !want.IsUint64() || v != want.Uint64() {
					t.Fatalf("ToGo of %s gave uint64 %d", want, v)
				}
			case *Object:
				if want.IsInt64() || want.IsUint64() || v.String() != want.String() {
					t.Fatalf("ToGo of %s gave object %s", want, v)
				}
				v.Release()
			default:
				t.Fatalf("ToGo of %s gave %T", want, g)
			}
			return nil
		})
	})
}

// checkNarrow decodes o (holding i) into every narrower Go integer type.
func checkNarrow(t *testing.T, o *Object, i int64) {
	t.Helper()
	check := func(name string, target any, fits bool, value func() int64) {
		err := o.Decode(target)
		if fits != (err == nil) {
			t.Fatalf("Decode(%d) into %s: fits=%v but err=%v", i, name, fits, err)
		}
		if err == nil && value() != i {
			t.Fatalf("Decode(%d) into %s gave %d", i, name, value())
		}
		if err != nil && !isConversionError(err) {
			t.Fatalf("Decode(%d) into %s: %T %v, want *ConversionError", i, name, err, err)
		}
	}
	var i8 int8
	var i16 int16
	var i32 int32
	var u8 uint8
	var u32 uint32
	check("int8", &i8, i >= math.MinInt8 && i <= math.MaxInt8, func() int64 { return int64(i8) })
	check("int16", &i16, i >= math.MinInt16 && i <= math.MaxInt16, func() int64 { return int64(i16) })
	check("int32", &i32, i >= math.MinInt32 && i <= math.MaxInt32, func() int64 { return int64(i32) })
	check("uint8", &u8, i >= 0 && i <= math.MaxUint8, func() int64 { return int64(u8) })
	check("uint32", &u32, i >= 0 && i <= math.MaxUint32, func() int64 { return int64(u32) })
}

// FuzzFloats: any float64 bit pattern survives a trip through Python arithmetic (NaN stays
// NaN, -0.0 keeps its sign), and Python's repr parses back to the same value.
func FuzzFloats(f *testing.F) {
	for _, x := range []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.MaxFloat32, 0.1} {
		f.Add(math.Float64bits(x))
	}
	fns := fuzzFuncs(f, "lambda x: (x * 1.0, repr(x), float(x) == x)")
	roundTrip := fns[0]
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		gil(t, func() error {
			r, err := roundTrip.Call(x)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Release()
			var out []any
			if err := r.Decode(&out); err != nil {
				t.Fatal(err)
			}
			got, text, eq := out[0].(float64), out[1].(string), out[2].(bool)
			if math.IsNaN(x) {
				if !math.IsNaN(got) || eq {
					t.Fatalf("NaN came back as %v (== itself: %v)", got, eq)
				}
				return nil
			}
			if math.Float64bits(got) != bits {
				t.Fatalf("%v (%#x) came back as %v (%#x)", x, bits, got, math.Float64bits(got))
			}
			parsed, err := strconv.ParseFloat(text, 64)
			if text == "inf" || text == "-inf" {
				parsed, err = math.Inf(1), nil
				if text[0] == '-' {
					parsed = math.Inf(-1)
				}
			}
			if err != nil || math.Float64bits(parsed) != bits {
				t.Fatalf("repr(%v) = %q parses to %v, %v", x, text, parsed, err)
			}
			return nil
		})
	})
}

// fuzzValue builds a nested Go value (the natural form ToGo returns) from fuzz bytes.
func fuzzValue(data []byte, depth int) (any, []byte) {
	if len(data) == 0 {
		return nil, data
	}
	tag, data := data[0], data[1:]
	take := func(n int) []byte {
		if n > len(data) {
			n = len(data)
		}
		b := data[:n]
		data = data[n:]
		return b
	}
	switch tag % 9 {
	case 0:
		return nil, data
	case 1:
		return tag&0x10 != 0, data
	case 2:
		var v int64
		for _, c := range take(8) {
			v = v<<8 | int64(c)
		}
		return v, data
	case 3:
		var v uint64 = 1 << 63
		for _, c := range take(7) {
			v |= uint64(c) << 8
		}
		return v, data
	case 4:
		var v uint64
		for _, c := range take(8) {
			v = v<<8 | uint64(c)
		}
		x := math.Float64frombits(v)
		if math.IsNaN(x) {
			x = 0.5 // NaN != NaN: DeepEqual could not compare it
		}
		return x, data
	case 5:
		s := take(int(tag>>4) + 1)
		return string(bytes.ToValidUTF8(s, []byte("\uFFFD"))), data
	case 6:
		return append([]byte{}, take(int(tag>>4))...), data
	case 7, 8:
		if depth > 3 {
			return nil, data
		}
		n := int(tag>>5) + 1
		if tag%9 == 7 {
			list := make([]any, 0, n)
			for j := 0; j < n && len(data) > 0; j++ {
				var v any
				v, data = fuzzValue(data, depth+1)
				list = append(list, v)
			}
			return list, data
		}
		m := make(map[string]any, n)
		for j := 0; j < n && len(data) > 0; j++ {
			k := string(bytes.ToValidUTF8(take(2), []byte("?")))
			var v any
			v, data = fuzzValue(data, depth+1)
			m[k] = v
		}
		return m, data
	}
	return nil, data
}

// FuzzContainers: nested lists and dicts of every scalar kind come back from Python (an
// identity call and a copy made in Python) equal to what was sent.
func FuzzContainers(f *testing.F) {
	f.Add([]byte{7, 2, 0, 0, 0, 0, 0, 0, 0, 1, 5, 'a', 8, 'k', 'e', 1})
	f.Add([]byte{8, 'a', 'b', 7, 6, 0xff, 4, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0x3f, 3, 1, 2, 3, 4, 5, 6, 7, 8, 0x27})
	fns := fuzzFuncs(f, "lambda x: x", "__import__('copy').deepcopy")
	ident, deep := fns[0], fns[1]
	f.Fuzz(func(t *testing.T, data []byte) {
		want, _ := fuzzValue(data, 0)
		gil(t, func() error {
			for _, fn := range []*Object{ident, deep} {
				r, err := fn.Call(want)
				if err != nil {
					t.Fatalf("Call(%#v): %v", want, err)
				}
				got, err := r.ToGo()
				r.Release()
				if err != nil {
					t.Fatalf("ToGo of %#v: %v", want, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("sent %#v, got back %#v", want, got)
				}
			}
			return nil
		})
	})
}

// FuzzTypedFastInts: the fast typed path (TypedFastCall: values by register, a small int
// result read inline) gives what the generic TypedCall gives, value or error, for ints of
// every size (the inline read covers one-digit/compact ints only: both sides of that line),
// overflowing results, exceptions, and float arguments and results.
func FuzzTypedFastInts(f *testing.F) {
	f.Add(int64(1), int64(2), uint8(0))
	f.Add(int64(0), int64(0), uint8(3)) // floordiv by zero
	f.Add(int64(math.MaxInt64), int64(1), uint8(0))
	f.Add(int64(math.MinInt64), int64(-1), uint8(2))
	f.Add(int64(1<<30-1), int64(1<<30), uint8(1))
	f.Add(int64(-1), int64(63), uint8(4))
	f.Add(int64(7), int64(0), uint8(5))
	ops := []*TypedFunc{&typedAdd, &typedFastSub, &typedFastMul, &typedFastFloor, &typedFastShift, &typedFastDiv}
	f.Fuzz(func(t *testing.T, a, b int64, op uint8) {
		fn := ops[int(op)%len(ops)]
		if fn == &typedFastShift {
			b &= 127 // a shift by a huge count would build a huge int
		}
		fc := fastCase{fn, []any{int(a), int(b)}, "int"}
		if fn == &typedFastDiv {
			fc = fastCase{fn, []any{float64(a), int(b)}, "float"}
		}
		sameAsTyped(t, fc)
		fc.result = "none"
		sameAsTyped(t, fc)
		if fn == &typedAdd { // where Go can tell: the sum fits int exactly when there is no error
			v, err := fastCase{fn, []any{int(a), int(b)}, "int"}.viaFast()
			s := a + b
			overflows := (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0)
			if overflows != (err != nil) || (err == nil && v != int(s)) {
				t.Fatalf("add(%d, %d) = %v, %v", a, b, v, err)
			}
		}
	})
}
