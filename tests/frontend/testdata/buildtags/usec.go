package buildtags

/*
#include <stdlib.h>
*/
import "C"

func UsesC() {}
