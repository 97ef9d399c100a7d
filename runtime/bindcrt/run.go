package bindcrt

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

// RunModule implements RunModule of package python (documented there).
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

// RunFile implements RunFile of package python (documented there).
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

// RunCommand implements RunCommand of package python (documented there).
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
