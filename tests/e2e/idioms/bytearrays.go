package idioms

import "crypto/sha256"

// ID is a value class over a byte array.
type ID [4]byte

// Hex is the ID in hexadecimal.
func (id ID) Hex() string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(id))
	for _, b := range id {
		out = append(out, digits[b>>4], digits[b&15])
	}
	return string(out)
}

// Digest is a named byte array without methods.
type Digest [32]byte

// Hash is sha256 of data.
func Hash(data []byte) Digest { return sha256.Sum256(data) }

// First returns the first byte of b.
func First(b [4]byte) byte { return b[0] }

// MakeID returns an ID.
func MakeID() ID { return ID{1, 2, 3, 4} }

// Raw returns a byte array.
func Raw() [4]byte { return [4]byte{1, 2, 3, 4} }

// IDs returns byte arrays in a slice.
func IDs() [][4]byte { return [][4]byte{{1}, {2}} }

// Stamp is a struct with a byte array field.
type Stamp struct {
	Key [4]byte
}

// EachID calls f with each of two byte arrays and collects the results.
func EachID(f func([4]byte) int) []int { return []int{f([4]byte{9}), f([4]byte{1, 2, 3, 4})} }
