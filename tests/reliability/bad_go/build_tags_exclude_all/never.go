//go:build never

package odd

func F() {}
