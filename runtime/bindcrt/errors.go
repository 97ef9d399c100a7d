package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"errors"
	"fmt"
)

// ErrNotInitialized is python.ErrNotInitialized (documented there).
var ErrNotInitialized = errors.New("Python is not initialized (call python.Initialize first)")

// ErrNoGIL is python.ErrNoGIL (documented there).
var ErrNoGIL = errors.New("the calling goroutine does not hold the GIL (run Python code inside python.WithGIL)")

// ErrReleased is python.ErrReleased (documented there).
var ErrReleased = errors.New("use of a released *python.Object")

// ErrStale is python.ErrStale (documented there).
var ErrStale = errors.New("the *python.Object belongs to a Python interpreter that was finalized")

// errFinalizing is reported by WithGIL (and callbacks) once Finalize has started refusing
// Python users. It matches ErrNotInitialized (errors.Is), so that code stopping on "Python is
// gone" stops the same whichever phase of Finalize it hits.
var errFinalizing error = finalizingError{}

type finalizingError struct{}

func (finalizingError) Error() string { return "Python is being finalized" }

// Is makes errors.Is(err, ErrNotInitialized) true.
func (finalizingError) Is(target error) bool { return target == ErrNotInitialized }

// Exception is the runtime's record of a Python exception raised into Go; errors.As gives
// users a *python.Exception from it (see As).
type Exception struct {
	Type      string // python.Exception.Type
	Message   string // python.Exception.Message
	Traceback string // python.Exception.Traceback

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

// ExitCode implements python.Exception.ExitCode.
func (e *Exception) ExitCode() (code int, ok bool) {
	return e.exitCode, e.isExit
}

// ConversionError is the runtime's conversion failure; errors.As gives users a
// *python.ConversionError from it.
type ConversionError struct {
	Context string // python.ConversionError.Context
	Message string // python.ConversionError.Message
}

// Error returns "python: CONTEXT: MESSAGE".
func (e *ConversionError) Error() string {
	return "python: " + e.Context + ": " + e.Message
}

// userErrorAs answers errors.As for package python's error types, and userErrorConvert gives
// an error as package python returns it (both set by its init).
var (
	userErrorAs      func(err error, target any) bool
	userErrorConvert func(err error) error
)

// RegisterUserErrors is called by package python's init: as answers errors.As for its
// Exception and ConversionError targets given this package's errors, and convert turns this
// package's errors into those types.
func RegisterUserErrors(as func(err error, target any) bool, convert func(err error) error) {
	userErrorAs, userErrorConvert = as, convert
}

// forUser is err as package python returns it. The user API's hot paths (Object.Call and
// the scalar getters) convert here, on their error paths, so that package python's methods
// stay pass-throughs the compiler inlines (a result Object then lives on the caller's stack).
func forUser(err error) error {
	if err != nil && userErrorConvert != nil {
		return userErrorConvert(err)
	}
	return err
}

// As makes errors.As(err, &pyExc) work with a *python.Exception target.
func (e *Exception) As(target any) bool { return userErrorAs != nil && userErrorAs(e, target) }

// As makes errors.As(err, &convErr) work with a *python.ConversionError target.
func (e *ConversionError) As(target any) bool { return userErrorAs != nil && userErrorAs(e, target) }

// ownError undoes forUser for this package's own use of a user-API path (Scalar): code here
// adds context to a *ConversionError in place (errors.As, then assign, then return the
// error), which only works on this package's record.
func ownError(err error) error {
	var ce *ConversionError
	if errors.As(err, &ce) {
		return ce
	}
	var e *Exception
	if errors.As(err, &e) {
		return e
	}
	return err
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
