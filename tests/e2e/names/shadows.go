package names

import "time"

// Types and functions named like what the generated stub imports (collections.abc.Iterator,
// typing.Any, datetime.datetime) or spells in annotations (slice): the stub must still mean
// the imported names, so these get a trailing underscore in Python.

// Iterator is a type named like collections.abc.Iterator.
type Iterator struct{ Pos int }

// Next advances the iterator.
func (it *Iterator) Next() int { it.Pos++; return it.Pos }

// Sequence is a named slice type: a Python sequence, whose stub spells Iterator and slice.
type Sequence []int

// Sum adds the elements.
func (s Sequence) Sum() int {
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

// Any is named like typing.Any.
type Any struct{ V string }

// Slice is named like the builtin slice.
func Slice(s Sequence, i, j int) Sequence { return s[i:j] }

// Datetime is named like datetime.datetime.
func Datetime(t time.Time) time.Time { return t.Add(time.Hour) }

// Overload is named like typing.overload.
func Overload(a Any) string { return "overload:" + a.V }
