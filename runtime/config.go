package python

import "github.com/py4go/py4go/runtime/bindcrt"

// Config says how Initialize starts Python: what the python command takes as options and from
// its environment. The zero Config is the default: CPython's normal path configuration (which
// honours PYTHONPATH, PYTHONHOME and the other PYTHON* variables, and finds its prefix from
// `python3` on PATH), sys.argv == [""], and no signal handlers.
//
// Every field is applied through CPython's PyConfig API (PEP 587); a configuration CPython
// rejects is an error from Initialize with CPython's message.
type Config struct {
	// Venv is a virtual environment directory (made by `python -m venv` or virtualenv for the
	// same Python version). Python starts as VENV/bin/python would: sys.prefix is the venv,
	// sys.base_prefix the base installation, sys.executable VENV/bin/python, and the venv's
	// site-packages (not the base's, unless the venv includes system site packages) are on
	// sys.path. Excludes Home and Executable. A PYTHONHOME in the environment overrides venv
	// detection, as it does for VENV/bin/python; use Isolated to ignore it.
	Venv string
	// Home is the Python installation prefix (what PYTHONHOME sets); CPython finds its
	// standard library under it instead of searching.
	Home string
	// Executable is sys.executable, and where CPython starts looking for its prefix (and
	// for a pyvenv.cfg). Default: `python3` searched on PATH, as CPython does for an
	// embedded interpreter.
	Executable string
	// Isolated is `python -I`: the PYTHON* environment variables are ignored, the user site
	// directory is not added to sys.path, and SafePath is implied.
	Isolated bool
	// SafePath is `python -P` (PYTHONSAFEPATH): RunModule, RunFile and RunCommand put no
	// potentially unsafe path (the current or script directory) in front of sys.path.
	SafePath bool
	// Argv is sys.argv (default [""]). The Run functions set sys.argv themselves.
	Argv []string
	// SearchPaths are directories put in front of sys.path in this order, where PYTHONPATH's
	// entries go (also in isolated mode); relative ones are made absolute.
	SearchPaths []string
	// XOptions are `-X` options without the -X: "utf8", "dev", "faulthandler",
	// "importtime", "tracemalloc=5", "frozen_modules=off"... (sys._xoptions). Note that
	// "faulthandler" installs handlers for SIGSEGV and friends over the Go runtime's, so a
	// nil dereference in Go then crashes the process instead of panicking.
	XOptions []string
	// InstallSignalHandlers gives Python the signal handlers the python command has: SIGINT
	// raises KeyboardInterrupt (in code running on Python's main thread: the Run functions'),
	// SIGPIPE and SIGXFSZ are ignored. They replace the Go runtime's handlers for those
	// signals (os/signal.Notify then no longer sees them) until Finalize gives them back.
	// Default false: the Go program owns signals.
	InstallSignalHandlers bool
}

// impl is c in the implementation package's terms (field by field: the two are kept equal by
// TestConfigCarriesEveryField).
func (c Config) impl() bindcrt.Config {
	return bindcrt.Config{
		Venv:                  c.Venv,
		Home:                  c.Home,
		Executable:            c.Executable,
		Isolated:              c.Isolated,
		SafePath:              c.SafePath,
		Argv:                  c.Argv,
		SearchPaths:           c.SearchPaths,
		XOptions:              c.XOptions,
		InstallSignalHandlers: c.InstallSignalHandlers,
	}
}
