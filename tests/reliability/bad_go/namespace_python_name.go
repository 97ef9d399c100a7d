// bindc-expect: exit 0
// bindc-expect: 9:6: warning: Python name 'vec' of Vec is bindc's namespace 'vec'; bound as 'vec_' (choose another with //py4go:export <name>)
// bindc-expect: 12:6: warning: Python name 'aio' of Aio is bindc's namespace 'aio'; bound as 'aio_' (choose another with //py4go:export <name>)
// bindc-expect-pyi: def vec_(x: float, y: float, /) -> float:
// bindc-expect-pyi: def vec_(x: _Iterable[float], y: _Iterable[float], /) -> _array[float]:
package bad

// Vec would be Python's vec, the vectorized forms' namespace.
func Vec(x, y float64) float64 { return x + y }

// Aio would be Python's aio, the awaitable forms' namespace.
func Aio() {}
