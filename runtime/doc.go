// Package python embeds CPython in a Go program: start it, import modules, call them, convert
// values, and run programs as the python command does.
//
// This is the whole API for people; code that bindc generates (Go exposed to Python, and
// typed Go wrappers of Python modules) talks to the implementation package
// github.com/py4go/py4go/runtime/bindcrt instead, as protobuf-go's generated code talks to
// protoimpl. Values cross freely: the *Object and error types of both are the same values.
//
//	import python "github.com/py4go/py4go/runtime"
//
//	if err := python.Initialize(); err != nil { ... }
//	err := python.WithGIL(func() error {
//		math, err := python.Import("math")
//		if err != nil {
//			return err
//		}
//		defer math.Release()
//		r, err := math.CallMethod("hypot", 3, 4)
//		if err != nil {
//			return err // a Python exception is a *python.Exception
//		}
//		defer r.Release()
//		f, err := r.Float64() // 5
//		...
//	})
//
// # Configuration and running programs
//
// Initialize(Config{Venv: dir, Isolated: true, XOptions: []string{"utf8"}, ...}) starts Python
// as the python command would be started with those options (a virtual environment, -I, -X,
// PYTHONHOME, sys.argv, extra search paths, safe path, signal handlers), through CPython's
// PyConfig; RunModule, RunFile and RunCommand then run a program as python -m, python FILE and
// python -c do, returning python's exit status. See docs/runtime.md, "Embedding configured".
//
// # Building
//
// The package uses cgo (through bindcrt) and no pkg-config: take CGO_CFLAGS and CGO_LDFLAGS from
// `bindc env` (or bindc.interpreter.find_interpreter().cgo_env() in Python), which reads them
// from the target interpreter's sysconfig and adds an rpath for its libpython.
//
// # The GIL
//
// Python code runs only on an OS thread that holds the GIL. Initialize leaves the GIL
// released; WithGIL(fn) locks the calling goroutine to its thread, takes the GIL
// (PyGILState_Ensure), runs fn, and gives both back. WithGIL nests. Inside it, WithoutGIL(fn)
// releases the GIL around long Go work so other goroutines can run Python meanwhile. Every
// function and method of this package needs the GIL (unless its comment says otherwise);
// called without it they return an error wrapping ErrNoGIL, and before Initialize (or after
// Finalize) one wrapping ErrNotInitialized, instead of crashing the process: the check is
// made by the C runtime inside the same cgo call.
//
// # Ownership
//
// Every *Object a function returns is a new reference that the caller owns and must give back
// with Release, while holding the GIL. Release is idempotent. Objects passed as arguments are
// borrowed, never consumed. A finalizer queues forgotten references for release by the next
// WithGIL, but it is only a safety net: it may run late or never. NewRef and StealRef wrap a
// raw PyObject* (for interoperation with other cgo packages, which have their own C types and
// therefore exchange unsafe.Pointer), and Ptr returns it, borrowed.
//
// # Calls and conversions
//
// A call from Go into Python crosses cgo once: the arguments are packed into an array of C
// tagged values (struct py4go_value), and one C function (py4go_call) converts them,
// vectorcalls, releases the temporaries, and either converts a scalar result (None, bool,
// int, float: the "unboxed" results described at Object) or fetches the exception — type,
// message and formatted traceback — leaving Python's error state clean. FromGo, ToGo,
// Decode and the typed getters (Int64, Uint64, Float64, Bool, Str, Bytes) convert values
// with overflow and type checks: an out-of-range int or a wrong type is a *ConversionError,
// never a silently wrong value. Go strings become str only if they are valid UTF-8; []byte
// and bytes carry any bytes.
//
// # Modules
//
// NewModule and AddFunction build a module from C functions at run time; Register makes a
// compiled extension module (a PyInit_* function, as bindc generates) importable, before or
// after Initialize. Import, Exec, Eval and the sys.path helpers cover the rest.
package python
