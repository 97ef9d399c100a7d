package buildtags

const (
	A = iota
	B
)
