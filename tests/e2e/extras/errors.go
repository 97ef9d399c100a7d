package extras

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrEmpty is returned for empty input.
var ErrEmpty = errors.New("empty input")

// ErrTooBig reports a value over the limit (made with fmt.Errorf).
var ErrTooBig = fmt.Errorf("too big")

// ErrLate is assigned in init: only its written type says it is an error.
var ErrLate error

func init() { ErrLate = errors.New("late") }

// LimitError is an error struct that wraps ErrTooBig.
type LimitError struct {
	Limit int
}

// Error describes the limit.
func (e *LimitError) Error() string { return fmt.Sprintf("over the limit %d", e.Limit) }

// Unwrap makes errors.Is(err, ErrTooBig) true.
func (e *LimitError) Unwrap() error { return ErrTooBig }

// Check fails with ErrEmpty (as is), a wrapped ErrTooBig, a *LimitError or ErrLate.
func Check(s string) (int, error) {
	switch {
	case s == "":
		return 0, ErrEmpty
	case s == "late":
		return 0, ErrLate
	case len(s) > 10:
		return 0, &LimitError{Limit: 10}
	case len(s) > 5:
		return 0, fmt.Errorf("checking %q: %w", s, ErrTooBig)
	}
	return len(s), nil
}

// Other fails with an error that is no sentinel.
func Other() error { return errors.New("something else") }

// ParseSmall parses s as an int8 (strconv's NumError wraps strconv.ErrRange / ErrSyntax,
// which are not sentinels of this package: a plain GoError here).
func ParseSmall(s string) (int64, error) { return strconv.ParseInt(s, 10, 8) }
