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

// Style is what a Styler configures.
type Style struct{ Mark string }

// Styler is an option interface whose method is exported (as goldmark's parser.Option):
// another package cannot convert it, but its values pass through.
type Styler interface{ SetStyle(*Style) }

type bold struct{}

func (bold) SetStyle(s *Style)        { s.Mark += "**" }
func (bold) apply(b *strings.Builder) { s := "**" + b.String() + "**"; b.Reset(); b.WriteString(s) }

// Bold makes a Styler.
func Bold() Styler { return bold{} }

// Both is an option and a Styler, as goldmark's html.WithHardWraps() is a renderer.Option and an html.Option.
func Both() interface {
	Option
	Styler
} {
	return bold{}
}
