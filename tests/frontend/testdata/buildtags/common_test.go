package buildtags

import "testing"

func TestX(t *testing.T) {}
