// Package names declares what collides with the names bindc generates, or with Python's:
// every declaration here must build, import and be callable under a predictable name.
package names

import "fmt"

// P has fields and methods whose generated accessors would share identifiers.
type P struct {
	Name  string
	Value int
	Class string // a Python keyword: the property is class_
	Init  int    // a field named like the constructor slot
	New   int
	// Label is renamed by its struct tag.
	Label  string `json:"label" py4go:"title"`
	Secret string `py4go:"-"` // never bound
}

// GetName would share its identifiers with the getter of Name.
func (p *P) GetName() string { return "get:" + p.Name }

// SetName would share its identifiers with the setter of Name.
func (p *P) SetName(n string) { p.Name = "set:" + n }

// GetValue would share its identifiers with the getter of Value.
func (p *P) GetValue() int { return p.Value + 1 }

// SetValue would share its identifiers with the setter of Value.
func (p *P) SetValue(v int) { p.Value = v - 1 }

// GoValue is an ordinary method of a struct.
func (p *P) GoValue() int { return p.Value * 10 }

// S has methods named like the slots and dunders of its class.
type S struct{ N int }

// Init would take the class's tp_init wrapper.
func (S) Init() string { return "Init" }

// New would take the class's constructor trampoline.
func (S) New() int { return 1 }

// String is __str__.
func (s S) String() string { return fmt.Sprintf("S(%d)", s.N) }

// Str is an ordinary method: str_.
func (S) Str() string { return "Str" }

// Repr would take the class's tp_repr wrapper.
func (S) Repr() string { return "Repr" }

// Eq would take the class's equality trampoline.
func (s S) Eq(o S) bool { return s.N == o.N }

// Richcompare would take the class's tp_richcompare wrapper.
func (S) Richcompare() string { return "Richcompare" }

// Hash is an ordinary method.
func (S) Hash() int { return 42 }

// Len is an ordinary method.
func (s S) Len() int { return s.N }

// Value is an ordinary method of a struct.
func (S) Value() string { return "Value" }

// GoValue is an ordinary method of a struct.
func (S) GoValue() string { return "GoValue" }

// Class is a Python keyword: class_.
func (S) Class() string { return "Class" }

// Import is a Python keyword: import_.
func (S) Import() string { return "Import" }

// Shout is renamed with a directive.
//
//py4go:export shout_loud
func (S) Shout() string { return "SHOUT" }

// Whisper is renamed to a name with a leading underscore.
//
//py4go:export _whisper
func (S) Whisper() string { return "whisper" }

// Kelvin is a value class whose methods take the names of its value property.
type Kelvin float64

// Value takes the property's name: the property steps aside.
func (k Kelvin) Value() float64 { return float64(k) + 1 }

// GoValue takes the property's second choice too.
func (k Kelvin) GoValue() float64 { return float64(k) + 2 }

// RegisterClasses would take the module's class registration function.
func RegisterClasses() string { return "RegisterClasses" }

// PGetName is renamed to spell the getter of P.Name's identifiers.
//
//py4go:export P_get_name
func PGetName() string { return "P_get_name" }

// Fail returns an error, raised as GoError (the class every bindc module shares).
func Fail(msg string) error { return fmt.Errorf("names: %s", msg) }
