module example.com/pyproject-demo

go 1.22
