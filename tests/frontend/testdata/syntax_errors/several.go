package broken

// Good is still extracted.
func Good(a int) int { return a }

func missingParen(a int {
}

func Body() {
	x := 1 +
}

func After(s string) string { return s }
