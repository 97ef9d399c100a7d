//go:build custom

package buildtags

func Custom() {}
