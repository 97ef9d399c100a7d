package foreign

import (
	"errors"
	"fmt"
	"io/fs"
)

// ErrMissing is a sentinel error.
var ErrMissing = errors.New("missing")

// Fail returns an error wrapping ErrMissing, naming what.
func Fail(what string) error { return fmt.Errorf("load %s: %w", what, ErrMissing) }

// IsMissing reports whether err is (or wraps) ErrMissing.
func IsMissing(err error) bool { return errors.Is(err, ErrMissing) }

// Wrap wraps err with a message; a nil err stays nil.
func Wrap(err error, msg string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// Text returns err's text, or "<nil>".
func ErrText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// Same reports whether a and b are the same Go error value.
func Same(a, b error) bool { return a == b }

// NotExist is fs.ErrNotExist, an error of another package.
func NotExist() error { return fs.ErrNotExist }

// Outcome holds an error as a field.
type Outcome struct {
	Err  error
	Note string
}

// NonNil returns the non-nil errors.
func NonNil(errs []error) []error {
	var out []error
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// Join joins the errors.
func Join(errs ...error) string { return fmt.Sprint(errors.Join(errs...)) }
