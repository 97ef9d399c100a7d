package broken

import "fmt"

var X = 1

import "os"
