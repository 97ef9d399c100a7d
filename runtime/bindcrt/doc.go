// Package bindcrt is the implementation of package python
// (github.com/py4go/py4go/runtime) and the runtime that bindc-generated code builds on: the
// cgo calls into CPython, conversions, the GIL and interpreter life cycle, and the Bindc* and
// Typed* helpers generated packages use in both directions.
//
// It is not an API for people: its exported names exist for generated code and for package
// python, and change with bindc (BindcRuntimeV1 and TypedVersion1 are the compatibility
// markers generated code checks at compile time). Use package python, whose Object and
// error types are this package's under other names: python.Object is a struct holding
// exactly one bindcrt.Object (FromUser and ToUser convert pointers between them), and
// errors.As reaches *python.Exception and *python.ConversionError from this package's errors.
package bindcrt
