module example.com/vectorized

go 1.22

require github.com/py4go/py4go/runtime v0.0.0

// The build module (bindc build) or the host program points the runtime at its copy; this
// replace only matters when the package is built on its own.
replace github.com/py4go/py4go/runtime => ../../../runtime
