/* py4go_bind_buffers.c — C half of bindc_buffers.go: a numeric slice parameter ([]float64,
 * []int32...) viewing a Python buffer of the same element format without a copy. Called from
 * Go trampolines with the GIL held (the release also from a deferred call that may run with
 * it released: it takes the GIL itself). Declared in the cgo preamble of bindc_buffers.go:
 * generated C never calls them. */
#include "py4go.h"

#include <string.h>

/* Whether a buffer's struct-module format (view->format) is one of the single-item codes in
 * `codes` (comma-separated, e.g. "q,l" or "Zd"): native ('@' or no prefix), or, on a
 * little-endian host, standard little-endian ('<', '='); the caller checks the item size. */
static int format_matches(const char *format, const char *codes)
{
    if (format == NULL)
        format = "B";
    const unsigned int one = 1;
    const int little = *(const unsigned char *)&one == 1;
    if (*format == '@')
        format++;
    else if ((*format == '<' || *format == '=') && little)
        format++;
    size_t n = strlen(format);
    for (const char *c = codes; *c;) {
        const char *end = strchr(c, ',');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (len == n && strncmp(format, c, n) == 0)
            return 1;
        if (!end)
            break;
        c = end + 1;
    }
    return 0;
}

/* Take a C-contiguous buffer of `o` whose items are `itemsize` bytes of one of `codes`, writable
 * if it can be. Returns 1 (a writable view in *view), 2 (a read-only view), 0 (`o` has no
 * such buffer: not a buffer, another format or item size, not contiguous; no exception set,
 * nothing held), or -1 with an exception set (a buffer that fails otherwise, such as a
 * released memoryview). */
int py4go_bind_numeric_buffer(PyObject *o, const char *codes, Py_ssize_t itemsize, Py_buffer *view)
{
    view->obj = NULL;
    if (PyUnicode_Check(o) || !PyObject_CheckBuffer(o))
        return 0;
    int status = 1;
    if (PyObject_GetBuffer(o, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_BufferError))
            return -1;
        PyErr_Clear();
        status = 2;
        if (PyObject_GetBuffer(o, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
            view->obj = NULL;
            if (!PyErr_ExceptionMatches(PyExc_BufferError))
                return -1;
            PyErr_Clear();
            return 0;
        }
    }
    if (view->itemsize != itemsize || !format_matches(view->format, codes) || view->len % itemsize != 0) {
        PyBuffer_Release(view);
        view->obj = NULL;
        return 0;
    }
    return status;
}

/* Release a view taken by py4go_bind_numeric_buffer (a no-op for one never taken), taking the
 * GIL for it: the deferred release may run after the Go call released the GIL (a panic). */
void py4go_bind_numeric_buffer_release(Py_buffer *view)
{
    if (view->obj == NULL)
        return;
    PyGILState_STATE g = PyGILState_Ensure();
    PyBuffer_Release(view);
    view->obj = NULL;
    PyGILState_Release(g);
}

/* The list and tuple type objects, for bindc_buffers.go's check without a C call per argument. */
void *py4go_bind_list_type(void)
{
    return (void *)&PyList_Type;
}

void *py4go_bind_tuple_type(void)
{
    return (void *)&PyTuple_Type;
}

/* A new array.array of `typecode` holding the `n` bytes at `p` (Go memory, read during this call
 * only): array.frombytes over a temporary memoryview, released before returning, so one copy.
 * NULL with an exception set on failure. */
PyObject *py4go_bind_array_from(const void *p, Py_ssize_t n, const char *typecode)
{
    static PyObject *array_type = NULL; /* array.array, kept for the process's life */
    if (array_type == NULL) {
        PyObject *mod = PyImport_ImportModule("array");
        if (mod == NULL)
            return NULL;
        array_type = PyObject_GetAttrString(mod, "array");
        Py_DECREF(mod);
        if (array_type == NULL)
            return NULL;
    }
    PyObject *out = PyObject_CallFunction(array_type, "s", typecode);
    if (out == NULL || n == 0)
        return out;
    PyObject *view = PyMemoryView_FromMemory((char *)p, n, PyBUF_READ);
    if (view == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(out, "frombytes", "O", view);
    PyObject *released = PyObject_CallMethod(view, "release", NULL); /* nothing may keep Go's memory */
    Py_XDECREF(released);
    Py_DECREF(view);
    if (r == NULL || released == NULL) {
        Py_XDECREF(r);
        Py_DECREF(out);
        return NULL;
    }
    Py_DECREF(r);
    return out;
}
