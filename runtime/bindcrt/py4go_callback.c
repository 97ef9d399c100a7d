/* py4go_callback.c — Go funcs as Python callables (see py4go_callback.h). */
#include "py4go.h"

/* Implemented in Go (bindc_callbacks_export.go): deletes the handle. */
extern void py4goFuncRelease(uintptr_t handle);

static const char FUNC_CAPSULE[] = "py4go.func";

static void func_capsule_destructor(PyObject *capsule)
{
    void *p = PyCapsule_GetPointer(capsule, FUNC_CAPSULE);
    if (p != NULL)
        py4goFuncRelease((uintptr_t)p);
    else
        PyErr_Clear();
}

void py4go_bind_drop_func(uintptr_t handle)
{
    if (handle != 0)
        py4goFuncRelease(handle);
}

PyObject *py4go_bind_new_func(uintptr_t handle, PyMethodDef *def)
{
    if (handle == 0)
        Py_RETURN_NONE;
    PyObject *capsule = PyCapsule_New((void *)handle, FUNC_CAPSULE, func_capsule_destructor);
    if (capsule == NULL) {
        py4goFuncRelease(handle);
        return NULL;
    }
    PyObject *f = PyCFunction_NewEx(def, capsule, NULL);
    Py_DECREF(capsule); /* owned by f now, or destroyed (deleting the handle) on failure */
    return f;
}

int64_t py4go_callbacks_acquired;

/* The thread state this thread keeps alive (see py4go_ensure_gil_keeping_thread_state). */
static _Thread_local PyThreadState *kept_tstate;

/* PyGILState_Ensure, plus, the first time on a thread, one more Ensure that is never
 * released. Without it, every callback from a Go thread that Python does not know (any
 * goroutine but the caller's) creates a PyThreadState and deletes it again on release:
 * measured 11.5 us per callback from another goroutine, against ~0.5 us. The kept state is
 * freed by Python at finalization (or when a Python thread that owns it ends). */
PyGILState_STATE py4go_ensure_gil_keeping_thread_state(void)
{
    PyGILState_STATE state = PyGILState_Ensure();
    PyThreadState *ts = PyThreadState_Get();
    if (ts != kept_tstate) {
        PyGILState_Ensure();
        kept_tstate = ts;
    }
    return state;
}

py4go_result py4go_bind_invoke_method(uintptr_t obj, const char *method, Py_ssize_t len,
                                      const py4go_value *args, Py_ssize_t nargs)
{
    if (!Py_IsInitialized()) {
        py4go_result r = {0};
        r.status = PY4GO_NOT_INITIALIZED;
        r.arg = -1;
        return r;
    }
    PyGILState_STATE state = py4go_ensure_gil_keeping_thread_state();
    __atomic_add_fetch(&py4go_callbacks_acquired, 1, __ATOMIC_RELAXED);
    py4go_result r = py4go_call((PyObject *)obj, method, len, args, nargs, 0, PY4GO_UNBOX | PY4GO_KEEP_EXCEPTION);
    PyGILState_Release(state);
    return r;
}

py4go_result py4go_bind_invoke(uintptr_t callable, const py4go_value *args, Py_ssize_t nargs)
{
    return py4go_bind_invoke_method(callable, NULL, 0, args, nargs); /* no method: call it */
}

PyObject *py4go_bind_iface_missing(PyObject *o, const char *const *methods, int nmethods, int *count)
{
    PyObject *missing = NULL; /* "area(), perimeter()" once something is missing */
    *count = 0;
    for (int i = 0; i < nmethods; i++) {
        PyObject *attr = PyObject_GetAttrString(o, methods[i]);
        int ok = attr != NULL && PyCallable_Check(attr);
        Py_XDECREF(attr);
        if (attr == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
                Py_XDECREF(missing);
                *count = -1;
                return NULL; /* a property that raised something else: let the user see it */
            }
            PyErr_Clear();
        }
        if (ok)
            continue;
        PyObject *item = *count == 0 ? PyUnicode_FromFormat("%s()", methods[i])
                                     : PyUnicode_FromFormat("%U, %s()", missing, methods[i]);
        Py_XDECREF(missing);
        if ((missing = item) == NULL) {
            *count = -1;
            return NULL;
        }
        (*count)++;
    }
    return missing;
}

int py4go_bind_iface_check(PyObject *o, const char *fn, int pos, const char *iface, const char *const *methods,
                           int nmethods)
{
    int count;
    PyObject *missing = py4go_bind_iface_missing(o, methods, nmethods, &count);
    if (count <= 0)
        return count;
    /* "fn() argument POS", or for pos 0 (assignment to a field, fn being "Class.field") "fn". */
    PyObject *where = pos == 0 ? PyUnicode_FromString(fn) : PyUnicode_FromFormat("%s() argument %d", fn, pos);
    if (where != NULL)
        PyErr_Format(PyExc_TypeError, "%U must implement %s or be None, but %s object has no method%s %U", where,
                     iface, py4go_tp_name(Py_TYPE(o)), count == 1 ? "" : "s", missing);
    Py_XDECREF(where);
    Py_DECREF(missing);
    return -1;
}

int py4go_bind_reraise(PyObject *exc)
{
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    return -1;
}

void py4go_bind_set_cause(PyObject *cause)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL)
        PyException_SetCause(value, Py_NewRef(cause));
    PyErr_Restore(type, value, tb);
}
