/* py4go_bind_iter.c — C half of bindc_iter.go: a Go sequence (iter.Seq, iter.Seq2) or a
 * receive channel handed to Python as an iterator.
 *
 * No iterator type of our own: the iterator is CPython's callable_iterator, iter(f, s), over a
 * builtin function f whose self is a capsule holding the Go iterator's handle, with that same
 * capsule as the sentinel s. f returns the next item, or the capsule once the Go side is done;
 * callable_iterator then drops f and s, the capsule dies, and its destructor stops the Go
 * side (iter.Pull's stop), as it does when Python drops an unfinished iterator (a `break`
 * out of a for loop). Only limited-API calls, so the same code serves abi3 builds. */
#include "py4go.h"

extern int py4goIterNext(uintptr_t handle, PyObject **out);
extern void py4goIterClose(uintptr_t handle);

static const char goiter_capsule_name[] = "py4go.goiter";

static uintptr_t goiter_handle(PyObject *capsule)
{
    return (uintptr_t)PyCapsule_GetPointer(capsule, goiter_capsule_name);
}

static void goiter_capsule_free(PyObject *capsule)
{
    uintptr_t h = goiter_handle(capsule);
    if (h != 0)
        py4goIterClose(h);
}

static PyObject *goiter_next(PyObject *capsule, PyObject *unused)
{
    (void)unused;
    PyObject *out = NULL;
    int rc = py4goIterNext(goiter_handle(capsule), &out);
    if (rc < 0)
        return NULL;
    if (rc == 0)
        return Py_NewRef(capsule); /* the sentinel: the iteration is over */
    return out;
}

static PyMethodDef goiter_next_def = {"go_iterator_next", goiter_next, METH_NOARGS,
                                      "The next value of a Go sequence or channel."};

/* A new iterator over the Go iterator `handle` (non-zero), which it owns from now on (also
 * on failure: the handle is closed). NULL with an exception set on failure. */
PyObject *py4go_bind_new_goiter(uintptr_t handle)
{
    PyObject *capsule = PyCapsule_New((void *)handle, goiter_capsule_name, goiter_capsule_free);
    if (capsule == NULL) {
        py4goIterClose(handle);
        return NULL;
    }
    PyObject *next = PyCFunction_New(&goiter_next_def, capsule);
    if (next == NULL) {
        Py_DECREF(capsule);
        return NULL;
    }
    PyObject *it = PyCallIter_New(next, capsule);
    Py_DECREF(next);
    Py_DECREF(capsule);
    return it;
}

/* The next item of the iterator `it` (borrowed) as a PY4GO_OBJECT result (a new reference),
 * value.ptr NULL once it is exhausted; an exception it raises as py4go_take_exception
 * returns it. The GIL must be held. */
py4go_result py4go_bind_iter_step(PyObject *it)
{
    py4go_result r;
    memset(&r, 0, sizeof r);
    r.arg = -1;
    PyObject *item = PyIter_Next(it);
    if (item == NULL && PyErr_Occurred())
        return py4go_take_exception();
    r.status = PY4GO_OK;
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = item;
    return r;
}
