// bindc-expect: exit 2
// bindc-expect: 6:6: error: Python name 'GoError' of F is reserved by bindc
package bad

//py4go:export GoError
func F() {}
