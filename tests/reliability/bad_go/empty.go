// bindc-expect: exit 2
// bindc-expect-anywhere: error: nothing of package odd can be bound: it exports nothing
// Package odd has nothing to bind.
package odd
