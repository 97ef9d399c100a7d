package toml

import (
	"bufio"
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

var (
	errArrayNilElement = errors.New("toml: cannot encode array with nil element")
	errNonString       = errors.New("toml: cannot encode a map with non-string key type")
	errNoKey           = errors.New("toml: top-level values must be Go maps or structs")
	errAnything        = errors.New("") // used in testing
)

// Marshaler is the interface implemented by types that can marshal themselves
// into valid TOML.
type Marshaler interface {
	MarshalTOML() ([]byte, error)
}

// Marshal returns a TOML representation of the Go value.
//
// See [Encoder] for a description of the encoding process.
func Marshal(v any) ([]byte, error) {
	buff := new(bytes.Buffer)
	if err := NewEncoder(buff).Encode(v); err != nil {
		return nil, err
	}
	return buff.Bytes(), nil
}

// Encoder encodes a Go to a TOML document.
//
// The mapping between Go values and TOML values should be precisely the same as
// for [Decode].
//
// time.Time is encoded as a RFC 3339 string, and time.Duration as its string
// representation.
//
// The [Marshaler] and [encoding.TextMarshaler] interfaces are supported to
// encoding the value as custom TOML.
//
// If you want to write arbitrary binary data then you will need to use
// something like base64 since TOML does not have any binary types.
//
// When encoding TOML hashes (Go maps or structs), keys without any sub-hashes
// are encoded first.
//
// Go maps will be sorted alphabetically by key for deterministic output.
//
// The toml struct tag can be used to provide the key name; if omitted the
// struct field name will be used. If the "omitempty" option is present the
// following value will be skipped:
//
//   - arrays, slices, maps, and string with len of 0
//   - struct with all zero values
//   - bool false
//
// If omitzero is given all int and float types with a value of 0 will be
// skipped.
//
// Encoding Go values without a corresponding TOML representation will return
// an error. Examples of this includes maps with non-string keys, slices with
// nil elements, embedded non-struct types, and nested slices containing maps or
// structs. (e.g. [][]map[string]string is not allowed but []map[string]string
// is okay, as is []map[string][]string).
//
// NOTE: only exported keys are encoded due to the use of reflection. Unexported
// keys are silently discarded.
type Encoder struct {
	Indent     string // string for a single indentation level; default is two spaces.
	hasWritten bool   // written any output to w yet?
	w          *bufio.Writer
}

// NewEncoder create a new Encoder.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{
		w:      bufio.NewWriter(w),
		Indent: "  ",
	}
}

// Encode writes a TOML representation of the Go value to the [Encoder]'s writer.
//
// An error is returned if the value given cannot be encoded to a valid TOML
// document.
func (enc *Encoder) Encode(v any) error {
	rv := eindirect(reflect.ValueOf(v))
	if !rv.IsValid() || (rv.Kind() != reflect.Map && rv.Kind() != reflect.Struct) {
		return errNoKey
	}
	if err := enc.table(nil, rv); err != nil {
		return err
	}
	return enc.w.Flush()
}

// eindirect follows pointers and interfaces, stopping at a value that marshals itself
// (a *big.Int is an encoding.TextMarshaler through its pointer).
func eindirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Ptr || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		if v.Kind() == reflect.Ptr && v.Type().Implements(textMarshaler) {
			return v
		}
		v = v.Elem()
	}
	return v
}

var textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()

type entry struct {
	key   string
	value reflect.Value
	field *field
}

// entries lists a map's or struct's keys and values in encoding order.
func (enc *Encoder) entries(rv reflect.Value) ([]entry, error) {
	var out []entry
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil, errNonString
		}
		for _, k := range rv.MapKeys() {
			out = append(out, entry{key: k.String(), value: rv.MapIndex(k)})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	case reflect.Struct:
		fields := cachedTypeFields(rv.Type())
		for i := range fields {
			f := &fields[i]
			v := rv
			ok := true
			for _, idx := range f.index {
				if v.Kind() == reflect.Ptr {
					if v.IsNil() {
						ok = false
						break
					}
					v = v.Elem()
				}
				v = v.Field(idx)
			}
			if !ok || (f.omitempty && isEmpty(v)) || (f.omitzero && v.IsZero()) {
				continue
			}
			out = append(out, entry{key: f.name, value: v, field: f})
		}
	}
	return out, nil
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Slice, reflect.Map, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Ptr, reflect.Interface:
		return v.IsNil()
	case reflect.Struct:
		return v.IsZero()
	}
	return false
}

// isTable reports whether v encodes as a [table] (or [[array of tables]]) rather than key = value.
func isTable(v reflect.Value) (table, arrayOfTables bool) {
	v = eindirect(v)
	if !v.IsValid() {
		return false, false
	}
	if v.Type() == reflect.TypeOf(time.Time{}) || implementsText(v) {
		return false, false
	}
	switch v.Kind() {
	case reflect.Map, reflect.Struct:
		return true, false
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			return false, false
		}
		for i := 0; i < v.Len(); i++ {
			if t, _ := isTable(v.Index(i)); !t {
				return false, false
			}
		}
		return false, true
	}
	return false, false
}

func implementsText(v reflect.Value) bool {
	_, ok := v.Interface().(encoding.TextMarshaler)
	return ok
}

func (enc *Encoder) table(key Key, rv reflect.Value) error {
	entries, err := enc.entries(rv)
	if err != nil {
		return err
	}
	indent := strings.Repeat(enc.Indent, len(key)) // keys of a table are indented one level deeper than its header
	// Keys without sub-tables first, then tables, then arrays of tables.
	for _, e := range entries {
		if t, a := isTable(e.value); t || a {
			continue
		}
		v := eindirect(e.value)
		if !v.IsValid() {
			continue // nil values have no TOML representation; skipped as the original does
		}
		s, err := enc.value(v)
		if err != nil {
			return fmt.Errorf("%w (key %q)", err, key.add(e.key).String())
		}
		enc.write(indent + Key{e.key}.String() + " = " + s + "\n")
	}
	for _, e := range entries {
		if t, _ := isTable(e.value); !t {
			continue
		}
		sub := key.add(e.key)
		enc.newline()
		enc.write(strings.Repeat(enc.Indent, len(sub)-1) + "[" + sub.String() + "]\n")
		if err := enc.table(sub, eindirect(e.value)); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if _, a := isTable(e.value); !a {
			continue
		}
		sub := key.add(e.key)
		v := eindirect(e.value)
		for i := 0; i < v.Len(); i++ {
			enc.newline()
			enc.write(strings.Repeat(enc.Indent, len(sub)-1) + "[[" + sub.String() + "]]\n")
			if err := enc.table(sub, eindirect(v.Index(i))); err != nil {
				return err
			}
		}
	}
	return nil
}

func (enc *Encoder) newline() {
	if enc.hasWritten {
		enc.write("\n")
	}
}

func (enc *Encoder) write(s string) {
	_, _ = enc.w.WriteString(s)
	enc.hasWritten = true
}

// value is the TOML text of a value that is not a table.
func (enc *Encoder) value(v reflect.Value) (string, error) {
	switch x := v.Interface().(type) {
	case time.Time:
		return x.Format(time.RFC3339Nano), nil
	case time.Duration:
		return strconv.Quote(x.String()), nil
	case Marshaler:
		b, err := x.MarshalTOML()
		return string(b), err
	case encoding.TextMarshaler:
		b, err := x.MarshalText()
		if err != nil {
			return "", err
		}
		return `"` + quoteString(string(b)) + `"`, nil
	}
	switch v.Kind() {
	case reflect.String:
		return `"` + quoteString(v.String()) + `"`, nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return "nan", nil
		case math.IsInf(f, 1):
			return "inf", nil
		case math.IsInf(f, -1):
			return "-inf", nil
		}
		s := strconv.FormatFloat(f, 'f', -1, v.Type().Bits())
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s, nil
	case reflect.Slice, reflect.Array:
		parts := make([]string, v.Len())
		for i := range parts {
			e := eindirect(v.Index(i))
			if !e.IsValid() {
				return "", errArrayNilElement
			}
			var err error
			if t, _ := isTable(e); t {
				parts[i], err = enc.inline(e)
			} else {
				parts[i], err = enc.value(e)
			}
			if err != nil {
				return "", err
			}
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", fmt.Errorf("toml: cannot encode a value of type %s", v.Type())
}

func (enc *Encoder) inline(v reflect.Value) (string, error) {
	entries, err := enc.entries(v)
	if err != nil {
		return "", err
	}
	parts := make([]string, 0, len(entries))
	for _, e := range entries {
		ev := eindirect(e.value)
		if !ev.IsValid() {
			continue
		}
		var s string
		if t, _ := isTable(ev); t {
			s, err = enc.inline(ev)
		} else {
			s, err = enc.value(ev)
		}
		if err != nil {
			return "", err
		}
		parts = append(parts, Key{e.key}.String()+" = "+s)
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

func quoteString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
