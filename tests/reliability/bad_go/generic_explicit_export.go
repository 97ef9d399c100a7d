// bindc-expect: exit 2
// bindc-expect: 5:1: error: generic function g cannot be exported to Python as it is; bind an instantiation with //py4go:instantiate g[...]
package bad

//py4go:export
func g[T any](x T) T { return x }
