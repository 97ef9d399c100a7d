package broken

func (x) {}

var Z = ]

var S = "unterminated
