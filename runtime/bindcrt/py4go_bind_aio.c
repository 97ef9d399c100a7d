/* py4go_bind_aio.c — C half of bindc_aio.go: a Go call awaited from asyncio.
 *
 * The awaitable is a plain asyncio.Future of the running loop. Its done callback (a builtin
 * function whose self is the call's handle as an int) cancels the Go call's context, so a
 * cancelled task stops a Go function that takes one. When Go has finished, a goroutine hands
 * the handles of finished calls to the loop with loop.call_soon_threadsafe (the only
 * thread-safe way in); the loop then settles each future in its own thread. Only limited-API
 * calls, so the same code serves abi3 builds. */
#include "py4go.h"

extern void py4goAioDone(uintptr_t handle);
extern void py4goAioComplete(uintptr_t handle);

static PyObject *aio_done(PyObject *handle, PyObject *future)
{
    (void)future;
    py4goAioDone((uintptr_t)PyLong_AsSize_t(handle));
    Py_RETURN_NONE;
}

static PyObject *aio_complete(PyObject *unused, PyObject *handles)
{
    (void)unused;
    Py_ssize_t n = PyTuple_Size(handles);
    for (Py_ssize_t i = 0; i < n; i++)
        py4goAioComplete((uintptr_t)PyLong_AsSize_t(PyTuple_GetItem(handles, i)));
    Py_RETURN_NONE;
}

/* obj.name(arg): PyObject_CallMethod's "O" would spread a tuple argument. */
static PyObject *call_method1(PyObject *obj, const char *name, PyObject *arg)
{
    PyObject *n = PyUnicode_InternFromString(name);
    if (n == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethodObjArgs(obj, n, arg, NULL);
    Py_DECREF(n);
    return r;
}

static PyMethodDef aio_done_def = {"go_call_done", aio_done, METH_O,
                                   "Cancel the context of a Go call whose future is done."};
static PyMethodDef aio_complete_def = {"go_calls_complete", aio_complete, METH_O,
                                       "Settle the futures of finished Go calls."};

/* A new future of the running event loop, with *loop a new reference to that loop, and a done
 * callback that cancels Go call `handle`. NULL with an exception set (RuntimeError: no
 * running event loop) on failure. */
PyObject *py4go_bind_aio_future(uintptr_t handle, PyObject **loop)
{
    *loop = NULL;
    PyObject *asyncio = PyImport_ImportModule("asyncio");
    if (asyncio == NULL)
        return NULL;
    *loop = PyObject_CallMethod(asyncio, "get_running_loop", NULL);
    Py_DECREF(asyncio);
    if (*loop == NULL)
        return NULL;
    PyObject *future = PyObject_CallMethod(*loop, "create_future", NULL);
    PyObject *h = future == NULL ? NULL : PyLong_FromSize_t((size_t)handle);
    PyObject *cb = h == NULL ? NULL : PyCFunction_New(&aio_done_def, h);
    PyObject *r = cb == NULL ? NULL : call_method1(future, "add_done_callback", cb);
    Py_XDECREF(h);
    Py_XDECREF(cb);
    if (r == NULL) {
        Py_XDECREF(future);
        Py_CLEAR(*loop);
        return NULL;
    }
    Py_DECREF(r);
    return future;
}

/* loop.call_soon_threadsafe(complete, handles) for the n finished calls `hs`. The GIL must be
 * held. Returns 0, or -1 when the loop refused (closed): the exception is cleared, and the
 * caller drops the calls. */
int py4go_bind_aio_schedule(PyObject *loop, const uintptr_t *hs, Py_ssize_t n)
{
    PyObject *handles = PyTuple_New(n);
    if (handles == NULL) {
        PyErr_Clear();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *h = PyLong_FromSize_t((size_t)hs[i]);
        if (h == NULL || PyTuple_SetItem(handles, i, h) < 0) { /* steals h */
            Py_DECREF(handles);
            PyErr_Clear();
            return -1;
        }
    }
    PyObject *complete = PyCFunction_New(&aio_complete_def, NULL);
    PyObject *r = complete == NULL ? NULL : PyObject_CallMethod(loop, "call_soon_threadsafe", "OO", complete, handles);
    Py_XDECREF(complete);
    Py_DECREF(handles);
    if (r == NULL) {
        PyErr_Clear();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* Settle `future` with `result` (borrowed), or with the exception currently set when result
 * is NULL (taken: the indicator is clear afterwards). A future already done (cancelled) is
 * left alone. Errors while settling are reported with PyErr_WriteUnraisable: nobody awaits
 * them. The GIL must be held. */
void py4go_bind_aio_settle(PyObject *future, PyObject *result)
{
    PyObject *exc = NULL;
    if (result == NULL) {
        PyObject *type, *tb;
        PyErr_Fetch(&type, &exc, &tb);
        PyErr_NormalizeException(&type, &exc, &tb);
        if (exc != NULL && tb != NULL)
            PyException_SetTraceback(exc, tb);
        Py_XDECREF(type);
        Py_XDECREF(tb);
        if (exc == NULL)
            return;
    }
    PyObject *done = PyObject_CallMethod(future, "done", NULL);
    int is_done = done == NULL ? -1 : PyObject_IsTrue(done);
    Py_XDECREF(done);
    PyObject *r = NULL;
    if (is_done == 0)
        r = exc != NULL ? call_method1(future, "set_exception", exc) : call_method1(future, "set_result", result);
    if (is_done < 0 || (is_done == 0 && r == NULL))
        PyErr_WriteUnraisable(future);
    Py_XDECREF(r);
    Py_XDECREF(exc);
}

/* Add each function of the NULL-terminated table `defs` to module `m` as `_aio_<name>`, its
 * own __name__ staying <name> (the generated `aio` class then takes them as staticmethods:
 * compiler/bindc/emit/aio.py). Returns 0, or -1 with an exception set. */
int py4go_bind_add_aio(PyObject *m, PyMethodDef *defs)
{
    PyObject *modname = PyModule_GetNameObject(m);
    if (modname == NULL)
        return -1;
    int rc = 0;
    for (PyMethodDef *d = defs; d->ml_name != NULL && rc == 0; d++) {
        PyObject *f = PyCFunction_NewEx(d, m, modname);
        char attr[256];
        PyOS_snprintf(attr, sizeof attr, "_aio_%s", d->ml_name);
        rc = f == NULL ? -1 : PyModule_AddObjectRef(m, attr, f);
        Py_XDECREF(f);
    }
    Py_DECREF(modname);
    return rc;
}
