// Package opts declares an option interface, as parser.ParseOption-style packages do.
package opts

import "strings"

// Option changes how text is formatted; its method is unexported.
type Option interface{ apply(*strings.Builder) }

type upper struct{}

func (upper) apply(b *strings.Builder) { s := strings.ToUpper(b.String()); b.Reset(); b.WriteString(s) }

// Upper makes the text upper case.
func Upper() Option { return upper{} }

// Apply applies the options to s.
func Apply(s string, os ...Option) string {
	var b strings.Builder
	b.WriteString(s)
	for _, o := range os {
		if o != nil {
			o.apply(&b)
		}
	}
	return b.String()
}
