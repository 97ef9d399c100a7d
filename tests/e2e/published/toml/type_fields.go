package toml

import (
	"reflect"
	"strings"
)

// A field represents a single field found in a struct.
type field struct {
	name      string       // the name of the field (`toml` tag included)
	tag       bool         // whether field has a `toml` tag
	index     []int        // represents the depth of an anonymous field
	typ       reflect.Type // the type of the field
	omitempty bool
	omitzero  bool
}

// cachedTypeFields returns the exported fields of t as TOML keys, following embedded structs
// (an outer field wins over an embedded one of the same name).
func cachedTypeFields(t reflect.Type) []field {
	var fields []field
	seen := map[string]bool{}
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.PkgPath != "" && !f.Anonymous { // unexported
				continue
			}
			tag := f.Tag.Get("toml")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(append([]int{}, index...), i)
			ft := f.Type
			if ft.Kind() == reflect.Ptr {
				ft = ft.Elem()
			}
			if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
				defer walk(ft, idx) // embedded fields come after the outer ones
				continue
			}
			if name == "" {
				name = f.Name
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			fields = append(fields, field{
				name: name, tag: tag != "", index: idx, typ: f.Type,
				omitempty: strings.Contains(opts, "omitempty"),
				omitzero:  strings.Contains(opts, "omitzero"),
			})
		}
	}
	walk(t, nil)
	return fields
}
