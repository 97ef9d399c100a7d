module github.com/py4go/py4go/runtime

go 1.22
