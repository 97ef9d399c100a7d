module example.com/typed-go

go 1.22

require github.com/py4go/py4go/runtime v0.0.0

replace github.com/py4go/py4go/runtime => ../../runtime
