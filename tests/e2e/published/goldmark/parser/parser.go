// Package parser contains stuff that are related to parsing a Markdown text (a re-creation of
// part of github.com/yuin/goldmark/parser for bindc's end-to-end tests: ATX headings,
// paragraphs, fenced code blocks, bullet lists, thematic breaks and HTML blocks).
package parser

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// OptionName is a name of parser options.
type OptionName string

// Attribute is an option name that spacify attributes of elements.
const optAttribute OptionName = "Attribute"

// AutoHeadingID is an option name that enables auto IDs for headings.
const optAutoHeadingID OptionName = "AutoHeadingID"

// A Config struct is a data structure that holds configuration of the Parser.
type Config struct {
	Options       map[OptionName]interface{}
	AutoHeadingID bool
	Attribute     bool
}

// NewConfig returns a new Config.
func NewConfig() *Config {
	return &Config{Options: map[OptionName]interface{}{}}
}

// An Option interface is a functional option type for the Parser.
type Option interface {
	SetParserOption(*Config)
}

type withAutoHeadingID struct{}

func (o *withAutoHeadingID) SetParserOption(c *Config) {
	c.Options[optAutoHeadingID] = true
	c.AutoHeadingID = true
}

// WithAutoHeadingID is a functional option that enables custom heading ids and
// auto generated heading ids.
func WithAutoHeadingID() Option {
	return &withAutoHeadingID{}
}

type withAttribute struct{}

func (o *withAttribute) SetParserOption(c *Config) {
	c.Options[optAttribute] = true
	c.Attribute = true
}

// WithAttribute is a functional option that enables custom attributes.
func WithAttribute() Option {
	return &withAttribute{}
}

// ContextKey is a key that is used to set arbitrary values to the context.
type ContextKey int

var contextKeySize ContextKey

// NewContextKey return a new ContextKey value.
func NewContextKey() ContextKey {
	contextKeySize++
	return contextKeySize
}

// A Context interface holds a information that are necessary to parse
// Markdown text.
type Context interface {
	// Get returns a value associated with the given key.
	Get(ContextKey) interface{}
	// Set sets the given value to the context.
	Set(ContextKey, interface{})
	// IDs returns the heading ids generated so far, in order.
	IDs() []string
}

type parseContext struct {
	store map[ContextKey]interface{}
	ids   []string
}

// NewContext returns a new Context.
func NewContext() Context {
	return &parseContext{store: map[ContextKey]interface{}{}}
}

func (p *parseContext) Get(key ContextKey) interface{}    { return p.store[key] }
func (p *parseContext) Set(key ContextKey, v interface{}) { p.store[key] = v }
func (p *parseContext) IDs() []string                     { return p.ids }

// A ParseConfig struct is a data structure that holds configuration of the Parser.Parse.
type ParseConfig struct {
	Context Context
}

// A ParseOption is a functional option type for the Parser.Parse.
type ParseOption func(c *ParseConfig)

// WithContext is a functional option that allow you to override
// a default context.
func WithContext(context Context) ParseOption {
	return func(c *ParseConfig) {
		c.Context = context
	}
}

// A Parser interface parses Markdown text into AST nodes.
type Parser interface {
	// Parse parses the given Markdown text into AST nodes.
	Parse(reader text.Reader, opts ...ParseOption) ast.Node

	// AddOptions adds the given option to this parser.
	AddOptions(...Option)
}

type parser struct {
	config *Config
}

// NewParser returns a new Parser with given options.
func NewParser(options ...Option) Parser {
	p := &parser{config: NewConfig()}
	p.AddOptions(options...)
	return p
}

func (p *parser) AddOptions(opts ...Option) {
	for _, o := range opts {
		o.SetParserOption(p.config)
	}
}

var (
	atxHeading = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	fence      = regexp.MustCompile("^ {0,3}(```+|~~~+)[ \t]*([^ \t`]*)")
	bullet     = regexp.MustCompile(`^ {0,3}[-*+][ \t]+(.*)$`)
	thematic   = regexp.MustCompile(`^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$`)
	htmlBlock  = regexp.MustCompile(`^ {0,3}<(/?[a-zA-Z][a-zA-Z0-9-]*|!--)`)
	nonID      = regexp.MustCompile(`[^a-z0-9_-]+`)
)

func (p *parser) Parse(reader text.Reader, opts ...ParseOption) ast.Node {
	pc := &ParseConfig{}
	for _, o := range opts {
		o(pc)
	}
	if pc.Context == nil {
		pc.Context = NewContext()
	}
	ctx, _ := pc.Context.(*parseContext)
	doc := ast.NewNode(ast.KindDocument)
	lines := reader.Lines()
	var para, list *ast.BaseBlock
	closeBlocks := func() { para, list = nil, nil }
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			closeBlocks()
		case thematic.MatchString(line):
			closeBlocks()
			doc.AppendChild(ast.NewNode(ast.KindThematicBreak))
		case atxHeading.MatchString(line):
			closeBlocks()
			m := atxHeading.FindStringSubmatch(line)
			h := ast.NewNode(ast.KindHeading)
			h.Level = len(m[1])
			h.Lines = []string{m[2]}
			if p.config.AutoHeadingID {
				h.Info = p.headingID(m[2], ctx)
			}
			doc.AppendChild(h)
		case fence.MatchString(line):
			closeBlocks()
			m := fence.FindStringSubmatch(line)
			code := ast.NewNode(ast.KindFencedCodeBlock)
			code.Info = m[2]
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimLeft(lines[i], " "), m[1]); i++ {
				code.Lines = append(code.Lines, lines[i])
			}
			doc.AppendChild(code)
		case bullet.MatchString(line):
			para = nil
			if list == nil {
				list = ast.NewNode(ast.KindList)
				doc.AppendChild(list)
			}
			item := ast.NewNode(ast.KindListItem)
			item.Lines = []string{bullet.FindStringSubmatch(line)[1]}
			list.AppendChild(item)
		case para == nil && htmlBlock.MatchString(line):
			closeBlocks()
			block := ast.NewNode(ast.KindHTMLBlock)
			for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
				block.Lines = append(block.Lines, lines[i])
			}
			doc.AppendChild(block)
		default:
			if list != nil && para == nil && strings.HasPrefix(line, "  ") { // a lazy continuation
				item := list.Children[len(list.Children)-1].(*ast.BaseBlock)
				item.Lines = append(item.Lines, strings.TrimSpace(line))
				continue
			}
			list = nil
			if para == nil {
				para = ast.NewNode(ast.KindParagraph)
				doc.AppendChild(para)
			}
			para.Lines = append(para.Lines, strings.TrimLeft(line, " \t"))
		}
	}
	return doc
}

// headingID makes a unique id from a heading's text, as goldmark's default IDs do.
func (p *parser) headingID(title string, ctx *parseContext) string {
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if id == "" {
		id = "heading"
	}
	if ctx == nil {
		return id
	}
	unique := id
	for n := 1; contains(ctx.ids, unique); n++ {
		unique = id + "-" + itoa(n)
	}
	ctx.ids = append(ctx.ids, unique)
	return unique
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
