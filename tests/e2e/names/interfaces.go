package names

import "fmt"

// Titled is fmt.Stringer under another name.
type Titled fmt.Stringer

// Namer has a name.
type Namer interface{ Name() string }

// Sizer has a size.
type Sizer interface{ Size() int }

// Sized embeds both.
type Sized interface {
	Namer
	Sizer
}

// Title calls String.
func Title(t Titled) string { return "title:" + t.String() }

// Describe calls the methods of both embedded interfaces.
func Describe(s Sized) string { return fmt.Sprintf("%s=%d", s.Name(), s.Size()) }
