package buildtags

func OnArm64() {}
