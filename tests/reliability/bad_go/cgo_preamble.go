// bindc-expect: exit 0
// bindc-expect: 17:10: warning: Raw skipped: parameter x: type C.int is not supported
// bindc-expect: 17:19: warning: Raw skipped: result 1: type C.int is not supported
// bindc-expect-pyi: def twice(x: int, /) -> int:
package odd

/*
#include <stdlib.h>
static int twice(int x) { return 2 * x; }
*/
import "C"

// Twice calls C: the package uses cgo itself, which the bindings must coexist with.
func Twice(x int) int { return int(C.twice(C.int(x))) }

// Raw has C types in its signature: skipped.
func Raw(x C.int) C.int { return x }
