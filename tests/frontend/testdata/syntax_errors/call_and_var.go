package broken

func Call() {
	f(1, 2
}

var Y = ]
