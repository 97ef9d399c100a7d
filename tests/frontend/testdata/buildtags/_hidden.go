package buildtags

func Underscore() {}
