/*
Package semver provides the ability to work with Semantic Versions (http://semver.org) in Go.

Specifically it provides the ability to:

  - Parse semantic versions
  - Sort semantic versions
  - Check if a semantic version fits within a set of constraints
  - Optionally work with a `v` prefix

This is a re-creation of the public API of github.com/Masterminds/semver/v3 (v3.2), written
for bindc's end-to-end tests: the same names, receivers and idioms, simpler bodies.
*/
package semver
