// bindc-expect: exit 0
// bindc-expect: 9:8: warning: F skipped: parameter s: type struct{ X int } is not supported
// bindc-expect: 9:27: warning: F skipped: parameter f: in func(**int): type **int is not supported
// bindc-expect: 9:42: warning: F skipped: parameter c: type **int is not supported
// bindc-expect: 9:51: warning: F skipped: parameter m: type map[string]**int is not supported
// bindc-expect: 11:16: warning: G skipped: an error result is supported only in the last position
package odd

func F(s struct{ X int }, f func(**int), c **int, m map[string]**int) {}

func G() (int, error, int) { return 0, nil, 0 }

// Kept is bound: the others are skipped, not fatal.
func Kept(x int) int { return x }
