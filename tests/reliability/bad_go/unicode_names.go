// bindc-expect: exit 0
// bindc-expect-pyi: def привет(ж: int, /) -> int:
// bindc-expect-pyi: """Doc with */ and ??= and "quotes" and a backslash \\."""
package odd

// Doc with */ and ??= and "quotes" and a backslash \.
func Привет(ж int) int { return ж }
