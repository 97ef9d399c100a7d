// Command asancanary makes one deliberate memory error in C code built the way the sanitized
// runtime is built (cgo, -asan, the interpreter's flags), so that a test can show the
// sanitizer check notices each kind of bug it claims to. Run it as a program
// (`asancanary MODE`, Python embedded) or build it with -buildmode=c-shared and call
// `asan_canary(MODE)` through ctypes.PyDLL from a Python that has libasan preloaded.
//
// Modes: clean (no bug: the check must pass), overflow (reads one byte past a malloc'd
// buffer), use_after_decref (reads a str's UTF-8 after dropping the last reference, seen only
// when Python allocates with malloc), leak (drops the only pointer to a malloc'd block).
package main

/*
#include <Python.h>
#include <stdlib.h>
#include <string.h>

// A store the compiler must keep: the leaked block is written here, then forgotten.
static char *volatile canary_sink;

static int canary_overflow(int n)
{
    char *p = malloc((size_t)n);
    memset(p, 'x', (size_t)n);
    int c = ((volatile char *)p)[n]; // one past the end
    free(p);
    return c;
}

static int canary_use_after_decref(void)
{
    PyObject *s = PyUnicode_FromString("a str long enough to be its own heap block");
    const char *utf8 = PyUnicode_AsUTF8(s);
    Py_DECREF(s);
    return ((volatile const char *)utf8)[0]; // s, and its UTF-8 buffer, are freed
}

static int canary_leak(void)
{
    canary_sink = malloc(64);
    canary_sink[0] = 1;
    canary_sink = NULL;
    return 0;
}

// Run one mode; Python must be initialized and this thread must hold the GIL.
static int canary_run(const char *mode)
{
    if (strcmp(mode, "clean") == 0)
        return 0;
    if (strcmp(mode, "overflow") == 0)
        return canary_overflow(16);
    if (strcmp(mode, "use_after_decref") == 0)
        return canary_use_after_decref();
    if (strcmp(mode, "leak") == 0)
        return canary_leak();
    return -1;
}

static int canary_embedded(const char *mode)
{
    Py_Initialize();
    int rc = canary_run(mode);
    if (Py_FinalizeEx() < 0)
        return -2;
    return rc;
}
*/
import "C"

import (
	"fmt"
	"os"
	"unsafe"
)

//export asan_canary
func asan_canary(mode *C.char) C.int {
	return C.canary_run(mode)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: asancanary clean|overflow|use_after_decref|leak")
		os.Exit(2)
	}
	mode := C.CString(os.Args[1])
	defer C.free(unsafe.Pointer(mode))
	if rc := C.canary_embedded(mode); rc < 0 {
		fmt.Fprintf(os.Stderr, "asancanary: mode %q failed (%d)\n", os.Args[1], rc)
		os.Exit(1)
	}
	fmt.Println("asancanary: done")
}
