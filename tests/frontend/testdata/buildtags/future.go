//go:build go1.999

package buildtags

func Future() {}
