/* py4go_bind_iter.c — C half of bindc_iter.go: a Go sequence (iter.Seq, iter.Seq2) or a
 * receive channel handed to Python as an iterator.
 *
 * The iterator is an instance of GoIterator, a heap type made once from a spec (limited API,
 * so the same code serves abi3 builds), holding the Go iterator's handle. `for` pulls with
 * __next__ (Go runs with the GIL released); `async for` pulls with __anext__, an asyncio
 * future a goroutine completes (bindcIterAnext). When Python drops the iterator, its
 * deallocation stops the Go side (iter.Pull's stop), as at the end of a `break`. The Python
 * thread's identity goes with each call: a sequence `for` started is bound to its OS thread. */
#include "py4go.h"

extern int py4goIterNext(uintptr_t handle, unsigned long thread, PyObject **out);
extern PyObject *py4goIterAnext(uintptr_t handle, unsigned long thread);
extern void py4goIterClose(uintptr_t handle, unsigned long thread);

typedef struct {
    PyObject_HEAD
    uintptr_t handle; /* 0 once closed */
} goiter_object;

static PyObject *goiter_iternext(PyObject *self)
{
    uintptr_t h = ((goiter_object *)self)->handle;
    PyObject *out = NULL;
    if (h == 0 || py4goIterNext(h, PyThread_get_thread_native_id(), &out) <= 0)
        return NULL; /* the end (no exception: StopIteration), or the exception set */
    return out;
}

static PyObject *goiter_anext(PyObject *self)
{
    return py4goIterAnext(((goiter_object *)self)->handle, PyThread_get_thread_native_id());
}

static void goiter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    uintptr_t h = ((goiter_object *)self)->handle;
    ((goiter_object *)self)->handle = 0;
    if (h != 0)
        py4goIterClose(h, PyThread_get_thread_native_id());
    freefunc free_slot = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    free_slot(self);
    Py_DECREF(tp); /* instances of heap types own a reference to their type */
}

static PyType_Slot goiter_slots[] = {
    {Py_tp_iter, (void *)PyObject_SelfIter},
    {Py_tp_iternext, (void *)goiter_iternext},
    {Py_am_aiter, (void *)PyObject_SelfIter},
    {Py_am_anext, (void *)goiter_anext},
    {Py_tp_dealloc, (void *)goiter_dealloc},
    {Py_tp_doc, (void *)"A Go sequence or channel: `for x in it` or `async for x in it`, lazily."},
    {0, NULL},
};

static PyType_Spec goiter_spec = {"py4go.GoIterator", (int)sizeof(goiter_object), 0, Py_TPFLAGS_DEFAULT,
                                  goiter_slots};

static PyObject *goiter_type; /* made by the first iterator, kept for the process */

/* A new iterator over the Go iterator `handle` (non-zero), which it owns from now on (also
 * on failure: the handle is closed). NULL with an exception set on failure. */
PyObject *py4go_bind_new_goiter(uintptr_t handle)
{
    if (goiter_type == NULL && (goiter_type = PyType_FromSpec(&goiter_spec)) == NULL) {
        py4goIterClose(handle, PyThread_get_thread_native_id());
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot((PyTypeObject *)goiter_type, Py_tp_alloc);
    PyObject *it = alloc((PyTypeObject *)goiter_type, 0);
    if (it == NULL) {
        py4goIterClose(handle, PyThread_get_thread_native_id());
        return NULL;
    }
    ((goiter_object *)it)->handle = handle;
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
