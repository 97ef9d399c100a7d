// Package toml implements decoding and encoding of TOML files.
//
// A re-creation of the public API of github.com/BurntSushi/toml for bindc's end-to-end tests
// (a reasonable subset of TOML 1.0: tables, arrays of tables, inline tables, dotted keys,
// basic/literal/multi-line strings, integers, floats, booleans, datetimes and arrays).
//
// There is also support for delaying decoding with the Primitive type, and
// querying the set of keys in a TOML document with the MetaData type.
package toml

import "encoding"

// TextMarshaler is an alias for encoding.TextMarshaler.
//
// Deprecated: use encoding.TextMarshaler
type TextMarshaler encoding.TextMarshaler

// TextUnmarshaler is an alias for encoding.TextUnmarshaler.
//
// Deprecated: use encoding.TextUnmarshaler
type TextUnmarshaler encoding.TextUnmarshaler
