// Vectorized forms of bound functions: `mod.vec.add(xs, ys)` (the generated `vec` namespace;
// compiler/bindc/emit/vec.py). The C wrapper converts every element into C arrays holding the
// GIL, then calls one generated trampoline that loops over them calling the Go function: one
// C→Go transition for the whole run instead of one per element.

package python

// BindcVecReleaseGIL is the number of elements from which a vectorized trampoline releases the
// GIL around its loop (when its results need no Python object to be made). Below it, the two C
// calls releasing and retaking the GIL cost more than other threads gain; at it, the loop
// runs for microseconds (measured in docs/buffers.md, "Vectorized calls").
const BindcVecReleaseGIL = 1024
