/* py4go_bind_context.c — C half of bindc_context.go: the `timeout=` keyword of a bound Go
 * function taking a context.Context, and the TimeoutError its deadline raises. Only
 * limited-API calls, so the same code serves abi3 builds. */
#include "py4go.h"

#include <math.h>

int py4go_bind_timeout(const char *fn, PyObject *const *kwvalues, PyObject *kwnames, double *timeout)
{
    *timeout = -1;
    if (kwnames == NULL)
        return 0;
    Py_ssize_t n = PyTuple_Size(kwnames);
    if (n < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyTuple_GetItem(kwnames, i); /* borrowed */
        if (name == NULL)
            return -1;
        if (PyUnicode_CompareWithASCIIString(name, "timeout") != 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U' (only timeout=)", fn, name);
            return -1;
        }
        PyObject *value = kwvalues[i];
        if (value == Py_None) {
            *timeout = -1;
            continue;
        }
        if (!PyFloat_Check(value) && !PyLong_Check(value)) {
            PyErr_Format(PyExc_TypeError, "%s() argument timeout must be seconds (int or float) or None, not %s", fn,
                         py4go_bind_type_name(value));
            return -1;
        }
        double t = PyFloat_AsDouble(value);
        if (t == -1.0 && PyErr_Occurred())
            return -1;
        if (isnan(t) || t < 0) {
            PyErr_Format(PyExc_ValueError, "%s() argument timeout must be a non-negative number of seconds, not %R",
                         fn, value);
            return -1;
        }
        *timeout = t;
    }
    return 0;
}

int py4go_bind_raise_timeout(const char *msg, Py_ssize_t len)
{
    PyObject *text = PyUnicode_DecodeUTF8(msg, len, "replace");
    if (text != NULL) {
        PyErr_SetObject(PyExc_TimeoutError, text);
        Py_DECREF(text);
    }
    return -1;
}
