package bindcrt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// evalString evaluates a Python expression (modules in `imports` imported first) and returns
// str() of the result.
func evalString(t testing.TB, imports, expr string) string {
	t.Helper()
	var out string
	gil(t, func() error {
		g := mustExec(t, "import "+imports)
		defer g.Release()
		v, err := Eval(expr, g)
		if err != nil {
			return err
		}
		defer v.Release()
		out = v.String()
		return nil
	})
	return out
}

// fakeVenv writes a virtual environment for the running Python into dir (what `python -m
// venv --without-pip` makes: pyvenv.cfg, bin/python, an empty site-packages) plus a package
// only it has, and returns dir.
func fakeVenv(t *testing.T, dir string) string {
	t.Helper()
	base := evalString(t, "sys", "sys.base_prefix")
	exe := evalString(t, "sys", "sys._base_executable")
	mm := majorMinor(Version())
	site := filepath.Join(dir, "lib", "python"+mm, "site-packages", "py4go_venv_only")
	must(t, os.MkdirAll(site, 0o755))
	must(t, os.WriteFile(filepath.Join(site, "__init__.py"), []byte("WHERE = 'venv'\n"), 0o644))
	must(t, os.MkdirAll(filepath.Join(dir, "bin"), 0o755))
	must(t, os.Symlink(exe, filepath.Join(dir, "bin", "python")))
	cfg := "home = " + filepath.Join(base, "bin") + "\ninclude-system-site-packages = false\nversion = " + Version() + "\n"
	must(t, os.WriteFile(filepath.Join(dir, "pyvenv.cfg"), []byte(cfg), 0o644))
	return dir
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// restart finalizes the running interpreter and starts one with cfg.
func restart(t *testing.T, cfg ...Config) {
	t.Helper()
	must(t, Finalize())
	if err := Initialize(cfg...); err != nil {
		t.Fatalf("Initialize(%+v): %v", cfg, err)
	}
}

// TestInitializeWithConfigs restarts Python with a virtual environment, then isolated with
// extra search paths, argv and -X options, then with a configuration CPython rejects, and
// finally as TestMain started it (re-registering the module registered before Initialize,
// which CPython forgets at finalization).
func TestInitializeWithConfigs(t *testing.T) {
	venv := fakeVenv(t, t.TempDir())
	base := evalString(t, "sys", "sys.base_prefix")

	restart(t, Config{Venv: venv})
	if got := evalString(t, "sys", "sys.prefix"); got != venv {
		t.Errorf("venv: sys.prefix = %s, want %s", got, venv)
	}
	if got := evalString(t, "sys", "sys.base_prefix"); got != base {
		t.Errorf("venv: sys.base_prefix = %s, want %s", got, base)
	}
	if got := evalString(t, "sys", "sys.executable"); got != filepath.Join(venv, "bin", "python") {
		t.Errorf("venv: sys.executable = %s", got)
	}
	if got := evalString(t, "py4go_venv_only", "py4go_venv_only.WHERE"); got != "venv" {
		t.Errorf("venv: package of the venv: %s", got)
	}
	// Idempotence: no Config or the same one is fine, another one is an error.
	must(t, Initialize())
	must(t, Initialize(Config{Venv: venv}))
	if err := Initialize(Config{Isolated: true}); err == nil || !strings.Contains(err.Error(), "already running with another Config") {
		t.Errorf("Initialize with another Config while running: %v", err)
	}

	extra, other := t.TempDir(), t.TempDir()
	must(t, os.WriteFile(filepath.Join(extra, "py4go_extra_mod.py"), []byte("X = 1\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(other, "py4go_env_mod.py"), []byte("X = 2\n"), 0o644))
	t.Setenv("PYTHONPATH", other)
	restart(t, Config{Isolated: true, SearchPaths: []string{extra}, Argv: []string{"prog", "a b"},
		XOptions: []string{"utf8", "faulthandler"}})
	checks := map[string]string{
		"sys.flags.isolated":                                  "1",
		"sys.flags.safe_path":                                 "True",
		"sys.flags.no_user_site":                              "1",
		"sys.flags.ignore_environment":                        "1",
		"sys.flags.utf8_mode":                                 "1",
		"sys._xoptions":                                       "{'utf8': True, 'faulthandler': True}",
		"sys.argv":                                            "['prog', 'a b']",
		"sys.path[0] == " + pyStr(extra):                      "True",
		pyStr(other) + " in sys.path":                         "False",
		"importlib.util.find_spec('py4go_env_mod') is None":   "True",
		"importlib.util.find_spec('py4go_venv_only') is None": "True",
		"importlib.import_module('py4go_extra_mod').X":        "1",
	}
	for expr, want := range checks {
		if got := evalString(t, "sys, importlib, importlib.util", expr); got != want {
			t.Errorf("isolated: %s = %s, want %s", expr, got, want)
		}
	}

	// Errors: Go-side checks, then CPython's own (a Home without a standard library).
	must(t, Finalize())
	for cfg, want := range map[*Config]string{
		{Venv: t.TempDir()}:                         "is not a virtual environment",
		{Venv: venv, Home: base}:                    "Config.Venv excludes Config.Home",
		{XOptions: []string{"-X utf8"}}:             "is not an -X option",
		{Isolated: true, XOptions: []string{"dev"}}: "the allocator cannot change after the first Initialize",
	} {
		err := Initialize(*cfg)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Initialize(%+v) = %v, want an error containing %q", *cfg, err, want)
		}
		if IsInitialized() {
			t.Fatalf("Initialize(%+v) failed but Python runs", *cfg)
		}
	}
	if err := Initialize(Config{}, Config{}); err == nil {
		t.Error("Initialize with two Configs should fail")
	}

	// Back to the default, with the module TestMain registered before Initialize.
	must(t, Register("py4go_registered_before", testInitBefore()))
	must(t, Initialize())
	if got := evalString(t, "py4go_registered_before", "py4go_registered_before.answer"); got != "42" {
		t.Errorf("re-registered module: answer = %s", got)
	}
}

// TestCPythonRejectsAConfig: a Home without a standard library fails inside CPython; the
// error carries CPython's message, the process keeps running, and a later Initialize says
// that CPython cannot start again (a failed Py_InitializeFromConfig leaves it half
// initialized). In a child process (this test binary again), since Python stays unusable.
func TestCPythonRejectsAConfig(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PY4GO_TEST_INIT_FAILURE="+filepath.Join(t.TempDir(), "nowhere"))
	out, err := cmd.Output() // stdout: CPython 3.11 dumps its path configuration to stderr
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	// CPython's message: 3.11 and 3.12 "init_fs_encoding: failed to get the Python codec of
	// the filesystem encoding", 3.13 "Failed to import encodings module".
	lines := strings.Split(string(out), "\n")
	first, ok := strings.CutPrefix(lines[0], "first: python: Initialize: Python failed to start: ")
	if !ok || !strings.Contains(first, "encoding") {
		t.Fatalf("child output:\n%s", out)
	}
	for _, want := range []string{
		"second: python: Initialize: an earlier Initialize failed inside CPython (" + first + "); CPython cannot start again in this process\n",
		"running: false\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
}

// initFailureChild is TestCPythonRejectsAConfig's child process.
func initFailureChild(home string) {
	fmt.Println("first:", Initialize(Config{Home: home}))
	fmt.Println("second:", Initialize())
	fmt.Println("running:", IsInitialized())
}

// pyStr is a Python string literal for s.
func pyStr(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// captureStderr runs fn with Python's sys.stderr replaced by a StringIO and returns what was
// written to it.
func captureStderr(t *testing.T, fn func()) string {
	t.Helper()
	gil(t, func() error {
		return Exec("import io, sys\nsys._py4go_saved_stderr = sys.stderr\nsys.stderr = io.StringIO()", nil)
	})
	fn()
	var text string
	gil(t, func() error {
		v, err := Eval("sys.stderr.getvalue()", nil)
		if err != nil {
			return err
		}
		defer v.Release()
		text = v.String()
		return Exec("sys.stderr = sys._py4go_saved_stderr\ndel sys._py4go_saved_stderr", nil)
	})
	return text
}

func TestRunCommandStatusAndTraceback(t *testing.T) {
	cases := []struct {
		code   string
		status int
		stderr string
	}{
		{"x = 1", 0, ""},
		{"import sys; sys.exit(3)", 3, ""},
		{"import sys; sys.exit()", 0, ""},
		{"raise SystemExit(None)", 0, ""},
		{"import sys; sys.exit('bye')", 1, "bye\n"},
		{"def f():\n    raise ValueError('boom')\nf()", 1,
			"Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n" +
				"  File \"<string>\", line 2, in f\nValueError: boom\n"},
		{"raise KeyboardInterrupt", 130, "KeyboardInterrupt\n"},
		{"import sys\ndef hook(*a): sys.exit(7)\nsys.excepthook = hook\n1/0", 7, ""},
		{"1 +", 1, "SyntaxError: invalid syntax\n"},
	}
	for _, c := range cases {
		var status int
		var err error
		stderr := captureStderr(t, func() { status, err = RunCommand(c.code) })
		if err != nil || status != c.status {
			t.Errorf("RunCommand(%q) = %d, %v; want %d", c.code, status, err, c.status)
		}
		if !strings.HasSuffix(stderr, c.stderr) || (c.stderr == "" && stderr != "") {
			t.Errorf("RunCommand(%q) printed %q, want it to end with %q", c.code, stderr, c.stderr)
		}
		gil(t, func() error { return Exec("import sys; sys.excepthook = sys.__excepthook__", nil) })
	}
}

func TestRunSetsArgvPathAndMainThread(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "prog.py")
	must(t, os.WriteFile(script, []byte(
		"import sys, threading\n"+
			"assert threading.current_thread() is threading.main_thread()\n"+
			"sys.py4go_seen = (list(sys.argv), sys.path[0], __name__, __file__)\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "py4go_run_mod.py"), []byte(
		"import sys\nsys.py4go_seen = (list(sys.argv), __name__)\n"), 0o644))
	seen := func() string { return evalString(t, "sys", "sys.py4go_seen") }

	if status, err := RunFile(script, "a", "b"); status != 0 || err != nil {
		t.Fatalf("RunFile = %d, %v", status, err)
	}
	want := "(['" + script + "', 'a', 'b'], '" + dir + "', '__main__', '" + script + "')"
	if got := seen(); got != want {
		t.Errorf("RunFile saw %s, want %s", got, want)
	}
	gil(t, func() error { return AppendSysPath(dir) })
	if status, err := RunModule("py4go_run_mod", "x"); status != 0 || err != nil {
		t.Fatalf("RunModule = %d, %v", status, err)
	}
	want = "(['" + filepath.Join(dir, "py4go_run_mod.py") + "', 'x'], '__main__')"
	if got := seen(); got != want {
		t.Errorf("RunModule saw %s, want %s", got, want)
	}
	if status, err := RunCommand("import sys; sys.py4go_seen = (sys.argv, sys.path[0])", "-v"); status != 0 || err != nil {
		t.Fatalf("RunCommand = %d, %v", status, err)
	}
	if got := seen(); got != "(['-c', '-v'], '')" {
		t.Errorf("RunCommand saw %s", got)
	}

	status, err := RunFile(filepath.Join(dir, "missing.py"))
	if status != 2 || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("RunFile(missing) = %d, %v", status, err)
	}
	if _, err := RunCommand("pass\x00"); err == nil {
		t.Error("RunCommand with a NUL byte should fail")
	}
	// Inside WithGIL: an error, not a deadlock (the main thread would wait for the GIL).
	gil(t, func() error {
		if _, err := RunCommand("pass"); err == nil || !strings.Contains(err.Error(), "holding the GIL") {
			t.Errorf("RunCommand inside WithGIL: %v", err)
		}
		return nil
	})
}

// TestRunSharesTheGIL: goroutines keep using Python while a program runs on the main thread.
func TestRunSharesTheGIL(t *testing.T) {
	gil(t, func() error { return Exec("import threading\npy4go_go_done = threading.Event()", nil) })
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if err := WithGIL(func() error {
					v, err := Eval("sum(range(100))", nil)
					if err == nil {
						v.Release()
					}
					return err
				}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		_ = WithGIL(func() error { return Exec("py4go_go_done.set()", nil) })
	}()
	// The program waits (releasing the GIL) until the goroutines are done.
	status, err := RunCommand("import __main__\nassert __main__.py4go_go_done.wait(60)")
	if status != 0 || err != nil {
		t.Fatalf("RunCommand = %d, %v", status, err)
	}
}
