// Command lifecyclehost starts and finalizes Python over and over with changing
// configurations (default, a virtual environment, isolated with extra search paths, both),
// checks each interpreter is configured as asked, uses it from several goroutines and runs a
// program on it, and prints one JSON line per cycle with the process's resident memory.
//
//	lifecyclehost VENV EXTRA_DIR CYCLES
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	python "github.com/py4go/py4go/runtime"
)

// program exits with the helper's status (3, checking sys.argv) where EXTRA_DIR is on
// sys.path, else 4.
const program = `import sys
try:
    import py4go_cycle_helper as helper
except ImportError:
    sys.exit(4)
sys.exit(helper.status(sys.argv))
`

var kept [][]byte

func main() {
	venv, extra := os.Args[1], os.Args[2]
	cycles, err := strconv.Atoi(os.Args[3])
	check(err)
	configs := []struct {
		name string
		cfg  python.Config
	}{
		{"default", python.Config{}},
		{"venv", python.Config{Venv: venv}},
		{"isolated", python.Config{Isolated: true, SearchPaths: []string{extra}, Argv: []string{"host", "isolated"}}},
		{"venv+isolated", python.Config{Venv: venv, Isolated: true, XOptions: []string{"utf8"}}},
	}
	// LIFECYCLEHOST_LEAK_KIB makes each cycle keep that much memory: the test proving the
	// leak check can fail.
	leakKiB, _ := strconv.Atoi(os.Getenv("LIFECYCLEHOST_LEAK_KIB"))
	for i := 0; i < cycles; i++ {
		if leakKiB > 0 {
			b := make([]byte, leakKiB<<10)
			for j := range b {
				b[j] = byte(j)
			}
			kept = append(kept, b)
		}
		c := configs[i%len(configs)]
		check(python.Initialize(c.cfg))
		check(verify(c.name, c.cfg, venv))
		check(useConcurrently())
		status, err := python.RunCommand(program, "x")
		if c.cfg.Isolated && c.cfg.Venv == "" {
			// Only the isolated config has EXTRA_DIR (and so the helper) on sys.path.
			if err != nil || status != 3 {
				check(fmt.Errorf("%s: RunCommand = %d, %v; want 3", c.name, status, err))
			}
		} else if err != nil || status != 4 {
			check(fmt.Errorf("%s: RunCommand without the helper = %d, %v; want 4", c.name, status, err))
		}
		check(python.Finalize())
		runtime.GC()
		debug.FreeOSMemory()
		line, _ := json.Marshal(map[string]any{"cycle": i, "config": c.name, "rss": rss()})
		fmt.Println(string(line))
	}
	fmt.Println("ok lifecycle")
}

// verify checks what the interpreter says about its configuration.
func verify(name string, cfg python.Config, venv string) error {
	return python.WithGIL(func() error {
		g, err := python.NewGlobals()
		if err != nil {
			return err
		}
		defer g.Release()
		err = python.Exec(`
import sys, importlib.util
facts = {
    "in_venv": sys.prefix != sys.base_prefix,
    "prefix": sys.prefix,
    "venv_pkg": importlib.util.find_spec("py4go_venv_only") is not None,
    "isolated": sys.flags.isolated == 1,
    "helper": importlib.util.find_spec("py4go_cycle_helper") is not None,
}
`, g)
		if err != nil {
			return err
		}
		f, err := python.Eval("facts", g)
		if err != nil {
			return err
		}
		defer f.Release()
		var facts struct {
			InVenv   bool   `json:"in_venv"`
			Prefix   string `json:"prefix"`
			VenvPkg  bool   `json:"venv_pkg"`
			Isolated bool   `json:"isolated"`
			Helper   bool   `json:"helper"`
		}
		m, err := f.ToGo()
		if err != nil {
			return err
		}
		mm := m.(map[string]any)
		facts.InVenv, facts.VenvPkg = mm["in_venv"].(bool), mm["venv_pkg"].(bool)
		facts.Prefix, facts.Isolated, facts.Helper = mm["prefix"].(string), mm["isolated"].(bool), mm["helper"].(bool)
		wantVenv := cfg.Venv != ""
		if (facts.Prefix == venv) != wantVenv || facts.VenvPkg != wantVenv || facts.Isolated != cfg.Isolated ||
			facts.Helper != (len(cfg.SearchPaths) > 0) {
			return fmt.Errorf("%s: interpreter says %+v", name, facts)
		}
		return nil
	})
}

// useConcurrently makes 4 goroutines call Python 200 times each.
func useConcurrently() error {
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				err := python.WithGIL(func() error {
					v, err := python.Eval("len(str(list(range(50))))", nil)
					if err != nil {
						return err
					}
					defer v.Release()
					if n, err := v.Int64(); err != nil || n != 190 {
						return errors.New("wrong result")
					}
					return nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	check(err)
	n, err := strconv.ParseInt(strings.Fields(string(b))[1], 10, 64)
	check(err)
	return n * int64(os.Getpagesize())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "lifecyclehost:", err)
		os.Exit(1)
	}
}
