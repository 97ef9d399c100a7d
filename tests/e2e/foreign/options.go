package foreign

import (
	"fmt"

	"example.com/foreign/opts"
)

type config struct {
	port  int
	host  string
	debug bool
}

// Option configures a Server (functional options; config is unexported).
type Option func(*config)

// WithPort sets the port.
func WithPort(p int) Option { return func(c *config) { c.port = p } }

// WithHost sets the host.
func WithHost(h string) Option { return func(c *config) { c.host = h } }

// Server is configured by options.
type Server struct{ Addr string }

// NewServer applies the options to the defaults.
func NewServer(opts ...Option) *Server {
	c := config{port: 80, host: "localhost"}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return &Server{Addr: fmt.Sprintf("%s:%d", c.host, c.port)}
}

// Shout is opts.Upper, an option value of another package's interface type.
func Shout() opts.Option { return opts.Upper() }

// Format applies options of another package to s.
func Format(s string, os ...opts.Option) string { return opts.Apply(s, os...) }

// Emphasis is an opts.Styler value (an interface of another package with exported methods).
func Emphasis() opts.Styler { return opts.Bold() }

// Styled applies stylers of another package to s.
func Styled(s string, st ...opts.Styler) string {
	var style opts.Style
	for _, x := range st {
		x.SetStyle(&style)
	}
	return style.Mark + s + style.Mark
}

// Loud returns an anonymous interface value: both an opts.Option and an opts.Styler.
func Loud() interface {
	opts.Option
	opts.Styler
} {
	return opts.Both()
}
