// bindc-expect: exit 0
// Package odd has nothing to bind.
package odd
