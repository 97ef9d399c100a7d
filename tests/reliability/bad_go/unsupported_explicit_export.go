// bindc-expect: exit 2
// bindc-expect: 7:11: error: take cannot be exported: parameter c: type **int is not supported
package bad

// An explicit //py4go:export of something bindc cannot bind is an error, not a skip.
//py4go:export
func take(c **int) {}
