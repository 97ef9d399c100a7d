/* py4go_bind_values.c — C half of bindc_values.go: containers, any and *Object crossing a
 * bindc wrapper. Called from Go trampolines with the GIL held; like the rest of py4go_bind,
 * functions leave a Python exception set on failure (NULL or -1). Declared in the cgo
 * preamble of bindc_values.go: generated C never calls them (the wrapper hands the borrowed
 * PyObject* to Go, which converts it), so py4go_bind.h stays as it is. */
#include "py4go.h"

/* Raise TypeError (kind 0), OverflowError (1), ValueError (2) or MemoryError (3) with a UTF-8
 * message made in Go. Returns -1. */
int py4go_bind_raise_msg(int kind, const char *msg, Py_ssize_t n)
{
    PyObject *type = kind == 1 ? PyExc_OverflowError : kind == 2 ? PyExc_ValueError
                   : kind == 3 ? PyExc_MemoryError : PyExc_TypeError;
    PyObject *m = PyUnicode_DecodeUTF8(msg, n, "replace");
    if (m == NULL)
        return -1;
    PyErr_SetObject(type, m);
    Py_DECREF(m);
    return -1;
}

/* collections.abc.<name>, imported on first use (a borrowed, cached reference). */
static PyObject *abc_class(const char *name, PyObject **cache)
{
    if (*cache == NULL) {
        PyObject *mod = PyImport_ImportModule("collections.abc");
        if (mod == NULL)
            return NULL;
        *cache = PyObject_GetAttrString(mod, name);
        Py_DECREF(mod);
    }
    return *cache;
}

static PyObject *abc_sequence, *abc_mapping;

/* A list (want_dict = 0) or dict (1) copy of o, for a parameter annotated Sequence[T] or
 * Mapping[K, V] that received some other sequence or mapping (range, a Mapping class...).
 * Returns 1 with *out a new reference, 0 when o is not such an object (no exception: the
 * caller reports the type), -1 with an exception set. str, bytes and bytearray are
 * sequences for Python but never a Go slice of anything but bytes, so they are refused. */
/* 1 when o is callable but not a class: a function, lambda, method, builtin, method
 * descriptor (str.upper), functools.partial or an object with __call__. What an `any`
 * argument turns into a Go func (bindcPyFunc). A class stays an object (it is a value too);
 * bound instances were turned into their Go value before this is asked. */
int py4go_bind_is_function(PyObject *o)
{
    return PyCallable_Check(o) && !PyType_Check(o);
}

int py4go_bind_coerce(PyObject *o, int want_dict, PyObject **out)
{
    *out = NULL;
    if (PyUnicode_Check(o) || PyBytes_Check(o) || PyByteArray_Check(o))
        return 0;
    PyObject *cls = want_dict ? abc_class("Mapping", &abc_mapping) : abc_class("Sequence", &abc_sequence);
    if (cls == NULL)
        return -1;
    int is = PyObject_IsInstance(o, cls);
    if (is <= 0)
        return is;
    if (want_dict) {
        PyObject *d = PyDict_New();
        if (d == NULL)
            return -1;
        if (PyDict_Merge(d, o, 1) < 0) {
            Py_DECREF(d);
            return -1;
        }
        *out = d;
    } else {
        *out = PySequence_List(o);
        if (*out == NULL)
            return -1;
    }
    return 1;
}

/* list(p[0:n]) of Go int64 values (a Go []int or []int64, read in place). */
PyObject *py4go_bind_list_i64(const long long *p, Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyLong_FromLongLong(p[i]);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

/* list(p[0:n]) of Go float64 values. */
PyObject *py4go_bind_list_f64(const double *p, Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyFloat_FromDouble(p[i]);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

/* A list of n str: item i is the UTF-8 text buf[ends[i-1]:ends[i]] (Go checked it is valid;
 * a decoding failure still raises cleanly). */
PyObject *py4go_bind_list_str(const char *buf, const long long *ends, Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    long long start = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyUnicode_DecodeUTF8(buf + start, (Py_ssize_t)(ends[i] - start), "strict");
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
        start = ends[i];
    }
    return list;
}

/* A new reference to None (for a nil *Object result). */
PyObject *py4go_bind_none(void)
{
    return Py_NewRef(Py_None);
}

/* Typed unpacking of a list or tuple of n items into Go memory, for []int / []int64
 * (kind 0: exact ints within int64, into long long) and []float64 (kind 1: exact floats or
 * ints, into double). Returns how many leading items were converted; it stops at the first
 * item of another type or out of range (no exception set), which the caller converts (or
 * reports) the general way. */
Py_ssize_t py4go_bind_unpack_num(PyObject *o, void *out, Py_ssize_t n, int kind)
{
    if (PySequence_Fast_GET_SIZE(o) < n)
        n = PySequence_Fast_GET_SIZE(o);
    if (kind == 0) {
        long long *dst = out;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *it = PySequence_Fast_GET_ITEM(o, i);
            if (!PyLong_CheckExact(it))
                return i;
            int overflow = 0;
            long long v = PyLong_AsLongLongAndOverflow(it, &overflow);
            if (overflow != 0 || (v == -1 && PyErr_Occurred())) {
                PyErr_Clear();
                return i;
            }
            dst[i] = v;
        }
    } else {
        double *dst = out;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *it = PySequence_Fast_GET_ITEM(o, i);
            if (PyFloat_CheckExact(it)) {
                dst[i] = PyFloat_AS_DOUBLE(it);
            } else if (PyLong_CheckExact(it)) {
                double v = PyLong_AsDouble(it);
                if (v == -1.0 && PyErr_Occurred()) {
                    PyErr_Clear();
                    return i;
                }
                dst[i] = v;
            } else {
                return i;
            }
        }
    }
    return n;
}

/* Typed unpacking of a list or tuple of n str for a Go []string: out[2i] and out[2i+1] get
 * the address and length of item i's UTF-8 buffer (borrowed: the str owns it, and the list
 * keeps the str alive during the call). Returns how many leading items were done, stopping
 * (without an exception) at one that is not a str or cannot be encoded. */
Py_ssize_t py4go_bind_unpack_str(PyObject *o, uintptr_t *out, Py_ssize_t n)
{
    if (PySequence_Fast_GET_SIZE(o) < n)
        n = PySequence_Fast_GET_SIZE(o);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_Fast_GET_ITEM(o, i);
        if (!PyUnicode_Check(it))
            return i;
        Py_ssize_t size;
        const char *p = PyUnicode_AsUTF8AndSize(it, &size);
        if (p == NULL) {
            PyErr_Clear();
            return i;
        }
        out[2 * i] = (uintptr_t)p;
        out[2 * i + 1] = (uintptr_t)size;
    }
    return n;
}
