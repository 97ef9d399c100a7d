package python

/*
#include "py4go_config.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unsafe"
)

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
	if module == "" {
		return 2, errors.New("python: RunModule: need a module name")
	}
	// python puts the full path of the current directory at sys.path[0] (none if unknown).
	var path0 *string
	if wd, err := os.Getwd(); err == nil {
		path0 = &wd
	}
	return runMain("RunModule", C.PY4GO_RUN_MODULE, module, append([]string{"-m"}, args...), path0)
}

// RunFile runs a Python source file as `python path args...` does, with sys.argv = [path,
// args...] and the directory of the file (symbolic links resolved) in front of sys.path
// (unless SafePath); a directory or zip file holding a __main__.py runs that module, with
// the path itself in front of sys.path, as in python. The status is as for RunModule. A path
// that cannot be opened gives status 2 and an error wrapping the *os.PathError (python
// prints "can't open file" and exits 2).
func RunFile(path string, args ...string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 2, fmt.Errorf("python: RunFile: %w", err)
	}
	f.Close()
	// As in python, __file__ and tracebacks name the absolute path, sys.argv[0] the path as
	// given, and sys.path[0] is the directory of the file with symbolic links resolved.
	abs, err := filepath.Abs(path)
	if err != nil {
		return 2, fmt.Errorf("python: RunFile: %w", err)
	}
	dir := abs
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		dir = real
	}
	dir = filepath.Dir(dir)
	return runMain("RunFile", C.PY4GO_RUN_FILE, abs, append([]string{path}, args...), &dir)
}

// RunCommand runs Python statements as `python -c code args...` does: sys.argv is ["-c",
// args...], "" (the current directory) is in front of sys.path unless SafePath, and
// tracebacks name the code "<string>". The status is as for RunModule.
func RunCommand(code string, args ...string) (int, error) {
	empty := ""
	return runMain("RunCommand", C.PY4GO_RUN_COMMAND, code, append([]string{"-c"}, args...), &empty)
}

// runMain runs py4go_run_main on Python's main thread.
func runMain(op string, kind C.int, target string, argv []string, path0 *string) (int, error) {
	for _, s := range append([]string{target}, argv...) {
		if strings.IndexByte(s, 0) >= 0 {
			return 1, fmt.Errorf("python: %s: %q contains a NUL byte", op, s)
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if C.py4go_gil_check() != 0 {
		return 1, fmt.Errorf("python: %s: called while holding the GIL (inside WithGIL); Python's main thread runs the program, call it outside WithGIL", op)
	}
	if err := enterPython(); err != nil {
		return 1, opError(op, err)
	}
	defer exitPython()
	life.mu.Lock()
	mainRun := life.mainRun
	life.mu.Unlock()
	if mainRun == nil {
		return 1, fmt.Errorf("python: %s: Python was started by the host process, not by Initialize; its main thread is not available", op)
	}
	cc := &cConfig{}
	defer cc.free()
	ctarget := C.CString(target)
	cc.alloc = append(cc.alloc, unsafe.Pointer(ctarget))
	cargv, argc := cc.strs(argv)
	var cpath0 *C.char
	if path0 != nil {
		cpath0 = C.CString(*path0)
		cc.alloc = append(cc.alloc, unsafe.Pointer(cpath0))
	}
	done := make(chan C.py4go_result)
	mainRun <- func() { done <- C.py4go_run_main(kind, ctarget, cargv, argc, cpath0) }
	r := <-done
	if r.status != C.PY4GO_OK {
		return 1, resultError(r, op, nil)
	}
	return int(r.value.num), nil
}
