// +build windows

package buildtags

func LegacyWindows() {}
