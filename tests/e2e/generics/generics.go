// Package generics exercises generic functions bound per instantiation
// (//py4go:instantiate) by bindc.
package generics

import (
	"cmp"
	"fmt"
	"strings"
)

// Number is the type set Sum and Scale accept.
type Number interface {
	~int | ~int64 | ~float64
}

// Celsius is a defined numeric type (its underlying type is float64).
type Celsius float64

// IDs is a defined slice type.
type IDs []int

// Map applies f to every element of s.
//
//py4go:instantiate Map[int, string]
//py4go:instantiate Map[string, int] lengths
func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

// Sum adds its arguments.
//
//py4go:instantiate Sum[int]
//py4go:instantiate Sum[float64]
//py4go:instantiate Sum[Celsius]
func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

// Largest returns the largest element and its index; it panics on an empty slice.
//
//py4go:instantiate Largest[[]string]
//py4go:instantiate Largest[IDs] largest_id
func Largest[S ~[]E, E cmp.Ordered](s S) (E, int) {
	best := 0
	for i := range s {
		if s[i] > s[best] {
			best = i
		}
	}
	return s[best], best
}

// Count counts each distinct element.
//
//py4go:instantiate Count[string]
//py4go:instantiate Count[bool]
func Count[K comparable](xs []K) map[K]int {
	out := make(map[K]int)
	for _, x := range xs {
		out[x]++
	}
	return out
}

// Pairs joins keys and values as "k=v", sorted by key.
//
//py4go:instantiate Pairs[map[string]float64]
func Pairs[M ~map[K]V, K cmp.Ordered, V any](m M) []string {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, fmt.Sprint(k, "=", m[k]))
	}
	return out
}

// Find returns the first element for which ok is true, or an error.
//
//py4go:instantiate Find[string]
func Find[T any](xs []T, ok func(T) bool) (T, error) {
	for _, x := range xs {
		if ok(x) {
			return x, nil
		}
	}
	var zero T
	return zero, fmt.Errorf("no element of %d matches", len(xs))
}

// Fill sets every element to v (Go writes into the caller's list).
//
//py4go:instantiate Fill[float64]
func Fill[T any](xs []T, v T) {
	for i := range xs {
		xs[i] = v
	}
}

// Repeat is instantiated only from the command line (--instantiate).
func Repeat[T any](v T, n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// Shout is an ordinary function next to the generic ones.
func Shout(s string) string { return strings.ToUpper(s) + "!" }

// Set is a set of comparable values.
//
//py4go:instantiate Set[string]
//py4go:instantiate Set[int] IntSet
type Set[T comparable] struct {
	m map[T]struct{}
}

// NewSet makes a set holding xs.
//
//py4go:instantiate NewSet[string]
//py4go:instantiate NewSet[int] new_int_set
func NewSet[T comparable](xs ...T) *Set[T] {
	s := &Set[T]{}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

// Add adds v (a zero Set is ready to use).
func (s *Set[T]) Add(v T) {
	if s.m == nil {
		s.m = map[T]struct{}{}
	}
	s.m[v] = struct{}{}
}

// Has reports whether v is in the set.
func (s *Set[E]) Has(v E) bool { _, ok := s.m[v]; return ok }

// Len is the number of elements.
func (s *Set[T]) Len() int { return len(s.m) }

// Union is a new set holding the elements of both.
func (s *Set[T]) Union(o *Set[T]) *Set[T] {
	out := &Set[T]{}
	for k := range s.m {
		out.Add(k)
	}
	for k := range o.m {
		out.Add(k)
	}
	return out
}

// Pair is a key and a value.
//
//py4go:instantiate Pair[string, float64]
type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

// Parts returns the key and the value.
func (p Pair[K, V]) Parts() (K, V) { return p.Key, p.Value }

// Node is a singly linked list of T.
//
//py4go:instantiate Node[int]
type Node[T any] struct {
	Value T
	Next  *Node[T]
}

// Sum adds the values from n to the end of the list.
//
//py4go:instantiate SumList[int]
func SumList[T Number](n *Node[T]) T {
	var total T
	for ; n != nil; n = n.Next {
		total += n.Value
	}
	return total
}

// Box is a generic type nobody instantiated.
type Box[T any] struct{ V T }

// Stack is a LIFO of T (a defined slice type: a value class, and a MutableSequence).
//
//py4go:instantiate Stack[float64]
type Stack[T any] []T

// Push adds v on top.
func (s *Stack[T]) Push(v T) { *s = append(*s, v) }

// Pop removes the top value; it panics on an empty stack.
func (s *Stack[T]) Pop() T {
	v := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return v
}

// String describes the stack.
func (s Stack[T]) String() string { return fmt.Sprint([]T(s)) }
