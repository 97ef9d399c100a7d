package broken

type T struct {
	A int
	B string
