module example.com/extras

go 1.22
