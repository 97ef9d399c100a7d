package buildtags

func OnLinux() {}
