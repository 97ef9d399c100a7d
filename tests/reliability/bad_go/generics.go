// bindc-expect: exit 0
// bindc-expect: 8:6: warning: generic function Map skipped: not instantiated (bind it with //py4go:instantiate Map[...] or --instantiate 'odd.Map[...]')
// bindc-expect: 11:6: warning: generic type Box skipped: not instantiated (bind it with //py4go:instantiate Box[...] or --instantiate 'odd.Box[...]')
// bindc-expect-pyi: def plain() -> int:
package odd

// Map is generic and not instantiated: skipped with a warning.
func Map[T, U any](xs []T, f func(T) U) []U { return nil }

// Box is a generic type.
type Box[T any] struct{ v T }

// Plain is bound.
func Plain() int { return 1 }
