// Package buildtags exercises file selection.
package buildtags

func Common() {}
