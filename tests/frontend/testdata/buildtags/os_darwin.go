package buildtags

func OnDarwin() {}
