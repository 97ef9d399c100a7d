// bindc-expect: exit 2
// bindc-expect: 7:14: error: syntax error: unexpected name b in parameter list
// bindc-expect: 9:27: error: syntax error: missing identifier before '}'
// bindc-expect: 11:26: error: syntax error: unexpected '@' in block
package bad

func F(a int b int) {}

func G() int { return 1 +* }

func H() { x := 1; x = 1 @ 2 }
