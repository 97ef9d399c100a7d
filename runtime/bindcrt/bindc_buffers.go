// Zero-copy numeric slices: a []float64, []int32, []complex128... parameter given an object
// exporting the buffer protocol with the same element format (array.array('d'), a
// memoryview, a numpy array of float64, a bytearray cast to 'd') views the buffer's memory
// for the duration of the call instead of converting element by element.
//
//   - The buffer must be C-contiguous, with the Go element's size and one of its struct-module
//     codes (float64 'd', float32 'f', int64 'q'/'l', int32 'i', int16 'h', int8 'b', uint64
//     'Q'/'L', uint32 'I', uint16 'H', int 'q'/'l'/'n', uint 'Q'/'L'/'N', complex128 'Zd',
//     complex64 'Zf'; native or little-endian '<'/'=' on a little-endian host). Anything else
//     (a list, another format, a strided view) takes the element-wise path, which accepts any
//     sequence of numbers (a read-only one is copied in only, a list gets Go's writes back).
//   - A writable buffer is shared: what Go writes into the slice is in the buffer when the call
//     returns. A read-only buffer (bytes, a read-only memoryview) is copied into a Go slice
//     with one memmove, so Go may write into its copy.
//   - The buffer is held (PyObject_GetBuffer) until the trampoline returns, on every path
//     (result, error, panic): the exporter cannot resize or free it meanwhile (a bytearray
//     refuses to resize with BufferError). The Go function must not keep the slice after it
//     returns: the memory is Python's (as with any slice argument Go shares, document it).

package bindcrt

/*
#include <stdlib.h>
#include "py4go.h"
int py4go_bind_prefix_error(const char *fn, int pos);
int py4go_bind_numeric_buffer(PyObject *o, const char *codes, Py_ssize_t itemsize, Py_buffer *view);
void py4go_bind_numeric_buffer_release(Py_buffer *view);
void *py4go_bind_list_type(void);
PyObject *py4go_bind_array_from(const void *p, Py_ssize_t n, const char *typecode);
void *py4go_bind_tuple_type(void);
*/
import "C"

import (
	"sync"
	"unsafe"
)

// BindcNumber is the element type of a slice parameter that may view a buffer.
type BindcNumber interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 | ~complex64 | ~complex128
}

// BindcBufferView is the buffer a slice argument views during one call; the zero value holds
// none. Release it (deferred) when the call returns.
type BindcBufferView struct {
	view *C.Py_buffer // C memory: Python may keep pointers into the Py_buffer while it is held
}

// Release gives the buffer back to its exporter (a no-op when none is held).
func (v *BindcBufferView) Release() {
	if v.view == nil {
		return
	}
	C.py4go_bind_numeric_buffer_release(v.view)
	C.free(unsafe.Pointer(v.view))
	v.view = nil
}

// bufferCodes interns the C strings of the code lists (a handful, kept for the process's life).
var (
	bufferCodes   = map[string]*C.char{}
	bufferCodesMu sync.Mutex
)

// bindcPrefixError puts "fn() argument pos: " before the pending Python exception; -1.
func bindcPrefixError(fn string, pos int) int32 {
	cfn := C.CString(fn)
	defer C.free(unsafe.Pointer(cfn))
	return int32(C.py4go_bind_prefix_error(cfn, C.int(pos)))
}

// bufferCodesFor is the list of struct-module codes the element type T accepts; nil for a
// defined type (~float64), which keeps the element-wise path and its checks.
func bufferCodesFor[T BindcNumber]() *C.char {
	var zero T
	var codes string
	switch any(zero).(type) {
	case float64:
		codes = "d"
	case float32:
		codes = "f"
	case int64:
		codes = "q,l"
	case int:
		codes = "q,l,n"
	case int32:
		codes = "i,l"
	case int16:
		codes = "h"
	case int8:
		codes = "b"
	case uint64:
		codes = "Q,L"
	case uint, uintptr:
		codes = "Q,L,N"
	case uint32:
		codes = "I,L"
	case uint16:
		codes = "H"
	case complex128:
		codes = "Zd"
	case complex64:
		codes = "Zf"
	default:
		return nil
	}
	return cCodes(codes)
}

// cCodes is the interned C copy of a code list.
func cCodes(codes string) *C.char {
	bufferCodesMu.Lock()
	defer bufferCodesMu.Unlock()
	c, ok := bufferCodes[codes]
	if !ok {
		c = C.CString(codes)
		bufferCodes[codes] = c
	}
	return c
}

// BindcBufferSlice makes *into view the buffer of the object at p when it has one of T's
// format (see the file doc), holding it in *v. It returns 1 when it did (for a read-only
// buffer: *into is a copy and nothing is held), 0 when p has no such buffer (decode it
// element-wise), and -1 with a Python exception set (naming the argument) when taking the
// buffer failed.
func BindcBufferSlice[T BindcNumber](fn string, pos int, p unsafe.Pointer, into *[]T, v *BindcBufferView) int32 {
	if isListOrTuple(p) {
		return 0 // the common case costs no C call: read the object's type pointer here
	}
	codes := bufferCodesFor[T]()
	if codes == nil {
		return 0
	}
	var zero T
	size := C.Py_ssize_t(unsafe.Sizeof(zero))
	view := (*C.Py_buffer)(C.calloc(1, C.sizeof_Py_buffer))
	switch C.py4go_bind_numeric_buffer((*C.PyObject)(p), codes, size, view) {
	case 0:
		C.free(unsafe.Pointer(view))
		return 0
	case -1:
		C.free(unsafe.Pointer(view))
		return bindcPrefixError(fn, pos)
	case 2: // read-only: Go gets its own copy, nothing stays held
		*into = append([]T(nil), unsafe.Slice((*T)(view.buf), int(view.len/size))...)
		C.py4go_bind_numeric_buffer_release(view)
		C.free(unsafe.Pointer(view))
		return 1
	}
	*into = unsafe.Slice((*T)(view.buf), int(view.len/size))
	v.view = view
	return 1
}

// The addresses of PyList_Type and PyTuple_Type, read once.
var (
	seqTypesOnce         sync.Once
	listType, tupleTypeP unsafe.Pointer
)

// isListOrTuple reports whether the object at p is exactly a list or a tuple (which export no
// buffer), reading its ob_type, the second word of every PyObject in the (stable) ABI of the
// CPython builds bindc targets, so the element-wise path pays no extra cgo call.
func isListOrTuple(p unsafe.Pointer) bool {
	seqTypesOnce.Do(func() {
		listType, tupleTypeP = C.py4go_bind_list_type(), C.py4go_bind_tuple_type()
	})
	t := *(*unsafe.Pointer)(unsafe.Add(p, unsafe.Sizeof(uintptr(0))))
	return t == listType || t == tupleTypeP
}

// BindcArrayResult is a //py4go:buffer result: a new array.array of the slice's element
// type holding a copy of its elements (one memmove; a nil slice is an empty array), as a new
// reference, or nil with a Python exception set.
func BindcArrayResult[T BindcNumber](fn string, v []T) unsafe.Pointer {
	var zero T
	var code string
	switch any(zero).(type) {
	case float64:
		code = "d"
	case float32:
		code = "f"
	case int64, int:
		code = "q"
	case int32:
		code = "i"
	case int16:
		code = "h"
	case int8:
		code = "b"
	case uint64, uint, uintptr:
		code = "Q"
	case uint32:
		code = "I"
	case uint16:
		code = "H"
	default:
		panic("bindc: no array.array typecode for " + fn + "'s result") // the compiler refuses these
	}
	var p unsafe.Pointer
	if len(v) > 0 {
		p = unsafe.Pointer(unsafe.SliceData(v)) // read by C during this call only (no Go pointers inside)
	}
	return unsafe.Pointer(C.py4go_bind_array_from(p, C.Py_ssize_t(len(v)*int(unsafe.Sizeof(zero))), cCodes(code)))
}
