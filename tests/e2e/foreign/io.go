package foreign

import (
	"bufio"
	"io"
	"strings"
)

// ReadAll reads r to the end.
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

// CountLines counts the lines r holds, reading it in a goroutine.
func CountLines(r io.Reader) (int, error) {
	type result struct {
		n   int
		err error
	}
	done := make(chan result)
	go func() {
		s := bufio.NewScanner(r)
		n := 0
		for s.Scan() {
			n++
		}
		done <- result{n, s.Err()}
	}()
	res := <-done
	return res.n, res.err
}

// Upper copies r to w in upper case.
func Upper(w io.Writer, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, strings.ToUpper(string(data)))
	return err
}

// Concat reads every reader in turn.
func Concat(rs ...io.Reader) ([]byte, error) { return io.ReadAll(io.MultiReader(rs...)) }

// Same returns r itself.
func SameReader(r io.Reader) io.Reader { return r }
