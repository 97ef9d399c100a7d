// Package html implements renderer that outputs HTMLs (a re-creation of part of
// github.com/yuin/goldmark/renderer/html for bindc's end-to-end tests).
package html

import (
	"bufio"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
)

// A Config struct has configurations for the HTML based renderers.
type Config struct {
	HardWraps bool
	XHTML     bool
	Unsafe    bool
}

// NewConfig returns a new Config with defaults.
func NewConfig() Config {
	return Config{}
}

// SetOption implements renderer.NodeRenderer.SetOption.
func (c *Config) SetOption(name renderer.OptionName, value interface{}) {
	switch name {
	case optHardWraps:
		c.HardWraps = value.(bool)
	case optXHTML:
		c.XHTML = value.(bool)
	case optUnsafe:
		c.Unsafe = value.(bool)
	}
}

// An Option interface sets options for HTML based renderers.
type Option interface {
	SetHTMLOption(*Config)
}

// HardWraps is an option name used in WithHardWraps.
const optHardWraps renderer.OptionName = "HardWraps"

type withHardWraps struct{}

func (o *withHardWraps) SetConfig(c *renderer.Config) {
	c.Options[optHardWraps] = true
}

func (o *withHardWraps) SetHTMLOption(c *Config) {
	c.HardWraps = true
}

// WithHardWraps is a functional option that indicates whether softline breaks
// should be rendered as '<br>'.
func WithHardWraps() interface {
	renderer.Option
	Option
} {
	return &withHardWraps{}
}

// XHTML is an option name used in WithXHTML.
const optXHTML renderer.OptionName = "XHTML"

type withXHTML struct{}

func (o *withXHTML) SetConfig(c *renderer.Config) {
	c.Options[optXHTML] = true
}

func (o *withXHTML) SetHTMLOption(c *Config) {
	c.XHTML = true
}

// WithXHTML is a functional option indicates that nodes should be rendered in
// xhtml instead of HTML5.
func WithXHTML() interface {
	Option
	renderer.Option
} {
	return &withXHTML{}
}

// Unsafe is an option name used in WithUnsafe.
const optUnsafe renderer.OptionName = "Unsafe"

type withUnsafe struct{}

func (o *withUnsafe) SetConfig(c *renderer.Config) {
	c.Options[optUnsafe] = true
}

func (o *withUnsafe) SetHTMLOption(c *Config) {
	c.Unsafe = true
}

// WithUnsafe is a functional option that renders dangerous contents
// (raw htmls and potentially dangerous links) as it is.
func WithUnsafe() interface {
	renderer.Option
	Option
} {
	return &withUnsafe{}
}

// A Renderer struct is an implementation of renderer.NodeRenderer that renders
// nodes as (X)HTML.
type Renderer struct {
	Config
}

// NewRenderer returns a new Renderer with given options.
func NewRenderer(opts ...Option) renderer.NodeRenderer {
	r := &Renderer{Config: NewConfig()}
	for _, opt := range opts {
		opt.SetHTMLOption(&r.Config)
	}
	return r
}

// RenderNode implements renderer.NodeRenderer: the options in config override the
// renderer's own.
func (r *Renderer) RenderNode(w io.Writer, source []byte, n ast.Node, config *renderer.Config) error {
	c := r.Config
	if config != nil {
		for name, value := range config.Options {
			c.SetOption(name, value)
		}
	}
	bw := bufio.NewWriter(w)
	c.render(bw, n)
	return bw.Flush()
}

func (c *Config) render(w *bufio.Writer, n ast.Node) {
	b, ok := n.(*ast.BaseBlock)
	if !ok {
		return
	}
	switch b.NodeKind {
	case ast.KindDocument:
		for _, child := range b.Children {
			c.render(w, child)
		}
	case ast.KindHeading:
		tag := "h" + string(rune('0'+b.Level))
		w.WriteString("<" + tag)
		if b.Info != "" {
			w.WriteString(` id="` + html.EscapeString(b.Info) + `"`)
		}
		w.WriteString(">" + c.inline(strings.Join(b.Lines, "\n")) + "</" + tag + ">\n")
	case ast.KindParagraph:
		w.WriteString("<p>" + c.inline(strings.Join(b.Lines, "\n")) + "</p>\n")
	case ast.KindFencedCodeBlock:
		w.WriteString("<pre><code")
		if b.Info != "" {
			w.WriteString(` class="language-` + html.EscapeString(b.Info) + `"`)
		}
		w.WriteString(">")
		for _, l := range b.Lines {
			w.WriteString(html.EscapeString(l) + "\n")
		}
		w.WriteString("</code></pre>\n")
	case ast.KindList:
		w.WriteString("<ul>\n")
		for _, item := range b.Children {
			w.WriteString("<li>" + c.inline(strings.Join(item.(*ast.BaseBlock).Lines, "\n")) + "</li>\n")
		}
		w.WriteString("</ul>\n")
	case ast.KindThematicBreak:
		if c.XHTML {
			w.WriteString("<hr />\n")
		} else {
			w.WriteString("<hr>\n")
		}
	case ast.KindHTMLBlock:
		if c.Unsafe {
			w.WriteString(strings.Join(b.Lines, "\n") + "\n")
		} else {
			w.WriteString("<!-- raw HTML omitted -->\n")
		}
	}
}

var (
	codeSpan = regexp.MustCompile("`([^`]+)`")
	strong   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	emphasis = regexp.MustCompile(`\*([^*]+)\*`)
	link     = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	rawTag   = regexp.MustCompile(`&lt;(/?[a-zA-Z][^&]*)&gt;`)
)

// inline renders the inline markup of a block's text: code spans, strong, emphasis, links,
// raw HTML and line breaks.
func (c *Config) inline(s string) string {
	s = html.EscapeString(s)
	var codes []string
	s = codeSpan.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, "<code>"+m[1:len(m)-1]+"</code>")
		return "\x00"
	})
	s = strong.ReplaceAllString(s, "<strong>$1</strong>")
	s = emphasis.ReplaceAllString(s, "<em>$1</em>")
	s = link.ReplaceAllString(s, `<a href="$2">$1</a>`)
	if c.Unsafe {
		s = rawTag.ReplaceAllString(s, "<$1>")
	} else {
		s = rawTag.ReplaceAllString(s, "<!-- raw HTML omitted -->")
	}
	br := "\n"
	if c.HardWraps {
		br = "<br>\n"
		if c.XHTML {
			br = "<br />\n"
		}
	}
	s = strings.ReplaceAll(s, "\n", br)
	for _, code := range codes {
		s = strings.Replace(s, "\x00", code, 1)
	}
	return s
}
