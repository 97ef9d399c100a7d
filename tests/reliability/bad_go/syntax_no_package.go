// bindc-expect: exit 2
// bindc-expect: 1:1: error: expected 'package' clause

func F() {}
