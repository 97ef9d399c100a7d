package python

import (
	"context"
	"unsafe"

	"github.com/py4go/py4go/runtime/bindcrt"
)

// NewRef returns an Object holding a new strong reference to the borrowed PyObject* p
// (Py_INCREF); the caller still owns whatever reference it had. nil gives nil, nil.
func NewRef(p unsafe.Pointer) (*Object, error) {
	r, err := bindcrt.NewRef(p)
	return wrap(r), userErr(err)
}

// StealRef returns an Object taking over the reference to p that the caller owns (no
// Py_INCREF; the GIL is not needed). nil gives nil.
func StealRef(p unsafe.Pointer) *Object {
	return wrap(bindcrt.StealRef(p))
}

// FromGo converts a Go value to a new Python object the caller owns:
//
//	nil, nil pointers/slices/maps/interfaces  None
//	bool                                       bool
//	int, int8..int64, uint, uint8..uint64      int
//	float32, float64                           float
//	complex64, complex128                      complex
//	string                                     str (must be valid UTF-8, else a *ConversionError)
//	[]byte (any slice of a byte kind)          bytes (any bytes)
//	other slices and arrays                    list (elements converted recursively)
//	maps                                       dict (keys sorted when they are of a basic kind)
//	pointers                                   the value pointed to
//	*Object                                    a new reference to the same object
//
// Named types convert as their underlying kind. Other kinds (structs, channels, funcs) give
// a *ConversionError. None, bool, int and float results stay unboxed until first needed (see
// Object), so FromGo of those does not even need the GIL.
func FromGo(v any) (*Object, error) {
	r, err := bindcrt.FromGo(v)
	return wrap(r), userErr(err)
}

// WithGIL runs fn holding the GIL, from any goroutine. It locks the goroutine to its OS
// thread for the duration (the GIL belongs to a thread, not a goroutine), takes the GIL with
// PyGILState_Ensure, runs fn and gives both back, also when fn panics. It is re-entrant:
// calling WithGIL inside fn (or inside a Go function Python called) simply nests.
//
// WithGIL returns fn's error, or an error wrapping ErrNotInitialized when Python is not
// running. Releases deferred by finalizers or by Release calls made without the GIL are
// carried out here.
func WithGIL(fn func() error) error {
	return userErr(bindcrt.WithGIL(fn))
}

// WithoutGIL releases the GIL around fn, so other goroutines (and Python threads) can run
// Python while fn does long Go work; it retakes the GIL before returning. fn must not touch
// Python objects. The calling goroutine must hold the GIL (be inside WithGIL, or in a Go
// function called from Python); otherwise WithoutGIL returns an error wrapping ErrNoGIL and
// does not run fn.
func WithoutGIL(fn func()) error {
	return userErr(bindcrt.WithoutGIL(fn))
}

// HoldsGIL reports whether the calling goroutine's thread holds the GIL. Only meaningful
// while the goroutine is locked to its thread (inside WithGIL, or a call from Python).
func HoldsGIL() bool {
	return bindcrt.HoldsGIL()
}

// Initialize starts the embedded Python interpreter, configured by config if one is given
// (at most one; none is the zero Config, today's default). It is idempotent and safe to call
// from any goroutine: while Python runs, Initialize() returns nil, and so does
// Initialize(config) with the Config it was started with; another Config is an error (call
// Finalize first). Python is initialized on a dedicated OS thread (its "main thread", which
// also runs Finalize and the Run functions) without installing signal handlers unless the
// Config asks for them (by default the Go runtime owns signals), and the GIL is released
// before Initialize returns, so any goroutine can take it with WithGIL.
//
// A configuration CPython rejects (a Home without a standard library, an unknown -X value...)
// is returned as an error carrying CPython's message; the process keeps running.
//
// Inside a process where Python is already running (a bindc extension module imported by
// python), Initialize adopts that interpreter and Finalize leaves it alone; a non-zero Config
// is then an error, since that interpreter's configuration is fixed.
func Initialize(config ...Config) error {
	cfgs := make([]bindcrt.Config, len(config))
	for i, c := range config {
		cfgs[i] = c.impl()
	}
	return userErr(bindcrt.Initialize(cfgs...))
}

// Finalize stops the interpreter Initialize started. Like the end of a Python program, it
// first waits for Python's non-daemon threads to end and runs the atexit hooks (everything
// keeps working meanwhile, callbacks into Python included); then it waits for every WithGIL
// in progress to return (new ones fail from then on) and runs Py_FinalizeEx on Python's main
// thread. Daemon threads still inside a Go call are not waited for: CPython ends them when
// that call returns.
//
// It is idempotent and safe from any goroutine (a call made while another Finalize is under
// way returns nil at once), but must not be called while holding the GIL (inside WithGIL):
// that is reported as an error instead of deadlocking. Every *Object of the finalized
// interpreter becomes stale (ErrStale); Release on them is a no-op.
//
// Initialize may be called again afterwards, with the same or another Config; CPython supports
// that, though extension modules may leak memory across such restarts. CPython forgets the
// modules registered before the finalized interpreter started (its table of built-in modules
// is reset), so Register them again (before or after the next Initialize). Finalize waits
// for a Run function in progress to return.
func Finalize() error {
	return userErr(bindcrt.Finalize())
}

// IsInitialized reports whether the Python interpreter is running.
func IsInitialized() bool {
	return bindcrt.IsInitialized()
}

// Version returns the version of the linked Python, e.g. "3.11.7". It works before
// Initialize too.
func Version() string {
	return bindcrt.Version()
}

// Register makes a C extension module importable under name. initFunc is its single-phase
// init function, a C `PyObject *PyInit_name(void)` (multi-phase functions returning a
// PyModuleDef work too); bindc-generated packages call Register for you.
//
// Before Initialize, Register adds the module to Python's table of built-in modules
// (PyImport_AppendInittab), so `import name` runs initFunc on first use. After Initialize,
// Register takes the GIL itself (re-entrantly, so it may also run inside WithGIL), calls
// initFunc at once and puts the module into sys.modules. Registering a name twice before
// Initialize is an error.
func Register(name string, initFunc unsafe.Pointer) error {
	return userErr(bindcrt.Register(name, initFunc))
}

// RunModule runs a module as `python -m module args...` does and returns the exit status
// python would have: 0 when it ends normally, the code of a SystemExit (sys.exit(3) is 3,
// sys.exit("message") prints the message to stderr and is 1), or 1 for an uncaught exception,
// which is printed to stderr by sys.excepthook exactly as python prints it (130 for a
// KeyboardInterrupt: a shell's status for a python killed by SIGINT, which is what python
// does to itself then). sys.argv is ["-m", args...] while the module is looked up, then its
// file name, as runpy sets it; the current directory is put in front of sys.path unless
// Config.SafePath or Config.Isolated (or PYTHONSAFEPATH) says not to.
//
// The code runs in the __main__ module, on Python's main thread (the one Initialize started),
// so threading.main_thread(), signal.signal and, with Config.InstallSignalHandlers,
// KeyboardInterrupt work as in python. It must not be called holding the GIL (inside
// WithGIL: that is an error, not a deadlock); other goroutines may use Python meanwhile.
// Like python, it leaves sys.argv, sys.path and __main__ as the program left them; exit
// processing (non-daemon threads, atexit hooks, flushing stdout) happens at Finalize.
//
// The error is for the Go side only: Python not initialized by this program (an
// extension module's host interpreter cannot run programs this way), or the GIL held.
func RunModule(module string, args ...string) (int, error) {
	v, err := bindcrt.RunModule(module, args...)
	return v, userErr(err)
}

// RunFile runs a Python source file as `python path args...` does, with sys.argv = [path,
// args...] and the directory of the file (symbolic links resolved) in front of sys.path
// (unless SafePath); a directory or zip file holding a __main__.py runs that module, with
// the path itself in front of sys.path, as in python. The status is as for RunModule. A path
// that cannot be opened gives status 2 and an error wrapping the *os.PathError (python
// prints "can't open file" and exits 2).
func RunFile(path string, args ...string) (int, error) {
	v, err := bindcrt.RunFile(path, args...)
	return v, userErr(err)
}

// RunCommand runs Python statements as `python -c code args...` does: sys.argv is ["-c",
// args...], "" (the current directory) is in front of sys.path unless SafePath, and
// tracebacks name the code "<string>". The status is as for RunModule.
func RunCommand(code string, args ...string) (int, error) {
	v, err := bindcrt.RunCommand(code, args...)
	return v, userErr(err)
}

// Import imports the module name (a dotted name gives the leaf module, like
// importlib.import_module) and returns it (a new reference).
func Import(name string) (*Object, error) {
	r, err := bindcrt.Import(name)
	return wrap(r), userErr(err)
}

// Exec runs Python statements (a module body) in globals, a dict such as NewGlobals returns;
// nil means the __main__ module's namespace. Tracebacks name the source "<py4go>".
func Exec(code string, globals *Object) error {
	return userErr(bindcrt.Exec(code, impl(globals)))
}

// Eval evaluates a Python expression in globals (nil: __main__'s namespace) and returns its
// value (a new reference).
func Eval(expr string, globals *Object) (*Object, error) {
	r, err := bindcrt.Eval(expr, impl(globals))
	return wrap(r), userErr(err)
}

// NewGlobals returns a fresh namespace dict for Exec and Eval, with __builtins__ set and
// __name__ = "__py4go__", isolated from __main__.
func NewGlobals() (*Object, error) {
	r, err := bindcrt.NewGlobals()
	return wrap(r), userErr(err)
}

// AppendSysPath adds dir at the end of sys.path.
func AppendSysPath(dir string) error {
	return userErr(bindcrt.AppendSysPath(dir))
}

// PrependSysPath adds dir at the front of sys.path, ahead of the standard library.
func PrependSysPath(dir string) error {
	return userErr(bindcrt.PrependSysPath(dir))
}

// NewModule creates an empty module called name and puts it into sys.modules, so Python code
// can `import name` at once. Fill it with SetAttr and AddFunction. It returns a new reference.
func NewModule(name string) (*Object, error) {
	r, err := bindcrt.NewModule(name)
	return wrap(r), userErr(err)
}

// NewCapsule wraps any Go value in a Python capsule (a PyCapsule named "py4go.handle"), so
// Python code can carry it around and hand it back to Go, which gets it with CapsuleValue.
// The Go value stays alive as long as the capsule does. Returns a new reference.
func NewCapsule(v any) (*Object, error) {
	r, err := bindcrt.NewCapsule(v)
	return wrap(r), userErr(err)
}

// RunCoroutine runs the Python awaitable coro (a coroutine, task or future) to completion on a
// new asyncio event loop, like asyncio.run(coro), and returns its result (a new reference).
// It may be called from any goroutine; the loop runs on the calling goroutine's thread, and
// other goroutines can call into Python meanwhile (the loop releases the GIL while it waits).
//
// When ctx is done before the coroutine, its task is cancelled: CancelledError is raised
// inside it at its current await, so its finally blocks and context managers run, and
// RunCoroutine returns an error for which errors.Is(err, ctx.Err()) holds. A Python exception
// from the coroutine is returned as a *Exception. Async generators the coroutine left open
// are closed and the loop is closed before RunCoroutine returns.
func RunCoroutine(ctx context.Context, coro *Object) (*Object, error) {
	r, err := bindcrt.RunCoroutine(ctx, impl(coro))
	return wrap(r), userErr(err)
}

// Calling conventions of a C function added with AddFunction: CPython's METH_* flags, whose
// values are part of its stable ABI.
const (
	MethVarargs  = 0x0001 // PyObject *f(PyObject *self, PyObject *args)
	MethKeywords = 0x0003 // METH_VARARGS | METH_KEYWORDS: ... plus PyObject *kwargs
	MethNoArgs   = 0x0004 // PyObject *f(PyObject *self, PyObject *unused)
	MethO        = 0x0008 // PyObject *f(PyObject *self, PyObject *arg)
	MethFastcall = 0x0080 // PyObject *f(PyObject *self, PyObject *const *args, Py_ssize_t n)
)

// userErr gives err as this package documents it: the runtime's *Exception and
// *ConversionError become this package's (wrapped ones are reached by errors.As).
func userErr(err error) error {
	if err == nil { // the hot path, inlined
		return nil
	}
	return userErrSlow(err)
}

func userErrSlow(err error) error {
	switch e := err.(type) {
	case *bindcrt.Exception:
		return &Exception{Type: e.Type, Message: e.Message, Traceback: e.Traceback, impl: e}
	case *bindcrt.ConversionError:
		return &ConversionError{Context: e.Context, Message: e.Message}
	}
	return err
}
