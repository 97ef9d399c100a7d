package bindcrt

/*
#include <stdlib.h>
#include "py4go_config.h"
*/
import "C"

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unsafe"
)

// Config implements Config of package python (documented there, field by field); Initialize
// resolves it and records the allocator it imposed.
type Config struct {
	Venv                  string
	Home                  string
	Executable            string
	Isolated              bool
	SafePath              bool
	Argv                  []string
	SearchPaths           []string
	XOptions              []string
	InstallSignalHandlers bool

	// allocator is set by Initialize: the memory allocator imposed on a restarted
	// interpreter (a PYTHONMALLOC name), "" to let CPython choose.
	allocator string
}

// isZero reports whether c is the default configuration.
func (c *Config) isZero() bool {
	return c.Venv == "" && c.Home == "" && c.Executable == "" && !c.Isolated && !c.SafePath &&
		len(c.Argv) == 0 && len(c.SearchPaths) == 0 && len(c.XOptions) == 0 && !c.InstallSignalHandlers &&
		c.allocator == ""
}

// equal reports whether c and d configure Python the same way.
func (c *Config) equal(d *Config) bool {
	return c.Venv == d.Venv && c.Home == d.Home && c.Executable == d.Executable &&
		c.Isolated == d.Isolated && c.SafePath == d.SafePath && c.InstallSignalHandlers == d.InstallSignalHandlers &&
		equalStrings(c.Argv, d.Argv) && equalStrings(c.SearchPaths, d.SearchPaths) && equalStrings(c.XOptions, d.XOptions)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// resolve checks c and returns the settings CPython gets: the venv turned into its
// executable, search paths made absolute.
func (c *Config) resolve() (Config, error) {
	r := *c
	if r.Venv != "" {
		if r.Home != "" || r.Executable != "" {
			return r, errors.New("Config.Venv excludes Config.Home and Config.Executable (a venv sets both)")
		}
		exe, err := venvExecutable(r.Venv)
		if err != nil {
			return r, err
		}
		r.Executable = exe
	}
	for _, x := range r.XOptions {
		if x == "" || strings.HasPrefix(x, "-") {
			return r, fmt.Errorf("Config.XOptions: %q is not an -X option (write \"utf8\", not \"-X utf8\")", x)
		}
	}
	r.SearchPaths = nil
	for _, p := range c.SearchPaths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return r, fmt.Errorf("Config.SearchPaths: %w", err)
		}
		r.SearchPaths = append(r.SearchPaths, abs)
	}
	for _, s := range append(append([]string{r.Home, r.Executable}, r.Argv...), r.SearchPaths...) {
		if strings.IndexByte(s, 0) >= 0 {
			return r, fmt.Errorf("Config: %q contains a NUL byte", s)
		}
	}
	return r, nil
}

// venvExecutable checks that dir is a virtual environment for this Python and returns its
// interpreter, dir/bin/python (or python3, python3.X), as an absolute path. The link is not
// resolved: CPython finds pyvenv.cfg next to the directory holding it.
func venvExecutable(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("Config.Venv: %w", err)
	}
	version, err := venvVersion(filepath.Join(abs, "pyvenv.cfg"))
	if err != nil {
		return "", fmt.Errorf("Config.Venv %s is not a virtual environment: %w", dir, err)
	}
	ours := majorMinor(Version())
	if version != "" && majorMinor(version) != ours {
		return "", fmt.Errorf("Config.Venv %s is a virtual environment of Python %s; this program embeds Python %s", dir, version, Version())
	}
	for _, name := range []string{"python", "python3", "python" + ours} {
		exe := filepath.Join(abs, "bin", name)
		if _, err := os.Lstat(exe); err == nil {
			return exe, nil
		}
	}
	return "", fmt.Errorf("Config.Venv %s has no bin/python", dir)
}

// venvVersion reads the Python version a pyvenv.cfg names ("version" from venv,
// "version_info" from virtualenv; "" if neither).
func venvVersion(cfg string) (string, error) {
	f, err := os.Open(cfg)
	if err != nil {
		return "", err
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		key, value, ok := strings.Cut(lines.Text(), "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if ok && (key == "version" || key == "version_info") {
			return strings.TrimSpace(value), nil
		}
	}
	return "", lines.Err()
}

// majorMinor returns "3.11" for "3.11.7" (and for "3.11.7.final.0").
func majorMinor(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	return parts[0] + "." + parts[1]
}

// allocators describes the memory allocator a configuration gives CPython: its own choice
// (-X dev installs the debug hooks: "debug") and the one the environment adds outside isolated
// mode (PYTHONMALLOC, or PYTHONDEVMODE's "debug"); "" is CPython's default. The allocator is
// process-wide, and memory CPython keeps across Py_FinalizeEx was allocated by it, so every
// interpreter a process starts must use the first one's (a change corrupts the heap).
func (c *Config) allocators() (own, effective string) {
	for _, x := range c.XOptions {
		if x == "dev" || strings.HasPrefix(x, "dev=") {
			own = "debug"
		}
	}
	effective = own
	if !c.Isolated {
		if m := os.Getenv("PYTHONMALLOC"); m != "" {
			effective = m
		} else if os.Getenv("PYTHONDEVMODE") != "" {
			effective = "debug"
		}
	}
	return own, effective
}

// pinAllocator decides the allocator of an interpreter started after a first one that used
// `first`: "" to let CPython choose (it chooses the same), the name to impose when only the
// environment's choice was lost (isolated mode ignores PYTHONMALLOC), or an error.
func (c *Config) pinAllocator(first string) (string, error) {
	own, effective := c.allocators()
	switch {
	case effective == first:
		return "", nil
	case c.Isolated && own == "":
		return first, nil
	}
	name := func(a string) string {
		if a == "" {
			return "CPython's default"
		}
		return a
	}
	return "", fmt.Errorf("this Config gives CPython the memory allocator %s, but the first interpreter of this process had %s; "+
		"the allocator cannot change after the first Initialize (-X dev and PYTHONMALLOC choose it)", name(effective), name(first))
}

// cConfig is a py4go_config in C memory, with the strings it points to.
type cConfig struct {
	c     *C.py4go_config
	alloc []unsafe.Pointer
}

// newCConfig copies a resolved Config into C memory; free it with free.
func newCConfig(r *Config) *cConfig {
	cc := &cConfig{}
	cc.c = (*C.py4go_config)(cc.malloc(C.sizeof_py4go_config))
	*cc.c = C.py4go_config{}
	if r.Isolated {
		cc.c.isolated = 1
	}
	if r.SafePath {
		cc.c.safe_path = 1
	}
	if r.InstallSignalHandlers {
		cc.c.install_signal_handlers = 1
	}
	cc.c.allocator = cc.str(r.allocator)
	cc.c.home = cc.str(r.Home)
	cc.c.executable = cc.str(r.Executable)
	cc.c.argv, cc.c.argc = cc.strs(r.Argv)
	cc.c.xoptions, cc.c.nxoptions = cc.strs(r.XOptions)
	cc.c.search_paths, cc.c.nsearch_paths = cc.strs(r.SearchPaths)
	return cc
}

func (cc *cConfig) malloc(n C.size_t) unsafe.Pointer {
	p := C.calloc(1, n)
	cc.alloc = append(cc.alloc, p)
	return p
}

// str is a C copy of s, or NULL for "".
func (cc *cConfig) str(s string) *C.char {
	if s == "" {
		return nil
	}
	p := C.CString(s)
	cc.alloc = append(cc.alloc, unsafe.Pointer(p))
	return p
}

// strs is a C array of C copies of ss, and its length.
func (cc *cConfig) strs(ss []string) (**C.char, C.int32_t) {
	if len(ss) == 0 {
		return nil, 0
	}
	arr := (*[1 << 20]*C.char)(cc.malloc(C.size_t(len(ss)) * C.size_t(unsafe.Sizeof((*C.char)(nil)))))[:len(ss):len(ss)]
	for i, s := range ss {
		p := C.CString(s)
		cc.alloc = append(cc.alloc, unsafe.Pointer(p))
		arr[i] = p
	}
	return &arr[0], C.int32_t(len(ss))
}

func (cc *cConfig) free() {
	for _, p := range cc.alloc {
		C.free(p)
	}
	cc.alloc = nil
}
