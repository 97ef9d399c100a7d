package toml

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

type keyInfo struct {
	pos      Position
	tomlType string
}

// parser reads a whole TOML document into nested map[string]any values: tables are
// map[string]any, arrays []any, and scalars string, int64, float64, bool and time.Time.
type parser struct {
	src     string
	pos     int
	line    int
	mapping map[string]any
	keyInfo map[string]keyInfo
	ordered []Key
	current Key            // the table [header] being filled
	defined map[string]int // table keys: 1 implicit, 2 defined by a header, 3 inline/value
	lastKey string
}

type parseFailure struct{ err ParseError }

func parse(data string) (p *parser, err error) {
	p = &parser{
		src: data, line: 1,
		mapping: map[string]any{},
		keyInfo: map[string]keyInfo{},
		defined: map[string]int{},
	}
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(parseFailure)
			if !ok {
				panic(r)
			}
			err = f.err
		}
	}()
	if strings.HasPrefix(data, "\xef\xbb\xbf") {
		p.pos = 3
	}
	if !utf8.ValidString(data) {
		p.fail(1, "invalid UTF-8 in the input")
	}
	p.document()
	return p, nil
}

func (p *parser) fail(length int, format string, args ...any) {
	panic(parseFailure{ParseError{
		Message:  fmt.Sprintf(format, args...),
		Position: Position{Line: p.line, Start: p.pos, Len: length},
		LastKey:  p.lastKey,
		Line:     p.line,
		input:    p.src,
	}})
}

func (p *parser) eof() bool    { return p.pos >= len(p.src) }
func (p *parser) peek() byte   { return p.src[p.pos] }
func (p *parser) rest() string { return p.src[p.pos:] }

// skip passes spaces and tabs; with newlines also newlines and comments.
func (p *parser) skip(newlines bool) {
	for !p.eof() {
		switch c := p.peek(); {
		case c == ' ' || c == '\t':
			p.pos++
		case c == '#':
			for !p.eof() && p.peek() != '\n' {
				p.pos++
			}
		case newlines && (c == '\n' || c == '\r'):
			if c == '\n' {
				p.line++
			}
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) endOfLine() {
	p.skip(false)
	if p.eof() {
		return
	}
	if strings.HasPrefix(p.rest(), "\r\n") {
		p.pos += 2
		p.line++
		return
	}
	if p.peek() != '\n' {
		p.fail(1, "expected a newline or end of file after a value, found %q", p.peek())
	}
	p.pos++
	p.line++
}

func (p *parser) document() {
	for {
		p.skip(true)
		if p.eof() {
			return
		}
		if strings.HasPrefix(p.rest(), "[[") {
			p.pos += 2
			key := p.key()
			p.expect("]]")
			p.arrayTable(key)
		} else if p.peek() == '[' {
			p.pos++
			key := p.key()
			p.expect("]")
			p.table(key)
		} else {
			p.keyValue(p.current, p.tableAt(p.current))
		}
		p.endOfLine()
	}
}

func (p *parser) expect(s string) {
	p.skip(false)
	if !strings.HasPrefix(p.rest(), s) {
		found := "end of file"
		if !p.eof() {
			found = strconv.QuoteRune(rune(p.peek()))
		}
		p.fail(1, "expected %q, found %s", s, found)
	}
	p.pos += len(s)
}

// key reads a dotted key: bare or quoted parts separated by dots.
func (p *parser) key() Key {
	var key Key
	for {
		p.skip(false)
		if p.eof() {
			p.fail(1, "expected a key, found end of file")
		}
		switch c := p.peek(); {
		case c == '"':
			key = append(key, p.basicString())
		case c == '\'':
			key = append(key, p.literalString())
		case isBareKeyChar(rune(c)):
			start := p.pos
			for !p.eof() && isBareKeyChar(rune(p.peek())) {
				p.pos++
			}
			key = append(key, p.src[start:p.pos])
		default:
			p.fail(1, "expected a key, found %q", c)
		}
		p.skip(false)
		if p.eof() || p.peek() != '.' {
			return key
		}
		p.pos++
	}
}

func isBareKeyChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

func (p *parser) record(key Key, tomlType string, start int) {
	k := key.String()
	if _, ok := p.keyInfo[k]; !ok {
		p.ordered = append(p.ordered, key)
	}
	p.keyInfo[k] = keyInfo{pos: Position{Line: p.line, Start: start, Len: p.pos - start}, tomlType: tomlType}
}

// tableAt returns the table at key, creating implicit tables on the way; through an array of
// tables it follows the last element.
func (p *parser) tableAt(key Key) map[string]any {
	t := p.mapping
	for i, part := range key {
		switch v := t[part].(type) {
		case nil:
			n := map[string]any{}
			t[part] = n
			p.defined[key[:i+1].String()] = 1
			p.record(append(Key{}, key[:i+1]...), "Hash", p.pos)
			t = n
		case map[string]any:
			t = v
		case []map[string]any:
			t = v[len(v)-1]
		default:
			p.lastKey = key[:i+1].String()
			p.fail(len(part), "key %q is a %s, not a table", key[:i+1].String(), tomlTypeName(v))
		}
	}
	return t
}

func (p *parser) table(key Key) {
	k := key.String()
	p.lastKey = k
	if p.defined[k] >= 2 {
		p.fail(len(k), "table %q was already defined", k)
	}
	start := p.pos
	p.tableAt(key)
	p.defined[k] = 2
	p.record(key, "Hash", start)
	p.current = key
}

func (p *parser) arrayTable(key Key) {
	parent := p.tableAt(key[:len(key)-1])
	last := key[len(key)-1]
	p.lastKey = key.String()
	switch v := parent[last].(type) {
	case nil:
		parent[last] = []map[string]any{{}}
	case []map[string]any:
		parent[last] = append(v, map[string]any{})
	default:
		p.fail(len(last), "key %q was already created as a %s and cannot be used as an array of tables", key.String(), tomlTypeName(v))
	}
	p.record(key, "ArrayHash", p.pos)
	p.current = key
}

func (p *parser) keyValue(context Key, table map[string]any) {
	start := p.pos
	key := p.key()
	full := append(append(Key{}, context...), key...)
	p.lastKey = full.String()
	p.expect("=")
	p.skip(false)
	value, tomlType := p.value()
	t := table
	for i, part := range key[:len(key)-1] {
		switch v := t[part].(type) {
		case nil:
			n := map[string]any{}
			t[part] = n
			sub := append(append(Key{}, context...), key[:i+1]...)
			p.defined[sub.String()] = 1
			p.record(sub, "Hash", start)
			t = n
		case map[string]any:
			t = v
		default:
			p.fail(len(part), "key %q is a %s, not a table", part, tomlTypeName(v))
		}
	}
	last := key[len(key)-1]
	if _, ok := t[last]; ok {
		p.pos = start
		p.fail(len(last), "key %q has already been defined", full.String())
	}
	t[last] = value
	p.defined[full.String()] = 3
	p.record(full, tomlType, start)
}

func (p *parser) value() (any, string) {
	if p.eof() {
		p.fail(1, "expected a value, found end of file")
	}
	rest := p.rest()
	switch c := p.peek(); {
	case strings.HasPrefix(rest, `"""`):
		return p.multilineBasic(), "String"
	case strings.HasPrefix(rest, "'''"):
		return p.multilineLiteral(), "String"
	case c == '"':
		return p.basicString(), "String"
	case c == '\'':
		return p.literalString(), "String"
	case strings.HasPrefix(rest, "true") && !isBareKeyChar(runeAt(rest, 4)):
		p.pos += 4
		return true, "Bool"
	case strings.HasPrefix(rest, "false") && !isBareKeyChar(runeAt(rest, 5)):
		p.pos += 5
		return false, "Bool"
	case c == '[':
		return p.array(), "Array"
	case c == '{':
		return p.inlineTable(), "Hash"
	}
	return p.numberOrDate()
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	return rune(s[i])
}

func (p *parser) array() []any {
	p.pos++ // [
	arr := []any{}
	for {
		p.skip(true)
		if p.eof() {
			p.fail(1, "unexpected end of file in an array")
		}
		if p.peek() == ']' {
			p.pos++
			return arr
		}
		v, _ := p.value()
		arr = append(arr, v)
		p.skip(true)
		if !p.eof() && p.peek() == ',' {
			p.pos++
			continue
		}
		p.skip(true)
		if p.eof() || p.peek() != ']' {
			p.fail(1, "expected a comma or ']' after an array element")
		}
	}
}

func (p *parser) inlineTable() map[string]any {
	p.pos++ // {
	t := map[string]any{}
	saved := p.lastKey
	context := Key{}
	if saved != "" {
		context = nil
	}
	p.skip(false)
	if !p.eof() && p.peek() == '}' {
		p.pos++
		return t
	}
	for {
		p.keyValueInline(context, t)
		p.skip(false)
		if p.eof() {
			p.fail(1, "unexpected end of file in an inline table")
		}
		if p.peek() == '}' {
			p.pos++
			p.lastKey = saved
			return t
		}
		if p.peek() != ',' {
			p.fail(1, "expected a comma or '}' in an inline table, found %q", p.peek())
		}
		p.pos++
	}
}

// keyValueInline is keyValue for an inline table: its keys are not recorded in MetaData
// separately, as the table value itself is.
func (p *parser) keyValueInline(context Key, table map[string]any) {
	p.skip(false)
	key := p.key()
	p.expect("=")
	p.skip(false)
	value, _ := p.value()
	t := table
	for _, part := range key[:len(key)-1] {
		n, ok := t[part].(map[string]any)
		if !ok {
			n = map[string]any{}
			t[part] = n
		}
		t = n
	}
	last := key[len(key)-1]
	if _, ok := t[last]; ok {
		p.fail(len(last), "key %q has already been defined", last)
	}
	t[last] = value
}

var escapes = map[byte]string{'b': "\b", 't': "\t", 'n': "\n", 'f': "\f", 'r': "\r", '"': "\"", '\\': "\\", 'e': "\x1b"}

func (p *parser) escape(b *strings.Builder) {
	p.pos++ // backslash
	if p.eof() {
		p.fail(1, "unexpected end of file in an escape sequence")
	}
	c := p.peek()
	if s, ok := escapes[c]; ok {
		b.WriteString(s)
		p.pos++
		return
	}
	n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[c]
	if n == 0 || p.pos+1+n > len(p.src) {
		p.fail(2, "invalid escape sequence: \\%c", c)
	}
	code, err := strconv.ParseUint(p.src[p.pos+1:p.pos+1+n], 16, 32)
	if err != nil || !utf8.ValidRune(rune(code)) {
		p.fail(n+2, "invalid escape sequence: \\%s", p.src[p.pos:p.pos+1+n])
	}
	b.WriteRune(rune(code))
	p.pos += 1 + n
}

func (p *parser) basicString() string {
	p.pos++ // "
	var b strings.Builder
	for {
		if p.eof() || p.peek() == '\n' {
			p.fail(1, `unexpected end of line in a string; expected '"'`)
		}
		switch c := p.peek(); c {
		case '"':
			p.pos++
			return b.String()
		case '\\':
			p.escape(&b)
		default:
			if c < 0x20 && c != '\t' {
				p.fail(1, "control character %q in a string", c)
			}
			b.WriteByte(c)
			p.pos++
		}
	}
}

func (p *parser) literalString() string {
	p.pos++ // '
	end := strings.IndexAny(p.rest(), "'\n")
	if end < 0 || p.src[p.pos+end] == '\n' {
		p.fail(1, "unexpected end of line in a literal string; expected \"'\"")
	}
	s := p.src[p.pos : p.pos+end]
	p.pos += end + 1
	return s
}

func (p *parser) multilineBasic() string {
	p.pos += 3
	p.trimFirstNewline()
	var b strings.Builder
	for {
		if p.eof() {
			p.fail(1, `unexpected end of file in a multi-line string; expected '"""'`)
		}
		rest := p.rest()
		switch {
		case strings.HasPrefix(rest, `"""`):
			p.pos += 3
			for i := 0; i < 2 && !p.eof() && p.peek() == '"'; i++ { // up to two quotes before the end
				b.WriteByte('"')
				p.pos++
			}
			return b.String()
		case rest[0] == '\\':
			// A line-ending backslash trims all whitespace up to the next non-blank.
			j := 1
			for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
				j++
			}
			if j < len(rest) && (rest[j] == '\n' || strings.HasPrefix(rest[j:], "\r\n")) {
				p.pos += j
				p.skipBlank()
				continue
			}
			p.escape(&b)
		default:
			if rest[0] == '\n' {
				p.line++
			}
			b.WriteByte(rest[0])
			p.pos++
		}
	}
}

func (p *parser) skipBlank() {
	for !p.eof() && strings.IndexByte(" \t\r\n", p.peek()) >= 0 {
		if p.peek() == '\n' {
			p.line++
		}
		p.pos++
	}
}

func (p *parser) multilineLiteral() string {
	p.pos += 3
	p.trimFirstNewline()
	end := strings.Index(p.rest(), "'''")
	if end < 0 {
		p.fail(1, "unexpected end of file in a multi-line literal string; expected \"'''\"")
	}
	for end+3 < len(p.rest()) && p.rest()[end+3] == '\'' && end < len(p.rest()) {
		end++
	}
	s := p.src[p.pos : p.pos+end]
	p.line += strings.Count(s, "\n")
	p.pos += end + 3
	return s
}

func (p *parser) trimFirstNewline() {
	if strings.HasPrefix(p.rest(), "\r\n") {
		p.pos += 2
		p.line++
	} else if strings.HasPrefix(p.rest(), "\n") {
		p.pos++
		p.line++
	}
}

func (p *parser) numberOrDate() (any, string) {
	start := p.pos
	for !p.eof() && strings.IndexByte("0123456789abcdefABCDEFxXoO_+-.:TtZz", p.peek()) >= 0 ||
		!p.eof() && p.peek() == ' ' && p.pos > start && p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]) && looksLikeDate(p.src[start:p.pos]) {
		p.pos++
	}
	for !p.eof() && (p.peek() == 'i' || p.peek() == 'n') { // inf, nan
		for !p.eof() && strings.IndexByte("infa", p.peek()) >= 0 {
			p.pos++
		}
	}
	text := p.src[start:p.pos]
	if text == "" {
		p.pos = start
		p.fail(1, "expected a value, found %q", p.peek())
	}
	if t, ok := parseDatetime(text); ok {
		return t, "Datetime"
	}
	if n, ok := parseInteger(text); ok {
		return n, "Integer"
	}
	if f, ok := parseFloat(text); ok {
		return f, "Float"
	}
	p.pos = start
	p.fail(len(text), "invalid value: %q", text)
	return nil, ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func looksLikeDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-'
}

func parseInteger(s string) (int64, bool) {
	if strings.Contains(s, "__") || strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") {
		return 0, false
	}
	clean := strings.ReplaceAll(s, "_", "")
	base := 10
	switch {
	case strings.HasPrefix(clean, "0x"):
		base, clean = 16, clean[2:]
	case strings.HasPrefix(clean, "0o"):
		base, clean = 8, clean[2:]
	case strings.HasPrefix(clean, "0b"):
		base, clean = 2, clean[2:]
	default:
		digits := strings.TrimLeft(clean, "+-")
		if len(digits) > 1 && digits[0] == '0' {
			return 0, false // leading zeros are not allowed
		}
	}
	n, err := strconv.ParseInt(clean, base, 64)
	return n, err == nil
}

func parseFloat(s string) (float64, bool) {
	switch strings.TrimLeft(s, "+-") {
	case "inf":
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	if strings.Contains(s, "__") || strings.HasSuffix(s, "_") || strings.Contains(s, "_.") || strings.Contains(s, "._") {
		return 0, false
	}
	clean := strings.ReplaceAll(s, "_", "")
	if strings.HasPrefix(clean, ".") || strings.HasSuffix(clean, ".") || strings.Contains(clean, ".e") {
		return 0, false
	}
	f, err := strconv.ParseFloat(clean, 64)
	return f, err == nil
}

// localDatetime marks datetimes without an offset, as the original's internal.LocalDatetime.
var localDatetime = time.FixedZone("datetime-local", 0)
var localDate = time.FixedZone("date-local", 0)
var localTime = time.FixedZone("time-local", 0)

func parseDatetime(s string) (time.Time, bool) {
	s = strings.Replace(s, " ", "T", 1)
	for _, f := range []struct {
		layout string
		zone   *time.Location
	}{
		{"2006-01-02T15:04:05.999999999Z07:00", nil},
		{"2006-01-02T15:04:05.999999999", localDatetime},
		{"2006-01-02", localDate},
		{"15:04:05.999999999", localTime},
	} {
		var t time.Time
		var err error
		if f.zone == nil {
			t, err = time.Parse(f.layout, strings.Replace(s, "z", "Z", 1))
		} else {
			t, err = time.ParseInLocation(f.layout, s, f.zone)
		}
		if err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func tomlTypeName(v any) string {
	switch v.(type) {
	case string:
		return "String"
	case int64:
		return "Integer"
	case float64:
		return "Float"
	case bool:
		return "Boolean"
	case time.Time:
		return "Datetime"
	case []any:
		return "Array"
	case []map[string]any:
		return "ArrayHash"
	case map[string]any:
		return "Hash"
	}
	return fmt.Sprintf("%T", v)
}
