module example.com/asancanary

go 1.22
