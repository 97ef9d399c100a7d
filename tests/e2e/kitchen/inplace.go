package kitchen

import "encoding/json"

// Negate negates every element of xs in place (a list argument is written back).
func Negate(xs []int) {
	for i := range xs {
		xs[i] = -xs[i]
	}
}

// Fill sets every byte of p to 'x' and returns len(p), like io.Reader.Read (a bytearray
// argument is written back).
func Fill(p []byte) int {
	for i := range p {
		p[i] = 'x'
	}
	return len(p)
}

// Key returns b with its first byte inverted ([N]byte is bytes both ways).
func Key(b [4]byte) [4]byte {
	b[0] ^= 0xff
	return b
}

// Unmarshal is json.Unmarshal: v is an out-parameter (a dict or list is filled).
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// Word is a defined integer without methods (like math/big's Word): a []Word crosses as a
// list of ints, each range-checked for uint16.
type Word uint16

// Words returns every element of ws doubled (uint16 wraps).
func Words(ws []Word) []Word {
	out := make([]Word, len(ws))
	for i, w := range ws {
		out[i] = 2 * w
	}
	return out
}
