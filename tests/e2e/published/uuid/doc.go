// Package uuid generates and inspects UUIDs.
//
// UUIDs are based on RFC 4122 and DCE 1.1: Authentication and Security
// Services.
//
// A UUID is a 16 byte (128 bit) array. UUIDs may be used as keys to
// maps or compared directly.
//
// This is a re-creation of the public API of github.com/google/uuid (v1.6), written for
// bindc's end-to-end tests: the same names, receivers and idioms, simpler bodies.
package uuid
