package python

/*
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"fmt"
)

// ErrNotInitialized is reported (wrapped, see errors.Is) by any call made while Python is not
// initialized: before Initialize, after Finalize, or while Finalize is underway (then the
// message says "Python is being finalized").
var ErrNotInitialized = errors.New("Python is not initialized (call python.Initialize first)")

// ErrNoGIL is reported (wrapped) by any call made from a goroutine that does not hold the
// GIL. Run Python code inside WithGIL.
var ErrNoGIL = errors.New("the calling goroutine does not hold the GIL (run Python code inside python.WithGIL)")

// ErrReleased is reported (wrapped) when an *Object is used after Release.
var ErrReleased = errors.New("use of a released *python.Object")

// ErrStale is reported (wrapped) when an *Object created by an interpreter that has since
// been finalized is used.
var ErrStale = errors.New("the *python.Object belongs to a Python interpreter that was finalized")

// errFinalizing is reported by WithGIL (and callbacks) once Finalize has started refusing
// Python users. It matches ErrNotInitialized (errors.Is), so that code stopping on "Python is
// gone" stops the same whichever phase of Finalize it hits.
var errFinalizing error = finalizingError{}

type finalizingError struct{}

func (finalizingError) Error() string { return "Python is being finalized" }

// Is makes errors.Is(err, ErrNotInitialized) true.
func (finalizingError) Is(target error) bool { return target == ErrNotInitialized }

// Exception is a Python exception turned into a Go error. Every function of this package
// that runs Python code returns it (unwrapped) when that code raises; reach it with errors.As.
// Python's error indicator has already been cleared when you see it.
type Exception struct {
	// Type is the exception class as traceback prints it: "ValueError" for builtins and
	// classes defined in __main__, "package.module.Class" otherwise.
	Type string
	// Message is str(exception).
	Message string
	// Traceback is the formatted traceback, as traceback.format_exception prints it
	// (ending with the "Type: message" line), or "" if it could not be formatted.
	Traceback string

	// exitCode is the status Python would exit with, when isExit (a SystemExit).
	exitCode int
	isExit   bool

	// exc is the exception object itself when it came from a Python callback of a bindc
	// function, so that it can reach Python again unchanged (see bindcReraise); else nil.
	exc *reference
}

// Error returns "Type: message" (just "Type" when the message is empty), like Python's last
// traceback line.
func (e *Exception) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// ExitCode reports whether the exception is a SystemExit (sys.exit, or raise SystemExit,
// or a subclass) and, if so, the status Python itself would exit with: 0 for sys.exit() and
// sys.exit(None), the integer for an int, 1 for anything else (a message, which Python would
// print to stderr; it is Message here).
//
// The runtime never exits the process for Python: sys.exit in embedded code is an error like
// any other, and the Go program keeps running. A host that wants Python's behaviour does it
// itself, after its own clean-up:
//
//	if code, ok := exc.ExitCode(); ok {
//		python.Finalize()
//		os.Exit(code)
//	}
func (e *Exception) ExitCode() (code int, ok bool) {
	return e.exitCode, e.isExit
}

// ConversionError reports a value that cannot be converted between Go and Python: a Python
// int out of range for the Go target type, a type mismatch, a Go string that is not valid
// UTF-8, a Go type with no Python equivalent.
type ConversionError struct {
	// Context says where: the API call and, if known, the argument, element or key.
	Context string
	// Message says what went wrong, naming the Python and Go types involved.
	Message string
}

// Error returns "python: CONTEXT: MESSAGE".
func (e *ConversionError) Error() string {
	return "python: " + e.Context + ": " + e.Message
}

// opError wraps one of the sentinel errors with the operation it happened in.
func opError(op string, err error) error {
	return fmt.Errorf("python: %s: %w", op, err)
}

// takeException copies a C py4go_exception into Go and frees it.
func takeException(exc *C.py4go_exception) *Exception {
	if exc == nil {
		return &Exception{Type: "MemoryError", Message: "py4go could not record the exception"}
	}
	e := &Exception{
		Type:      C.GoString(exc._type),
		Message:   C.GoString(exc.message),
		Traceback: C.GoString(exc.traceback),
		exitCode:  int(exc.exit_code),
		isExit:    exc.system_exit != 0,
	}
	C.py4go_exception_free(exc)
	return e
}

// resultError turns a failed py4go_result into a Go error for the operation op. Conversion
// errors about an argument are described by argName(index) when argName is not nil.
func resultError(r C.py4go_result, op string, argName func(int) string) error {
	switch r.status {
	case C.PY4GO_NOT_INITIALIZED:
		return opError(op, ErrNotInitialized)
	case C.PY4GO_NO_GIL:
		return opError(op, ErrNoGIL)
	case C.PY4GO_EXCEPTION:
		return takeException(r.exc)
	case C.PY4GO_CONVERSION:
		e := takeException(r.exc)
		ctx := op
		if r.arg >= 0 && argName != nil {
			ctx = op + " " + argName(int(r.arg))
		}
		return &ConversionError{Context: ctx, Message: e.Message}
	default:
		msg := "invalid use of the py4go runtime"
		if r.exc != nil {
			msg = takeException(r.exc).Message
		}
		return fmt.Errorf("python: %s: %s", op, msg)
	}
}
