package gjson

import (
	"path"
	"strconv"
	"strings"
)

// splitPath splits a path at its unescaped dots, keeping the escapes (a component is matched
// with match, which reads them).
func splitPath(p string) []string {
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			cur.WriteByte(p[i])
			cur.WriteByte(p[i+1])
			i++
		case p[i] == '.':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(p[i])
		}
	}
	return append(parts, cur.String())
}

func get(r Result, parts []string) Result {
	for i, part := range parts {
		if !r.Exists() {
			return Result{}
		}
		if strings.HasPrefix(part, "@") && !DisableModifiers {
			name, arg, _ := strings.Cut(part[1:], ":")
			fn, ok := modifiers[name]
			if !ok {
				return Result{}
			}
			r = Parse(fn(r.Raw, arg))
			continue
		}
		if r.IsArray() {
			if part == "#" {
				if i == len(parts)-1 {
					n := len(r.Array())
					return Result{Type: Number, Num: float64(n), Raw: strconv.Itoa(n)}
				}
				var raws []string
				var idx []int
				for _, v := range r.Array() {
					if sub := get(v, parts[i+1:]); sub.Exists() {
						raws = append(raws, sub.Raw)
						idx = append(idx, sub.Index)
					}
				}
				return Result{Type: JSON, Raw: "[" + strings.Join(raws, ",") + "]", Indexes: idx}
			}
			n, err := strconv.Atoi(part)
			values := r.Array()
			if err != nil || n < 0 || n >= len(values) {
				return Result{}
			}
			r = values[n]
			continue
		}
		if !r.IsObject() {
			return Result{}
		}
		var found Result
		r.ForEach(func(key, value Result) bool {
			if match(key.Str, part) {
				found = value
				return false
			}
			return true
		})
		r = found
	}
	return r
}

// match reports whether key matches the path component pattern: '*' and '?' are wildcards,
// '\' escapes the next character.
func match(key, pattern string) bool {
	if !strings.ContainsAny(pattern, "*?\\") {
		return key == pattern
	}
	// path.Match knows *, ? and \ escapes; keys hold no '/' worth treating apart here.
	ok, err := path.Match(pattern, key)
	return err == nil && ok
}

// scanner reads one JSON value at a time, keeping its raw text.
type scanner struct {
	src string
	pos int
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t' || s.src[s.pos] == '\n' || s.src[s.pos] == '\r') {
		s.pos++
	}
}

// value reads the value at s.pos; base is the index of src in the original document.
func (s *scanner) value(base int) Result {
	start := s.pos
	if s.pos >= len(s.src) {
		return Result{}
	}
	switch c := s.src[s.pos]; {
	case c == '{' || c == '[':
		depth := 0
		for s.pos < len(s.src) {
			switch s.src[s.pos] {
			case '"':
				s.skipString()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.pos++
			if depth == 0 {
				break
			}
		}
		return Result{Type: JSON, Raw: s.src[start:s.pos], Index: base + start}
	case c == '"':
		s.skipString()
		raw := s.src[start:s.pos]
		str, err := strconv.Unquote(raw)
		if err != nil {
			str = unescape(raw[1 : len(raw)-1])
		}
		return Result{Type: String, Raw: raw, Str: str, Index: base + start}
	case c == 't':
		s.pos += 4
		return Result{Type: True, Raw: s.src[start:min(s.pos, len(s.src))], Index: base + start}
	case c == 'f':
		s.pos += 5
		return Result{Type: False, Raw: s.src[start:min(s.pos, len(s.src))], Index: base + start}
	case c == 'n':
		s.pos += 4
		return Result{Type: Null, Raw: s.src[start:min(s.pos, len(s.src))], Index: base + start}
	default:
		for s.pos < len(s.src) && strings.IndexByte("+-0123456789.eE", s.src[s.pos]) >= 0 {
			s.pos++
		}
		raw := s.src[start:s.pos]
		n, _ := strconv.ParseFloat(raw, 64)
		return Result{Type: Number, Raw: raw, Num: n, Index: base + start}
	}
}

func (s *scanner) skipString() {
	s.pos++
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case '\\':
			s.pos += 2
			continue
		case '"':
			s.pos++
			return
		}
		s.pos++
	}
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'u':
				if i+4 < len(s) {
					if r, err := strconv.ParseUint(s[i+1:i+5], 16, 32); err == nil {
						b.WriteRune(rune(r))
						i += 4
						continue
					}
				}
				b.WriteByte('u')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func parseInt(s string) (n int64, ok bool) {
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}
