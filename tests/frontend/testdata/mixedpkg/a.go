package one

func A() {}
