// bindc-expect: exit 2
// bindc-expect: 7:10: error: syntax error: missing ')' before '{'
package bad

func Good(a int) int { return a }

func Bad( {}
