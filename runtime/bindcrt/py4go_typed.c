/* py4go_typed.c — C half of the typed calls `bindc go` generates (see py4go_typed.h). */
#include "py4go_typed.h"

#include <pthread.h>
#include <stdlib.h>
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

/* Whether the calling thread holds the GIL, cheaper than PyGILState_Check (which looks the
 * thread's state up in thread-specific storage: ~5 ns of a ~50 ns call). The thread state
 * _PyThreadState_UncheckedGet returns is the one holding the GIL (3.11: the runtime's
 * current state; 3.12+: this thread's attached state); it is this thread's exactly when it was
 * created on this thread. A state cannot be freed while it is current, so reading its
 * thread_id is safe. Python not initialized: no current state, so 0. */
static inline int typed_holds_gil(void)
{
#ifdef Py_LIMITED_API
    return Py_IsInitialized() && PyGILState_Check(); /* py4go_limited.h's weaker check */
#else
    PyThreadState *t = _PyThreadState_UncheckedGet();
    return t != NULL && t->thread_id == (unsigned long)pthread_self(); /* as PyThread_get_thread_ident */
#endif
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

static inline py4go_typed_fast_result typed_fast(int status, int kind, int64_t num)
{
    py4go_typed_fast_result f = {num, (uint64_t)(status << 4 | kind)};
    return f;
}

/* A py4go_result as a fast result: inline when it carries no more than a status and a scalar. */
static py4go_typed_fast_result typed_fast_from(py4go_result r)
{
    if (r.exc == NULL && r.arg == -1 && r.value.kind <= PY4GO_FLOAT64 && r.value.kind >= 0)
        return typed_fast(r.status, r.value.kind, r.value.num);
    py4go_result *boxed = malloc(sizeof *boxed);
    if (boxed == NULL) {
        py4go_exception_free(r.exc);
        return typed_fast(PY4GO_BAD_ARGUMENT, PY4GO_NONE, 0);
    }
    *boxed = r;
    py4go_typed_fast_result f = {0, (uint64_t)(uintptr_t)boxed};
    return f;
}

py4go_result py4go_typed_take_result(uint64_t tag)
{
    py4go_result *boxed = (py4go_result *)(uintptr_t)tag;
    py4go_result r = *boxed;
    free(boxed);
    return r;
}

/* Convert a fast call's result (owned) to `want`, consuming it; the common cases inline. */
static py4go_typed_fast_result typed_fast_result(PyObject *o, int want, int flags)
{
    if (want == PY4GO_TYPED_IGNORE || ((flags & PY4GO_TYPED_OPTIONAL) && o == Py_None)) {
        Py_DECREF(o);
        return typed_fast(PY4GO_OK, PY4GO_NONE, 0);
    }
    if ((want == PY4GO_INT64 || want == PY4GO_TYPED_UNBOX) && PyLong_CheckExact(o)) {
        int overflow = 0;
        long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow == 0) {
            Py_DECREF(o);
            return typed_fast(PY4GO_OK, PY4GO_INT64, x);
        }
    }
    if (want == PY4GO_TYPED_UNBOX) { /* set_result's PY4GO_UNBOX, in py4go.c */
        if (o == Py_None) {
            Py_DECREF(o);
            return typed_fast(PY4GO_OK, PY4GO_NONE, 0);
        }
        if (PyBool_Check(o)) {
            int64_t b = o == Py_True;
            Py_DECREF(o);
            return typed_fast(PY4GO_OK, PY4GO_BOOL, b);
        }
        if (PyFloat_CheckExact(o)) {
            double d = PyFloat_AS_DOUBLE(o);
            int64_t bits;
            memcpy(&bits, &d, sizeof bits);
            Py_DECREF(o);
            return typed_fast(PY4GO_OK, PY4GO_FLOAT64, bits);
        }
        return typed_fast(PY4GO_OK, PY4GO_OBJECT, (int64_t)(uintptr_t)o); /* the caller's reference */
    }
    if (want == PY4GO_FLOAT64 && PyFloat_CheckExact(o)) {
        double d = PyFloat_AS_DOUBLE(o);
        int64_t bits;
        memcpy(&bits, &d, sizeof bits);
        Py_DECREF(o);
        return typed_fast(PY4GO_OK, PY4GO_FLOAT64, bits);
    } else if (want == PY4GO_BOOL && PyBool_Check(o)) {
        int64_t b = o == Py_True;
        Py_DECREF(o);
        return typed_fast(PY4GO_OK, PY4GO_BOOL, b);
    }
    return typed_fast_from(typed_result(o, want, flags, NULL, 0)); /* the strict checks, the messages */
}

py4go_typed_fast_result py4go_typed_call_fast(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1,
                                              int64_t a2, int64_t a3)
{
    uint32_t kinds = (uint32_t)(desc & 0xffff);
    int nargs = (int)((desc >> 16) & 0xff);
    int flags = (int)((desc >> 24) & 0xff);
    int want = (int)((desc >> 32) & 0xff) - PY4GO_TYPED_WANT_BIAS;
    int ensured = 0;
    PyGILState_STATE state = PyGILState_UNLOCKED;
    if (!typed_holds_gil()) { /* checked first: holding the GIL implies Python is initialized */
        if (!Py_IsInitialized())
            return typed_fast(PY4GO_NOT_INITIALIZED, PY4GO_NONE, 0);
        if (!(flags & PY4GO_TYPED_ENSURE_GIL))
            return typed_fast(PY4GO_NO_GIL, PY4GO_NONE, 0);
        state = py4go_ensure_gil_keeping_thread_state();
        ensured = 1;
    }
    const int64_t vals[PY4GO_TYPED_FAST_ARGS] = {a0, a1, a2, a3};
    /* stack[0] is the spare slot PY_VECTORCALL_ARGUMENTS_OFFSET lets the callee use. */
    PyObject *stack[PY4GO_TYPED_FAST_ARGS + 1];
    PyObject **argv = stack + 1;
    py4go_typed_fast_result r;
    int made = 0;
    for (; made < nargs; made++) {
        int kind = (int)((kinds >> (4 * made)) & 0xf);
        if (kind == PY4GO_INT64) { /* the common argument, without the switch */
            argv[made] = PyLong_FromLongLong(vals[made]);
            if (argv[made] == NULL)
                break;
            continue;
        }
        argv[made] = typed_fast_arg(kind, vals[made]);
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
        r = typed_fast_from(py4go_typed_fetch_exception());
    else
        r = typed_fast_result(result, want, flags);
    if (ensured)
        PyGILState_Release(state);
    return r;
}

/* Whether o is an int small enough to read without a call (CPython's own fast path: one
 * digit on 3.11, "compact" on 3.12+), and its value. Not under the limited API, whose
 * PyLongObject is opaque: there the caller takes the general conversion. */
static inline int typed_small_int(PyObject *o, int64_t *x)
{
#ifdef Py_LIMITED_API
    (void)o;
    (void)x;
    return 0;
#elif PY_VERSION_HEX >= 0x030C0000
    if (!PyLong_CheckExact(o) || !PyUnstable_Long_IsCompact((PyLongObject *)o))
        return 0;
    *x = (int64_t)PyUnstable_Long_CompactValue((PyLongObject *)o);
    return 1;
#else
    if (!PyLong_CheckExact(o))
        return 0;
    Py_ssize_t size = Py_SIZE(o);
    if (size < -1 || size > 1)
        return 0;
    /* size 0 is read apart: a zero made by _PyLong_New(0) need not have a digit */
    *x = size == 0 ? 0 : size * (int64_t)((PyLongObject *)o)->ob_digit[0];
    return 1;
#endif
}

/* A failed fast call's exception, boxed as py4go_typed_call_fast boxes it (out of line: the
 * hot path stays short). */
static py4go_typed_fast_result __attribute__((noinline)) typed_fast_exception(void)
{
    return typed_fast_from(py4go_typed_fetch_exception());
}

/* A fast call whose argument i could not be made: release the ones made, report the error. */
static py4go_typed_fast_result __attribute__((noinline)) typed_fast_arg_failed(PyObject **argv, int made)
{
    for (int i = 0; i < made; i++)
        Py_DECREF(argv[i]);
    return typed_fast_exception();
}

/* Argument i of typed_fast_n, straight-line (nargs is a constant: the test folds away). */
#define TYPED_FAST_ARG(i, a)                                                                        \
    if (nargs > (i)) {                                                                              \
        int kind = (int)((desc >> (4 * (i))) & 0xf);                                                \
        argv[i] = kind == PY4GO_INT64 ? PyLong_FromLongLong(a) : typed_fast_arg(kind, (a));         \
        if (argv[i] == NULL)                                                                        \
            return typed_fast_arg_failed(argv, (i));                                                \
    }

/* The body of py4go_typed_fastN: nargs is a constant in each, so it compiles to straight-line
 * code (a loop over the arguments cost ~15 instructions per argument more). */
static inline __attribute__((always_inline)) py4go_typed_fast_result
typed_fast_n(uintptr_t callable, uint64_t desc, int nargs, int64_t a0, int64_t a1, int64_t a2, int64_t a3)
{
    if (!typed_holds_gil()) /* the rare case: take the GIL, or report that it is not held */
        return py4go_typed_call_fast(callable, desc, a0, a1, a2, a3);
    PyObject *stack[PY4GO_TYPED_FAST_ARGS + 1]; /* stack[0]: PY_VECTORCALL_ARGUMENTS_OFFSET's slot */
    PyObject **argv = stack + 1;
    TYPED_FAST_ARG(0, a0)
    TYPED_FAST_ARG(1, a1)
    TYPED_FAST_ARG(2, a2)
    TYPED_FAST_ARG(3, a3)
    PyObject *result =
        PyObject_Vectorcall((PyObject *)callable, argv, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    for (int i = 0; i < nargs; i++)
        Py_DECREF(argv[i]);
    if (result == NULL)
        return typed_fast_exception();
    int want = (int)((desc >> 32) & 0xff) - PY4GO_TYPED_WANT_BIAS;
    int64_t x;
    if ((want == PY4GO_INT64 || want == PY4GO_TYPED_UNBOX) && typed_small_int(result, &x)) {
        Py_DECREF(result);
        return typed_fast(PY4GO_OK, PY4GO_INT64, x);
    }
    return typed_fast_result(result, want, (int)((desc >> 24) & 0xff));
}

py4go_typed_fast_result py4go_typed_fast0(uintptr_t callable, uint64_t desc)
{
    return typed_fast_n(callable, desc, 0, 0, 0, 0, 0);
}

py4go_typed_fast_result py4go_typed_fast1(uintptr_t callable, uint64_t desc, int64_t a0)
{
    return typed_fast_n(callable, desc, 1, a0, 0, 0, 0);
}

py4go_typed_fast_result py4go_typed_fast2(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1)
{
    return typed_fast_n(callable, desc, 2, a0, a1, 0, 0);
}

py4go_typed_fast_result py4go_typed_fast3(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1, int64_t a2)
{
    return typed_fast_n(callable, desc, 3, a0, a1, a2, 0);
}

py4go_typed_fast_result py4go_typed_fast4(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1, int64_t a2,
                                          int64_t a3)
{
    return typed_fast_n(callable, desc, 4, a0, a1, a2, a3);
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
