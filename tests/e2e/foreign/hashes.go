package foreign

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
)

// Digest returns a SHA-256 hash.Hash; its Go type (*sha256.digest) is unexported, so
// Python gets an instance of GoHash, the class of hash.Hash values.
func Digest() hash.Hash { return sha256.New() }

// CRC returns a hash.Hash32 (GoHash32: hash.Hash's methods and Sum32).
func CRC() hash.Hash32 { return crc32.NewIEEE() }

// SumOf writes b into h and returns its sum: a GoHash goes back to Go as itself.
func SumOf(h hash.Hash, b []byte) []byte {
	h.Write(b)
	return h.Sum(nil)
}

// CountRunes reads r to its end (io.EOF) and counts the runes: a Python object with a
// read_rune() method (returning (rune, size), raising at the end) implements io.RuneReader.
func CountRunes(r io.RuneReader) (int, error) {
	n := 0
	for {
		_, _, err := r.ReadRune()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// SumWith makes a hash with newHash (hmac.New's idiom: a func returning an interface of
// another package), writes b into it and returns its sum: the Python callable may return a
// GoHash (digest) or any object with hash.Hash's methods (its proxy).
func SumWith(newHash func() hash.Hash, b []byte) []byte {
	h := newHash()
	h.Write(b)
	return h.Sum(nil)
}

// Chunks reads its data n bytes at a time and returns the last bytes together with io.EOF,
// as io.Reader's contract allows (gzip.Reader does): Python gets n, then 0 at the end.
type Chunks struct {
	data []byte
	n    int
}

// NewChunks reads data n bytes at a time.
func NewChunks(data []byte, n int) *Chunks { return &Chunks{data, n} }

// Read copies up to n bytes into p; the last ones come with io.EOF.
func (c *Chunks) Read(p []byte) (int, error) {
	k := copy(p[:min(len(p), c.n)], c.data)
	c.data = c.data[k:]
	if len(c.data) == 0 {
		return k, io.EOF
	}
	return k, nil
}

// Next returns the next byte, or io.EOF at the end (csv.Reader.Read's, xml.Decoder.Token's
// idiom): Python gets py4go.GoEOF, a GoError that is also an EOFError.
func (c *Chunks) Next() (byte, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	b := c.data[0]
	c.data = c.data[1:]
	return b, nil
}

// Truncated is an error wrapping io.EOF: still the end of input to Python (EOFError).
func Truncated() error { return fmt.Errorf("header: %w", io.EOF) }
