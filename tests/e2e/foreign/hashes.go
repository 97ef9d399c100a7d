package foreign

import (
	"crypto/sha256"
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
