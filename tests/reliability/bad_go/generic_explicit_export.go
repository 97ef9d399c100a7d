// bindc-expect: exit 2
// bindc-expect: 6:1: error: generic function g cannot be exported to Python
// bindc-expect: 7:6: warning: generic function g is not supported; skipped
package bad

//py4go:export
func g[T any](x T) T { return x }
