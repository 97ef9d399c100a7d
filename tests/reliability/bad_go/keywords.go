// bindc-expect: exit 0
// bindc-expect-pyi: def lambda_() -> None: ...
// bindc-expect-pyi: def none() -> None: ...
// bindc-expect-pyi: def from_(from_: int, lambda_: str, none: bool, /) -> int: ...
// bindc-expect-pyi: def class_(async_: int, /) -> int: ...
package odd

func Lambda() {}

func None() {}

func From(from int, lambda string, None bool) int { return from }

func Class(async int) int { return async }
