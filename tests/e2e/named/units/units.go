// Package units declares a named type used by package named's API.
package units

// Meters is a length.
type Meters float64

// Mile is one statute mile.
const Mile Meters = 1609.344
