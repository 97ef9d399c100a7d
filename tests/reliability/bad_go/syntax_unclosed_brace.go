// bindc-expect: exit 2
// bindc-expect: 5:14: error: syntax error: unexpected end of file
package bad

func F() int {
	if true {
		return 1
