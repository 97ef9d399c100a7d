/* py4go_bind_inout.c — C half of bindc_inout.go: writing what a Go function stored into its
 * arguments back into the Python objects they came from (a list an in-place sort reordered,
 * a dict json.Unmarshal filled). Called from Go trampolines with the GIL held; failures
 * leave a Python exception set and return -1. Declared in the cgo preamble of
 * bindc_inout.go: generated C never calls them. */
#include "py4go.h"

/* 1 for a list (or subclass): the argument kind whose elements are written back. */
int py4go_bind_is_list(PyObject *o)
{
    return PyList_Check(o);
}

/* 1 for a dict (or subclass). */
int py4go_bind_is_dict(PyObject *o)
{
    return PyDict_Check(o);
}

/* The number of items of a list. */
Py_ssize_t py4go_bind_list_len(PyObject *list)
{
    return PyList_GET_SIZE(list);
}

/* list[i] = item, stealing item; an index beyond the list (it shrank while the GIL was
 * released) drops item and writes nothing. */
void py4go_bind_list_store(PyObject *list, Py_ssize_t i, PyObject *item)
{
    if (i < PyList_GET_SIZE(list)) {
        PyObject *old = PyList_GET_ITEM(list, i);
        PyList_SET_ITEM(list, i, item);
        Py_DECREF(old);
    } else {
        Py_DECREF(item);
    }
}

/* Replace the whole contents of target (a list, or a dict) with those of items (a new
 * list or dict, stolen). Returns 0, or -1 with an exception set. */
int py4go_bind_replace_contents(PyObject *target, PyObject *items)
{
    int rc;
    if (PyDict_Check(target)) {
        PyDict_Clear(target);
        rc = PyDict_Update(target, items);
    } else {
        rc = PyList_SetSlice(target, 0, PY_SSIZE_T_MAX, items);
    }
    Py_DECREF(items);
    return rc;
}
