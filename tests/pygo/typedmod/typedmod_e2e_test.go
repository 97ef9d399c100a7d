package typedmod_test

// End-to-end tests of the Go package bindc go generates for typedmod.py: every mapping,
// exceptions, callbacks from Python threads, and goroutines calling at once. Run by
// tests/pygo/test_pygo_e2e.py (go test -race), which generates the package first.

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"example.com/pygoe2e/typedmod"
	python "github.com/py4go/py4go/runtime"
)

func TestMain(m *testing.M) {
	if err := python.Initialize(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := python.WithGIL(func() error { return python.PrependSysPath(os.Getenv("TYPEDMOD_DIR")) }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = python.Finalize()
	os.Exit(code)
}

// must returns v, or panics with err (go test then fails, naming the line).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestScalars(t *testing.T) {
	if v := must(typedmod.Add(40, 2)); v != 42 {
		t.Errorf("Add = %d", v)
	}
	if v := must(typedmod.Scale(1.5)); v != 3 {
		t.Errorf("Scale = %v", v)
	}
	if v := must(typedmod.Scale(1.5, typedmod.ScaleFactor(3))); v != 4.5 {
		t.Errorf("Scale factor 3 = %v", v)
	}
	if v := must(typedmod.IsEven(4)); !v {
		t.Error("IsEven(4) false")
	}
	if v := must(typedmod.EchoBytes([]byte{1, 2, 3})); !reflect.DeepEqual(v, []byte{3, 2, 1}) {
		t.Errorf("EchoBytes = %v", v)
	}
	if err := typedmod.Nothing(1); err != nil {
		t.Error(err)
	}
}

func TestOptionsKeepPythonDefaults(t *testing.T) {
	if v := must(typedmod.Greet("Tal")); v != "Hello, Tal!" {
		t.Errorf("Greet = %q", v)
	}
	if v := must(typedmod.Greet("Tal", typedmod.GreetPunct("?"), typedmod.GreetTimes(2))); v != "Hello, Tal? Hello, Tal?" {
		t.Errorf("Greet with options = %q", v)
	}
	if v := must(typedmod.GetURL("example.com", 7)); v != "https://example.com/u/7" {
		t.Errorf("GetURL = %q", v)
	}
	if v := must(typedmod.GetURL("example.com", 7, typedmod.GetURLSecure(false))); v != "http://example.com/u/7" {
		t.Errorf("GetURL insecure = %q", v)
	}
}

func TestOptional(t *testing.T) {
	if v := must(typedmod.MaybeHalf(8)); v == nil || *v != 4 {
		t.Errorf("MaybeHalf(8) = %v", v)
	}
	if v := must(typedmod.MaybeHalf(7)); v != nil {
		t.Errorf("MaybeHalf(7) = %v, want nil", *v)
	}
	s := "abc"
	if v := must(typedmod.NameOrNone(&s)); v != "ABC" {
		t.Errorf("NameOrNone = %q", v)
	}
	if v := must(typedmod.NameOrNone(nil)); v != "none" {
		t.Errorf("NameOrNone(nil) = %q", v)
	}
}

func TestOverflowIsAnError(t *testing.T) {
	_, err := typedmod.Big()
	var ce *python.ConversionError
	if !errors.As(err, &ce) {
		t.Fatalf("Big() = %v, want a *python.ConversionError (2**70 does not fit int)", err)
	}
	_, err = typedmod.Add(1<<62, 1<<62) // the sum overflows int64 in Python's result
	if !errors.As(err, &ce) {
		t.Fatalf("Add overflowing = %v, want a ConversionError", err)
	}
	// Add is on the scalar fast path (TypedFastCall): the message is the general path's.
	if want := "python: typedmod.add() result: Python int 9223372036854775808 is out of range for Go int64"; err.Error() != want {
		t.Errorf("Add overflowing: %q, want %q", err, want)
	}
}

func TestExceptions(t *testing.T) {
	_, _, err := typedmod.ParsePair("")
	var empty *typedmod.EmptyInput
	var parse *typedmod.ParseError
	var exc *python.Exception
	if !errors.As(err, &empty) || !errors.As(err, &parse) || !errors.As(err, &exc) {
		t.Fatalf("ParsePair(\"\") = %#v, want EmptyInput, ParseError and *python.Exception", err)
	}
	if exc.Type != "typedmod.EmptyInput" || exc.Message != "empty input" || !strings.Contains(exc.Traceback, "parse_pair") {
		t.Errorf("exception = %q %q %q", exc.Type, exc.Message, exc.Traceback)
	}
	_, _, err = typedmod.ParsePair("nokey")
	if !errors.As(err, &parse) || errors.As(err, &empty) {
		t.Errorf("ParsePair(nokey) = %v, want a ParseError only", err)
	}
	k, v, err := typedmod.ParsePair("a=5")
	if err != nil || k != "a" || v != 5 {
		t.Errorf("ParsePair(a=5) = %q, %d, %v", k, v, err)
	}
	err = typedmod.Nothing(-1) // the scalar fast path: the same *python.Exception as any call
	if !errors.As(err, &exc) || exc.Type != "ValueError" || exc.Message != "negative" ||
		!strings.Contains(exc.Traceback, "nothing") {
		t.Errorf("Nothing(-1) = %v", err)
	}
}

func TestContainers(t *testing.T) {
	if v := must(typedmod.SplitWords("a bb ccc")); !reflect.DeepEqual(v, []string{"a", "bb", "ccc"}) {
		t.Errorf("SplitWords = %v", v)
	}
	if v := must(typedmod.WordLengths([]string{"go", "py"})); !reflect.DeepEqual(v, map[string]int{"go": 2, "py": 2}) {
		t.Errorf("WordLengths = %v", v)
	}
	if v := must(typedmod.Total(map[string]float64{"a": 1.5, "b": 2})); v != 3.5 {
		t.Errorf("Total = %v", v)
	}
	if v := must(typedmod.CountUp(4)); !reflect.DeepEqual(v, []int{0, 1, 2, 3}) {
		t.Errorf("CountUp = %v", v)
	}
	q, r, err := typedmod.DivmodPair(17, 5)
	if err != nil || q != 3 || r != 2 {
		t.Errorf("DivmodPair = %d, %d, %v", q, r, err)
	}
}

func TestCallbacks(t *testing.T) {
	if v := must(typedmod.Apply(func(x int) (int, error) { return x * 10, nil }, 4)); v != 40 {
		t.Errorf("Apply = %d", v)
	}
	_, err := typedmod.Apply(func(int) (int, error) { return 0, errors.New("go says no") }, 1)
	var exc *python.Exception
	if !errors.As(err, &exc) || exc.Type != "RuntimeError" || exc.Message != "go says no" {
		t.Errorf("Apply with a failing func = %v", err)
	}
	var seen []string
	if err := typedmod.Each(func(s string) error { seen = append(seen, s); return nil }, []string{"x", "y"}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(seen, []string{"x", "y"}) {
		t.Errorf("Each saw %v", seen)
	}
}

func TestCallbackFromPythonThreads(t *testing.T) {
	var calls atomic.Int32
	v := must(typedmod.ApplyInThreads(func(i int) (int, error) {
		calls.Add(1)
		return i * i, nil
	}, 8))
	if !reflect.DeepEqual(v, []int{0, 1, 4, 9, 16, 25, 36, 49}) || calls.Load() != 8 {
		t.Errorf("ApplyInThreads = %v (%d calls)", v, calls.Load())
	}
}

func TestEnums(t *testing.T) {
	if v := must(typedmod.NextColor(typedmod.ColorBlue)); v != typedmod.ColorRed {
		t.Errorf("NextColor(BLUE) = %v", v)
	}
	if typedmod.ColorGreen.String() != "GREEN" {
		t.Errorf("String = %q", typedmod.ColorGreen.String())
	}
	if v := must(typedmod.ModeName(typedmod.ModeSafe)); v != "SAFE" {
		t.Errorf("ModeName = %q", v)
	}
	if v := must(typedmod.OtherMode(typedmod.ModeFast)); v != typedmod.ModeSafe {
		t.Errorf("OtherMode = %v", v)
	}
	if _, err := typedmod.NextColor(typedmod.Color(9)); err == nil {
		t.Error("NextColor(9): no error for a value that is no member")
	}
}

func TestRecords(t *testing.T) {
	if v := must(typedmod.Norm1(typedmod.Point{X: 3, Y: -4})); v != 7 {
		t.Errorf("Norm1 = %d", v)
	}
	if v := must(typedmod.Mirror(typedmod.Point{X: 1, Y: 2})); v != (typedmod.Point{X: 2, Y: 1}) {
		t.Errorf("Mirror = %+v", v)
	}
	item := must(typedmod.Discounted(typedmod.Item{Name: "pen", Price: 10, Tags: []string{"office"}}, 25))
	if !reflect.DeepEqual(item, typedmod.Item{Name: "pen", Price: 7.5, Tags: []string{"office", "sale"}}) {
		t.Errorf("Discounted = %+v", item)
	}
}

type shouty struct{}

func (shouty) Greet(name string) (string, error) { return "HEY " + strings.ToUpper(name), nil }

func TestProtocol(t *testing.T) {
	if v := must(typedmod.Welcome(shouty{}, "tal")); v != "HEY TAL." {
		t.Errorf("Welcome(Go value) = %q", v)
	}
	g := must(typedmod.Polite())
	if v := must(g.Greet("Tal")); v != "Good day, Tal" {
		t.Errorf("Polite().Greet = %q", v)
	}
	if v := must(typedmod.Welcome(g, "Tal")); v != "Good day, Tal." {
		t.Errorf("Welcome(Python object) = %q", v)
	}
}

func TestClasses(t *testing.T) {
	c := must(typedmod.NewCounter(typedmod.CounterStart(5)))
	defer c.Close()
	if v := must(c.Incr()); v != 6 {
		t.Errorf("Incr = %d", v)
	}
	if v := must(c.Incr(typedmod.CounterIncrBy(4))); v != 10 {
		t.Errorf("Incr(4) = %d", v)
	}
	if v := must(c.Doubled()); v != 20 {
		t.Errorf("Doubled = %d", v)
	}
	if v := must(c.Label()); v != "counter" {
		t.Errorf("Label = %q", v)
	}
	if err := c.SetLabel("mine"); err != nil {
		t.Fatal(err)
	}
	if v := must(c.Label()); v != "mine" {
		t.Errorf("Label after SetLabel = %q", v)
	}
	if v := must(typedmod.Bump(c)); v != 20 {
		t.Errorf("Bump = %d", v)
	}
	if v := must(typedmod.CounterZero()); v != 0 {
		t.Errorf("CounterZero = %d", v)
	}
	made := must(typedmod.MakeCounter(3))
	defer made.Close()
	if v := must(made.Incr()); v != 4 {
		t.Errorf("MakeCounter(3).Incr = %d", v)
	}
	l := must(typedmod.NewLimitedCounter(2))
	defer l.Close()
	if v := must(l.Incr()); v != 1 {
		t.Errorf("LimitedCounter.Incr = %d", v)
	}
	if v := must(l.Label()); v != "limited" { // promoted from the embedded Counter
		t.Errorf("LimitedCounter.Label = %q", v)
	}
	_, err := l.Incr(typedmod.LimitedCounterIncrBy(5))
	var exc *python.Exception
	if !errors.As(err, &exc) || exc.Type != "OverflowError" {
		t.Errorf("LimitedCounter over the limit = %v", err)
	}
	// A subclass instance where the base is expected: Python dispatches to the override.
	if _, err := typedmod.Bump(&l.Counter); !errors.As(err, &exc) || exc.Type != "OverflowError" {
		t.Errorf("Bump(limited) = %v, want the override's OverflowError", err)
	}
}

func TestAny(t *testing.T) {
	o := must(typedmod.Identity([]any{int64(1), "two"}))
	err := python.WithGIL(func() error {
		defer o.Release()
		var v []any
		if err := o.Decode(&v); err != nil {
			return err
		}
		if !reflect.DeepEqual(v, []any{int64(1), "two"}) {
			t.Errorf("Identity = %v", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestInsideWithGIL(t *testing.T) {
	err := python.WithGIL(func() error {
		for i := 0; i < 100; i++ {
			if v, err := typedmod.Add(i, 1); err != nil || v != i+1 {
				return fmt.Errorf("Add(%d, 1) = %d, %v", i, v, err)
			}
		}
		words, err := typedmod.SplitWords("in with gil")
		if err != nil || len(words) != 3 {
			return fmt.Errorf("SplitWords = %v, %v", words, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEightGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			c, err := typedmod.NewCounter()
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			for i := 0; i < 200; i++ {
				if v, err := typedmod.Add(g, i); err != nil || v != g+i {
					errs <- fmt.Errorf("Add(%d, %d) = %d, %v", g, i, v, err)
					return
				}
				s, err := typedmod.Greet(fmt.Sprint(g), typedmod.GreetPunct("."))
				if err != nil || s != fmt.Sprintf("Hello, %d.", g) {
					errs <- fmt.Errorf("Greet = %q, %v", s, err)
					return
				}
				words, err := typedmod.SplitWords("a b")
				if err != nil || len(words) != 2 {
					errs <- fmt.Errorf("SplitWords = %v, %v", words, err)
					return
				}
				if v, err := c.Incr(); err != nil || v != i+1 {
					errs <- fmt.Errorf("Incr = %d, %v", v, err)
					return
				}
				if v, err := typedmod.Apply(func(x int) (int, error) { return x + g, nil }, i); err != nil || v != i+g {
					errs <- fmt.Errorf("Apply = %d, %v", v, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	var all []string
	for err := range errs {
		all = append(all, err.Error())
	}
	sort.Strings(all)
	if len(all) > 0 {
		t.Fatal(strings.Join(all, "\n"))
	}
}

func TestDatetimes(t *testing.T) {
	start := time.Date(2024, 12, 31, 23, 30, 0, 0, time.UTC)
	got, err := typedmod.Later(start, 90*time.Minute)
	if err != nil || !got.Equal(start.Add(90*time.Minute)) {
		t.Fatalf("Later = %v, %v", got, err)
	}
	end := start.Add(36 * time.Hour)
	d, err := typedmod.Elapsed(start, typedmod.ElapsedEnd(&end))
	if err != nil || d == nil || *d != 36*time.Hour {
		t.Fatalf("Elapsed = %v, %v", d, err)
	}
	if d, err := typedmod.Elapsed(start); err != nil || d != nil {
		t.Fatalf("Elapsed without end = %v, %v (want nil: None)", d, err)
	}
	if _, err := typedmod.Later(time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), 2*time.Hour); err == nil {
		t.Fatal("a datetime past year 9999 should be a Python OverflowError")
	}
}
