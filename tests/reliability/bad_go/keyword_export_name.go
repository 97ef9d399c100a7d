// bindc-expect: exit 2
// bindc-expect: 5:16: error: //py4go:export name 'class' is not a valid Python identifier
package bad

//py4go:export class
func x() {}
