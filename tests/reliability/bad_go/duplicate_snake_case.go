// bindc-expect: exit 2
// bindc-expect: 9:6: error: toUpper and ToUpper (at
// bindc-expect: both become Python name 'to_upper'; rename one with //py4go:export <name>
package bad

func ToUpper() {}

//py4go:export
func toUpper() {}
