package broken

func Mixed(a int, string) {}

func Fine() {}
