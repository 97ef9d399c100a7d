//go:build cgo && (linux || darwin)

package buildtags

func WithCgo() {}
