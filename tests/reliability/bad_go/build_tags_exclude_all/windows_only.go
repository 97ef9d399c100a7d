//go:build windows

package odd

func G() {}
