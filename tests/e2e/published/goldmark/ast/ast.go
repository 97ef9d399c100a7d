// Package ast defines AST nodes that represent markdown elements (a re-creation of part of
// github.com/yuin/goldmark/ast for bindc's end-to-end tests).
package ast

import (
	"fmt"
	"strings"
)

// NodeKind indicates more specific type than NodeType.
type NodeKind int

// Kinds of the nodes this parser produces.
const (
	KindDocument NodeKind = iota
	KindHeading
	KindParagraph
	KindFencedCodeBlock
	KindList
	KindListItem
	KindThematicBreak
	KindHTMLBlock
)

var kindNames = [...]string{"Document", "Heading", "Paragraph", "FencedCodeBlock", "List", "ListItem",
	"ThematicBreak", "HTMLBlock"}

// String implements fmt.Stringer.
func (k NodeKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("NodeKind(%d)", int(k))
}

// A Node interface defines basic AST node functionalities.
type Node interface {
	// Kind returns a kind of this node.
	Kind() NodeKind
	// ChildCount returns a total number of children.
	ChildCount() int
	// Text returns text values of this node.
	Text(source []byte) []byte
	// Dump dumps an AST tree structure to stdout.
	Dump(source []byte, level int)
}

// A BaseBlock struct implements the Node interface partialliy for block nodes.
type BaseBlock struct {
	NodeKind NodeKind
	Lines    []string
	Children []Node
	Level    int    // heading level, list nesting
	Info     string // a fenced code block's info string, a heading's id
}

// NewNode returns a block of kind k.
func NewNode(k NodeKind) *BaseBlock { return &BaseBlock{NodeKind: k} }

// Kind implements Node.Kind.
func (b *BaseBlock) Kind() NodeKind { return b.NodeKind }

// ChildCount implements Node.ChildCount.
func (b *BaseBlock) ChildCount() int { return len(b.Children) }

// AppendChild adds c as the last child of b.
func (b *BaseBlock) AppendChild(c Node) { b.Children = append(b.Children, c) }

// Text implements Node.Text: the lines of the block and its children, joined.
func (b *BaseBlock) Text(source []byte) []byte {
	parts := append([]string{}, b.Lines...)
	for _, c := range b.Children {
		parts = append(parts, string(c.Text(source)))
	}
	return []byte(strings.Join(parts, "\n"))
}

// Dump implements Node.Dump.
func (b *BaseBlock) Dump(source []byte, level int) {
	fmt.Printf("%s%s {\n", strings.Repeat("    ", level), b.NodeKind)
	for _, c := range b.Children {
		c.Dump(source, level+1)
	}
	fmt.Printf("%s}\n", strings.Repeat("    ", level))
}
