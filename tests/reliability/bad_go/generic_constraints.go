// bindc-expect: exit 2
// bindc-expect: 14:1: error: Sum[string] does not satisfy the constraints of Sum: type parameter T: string is not in the type set int | float64
// bindc-expect: 15:1: error: Sum[int, int]: Sum has 1 type parameter (T), got 2
// bindc-expect: 18:1: error: Keys[[]byte] does not satisfy the constraints of Keys: type parameter K: []byte does not satisfy comparable ([]byte is a slice)
// bindc-expect: 19:21: error: //py4go:instantiate: expected Name[T1, T2, ...], got 'Keys['
// bindc-expect: 20:1: error: package bad has no generic function or type Kees
// bindc-expect: 23:1: error: Id[int] would be Python name 'GoError', which bindc reserves
// bindc-expect: 25:16: error: Id cannot be exported: parameter v: type **int is not supported
// bindc-expect: 25:21: error: Id cannot be exported: result 1: type **int is not supported
// bindc-expect: 24:1: note: in the instantiation Id[**int] requested here
// bindc-expect: 27:1: error: Set[func()] does not satisfy the constraints of Set: type parameter T: func() does not satisfy comparable (func() is a func)
package bad

//py4go:instantiate Sum[string]
//py4go:instantiate Sum[int, int]
func Sum[T int | float64](xs []T) T { var t T; return t }

//py4go:instantiate Keys[[]byte]
//py4go:instantiate Keys[
//py4go:instantiate Kees[int]
func Keys[K comparable](k K) {}

//py4go:instantiate Id[int] GoError
//py4go:instantiate Id[**int]
func Id[T any](v T) T { return v }

//py4go:instantiate Set[func()]
type Set[T comparable] struct{ m map[T]bool }
