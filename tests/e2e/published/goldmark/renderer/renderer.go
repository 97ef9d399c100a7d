// Package renderer renders the given AST to certain formats (a re-creation of part of
// github.com/yuin/goldmark/renderer for bindc's end-to-end tests).
package renderer

import (
	"io"

	"github.com/yuin/goldmark/ast"
)

// OptionName is a name of the option.
type OptionName string

// A Config struct is a data structure that holds configuration of the Renderer.
type Config struct {
	Options map[OptionName]interface{}
}

// NewConfig returns a new Config.
func NewConfig() *Config {
	return &Config{Options: map[OptionName]interface{}{}}
}

// An Option interface is a functional option type for the Renderer.
type Option interface {
	SetConfig(*Config)
}

type withOption struct {
	name  OptionName
	value interface{}
}

func (o *withOption) SetConfig(c *Config) {
	c.Options[o.name] = o.value
}

// WithOption is a functional option that allow you to set
// an arbitrary option to the parser.
func WithOption(name OptionName, value interface{}) Option {
	return &withOption{name, value}
}

// A NodeRenderer interface renders the nodes of one format.
type NodeRenderer interface {
	// RenderNode writes n (and its children) to w.
	RenderNode(w io.Writer, source []byte, n ast.Node, config *Config) error
}

type withNodeRenderer struct{ r NodeRenderer }

func (o *withNodeRenderer) SetConfig(c *Config) {
	c.Options["NodeRenderer"] = o.r
}

// WithNodeRenderers is a functional option that allow you to add
// NodeRenderers to the renderer.
func WithNodeRenderers(r NodeRenderer) Option {
	return &withNodeRenderer{r}
}

// A Renderer interface renders given AST node to given
// writer with given Renderer.
type Renderer interface {
	Render(w io.Writer, source []byte, n ast.Node) error

	// AddOptions adds given option to this renderer.
	AddOptions(...Option)
}

type renderer struct {
	config *Config
}

// NewRenderer returns a new Renderer with given options.
func NewRenderer(options ...Option) Renderer {
	r := &renderer{config: NewConfig()}
	r.AddOptions(options...)
	return r
}

func (r *renderer) AddOptions(opts ...Option) {
	for _, o := range opts {
		o.SetConfig(r.config)
	}
}

// Render renders the given AST node to the given writer with the given Renderer.
func (r *renderer) Render(w io.Writer, source []byte, n ast.Node) error {
	nr, ok := r.config.Options["NodeRenderer"].(NodeRenderer)
	if !ok {
		return io.ErrClosedPipe
	}
	return nr.RenderNode(w, source, n, r.config)
}
