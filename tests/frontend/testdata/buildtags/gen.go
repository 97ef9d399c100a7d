//go:build ignore

// gen.go is a generator run with go run.
package main

func main() {}
