package buildtags

const (
	C = iota
	D
)

var E = 1
