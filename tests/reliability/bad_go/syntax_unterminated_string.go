// bindc-expect: exit 2
// bindc-expect: 6:9: error: syntax error: string literal not terminated
// bindc-expect: 8:10: error: syntax error: non-declaration statement outside function body
package bad

var s = "abc

func F() {}
