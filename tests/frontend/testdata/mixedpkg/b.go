package two

func B() {}
