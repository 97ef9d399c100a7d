// io.Reader parameters from Python: bytes-like objects and binary file-like objects.
//
// A bytes, bytearray or memoryview (any buffer) is copied once into a *bytes.Reader. Any
// other object with a read method (a file opened "rb", io.BytesIO, a socket file, a
// RawIOBase subclass) is wrapped in a proxy whose Read calls the object's read(len(p)) with
// the GIL taken, from any goroutine: b"" is io.EOF, a str (a text file) an error naming the
// method. A bound instance whose Go type implements io.Reader (a *bytes.Buffer bound as a
// class) passes its Go value. Handed back to Python, the proxy is the original object.

package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"unsafe"
)

var (
	bindcReaderType = reflect.TypeOf((*io.Reader)(nil)).Elem()
	// bindcReaderName names the interface in errors (C memory for the life of the process).
	bindcReaderName = unsafe.Pointer(C.CString("io.Reader"))
	bindcReadName   = unsafe.Pointer(C.CString("read"))
)

// bindcPyReader is an io.Reader implemented by a Python object's read method.
type bindcPyReader struct{ BindcProxy }

// Read reads up to len(p) bytes with the object's read(len(p)).
func (r bindcPyReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	// One crossing: the call and the decoding of its bytes happen under one GIL acquisition.
	var data []byte
	if err := BindcProxyCall(r.BindcProxy, "Read", "read", []any{len(p)}, &data); err != nil {
		var ce *ConversionError
		if errors.As(err, &ce) {
			return 0, errors.New("python: io.Reader.Read (Python method read()) must return bytes: " + ce.Message)
		}
		return 0, err
	}
	if len(data) > len(p) {
		return 0, errors.New("python: io.Reader.Read (Python method read()) returned more bytes than asked for")
	}
	if len(data) == 0 { // b"" (or None: a non-blocking stream with nothing yet, taken as the end)
		return 0, io.EOF
	}
	return copy(p, data), nil
}

// bindcReaderOf converts a Python value for an io.Reader parameter (see the file comment).
func bindcReaderOf(v C.py4go_value) (io.Reader, *bindcFailure) {
	const want = "a binary file-like object (with read()) or bytes"
	switch v.kind {
	case C.PY4GO_NONE:
		return nil, nil
	case C.PY4GO_BYTES:
		return bytes.NewReader(copyBytes(v)), nil
	case C.PY4GO_OBJECT:
	default:
		return nil, bindcWrongType(v, want)
	}
	o := (*C.PyObject)(v.ptr)
	if h := uintptr(C.py4go_bind_handle_of(o)); h != 0 {
		if r, ok := BindcValue(h).(io.Reader); ok {
			return r, nil
		}
	}
	if C.PyObject_CheckBuffer(o) != 0 {
		var view C.Py_buffer
		if C.PyObject_GetBuffer(o, &view, C.PyBUF_SIMPLE) < 0 {
			return nil, &bindcFailure{kind: bindcRaised}
		}
		data := C.GoBytes(view.buf, C.int(view.len))
		C.PyBuffer_Release(&view)
		return bytes.NewReader(data), nil
	}
	has := C.PyObject_HasAttrString(o, (*C.char)(bindcReadName))
	if has == 0 {
		return nil, bindcWrongType(v, want)
	}
	bindcAdopt()
	cb := bindcCallback(unsafe.Pointer(o), nil, 0, bindcReaderName, bindcReaderType)
	return bindcPyReader{BindcProxy{cb}}, nil
}

// BindcIsEOF reports whether err is io.EOF itself: a bound Read or ReadAt method (io.Reader's
// contract) then returns its byte count to Python, 0 at the end of input, instead of raising.
// Only io.EOF itself counts, as the contract says (a wrapped EOF is an error).
func BindcIsEOF(err error) bool {
	return err == io.EOF
}
