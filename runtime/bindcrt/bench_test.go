package bindcrt

import (
	"testing"
)

// addFunction defines add(a, b) in Python and returns it.
func addFunction(b *testing.B) *Object {
	var add *Object
	if err := WithGIL(func() error {
		var err error
		add, err = Eval("(lambda: (exec('def add(a, b):\\n    return a + b', g := {}), g['add'])[1])()", nil)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	return add
}

// BenchmarkCallAdd measures add(1, 2) through the Go API: Call, Int64, Release.
func BenchmarkCallAdd(b *testing.B) {
	add := addFunction(b)
	err := WithGIL(func() error {
		b.ReportAllocs()
		b.ResetTimer()
		var sum int64
		for i := 0; i < b.N; i++ {
			r, err := add.Call(1, 2)
			if err != nil {
				return err
			}
			v, err := r.Int64()
			if err != nil {
				return err
			}
			r.Release()
			sum += v
		}
		b.StopTimer()
		if sum != 3*int64(b.N) {
			b.Fatalf("sum = %d", sum)
		}
		add.Release()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkTypedFastAdd measures add(1, 2) as a generated Add(1, 2) makes it (TypedFastCall:
// one crossing, the arguments in registers, the small int result read inline), inside
// WithGIL; compare with BenchmarkTypedCallAdd (the general typed path) and the floor,
// BenchmarkCallAddCFloor + BenchmarkCgoCrossing.
func BenchmarkTypedFastAdd(b *testing.B) {
	defineTypedMainAdd(b)
	err := WithGIL(func() error {
		b.ReportAllocs()
		b.ResetTimer()
		sum := 0
		for i := 0; i < b.N; i++ {
			var c TypedFastCall
			c.Func(&typedMainAdd)
			c.Int(1)
			c.Int(2)
			v, err := c.CallInt()
			if err != nil {
				return err
			}
			sum += v
		}
		b.StopTimer()
		if sum != 3*b.N {
			b.Fatalf("sum = %d", sum)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCallAddCFloor is the floor: the same vectorcall, done by a C loop (one cgo call
// for all b.N iterations).
func BenchmarkCallAddCFloor(b *testing.B) {
	add := addFunction(b)
	err := WithGIL(func() error {
		b.ResetTimer()
		sum, err := testCallLoop(add, b.N)
		b.StopTimer()
		if err != nil {
			return err
		}
		if sum != 3*int64(b.N) {
			b.Fatalf("sum = %d", sum)
		}
		add.Release()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCgoCrossing measures an empty Go->C call: no Go call into Python can cost less
// than BenchmarkCallAddCFloor plus this.
func BenchmarkCgoCrossing(b *testing.B) {
	for i := 0; i < b.N; i++ {
		testNop()
	}
}
