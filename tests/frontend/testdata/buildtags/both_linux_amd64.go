package buildtags

func OnLinuxAmd64() {}
