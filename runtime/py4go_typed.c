/* py4go_typed.c — C half of the typed calls `bindc go` generates (see py4go_typed.h). */
#include "py4go_typed.h"

#include <string.h>

/* Implemented in Go (typed_export.go): calls the Go func behind handle with the arguments
 * (borrowed) and returns a new reference, or NULL with an exception set. */
extern PyObject *py4goTypedInvoke(uintptr_t handle, PyObject **args, Py_ssize_t nargs);

static py4go_result typed_status(int status)
{
    py4go_result r;
    memset(&r, 0, sizeof r);
    r.status = status;
    r.arg = -1;
    return r;
}

/* Convert the call's result (owned) to `want`; consumes it. */
static py4go_result typed_result(PyObject *o, int want, int flags, char *out, Py_ssize_t out_cap)
{
    if (want == PY4GO_TYPED_OBJECT) {
        py4go_result r = typed_status(PY4GO_OK);
        r.value.kind = PY4GO_OBJECT;
        r.value.ptr = o;
        return r;
    }
    if (want == PY4GO_TYPED_IGNORE || ((flags & PY4GO_TYPED_OPTIONAL) && o == Py_None)) {
        Py_DECREF(o);
        return typed_status(PY4GO_OK); /* value.kind is PY4GO_NONE */
    }
    if (want == PY4GO_INT64 && PyLong_CheckExact(o)) { /* the common case, without py4go_to_value's checks */
        int overflow = 0;
        long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow == 0) {
            py4go_result r = typed_status(PY4GO_OK);
            r.value.kind = PY4GO_INT64;
            r.value.num = x;
            Py_DECREF(o);
            return r;
        }
    }
    py4go_result r = py4go_to_value(o, want); /* strict, with the error messages */
    if (r.status == PY4GO_OK && (want == PY4GO_STR || want == PY4GO_BYTES)) {
        if (r.value.num <= out_cap) {
            if (r.value.num > 0)
                memcpy(out, r.value.ptr, (size_t)r.value.num);
            r.value.ptr = out;
        } else {
            r.value.kind = PY4GO_OBJECT; /* too long for out: the caller copies, then releases */
            r.value.ptr = o;
            return r;
        }
    }
    Py_DECREF(o);
    return r;
}

py4go_result py4go_typed_call(uintptr_t callable, const char *method, Py_ssize_t method_len,
                              uintptr_t args_addr, Py_ssize_t nargs, Py_ssize_t nkw, int want,
                              int flags, uintptr_t out_addr, Py_ssize_t out_cap)
{
    const py4go_value *args = (const py4go_value *)args_addr;
    char *out = (char *)out_addr;
    if (!Py_IsInitialized())
        return typed_status(PY4GO_NOT_INITIALIZED);
    int ensured = 0;
    PyGILState_STATE state = PyGILState_UNLOCKED;
    if (!PyGILState_Check()) {
        if (!(flags & PY4GO_TYPED_ENSURE_GIL))
            return typed_status(PY4GO_NO_GIL);
        state = py4go_ensure_gil_keeping_thread_state();
        ensured = 1;
    }
    py4go_result r;
    if (flags & PY4GO_TYPED_GETATTR) {
        /* builtins.getattr(callable, method): properties and __getattr__ included, and
         * py4go_call formats any exception the same way as for a call. */
        PyObject *getattr_fn = PyDict_GetItemString(PyEval_GetBuiltins(), "getattr"); /* borrowed */
        py4go_value a[2];
        memset(a, 0, sizeof a);
        a[0].kind = PY4GO_OBJECT;
        a[0].ptr = (const void *)callable;
        a[1].kind = PY4GO_STR;
        a[1].num = method_len;
        a[1].ptr = method;
        r = py4go_call(getattr_fn, NULL, 0, a, 2, 0, 0);
    } else {
        r = py4go_call((PyObject *)callable, method, method_len, args, nargs, nkw, 0);
    }
    if (r.status == PY4GO_OK)
        r = typed_result((PyObject *)r.value.ptr, want, flags, out, out_cap);
    if (ensured)
        PyGILState_Release(state);
    return r;
}

/* A new reference for one fast-path argument, or NULL (with an exception set) when the value
 * cannot be one: a kind py4go_typed_call_fast does not take means a bug in the Go side. */
static inline PyObject *typed_fast_arg(int kind, int64_t v)
{
    switch (kind) {
    case PY4GO_INT64:
        return PyLong_FromLongLong(v);
    case PY4GO_FLOAT64: {
        double d;
        memcpy(&d, &v, sizeof d);
        return PyFloat_FromDouble(d);
    }
    case PY4GO_BOOL:
        return Py_NewRef(v ? Py_True : Py_False);
    case PY4GO_NONE:
        return Py_NewRef(Py_None);
    case PY4GO_OBJECT:
        return Py_NewRef((PyObject *)(uintptr_t)v);
    }
    PyErr_Format(PyExc_SystemError, "py4go: kind %d on the typed fast path", kind);
    return NULL;
}

py4go_result py4go_typed_call_fast(uintptr_t callable, uint32_t kinds, int nargs, int64_t a0, int64_t a1,
                                   int64_t a2, int64_t a3, int want, int flags)
{
    if (!Py_IsInitialized())
        return typed_status(PY4GO_NOT_INITIALIZED);
    int ensured = 0;
    PyGILState_STATE state = PyGILState_UNLOCKED;
    if (!PyGILState_Check()) {
        if (!(flags & PY4GO_TYPED_ENSURE_GIL))
            return typed_status(PY4GO_NO_GIL);
        state = py4go_ensure_gil_keeping_thread_state();
        ensured = 1;
    }
    const int64_t vals[PY4GO_TYPED_FAST_ARGS] = {a0, a1, a2, a3};
    /* stack[0] is the spare slot PY_VECTORCALL_ARGUMENTS_OFFSET lets the callee use. */
    PyObject *stack[PY4GO_TYPED_FAST_ARGS + 1];
    PyObject **argv = stack + 1;
    py4go_result r;
    int made = 0;
    for (; made < nargs; made++) {
        argv[made] = typed_fast_arg((int)((kinds >> (4 * made)) & 0xf), vals[made]);
        if (argv[made] == NULL)
            break;
    }
    PyObject *result = NULL;
    if (made == nargs)
        result = PyObject_Vectorcall((PyObject *)callable, argv, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                     NULL);
    for (int i = 0; i < made; i++)
        Py_DECREF(argv[i]);
    if (result == NULL)
        r = py4go_typed_fetch_exception();
    else
        r = typed_result(result, want, flags, NULL, 0);
    if (ensured)
        PyGILState_Release(state);
    return r;
}

/* The generic trampoline behind every Go func handed to Python by generated code: self is
 * the capsule py4go_bind_new_func made, owning the handle. */
static PyObject *typed_trampoline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    void *h = PyCapsule_GetPointer(self, "py4go.func");
    if (h == NULL)
        return NULL;
    return py4goTypedInvoke((uintptr_t)h, (PyObject **)args, nargs);
}

static PyMethodDef typed_func_def = {"go_func", (PyCFunction)(void (*)(void))typed_trampoline, METH_FASTCALL,
                                     "A Go func, called through code bindc go generated."};

PyObject *py4go_typed_new_func(uintptr_t handle)
{
    return py4go_bind_new_func(handle, &typed_func_def);
}

void py4go_typed_raise(const char *message, Py_ssize_t n, PyObject *cause)
{
    if (cause != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(cause), cause);
        return;
    }
    PyObject *m = PyUnicode_DecodeUTF8(message, n, "replace");
    if (m != NULL) {
        PyErr_SetObject(PyExc_RuntimeError, m);
        Py_DECREF(m);
    }
}
