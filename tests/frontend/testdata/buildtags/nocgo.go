//go:build !cgo

package buildtags

func WithoutCgo() {}
