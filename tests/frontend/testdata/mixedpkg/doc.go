// Package documentation is ignored.
package documentation
