// Package text provides functionalities to manipulate texts (a re-creation of part of
// github.com/yuin/goldmark/text for bindc's end-to-end tests).
package text

// A Reader interface provides abstracted method for reading text.
type Reader interface {
	// Source returns a source of the reader.
	Source() []byte
	// Lines returns the source split into lines, without their line endings.
	Lines() []string
}

type reader struct {
	source []byte
}

// NewReader return a new Reader that can read UTF-8 bytes .
func NewReader(source []byte) Reader {
	return &reader{source: source}
}

func (r *reader) Source() []byte { return r.source }

func (r *reader) Lines() []string {
	var lines []string
	start := 0
	for i, c := range r.source {
		if c == '\n' {
			end := i
			if end > start && r.source[end-1] == '\r' {
				end--
			}
			lines = append(lines, string(r.source[start:end]))
			start = i + 1
		}
	}
	if start < len(r.source) {
		lines = append(lines, string(r.source[start:]))
	}
	return lines
}
