package stdlib_test

// Typed Go wrappers bindc go generated from typeshed's stubs (inside mypy), called from Go
// and compared with what Python itself computes. Run by tests/pygo/test_pygo_e2e.py.

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	"example.com/pygostd/base64"
	"example.com/pygostd/colorsys"
	"example.com/pygostd/difflib"
	"example.com/pygostd/fnmatch"
	"example.com/pygostd/html"
	"example.com/pygostd/json"
	"example.com/pygostd/keyword"
	"example.com/pygostd/shlex"
	"example.com/pygostd/statistics"
	"example.com/pygostd/textwrap"
	python "github.com/py4go/py4go/runtime"
)

func TestMain(m *testing.M) {
	if err := python.Initialize(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = python.Finalize()
	os.Exit(code)
}

// python evaluates expr (after importing the modules it names) and decodes it into a T.
func pyEval[T any](t *testing.T, imports, expr string) T {
	t.Helper()
	var v T
	err := python.WithGIL(func() error {
		g, err := python.NewGlobals()
		if err != nil {
			return err
		}
		defer g.Release()
		if err := python.Exec("import "+imports, g); err != nil {
			return err
		}
		o, err := python.Eval(expr, g)
		if err != nil {
			return err
		}
		defer o.Release()
		return o.Decode(&v)
	})
	if err != nil {
		t.Fatalf("Python %s: %v", expr, err)
	}
	return v
}

func same[T any](t *testing.T, what string, got T, err error, want T) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, Python says %#v", what, got, want)
	}
}

const text = "The quick brown fox jumps over the lazy dog, then naps in the warm afternoon sun."

func TestTextwrap(t *testing.T) {
	got, err := textwrap.Fill(text, textwrap.FillWidth(20))
	same(t, "Fill", got, err, pyEval[string](t, "textwrap", fmt.Sprintf("textwrap.fill(%q, width=20)", text)))
	lines, err := textwrap.Wrap(text, textwrap.WrapWidth(30))
	same(t, "Wrap", lines, err, pyEval[[]string](t, "textwrap", fmt.Sprintf("textwrap.wrap(%q, width=30)", text)))
	got, err = textwrap.Shorten(text, 30)
	same(t, "Shorten", got, err, pyEval[string](t, "textwrap", fmt.Sprintf("textwrap.shorten(%q, 30)", text)))
	got, err = textwrap.Dedent("    a\n      b\n")
	same(t, "Dedent", got, err, "a\n  b\n")
	got, err = textwrap.Indent("a\n\nb\n", "> ", textwrap.IndentPredicate(func(line string) (bool, error) { return true, nil }))
	same(t, "Indent", got, err, pyEval[string](t, "textwrap", `textwrap.indent("a\n\nb\n", "> ", lambda l: True)`))
	w, err := textwrap.NewTextWrapper(textwrap.TextWrapperWidth(12))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	lines, err = w.Wrap(text)
	same(t, "TextWrapper.Wrap", lines, err, pyEval[[]string](t, "textwrap", fmt.Sprintf("textwrap.TextWrapper(width=12).wrap(%q)", text)))
}

func TestDifflib(t *testing.T) {
	a, b := []string{"one\n", "two\n", "three\n"}, []string{"one\n", "2\n", "three\n"}
	got, err := difflib.UnifiedDiff(a, b, difflib.UnifiedDiffFromfile("a"), difflib.UnifiedDiffTofile("b"))
	same(t, "UnifiedDiff", got, err, pyEval[[]string](t, "difflib",
		`list(difflib.unified_diff(["one\n","two\n","three\n"], ["one\n","2\n","three\n"], fromfile="a", tofile="b"))`))
	got, err = difflib.Ndiff(a, b)
	same(t, "Ndiff", got, err, pyEval[[]string](t, "difflib", `list(difflib.ndiff(["one\n","two\n","three\n"], ["one\n","2\n","three\n"]))`))
	junk, err := difflib.ISCHARACTERJUNK(" ")
	same(t, "IS_CHARACTER_JUNK", junk, err, true)
}

func TestColorsys(t *testing.T) {
	h, l, s, err := colorsys.RgbToHls(0.2, 0.4, 0.4)
	same(t, "RgbToHls", []float64{h, l, s}, err, pyEval[[]float64](t, "colorsys", "list(colorsys.rgb_to_hls(0.2, 0.4, 0.4))"))
	r, g, b, err := colorsys.HsvToRgb(0.5, 0.5, 0.4)
	same(t, "HsvToRgb", []float64{r, g, b}, err, pyEval[[]float64](t, "colorsys", "list(colorsys.hsv_to_rgb(0.5, 0.5, 0.4))"))
}

func TestHTML(t *testing.T) {
	got, err := html.Escape(`<a href="x">Tom & "Jerry"</a>`)
	same(t, "Escape", got, err, pyEval[string](t, "html", `html.escape('<a href="x">Tom & "Jerry"</a>')`))
	got, err = html.Escape(`"q"`, html.EscapeQuote(false))
	same(t, "Escape quote=False", got, err, `"q"`)
	got, err = html.Unescape("&lt;p&gt; &amp; &eacute;")
	same(t, "Unescape", got, err, pyEval[string](t, "html", `html.unescape("&lt;p&gt; &amp; &eacute;")`))
}

func TestJSON(t *testing.T) {
	got, err := json.Dumps(map[string]any{"b": []int{1, 2}, "a": "x"}, json.DumpsSortKeys(true), json.DumpsIndent(2))
	same(t, "Dumps", got, err, pyEval[string](t, "json", `json.dumps({"b": [1, 2], "a": "x"}, sort_keys=True, indent=2)`))
	o, err := json.Loads(`{"n": [1, 2.5, null]}`)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string][]any
	if err := python.WithGIL(func() error { defer o.Release(); return o.Decode(&v) }); err != nil {
		t.Fatal(err)
	}
	same(t, "Loads", v, nil, map[string][]any{"n": {int64(1), 2.5, nil}})

	// json/__init__.pyi re-exports JSONDecodeError and JSONDecoder from json.decoder: they
	// are the package's own types, and the exception (raised with __module__ json.decoder)
	// arrives as its Go type.
	_, err = json.Loads(`{"a": }`)
	var de *json.JSONDecodeError
	if !errors.As(err, &de) || de.Type != "json.decoder.JSONDecodeError" {
		t.Fatalf("Loads of bad JSON: %v, want a *json.JSONDecodeError", err)
	}
	dec, err := json.NewJSONDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	d, err := dec.Decode(`[1, "x"]`)
	if err != nil {
		t.Fatal(err)
	}
	var items []any
	if err := python.WithGIL(func() error { defer d.Release(); return d.Decode(&items) }); err != nil {
		t.Fatal(err)
	}
	same(t, "JSONDecoder.Decode", items, nil, []any{int64(1), "x"})
}

func TestShlex(t *testing.T) {
	got, err := shlex.Quote("it's here")
	same(t, "Quote", got, err, pyEval[string](t, "shlex", `shlex.quote("it's here")`))
	got, err = shlex.Join([]string{"ls", "-l", "my file"})
	same(t, "Join", got, err, pyEval[string](t, "shlex", `shlex.join(["ls", "-l", "my file"])`))
	o, err := shlex.Split(`a "b c" d`) // overloaded in the stub: untyped
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	if err := python.WithGIL(func() error { defer o.Release(); return o.Decode(&parts) }); err != nil {
		t.Fatal(err)
	}
	same(t, "Split", parts, nil, []string{"a", "b c", "d"})
}

func TestStatistics(t *testing.T) {
	data := []any{1.0, 2.0, 4.0, 7.0}
	f, err := statistics.Fmean([]float64{1, 2, 4, 7}) // Iterable[SupportsFloat]: a Go float64 is one
	same(t, "Fmean", f, err, pyEval[float64](t, "statistics", "statistics.fmean([1.0, 2.0, 4.0, 7.0])"))
	o, err := statistics.Median(data)
	if err != nil {
		t.Fatal(err)
	}
	var med float64
	if err := python.WithGIL(func() error { defer o.Release(); return o.Decode(&med) }); err != nil {
		t.Fatal(err)
	}
	same(t, "Median", med, nil, pyEval[float64](t, "statistics", "statistics.median([1.0, 2.0, 4.0, 7.0])"))
	q, err := statistics.Quantiles(data, statistics.QuantilesN(4))
	same(t, "Quantiles", q, err, pyEval[[]any](t, "statistics", "statistics.quantiles([1.0, 2.0, 4.0, 7.0], n=4)"))
	nd, err := statistics.NewNormalDist(statistics.NormalDistMu(10), statistics.NormalDistSigma(2))
	if err != nil {
		t.Fatal(err)
	}
	defer nd.Close()
	cdf, err := nd.Cdf(12)
	same(t, "NormalDist.cdf", cdf, err, pyEval[float64](t, "statistics", "statistics.NormalDist(10, 2).cdf(12)"))
}

func TestFnmatch(t *testing.T) {
	ok, err := fnmatch.Fnmatchcase("report.txt", "*.txt")
	same(t, "Fnmatchcase", ok, err, true)
	re, err := fnmatch.Translate("*.go")
	same(t, "Translate", re, err, pyEval[string](t, "fnmatch", `fnmatch.translate("*.go")`))
	names, err := fnmatch.Filter([]string{"a.go", "b.py", "c.go"}, "*.go")
	same(t, "Filter", names, err, []any{"a.go", "c.go"})
}

func TestBase64(t *testing.T) {
	enc, err := base64.B64encode([]byte("hello, world"))
	same(t, "B64encode", enc, err, pyEval[[]byte](t, "base64", `base64.b64encode(b"hello, world")`))
	dec, err := base64.B64decode(enc)
	same(t, "B64decode", dec, err, []byte("hello, world"))
	enc, err = base64.UrlsafeB64encode([]byte{0xfb, 0xff})
	same(t, "UrlsafeB64encode", enc, err, pyEval[[]byte](t, "base64", `base64.urlsafe_b64encode(b"\xfb\xff")`))
}

func TestKeyword(t *testing.T) {
	for _, w := range []string{"for", "lambda", "print", "match"} {
		got, err := keyword.Iskeyword(w)
		same(t, "Iskeyword("+w+")", got, err, pyEval[bool](t, "keyword", fmt.Sprintf("keyword.iskeyword(%q)", w)))
		soft, err := keyword.Issoftkeyword(w)
		same(t, "Issoftkeyword("+w+")", soft, err, pyEval[bool](t, "keyword", fmt.Sprintf("keyword.issoftkeyword(%q)", w)))
	}
}
