// Package api is the Go API the example's Python code calls: plain Go functions, bound to the
// Python module "api" by bindc (see api_bindc.go, api_bindc.c and api.pyi, all generated).
package api

import "fmt"

// sayGoodbye prints a farewell from Go.
//
//py4go:export
func sayGoodbye() {
	fmt.Println("Go >> goodbye from Go!")
}

// concat joins a and b with a space.
//
//py4go:export
func concat(a, b string) string {
	fmt.Printf("Go >> concatenating %q and %q\n", a, b)
	return a + " " + b
}
