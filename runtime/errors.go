package python

import "github.com/py4go/py4go/runtime/bindcrt"

// ErrNotInitialized is reported (wrapped, see errors.Is) by any call made while Python is not
// initialized: before Initialize, after Finalize, or while Finalize is underway (then the
// message says "Python is being finalized").
var ErrNotInitialized = bindcrt.ErrNotInitialized

// ErrNoGIL is reported (wrapped) by any call made from a goroutine that does not hold the
// GIL. Run Python code inside WithGIL.
var ErrNoGIL = bindcrt.ErrNoGIL

// ErrReleased is reported (wrapped) when an *Object is used after Release.
var ErrReleased = bindcrt.ErrReleased

// ErrStale is reported (wrapped) when an *Object created by an interpreter that has since
// been finalized is used.
var ErrStale = bindcrt.ErrStale

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

	// impl is the runtime's record of the exception (its exit status, and the exception
	// object itself when it must reach Python again unchanged); nil for an Exception made
	// by Go code.
	impl *bindcrt.Exception
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
	if e.impl == nil {
		return 0, false
	}
	return e.impl.ExitCode()
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

// As lets the runtime recognise an Exception it reported when Go code hands it back (a Go
// callback returning it to Python re-raises the original exception object).
func (e *Exception) As(target any) bool {
	if p, ok := target.(**bindcrt.Exception); ok && e.impl != nil {
		*p = e.impl
		return true
	}
	return false
}

// As lets the runtime recognise a ConversionError that Go code returns to it.
func (e *ConversionError) As(target any) bool {
	if p, ok := target.(**bindcrt.ConversionError); ok {
		*p = &bindcrt.ConversionError{Context: e.Context, Message: e.Message}
		return true
	}
	return false
}

func init() {
	// The runtime's errors answer errors.As with this package's types.
	bindcrt.RegisterUserErrors(func(err error, target any) bool {
		switch t := target.(type) {
		case **Exception:
			if e, ok := err.(*bindcrt.Exception); ok {
				*t = userErrSlow(e).(*Exception)
				return true
			}
		case **ConversionError:
			if e, ok := err.(*bindcrt.ConversionError); ok {
				*t = userErrSlow(e).(*ConversionError)
				return true
			}
		}
		return false
	}, userErrSlow)
}
