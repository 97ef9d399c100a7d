/* py4go.c — the py4go C runtime's embedding half (see py4go.h for the contract).
 *
 * Every entry point that touches Python starts with ENTER(), which turns "Python is not
 * initialized" and "this thread does not hold the GIL" into a status instead of a crash, and
 * every failure leaves Python's error indicator clean: the exception is copied out into a
 * py4go_exception first.
 */
#include "py4go.h"
#include "py4go_config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The thread state of the thread that ran py4go_initialize, kept (with the GIL released)
 * until py4go_finalize takes it back. */
static PyThreadState *main_tstate;

/* traceback.format_exception, imported on first use; dropped at finalization. */
static PyObject *format_exception_fn;

/* The str object whose UTF-8 bytes py4go_str handed out last on this thread. */
static _Thread_local PyObject *str_keepalive;

/* ---- results and exceptions --------------------------------------------------------------- */

static py4go_result ok_result(void)
{
    py4go_result r;
    memset(&r, 0, sizeof r);
    r.arg = -1;
    return r;
}

static py4go_result status_result(int status)
{
    py4go_result r = ok_result();
    r.status = status;
    return r;
}

/* Check initialization and the GIL: every entry point that touches Python starts here. */
#define ENTER()                                          \
    do {                                                 \
        if (!Py_IsInitialized())                         \
            return status_result(PY4GO_NOT_INITIALIZED); \
        if (!PyGILState_Check())                         \
            return status_result(PY4GO_NO_GIL);          \
    } while (0)

static char *dup_bytes(const char *p, Py_ssize_t n)
{
    char *s = malloc((size_t)n + 1);
    if (s == NULL)
        return NULL;
    if (n > 0)
        memcpy(s, p, (size_t)n);
    s[n] = '\0';
    return s;
}

/* A malloc'd UTF-8 copy of str(o) (or "<unprintable TYPE>"); never fails with an exception set. */
static char *dup_str_of(PyObject *o, int use_repr)
{
    PyObject *s = o == NULL ? NULL : (use_repr ? PyObject_Repr(o) : PyObject_Str(o));
    const char *p = NULL;
    Py_ssize_t n = 0;
    if (s != NULL)
        p = PyUnicode_AsUTF8AndSize(s, &n);
    char *out;
    if (p != NULL) {
        out = dup_bytes(p, n);
    } else {
        PyErr_Clear();
        char buf[200];
        snprintf(buf, sizeof buf, "<unprintable %s object>", o == NULL ? "NULL" : py4go_tp_name(Py_TYPE(o)));
        out = dup_bytes(buf, (Py_ssize_t)strlen(buf));
    }
    Py_XDECREF(s);
    return out;
}

/* "ValueError", or "pkg.mod.MyError" — the same spelling traceback uses. */
static char *exception_type_name(PyObject *type)
{
    if (type == NULL || !PyType_Check(type))
        return dup_bytes("<unknown>", 9);
    PyObject *qual = PyType_GetQualName((PyTypeObject *)type);
    PyObject *mod = PyObject_GetAttrString(type, "__module__");
    PyObject *name = NULL;
    if (qual != NULL && mod != NULL && PyUnicode_Check(mod) &&
        PyUnicode_CompareWithASCIIString(mod, "builtins") != 0 &&
        PyUnicode_CompareWithASCIIString(mod, "__main__") != 0)
        name = PyUnicode_FromFormat("%U.%U", mod, qual);
    else if (qual != NULL)
        name = Py_NewRef(qual);
    char *out = name != NULL ? dup_str_of(name, 0) : dup_bytes(py4go_tp_name((PyTypeObject *)type),
                                                                (Py_ssize_t)strlen(py4go_tp_name((PyTypeObject *)type)));
    PyErr_Clear();
    Py_XDECREF(qual);
    Py_XDECREF(mod);
    Py_XDECREF(name);
    return out;
}

/* "".join(traceback.format_exception(value)), or "" if that fails. */
static char *format_traceback(PyObject *value)
{
    if (format_exception_fn == NULL) {
        PyObject *tb_mod = PyImport_ImportModule("traceback");
        if (tb_mod != NULL) {
            format_exception_fn = PyObject_GetAttrString(tb_mod, "format_exception");
            Py_DECREF(tb_mod);
        }
    }
    char *out = NULL;
    if (format_exception_fn != NULL) {
        PyObject *lines = PyObject_CallOneArg(format_exception_fn, value);
        if (lines != NULL) {
            PyObject *empty = PyUnicode_FromStringAndSize("", 0);
            PyObject *text = empty != NULL ? PyUnicode_Join(empty, lines) : NULL;
            if (text != NULL)
                out = dup_str_of(text, 0);
            Py_XDECREF(text);
            Py_XDECREF(empty);
            Py_DECREF(lines);
        }
    }
    PyErr_Clear();
    return out != NULL ? out : dup_bytes("", 0);
}

/* The process exit status Python gives a SystemExit (as handle_system_exit does, without
 * printing or exiting): code None is 0, an int is itself, anything else is 1. */
static int32_t system_exit_code(PyObject *value)
{
    PyObject *code = PyObject_GetAttrString(value, "code");
    int32_t rc = 1;
    if (code == NULL) {
        PyErr_Clear();
    } else if (code == Py_None) {
        rc = 0;
    } else if (PyLong_Check(code)) {
        long v = PyLong_AsLong(code);
        if (v == -1 && PyErr_Occurred())
            PyErr_Clear();
        rc = (int32_t)(int)v;
    }
    Py_XDECREF(code);
    return rc;
}

/* Move the pending Python exception into a result with `status`, clearing the error state.
 * A traceback is formatted only for real exceptions (not for conversion failures). */
static py4go_result fetch_error(int status, int arg)
{
    py4go_result r = status_result(status);
    r.arg = arg;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL) {
        /* A C-API function failed without setting an exception: report that, not nothing. */
        type = Py_NewRef(PyExc_SystemError);
        value = PyUnicode_FromString("error return without exception set");
    }
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && tb != NULL)
        PyException_SetTraceback(value, tb);
    py4go_exception *exc = calloc(1, sizeof *exc);
    if (exc != NULL) {
        exc->type = exception_type_name(type);
        exc->message = dup_str_of(value, 0);
        exc->traceback = status == PY4GO_EXCEPTION && value != NULL ? format_traceback(value) : dup_bytes("", 0);
        /* Only reported, never acted on: Py_Exit behind the Go program's back would end it
         * without its deferred calls (see Exception.ExitCode). */
        if (value != NULL && PyErr_GivenExceptionMatches(value, PyExc_SystemExit)) {
            exc->system_exit = 1;
            exc->exit_code = system_exit_code(value);
        }
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
    r.exc = exc;
    return r;
}

/* A new reference to the pending exception (normalized, its traceback attached), which stays
 * pending; NULL if there is none. For PY4GO_KEEP_EXCEPTION. */
static PyObject *keep_exception(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && tb != NULL)
        PyException_SetTraceback(value, tb);
    PyObject *kept = Py_XNewRef(value);
    PyErr_Restore(type, value, tb);
    return kept;
}

/* Raise `exc_type(fmt % ...)` and return it as a result with `status`. */
static py4go_result fail(int status, int arg, PyObject *exc_type, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyErr_FormatV(exc_type, fmt, va);
    va_end(va);
    return fetch_error(status, arg);
}

void py4go_exception_free(py4go_exception *exc)
{
    if (exc == NULL)
        return;
    free(exc->type);
    free(exc->message);
    free(exc->traceback);
    free(exc);
}

/* ---- lifecycle ------------------------------------------------------------------------------ */

py4go_result py4go_initialize(void)
{
    py4go_config defaults;
    memset(&defaults, 0, sizeof defaults);
    return py4go_initialize_config(&defaults);
}

/* A PY4GO_BAD_ARGUMENT result carrying msg (copied). */
py4go_result py4go_config_failure(const char *msg)
{
    py4go_result r = status_result(PY4GO_BAD_ARGUMENT);
    r.exc = calloc(1, sizeof *r.exc);
    if (r.exc != NULL) {
        r.exc->type = dup_bytes("PyStatus", 8);
        r.exc->message = dup_bytes(msg, (Py_ssize_t)strlen(msg));
        r.exc->traceback = dup_bytes("", 0);
    }
    return r;
}

#ifndef Py_LIMITED_API /* PyConfig: embedding only, see py4go_config.c */
py4go_result py4go_start(PyConfig *config, const py4go_config *cfg)
{
    PyStatus st = Py_InitializeFromConfig(config);
    if (PyStatus_Exception(st))
        return py4go_status_failure(st);
    if (py4go_insert_search_paths(cfg) < 0) {
        py4go_result r = fetch_error(PY4GO_BAD_ARGUMENT, -1);
        Py_FinalizeEx();
        return r;
    }
    /* Import threading here, on the interpreter's main thread: if Python code first imports
     * it on another thread (a goroutine's, under WithGIL), threading._main_thread is that
     * thread and Py_FinalizeEx's threading._shutdown can wait forever for it. */
    PyObject *threading = PyImport_ImportModule("threading");
    if (threading == NULL)
        PyErr_Clear();
    Py_XDECREF(threading);
    main_tstate = PyEval_SaveThread();
    py4go_result r = ok_result();
    r.value.num = 1;
    return r;
}
#endif

int py4go_main_thread_enter(void)
{
    if (!Py_IsInitialized() || main_tstate == NULL)
        return -1;
    PyEval_RestoreThread(main_tstate);
    return 0;
}

void py4go_main_thread_leave(void)
{
    main_tstate = PyEval_SaveThread();
}

py4go_result py4go_finalize(void)
{
    if (!Py_IsInitialized() || main_tstate == NULL)
        return status_result(PY4GO_NOT_INITIALIZED);
    PyEval_RestoreThread(main_tstate);
    main_tstate = NULL;
    Py_CLEAR(format_exception_fn);
    Py_CLEAR(str_keepalive);
    int rc = Py_FinalizeEx();
    py4go_restore_signal_handlers();
    py4go_result r = ok_result();
    r.value.num = rc;
    return r;
}

/* Call module.func() (module already imported), as Py_FinalizeEx does: failures are reported
 * as unraisable, never raised. No-op when the module was never imported. */
static void call_if_imported(const char *module, const char *func)
{
    PyObject *name = PyUnicode_FromString(module);
    PyObject *mod = name != NULL ? PyImport_GetModule(name) : NULL;
    Py_XDECREF(name);
    if (mod != NULL) {
        PyObject *r = PyObject_CallMethod(mod, func, NULL);
        if (r == NULL)
            PyErr_WriteUnraisable(mod);
        Py_XDECREF(r);
        Py_DECREF(mod);
    }
    PyErr_Clear();
}

void py4go_prepare_finalize(void)
{
    if (!Py_IsInitialized() || main_tstate == NULL)
        return;
    PyEval_RestoreThread(main_tstate);
    /* What Py_FinalizeEx does first, in its order: threading._shutdown joins every non-daemon
     * thread (releasing the GIL while it waits), then the atexit hooks run. Both are
     * one-shot, so Py_FinalizeEx's own calls find nothing left to do. */
    call_if_imported("threading", "_shutdown");
    call_if_imported("atexit", "_run_exitfuncs");
    main_tstate = PyEval_SaveThread();
}

int py4go_is_initialized(void)
{
    return Py_IsInitialized();
}

const char *py4go_version(void)
{
    return Py_GetVersion();
}

py4go_result py4go_append_inittab(const char *name, Py_ssize_t name_len, PyObject *(*initfunc)(void))
{
    if (Py_IsInitialized())
        return status_result(PY4GO_BAD_ARGUMENT);
    /* CPython keeps the pointer: the copy lives for the rest of the process on purpose. */
    char *kept = dup_bytes(name, name_len);
    if (kept == NULL || PyImport_AppendInittab(kept, initfunc) < 0) {
        free(kept);
        return status_result(PY4GO_BAD_ARGUMENT);
    }
    return ok_result();
}

/* ---- the GIL --------------------------------------------------------------------------------- */

py4go_result py4go_gil_ensure(void)
{
    if (!Py_IsInitialized())
        return status_result(PY4GO_NOT_INITIALIZED);
    py4go_result r = ok_result();
    r.value.num = (int64_t)PyGILState_Ensure();
    return r;
}

void py4go_gil_release(int64_t state)
{
    PyGILState_Release((PyGILState_STATE)state);
}

int py4go_gil_check(void)
{
    return Py_IsInitialized() && PyGILState_Check();
}

py4go_result py4go_save_thread(void)
{
    ENTER();
    py4go_result r = ok_result();
    r.value.ptr = PyEval_SaveThread();
    return r;
}

void py4go_restore_thread(void *tstate)
{
    PyEval_RestoreThread((PyThreadState *)tstate);
}

/* ---- references -------------------------------------------------------------------------------- */

int py4go_release(PyObject *o)
{
    if (!Py_IsInitialized())
        return PY4GO_NOT_INITIALIZED;
    if (!PyGILState_Check())
        return PY4GO_NO_GIL;
    Py_XDECREF(o);
    return PY4GO_OK;
}

int py4go_release_many(PyObject *const *objs, Py_ssize_t n)
{
    if (!Py_IsInitialized())
        return PY4GO_NOT_INITIALIZED;
    if (!PyGILState_Check())
        return PY4GO_NO_GIL;
    for (Py_ssize_t i = 0; i < n; i++)
        Py_XDECREF(objs[i]);
    return PY4GO_OK;
}

py4go_result py4go_incref(PyObject *o)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    Py_INCREF(o);
    py4go_result r = ok_result();
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = o;
    return r;
}

/* ---- conversions --------------------------------------------------------------------------------- */

/* A new reference for v, or NULL with an exception set. Consumes a stolen reference either way. */
static PyObject *value_to_object(const py4go_value *v)
{
    switch (v->kind) {
    case PY4GO_NONE:
        Py_RETURN_NONE;
    case PY4GO_BOOL:
        return PyBool_FromLong(v->num != 0);
    case PY4GO_INT64:
        return PyLong_FromLongLong(v->num);
    case PY4GO_UINT64:
        return PyLong_FromUnsignedLongLong((unsigned long long)(uint64_t)v->num);
    case PY4GO_FLOAT64: {
        double d;
        memcpy(&d, &v->num, sizeof d);
        return PyFloat_FromDouble(d);
    }
    case PY4GO_STR:
        return PyUnicode_DecodeUTF8((const char *)v->ptr, (Py_ssize_t)v->num, "strict");
    case PY4GO_BYTES:
        return PyBytes_FromStringAndSize((const char *)v->ptr, (Py_ssize_t)v->num);
    case PY4GO_COMPLEX: {
        const double *parts = (const double *)v->ptr;
        return PyComplex_FromDoubles(parts[0], parts[1]);
    }
    case PY4GO_OBJECT:
        if (v->ptr == NULL) {
            PyErr_SetString(PyExc_ValueError, "NULL PyObject pointer");
            return NULL;
        }
        if (v->flags & PY4GO_STEAL)
            return (PyObject *)v->ptr;
        return Py_NewRef((PyObject *)v->ptr);
    default:
        PyErr_Format(PyExc_SystemError, "py4go: unknown value kind %d", (int)v->kind);
        return NULL;
    }
}

/* Drop the stolen references of values[from:to] that will never be converted. */
static void release_stolen(const py4go_value *values, Py_ssize_t from, Py_ssize_t to)
{
    for (Py_ssize_t i = from; i < to; i++) {
        if (values[i].kind == PY4GO_OBJECT && (values[i].flags & PY4GO_STEAL))
            Py_XDECREF((PyObject *)values[i].ptr);
    }
}

/* The failure of converting argument `index`: a conversion error, except that an exception
 * other than a decoding problem (e.g. MemoryError) is reported as what it is. */
static py4go_result conversion_failure(const py4go_value *v, Py_ssize_t index)
{
    int status = PY4GO_EXCEPTION;
    if (v->kind == PY4GO_STR && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError))
        status = PY4GO_CONVERSION;
    else if (v->kind == PY4GO_OBJECT && v->ptr == NULL)
        status = PY4GO_BAD_ARGUMENT;
    return fetch_error(status, (int)index);
}

py4go_result py4go_from_value(const py4go_value *v)
{
    ENTER();
    PyObject *o = value_to_object(v);
    if (o == NULL)
        return conversion_failure(v, 0);
    py4go_result r = ok_result();
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = o;
    return r;
}

py4go_result py4go_new_container(const py4go_value *items, Py_ssize_t n, int is_tuple, int is_dict)
{
    ENTER();
    Py_ssize_t count = is_dict ? 2 * n : n;
    PyObject *c = is_dict ? PyDict_New() : (is_tuple ? PyTuple_New(n) : PyList_New(n));
    if (c == NULL) {
        release_stolen(items, 0, count);
        return fetch_error(PY4GO_EXCEPTION, -1);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (is_dict) {
            PyObject *k = value_to_object(&items[2 * i]);
            if (k == NULL) {
                py4go_result r = conversion_failure(&items[2 * i], 2 * i);
                release_stolen(items, 2 * i + 1, count);
                Py_DECREF(c);
                return r;
            }
            PyObject *v = value_to_object(&items[2 * i + 1]);
            if (v == NULL) {
                py4go_result r = conversion_failure(&items[2 * i + 1], 2 * i + 1);
                Py_DECREF(k);
                release_stolen(items, 2 * i + 2, count);
                Py_DECREF(c);
                return r;
            }
            int rc = PyDict_SetItem(c, k, v);
            Py_DECREF(k);
            Py_DECREF(v);
            if (rc < 0) { /* e.g. an unhashable key */
                release_stolen(items, 2 * i + 2, count);
                Py_DECREF(c);
                return fetch_error(PY4GO_EXCEPTION, (int)(2 * i));
            }
        } else {
            PyObject *v = value_to_object(&items[i]);
            if (v == NULL) {
                py4go_result r = conversion_failure(&items[i], i);
                release_stolen(items, i + 1, count);
                Py_DECREF(c);
                return r;
            }
            if (is_tuple)
                PyTuple_SET_ITEM(c, i, v);
            else
                PyList_SET_ITEM(c, i, v);
        }
    }
    py4go_result r = ok_result();
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = c;
    return r;
}

static const char *go_type_of_kind(int kind)
{
    switch (kind) {
    case PY4GO_NONE: return "nil";
    case PY4GO_BOOL: return "bool";
    case PY4GO_INT64: return "int64";
    case PY4GO_UINT64: return "uint64";
    case PY4GO_FLOAT64: return "float64";
    case PY4GO_STR: return "string";
    case PY4GO_BYTES: return "[]byte";
    default: return "value";
    }
}

py4go_result py4go_to_complex(PyObject *o, double *parts)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    py4go_result r = ok_result();
    if (!PyComplex_Check(o) && !PyFloat_Check(o) && !PyLong_Check(o) && !py4go_has_float_or_index(Py_TYPE(o)) &&
        !PyObject_HasAttrString((PyObject *)Py_TYPE(o), "__complex__")) {
        r.value.kind = PY4GO_OBJECT; /* not a number: the caller words the type error */
        return r;
    }
    Py_complex c = PyComplex_AsCComplex(o);
    if (c.real == -1.0 && PyErr_Occurred())
        return fetch_error(PY4GO_CONVERSION, -1);
    parts[0] = c.real;
    parts[1] = c.imag;
    r.value.kind = PY4GO_COMPLEX;
    return r;
}

/* The natural kind of o (see py4go_to_value with want = -1). ptr is borrowed. */
static py4go_result describe(PyObject *o)
{
    py4go_result r = ok_result();
    py4go_value *v = &r.value;
    if (o == Py_None) {
        v->kind = PY4GO_NONE;
    } else if (PyBool_Check(o)) {
        v->kind = PY4GO_BOOL;
        v->num = o == Py_True;
    } else if (PyLong_Check(o)) {
        int overflow = 0;
        long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow == 0) {
            v->kind = PY4GO_INT64;
            v->num = x;
        } else if (overflow > 0) {
            unsigned long long u = PyLong_AsUnsignedLongLong(o);
            if (u == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear();
                v->kind = PY4GO_BIGINT;
                v->ptr = o;
            } else {
                v->kind = PY4GO_UINT64;
                v->num = (int64_t)u;
            }
        } else {
            v->kind = PY4GO_BIGINT;
            v->ptr = o;
        }
    } else if (PyFloat_Check(o)) {
        double d = PyFloat_AS_DOUBLE(o);
        v->kind = PY4GO_FLOAT64;
        memcpy(&v->num, &d, sizeof d);
    } else if (PyUnicode_Check(o)) {
        Py_ssize_t n;
        const char *p = PyUnicode_AsUTF8AndSize(o, &n);
        if (p == NULL)
            return fetch_error(PY4GO_CONVERSION, -1);
        v->kind = PY4GO_STR;
        v->ptr = p;
        v->num = n;
    } else if (PyBytes_Check(o)) {
        v->kind = PY4GO_BYTES;
        v->ptr = PyBytes_AS_STRING(o);
        v->num = PyBytes_GET_SIZE(o);
    } else if (PyByteArray_Check(o)) {
        v->kind = PY4GO_BYTES;
        v->ptr = PyByteArray_AS_STRING(o);
        v->num = PyByteArray_GET_SIZE(o);
    } else if (PyList_Check(o)) {
        v->kind = PY4GO_LIST;
        v->ptr = o;
        v->num = PyList_GET_SIZE(o);
    } else if (PyTuple_Check(o)) {
        v->kind = PY4GO_TUPLE;
        v->ptr = o;
        v->num = PyTuple_GET_SIZE(o);
    } else if (PyDict_Check(o)) {
        v->kind = PY4GO_DICT;
        v->ptr = o;
        v->num = PyDict_GET_SIZE(o);
    } else {
        v->kind = PY4GO_OBJECT;
        v->ptr = o;
    }
    return r;
}

py4go_result py4go_to_value(PyObject *o, int want)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    if (want < 0)
        return describe(o);
    py4go_result r = ok_result();
    py4go_value *v = &r.value;
    v->kind = want;
    const char *gotype = go_type_of_kind(want);
    switch (want) {
    case PY4GO_NONE:
        if (o == Py_None)
            return r;
        break;
    case PY4GO_BOOL:
        if (PyBool_Check(o)) {
            v->num = o == Py_True;
            return r;
        }
        break;
    case PY4GO_INT64:
        if (PyLong_Check(o) && !PyBool_Check(o)) {
            int overflow = 0;
            long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
            if (overflow != 0)
                return fail(PY4GO_CONVERSION, -1, PyExc_OverflowError,
                            "Python int %R is out of range for Go int64", o);
            v->num = x;
            return r;
        }
        break;
    case PY4GO_UINT64:
        if (PyLong_Check(o) && !PyBool_Check(o)) {
            int overflow = 0;
            long long x0 = PyLong_AsLongLongAndOverflow(o, &overflow);
            if (overflow < 0 || (overflow == 0 && x0 < 0))
                return fail(PY4GO_CONVERSION, -1, PyExc_OverflowError,
                            "Python int %R is negative and cannot be converted to Go uint64", o);
            unsigned long long x = PyLong_AsUnsignedLongLong(o);
            if (x == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear();
                return fail(PY4GO_CONVERSION, -1, PyExc_OverflowError,
                            "Python int %R is out of range for Go uint64", o);
            }
            v->num = (int64_t)x;
            return r;
        }
        break;
    case PY4GO_FLOAT64:
        if (PyFloat_Check(o) || (PyLong_Check(o) && !PyBool_Check(o))) {
            double d = PyFloat_Check(o) ? PyFloat_AS_DOUBLE(o) : PyLong_AsDouble(o);
            if (d == -1.0 && PyErr_Occurred())
                return fetch_error(PY4GO_CONVERSION, -1);
            memcpy(&v->num, &d, sizeof d);
            return r;
        }
        break;
    case PY4GO_STR:
        if (PyUnicode_Check(o)) {
            Py_ssize_t n;
            const char *p = PyUnicode_AsUTF8AndSize(o, &n);
            if (p == NULL) /* lone surrogates */
                return fetch_error(PY4GO_CONVERSION, -1);
            v->ptr = p;
            v->num = n;
            return r;
        }
        break;
    case PY4GO_BYTES:
        if (PyBytes_Check(o)) {
            v->ptr = PyBytes_AS_STRING(o);
            v->num = PyBytes_GET_SIZE(o);
            return r;
        }
        if (PyByteArray_Check(o)) {
            v->ptr = PyByteArray_AS_STRING(o);
            v->num = PyByteArray_GET_SIZE(o);
            return r;
        }
        break;
    default:
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "py4go: unknown value kind %d", want);
    }
    return fail(PY4GO_CONVERSION, -1, PyExc_TypeError, "cannot convert Python %s to Go %s",
                py4go_tp_name(Py_TYPE(o)), gotype);
}

/* Describe one container item for py4go_unpack: like describe(), but object-like kinds get a
 * new reference the caller owns. */
static py4go_result describe_item(PyObject *item)
{
    py4go_result r = describe(item);
    if (r.status == PY4GO_OK) {
        int k = r.value.kind;
        if (k == PY4GO_OBJECT || k == PY4GO_LIST || k == PY4GO_TUPLE || k == PY4GO_DICT || k == PY4GO_BIGINT)
            Py_INCREF(item);
    }
    return r;
}

static void release_described(py4go_value *out, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        int k = out[i].kind;
        if (k == PY4GO_OBJECT || k == PY4GO_LIST || k == PY4GO_TUPLE || k == PY4GO_DICT || k == PY4GO_BIGINT)
            Py_XDECREF((PyObject *)out[i].ptr);
    }
}

py4go_result py4go_unpack(PyObject *container, py4go_value *out, Py_ssize_t cap)
{
    ENTER();
    if (container == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    py4go_result res = ok_result();
    int is_dict = PyDict_Check(container);
    Py_ssize_t n;
    if (is_dict)
        n = PyDict_GET_SIZE(container);
    else if (PyList_Check(container))
        n = PyList_GET_SIZE(container);
    else if (PyTuple_Check(container))
        n = PyTuple_GET_SIZE(container);
    else
        return fail(PY4GO_CONVERSION, -1, PyExc_TypeError, "cannot unpack Python %s: not a list, tuple or dict",
                    py4go_tp_name(Py_TYPE(container)));
    res.value.num = n;
    if (n > cap)
        return res;
    Py_ssize_t written = 0;
    if (is_dict) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(container, &pos, &k, &v)) {
            py4go_result rk = describe_item(k);
            if (rk.status != PY4GO_OK) {
                release_described(out, written);
                rk.arg = (int)written;
                return rk;
            }
            out[written++] = rk.value;
            py4go_result rv = describe_item(v);
            if (rv.status != PY4GO_OK) {
                release_described(out, written);
                rv.arg = (int)written;
                return rv;
            }
            out[written++] = rv.value;
        }
    } else {
        for (Py_ssize_t i = 0; i < n; i++) {
            py4go_result ri = describe_item(PySequence_Fast_GET_ITEM(container, i));
            if (ri.status != PY4GO_OK) {
                release_described(out, written);
                ri.arg = (int)i;
                return ri;
            }
            out[written++] = ri.value;
        }
    }
    return res;
}

#ifdef Py_LIMITED_API
static PyObject *type_names; /* str -> the same str: every type name handed out, kept alive */

/* What tp_name holds, from what the limited API can read: "module.Name" for static types
 * outside builtins ("datetime.datetime") and for classes made from a spec with a module (every
 * bindc class: "classes.Point"), __name__ for the rest ("int", a Python class's "Circle"). */
static PyObject *limited_tp_name(PyTypeObject *t)
{
    PyObject *name = PyType_GetName(t);
    if (name == NULL)
        return NULL;
    int qualify = 1;
    if (PyType_GetFlags(t) & Py_TPFLAGS_HEAPTYPE) {
        qualify = PyType_GetModule(t) != NULL; /* borrowed; TypeError for class statements */
        PyErr_Clear();
    }
    PyObject *module = qualify ? PyObject_GetAttrString((PyObject *)t, "__module__") : NULL;
    PyErr_Clear();
    if (module != NULL && PyUnicode_Check(module) && PyUnicode_CompareWithASCIIString(module, "builtins") != 0) {
        PyObject *full = PyUnicode_FromFormat("%U.%U", module, name);
        if (full != NULL)
            Py_SETREF(name, full);
    }
    Py_XDECREF(module);
    return name;
}

/* The UTF-8 of limited_tp_name(t) (qualified) or of __name__, kept in type_names. */
static const char *kept_type_name(PyTypeObject *t, int qualified)
{
    const char *s = "?";
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *exc_type, *exc, *tb;
    PyErr_Fetch(&exc_type, &exc, &tb); /* a pending error must survive naming a type */
    PyObject *name = qualified ? limited_tp_name(t) : PyType_GetName(t);
    if (name != NULL && type_names == NULL)
        type_names = PyDict_New();
    if (name != NULL && type_names != NULL) {
        PyObject *kept = PyDict_GetItemWithError(type_names, name); /* borrowed */
        if (kept == NULL && !PyErr_Occurred() && PyDict_SetItem(type_names, name, name) == 0)
            kept = name; /* the table now holds it */
        if (kept != NULL)
            s = PyUnicode_AsUTF8AndSize(kept, NULL);
    }
    Py_XDECREF(name);
    PyErr_Clear();
    PyErr_Restore(exc_type, exc, tb);
    PyGILState_Release(g);
    return s != NULL ? s : "?";
}

const char *py4go_tp_name(PyTypeObject *t)
{
    return kept_type_name(t, 1);
}

const char *py4go_type_short_name(PyTypeObject *t)
{
    return kept_type_name(t, 0);
}
#endif

/* ---- calls and attributes ----------------------------------------------------------------------- */

/* Unbox a scalar call result (consuming the reference), or keep it as an object. */
static void set_result(py4go_value *v, PyObject *o, int flags)
{
    if (flags & PY4GO_UNBOX) {
        if (o == Py_None) {
            v->kind = PY4GO_NONE;
            Py_DECREF(o);
            return;
        }
        if (PyBool_Check(o)) {
            v->kind = PY4GO_BOOL;
            v->num = o == Py_True;
            Py_DECREF(o);
            return;
        }
        if (PyLong_CheckExact(o)) {
            int overflow = 0;
            long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
            if (overflow == 0) {
                v->kind = PY4GO_INT64;
                v->num = x;
                Py_DECREF(o);
                return;
            }
        } else if (PyFloat_CheckExact(o)) {
            double d = PyFloat_AS_DOUBLE(o);
            v->kind = PY4GO_FLOAT64;
            memcpy(&v->num, &d, sizeof d);
            Py_DECREF(o);
            return;
        }
    }
    v->kind = PY4GO_OBJECT;
    v->ptr = o;
}

/* Enough for most calls without touching the heap: [spare slot][self][args...][kw values...]. */
#define SMALL_STACK 16

py4go_value py4go_scratch[PY4GO_SCRATCH_SIZE];
int32_t py4go_scratch_busy;

/* Give the argument array back (py4go_call_scratch); a no-op for py4go_call. */
static inline void args_done(int32_t *busy)
{
    if (busy != NULL)
        __atomic_store_n(busy, 0, __ATOMIC_RELEASE);
}

static py4go_result call_impl(PyObject *callable, const char *method, Py_ssize_t method_len,
                              const py4go_value *args, Py_ssize_t nargs, Py_ssize_t nkw, int flags,
                              int32_t *busy);

py4go_result py4go_call(PyObject *callable, const char *method, Py_ssize_t method_len,
                        const py4go_value *args, Py_ssize_t nargs, Py_ssize_t nkw, int flags)
{
    ENTER();
    return call_impl(callable, method, method_len, args, nargs, nkw, flags, NULL);
}

py4go_result py4go_call_scratch(uintptr_t callable, const char *method, Py_ssize_t method_len,
                                Py_ssize_t nargs, Py_ssize_t nkw, int flags)
{
    if (!Py_IsInitialized() || !PyGILState_Check()) {
        args_done(&py4go_scratch_busy);
        return status_result(Py_IsInitialized() ? PY4GO_NO_GIL : PY4GO_NOT_INITIALIZED);
    }
    return call_impl((PyObject *)callable, method, method_len, py4go_scratch, nargs, nkw, flags,
                     &py4go_scratch_busy);
}

static py4go_result call_impl(PyObject *callable, const char *method, Py_ssize_t method_len,
                              const py4go_value *args, Py_ssize_t nargs, Py_ssize_t nkw, int flags,
                              int32_t *busy)
{
    Py_ssize_t total = nargs + nkw;
    if (callable == NULL) {
        release_stolen(args, 0, total);
        args_done(busy);
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    }
    PyObject *small[SMALL_STACK];
    PyObject **stack = small;
    if (total + 2 > SMALL_STACK) {
        stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(total + 2));
        if (stack == NULL) {
            release_stolen(args, 0, total);
            args_done(busy);
            PyErr_NoMemory();
            return fetch_error(PY4GO_EXCEPTION, -1);
        }
    }
    /* stack[0] is the spare slot PY_VECTORCALL_ARGUMENTS_OFFSET lets the callee use; for a
     * method call stack[1] is self. */
    PyObject **argv = stack + (method != NULL ? 2 : 1);
    PyObject *kwnames = NULL, *name = NULL, *result = NULL;
    py4go_result r;
    Py_ssize_t converted = 0;
    for (; converted < total; converted++) {
        argv[converted] = value_to_object(&args[converted]);
        if (argv[converted] == NULL) {
            r = conversion_failure(&args[converted], converted);
            release_stolen(args, converted + 1, total);
            goto done;
        }
    }
    if (nkw > 0) {
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL) {
            r = fetch_error(PY4GO_EXCEPTION, -1);
            goto done;
        }
        for (Py_ssize_t i = 0; i < nkw; i++) {
            const py4go_value *kn = &args[total + i];
            PyObject *s = PyUnicode_DecodeUTF8((const char *)kn->ptr, (Py_ssize_t)kn->num, "strict");
            if (s == NULL) {
                r = fetch_error(PY4GO_CONVERSION, (int)(total + i));
                goto done;
            }
            PyUnicode_InternInPlace(&s);
            PyTuple_SET_ITEM(kwnames, i, s);
        }
    }
    args_done(busy); /* everything needed from args is converted */
    if (method != NULL) {
        name = PyUnicode_DecodeUTF8(method, method_len, "strict");
        if (name == NULL) {
            r = fetch_error(PY4GO_CONVERSION, -1);
            goto done;
        }
        stack[1] = callable;
        result = PyObject_VectorcallMethod(name, stack + 1, (size_t)(nargs + 1) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                           kwnames);
    } else {
        result = PyObject_Vectorcall(callable, argv, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
    if (result == NULL) {
        PyObject *kept = (flags & PY4GO_KEEP_EXCEPTION) ? keep_exception() : NULL;
        r = fetch_error(PY4GO_EXCEPTION, -1);
        if (kept != NULL) {
            r.value.kind = PY4GO_OBJECT;
            r.value.ptr = kept;
        }
        goto done;
    }
    r = ok_result();
    set_result(&r.value, result, flags);
done:
    args_done(busy);
    for (Py_ssize_t i = 0; i < converted; i++)
        Py_DECREF(argv[i]);
    Py_XDECREF(kwnames);
    Py_XDECREF(name);
    if (stack != small)
        PyMem_Free(stack);
    return r;
}

py4go_result py4go_getattr(PyObject *o, const char *name, Py_ssize_t name_len)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    PyObject *n = PyUnicode_DecodeUTF8(name, name_len, "strict");
    if (n == NULL)
        return fetch_error(PY4GO_CONVERSION, -1);
    PyObject *v = PyObject_GetAttr(o, n);
    Py_DECREF(n);
    if (v == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    py4go_result r = ok_result();
    set_result(&r.value, v, PY4GO_UNBOX);
    return r;
}

py4go_result py4go_setattr(PyObject *o, const char *name, Py_ssize_t name_len, const py4go_value *value)
{
    ENTER();
    if (o == NULL) {
        release_stolen(value, 0, 1);
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    }
    PyObject *v = value_to_object(value);
    if (v == NULL)
        return conversion_failure(value, 0);
    PyObject *n = PyUnicode_DecodeUTF8(name, name_len, "strict");
    if (n == NULL) {
        Py_DECREF(v);
        return fetch_error(PY4GO_CONVERSION, -1);
    }
    int rc = PyObject_SetAttr(o, n, v);
    Py_DECREF(n);
    Py_DECREF(v);
    if (rc < 0)
        return fetch_error(PY4GO_EXCEPTION, -1);
    return ok_result();
}

py4go_result py4go_str(PyObject *o, int repr)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    PyObject *s = repr ? PyObject_Repr(o) : PyObject_Str(o);
    if (s == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    Py_ssize_t n;
    const char *p = PyUnicode_AsUTF8AndSize(s, &n);
    if (p == NULL) {
        Py_DECREF(s);
        return fetch_error(PY4GO_CONVERSION, -1);
    }
    Py_XSETREF(str_keepalive, s);
    py4go_result r = ok_result();
    r.value.kind = PY4GO_STR;
    r.value.ptr = p;
    r.value.num = n;
    return r;
}

py4go_result py4go_type(PyObject *o)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    py4go_result r = ok_result();
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = Py_NewRef((PyObject *)Py_TYPE(o));
    return r;
}

const char *py4go_type_name(PyObject *o)
{
    return o == NULL ? "NULL" : py4go_tp_name(Py_TYPE(o));
}

/* ---- modules, code, sys.path ---------------------------------------------------------------------- */

static py4go_result object_result(PyObject *o)
{
    if (o == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    py4go_result r = ok_result();
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = o;
    return r;
}

py4go_result py4go_import(const char *name, Py_ssize_t name_len)
{
    ENTER();
    PyObject *n = PyUnicode_DecodeUTF8(name, name_len, "strict");
    if (n == NULL)
        return fetch_error(PY4GO_CONVERSION, -1);
    /* PyImport_ImportModuleLevelObject with a non-empty fromlist returns the leaf module. */
    PyObject *fromlist = Py_BuildValue("(s)", "*");
    PyObject *m = fromlist != NULL ? PyImport_ImportModuleLevelObject(n, NULL, NULL, fromlist, 0) : NULL;
    Py_XDECREF(fromlist);
    Py_DECREF(n);
    return object_result(m);
}

py4go_result py4go_run(const char *src, Py_ssize_t src_len, PyObject *globals, int eval_mode,
                       const char *filename)
{
    ENTER();
    if (globals == NULL) {
        PyObject *main = PyImport_AddModule("__main__"); /* borrowed */
        if (main == NULL)
            return fetch_error(PY4GO_EXCEPTION, -1);
        globals = PyModule_GetDict(main); /* borrowed */
    } else if (!PyDict_Check(globals)) {
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_TypeError, "globals must be a dict, not %s",
                    py4go_tp_name(Py_TYPE(globals)));
    }
    if (filename == NULL)
        filename = "<py4go>";
    if (src_len > 0 && memchr(src, '\0', (size_t)src_len) != NULL)
        return fail(PY4GO_CONVERSION, -1, PyExc_ValueError, "source code contains a NUL byte");
    /* The compiler wants a NUL-terminated buffer; Go strings are not. */
    char *code_text = dup_bytes(src, src_len);
    if (code_text == NULL) {
        PyErr_NoMemory();
        return fetch_error(PY4GO_EXCEPTION, -1);
    }
    PyObject *code = Py_CompileString(code_text, filename, eval_mode ? Py_eval_input : Py_file_input);
    free(code_text);
    if (code == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    PyObject *v = PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    if (v == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    py4go_result r = ok_result();
    set_result(&r.value, v, PY4GO_UNBOX);
    return r;
}

py4go_result py4go_new_globals(void)
{
    ENTER();
    PyObject *d = PyDict_New();
    if (d == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    PyObject *name = PyUnicode_FromString("__py4go__");
    if (name == NULL || PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins()) < 0 ||
        PyDict_SetItemString(d, "__name__", name) < 0) {
        Py_XDECREF(name);
        Py_DECREF(d);
        return fetch_error(PY4GO_EXCEPTION, -1);
    }
    Py_DECREF(name);
    return object_result(d);
}

py4go_result py4go_sys_path_add(const char *path, Py_ssize_t path_len, int front)
{
    ENTER();
    PyObject *sys_path = PySys_GetObject("path"); /* borrowed */
    if (sys_path == NULL || !PyList_Check(sys_path))
        return fail(PY4GO_EXCEPTION, -1, PyExc_RuntimeError, "sys.path is missing or not a list");
    PyObject *p = PyUnicode_DecodeFSDefaultAndSize(path, path_len);
    if (p == NULL)
        return fetch_error(PY4GO_CONVERSION, -1);
    int rc = front ? PyList_Insert(sys_path, 0, p) : PyList_Append(sys_path, p);
    Py_DECREF(p);
    if (rc < 0)
        return fetch_error(PY4GO_EXCEPTION, -1);
    return ok_result();
}

/* sys.modules[name] = module. */
static int put_in_sys_modules(PyObject *name, PyObject *module)
{
    PyObject *modules = PyImport_GetModuleDict(); /* borrowed */
    return PyObject_SetItem(modules, name, module);
}

py4go_result py4go_new_module(const char *name, Py_ssize_t name_len)
{
    ENTER();
    PyObject *n = PyUnicode_DecodeUTF8(name, name_len, "strict");
    if (n == NULL)
        return fetch_error(PY4GO_CONVERSION, -1);
    PyObject *m = PyModule_NewObject(n);
    if (m != NULL && put_in_sys_modules(n, m) < 0)
        Py_CLEAR(m);
    Py_DECREF(n);
    return object_result(m);
}

py4go_result py4go_module_add_function(PyObject *module, const char *name, Py_ssize_t name_len,
                                       void *cfunc, int meth_flags, const char *doc, Py_ssize_t doc_len)
{
    ENTER();
    if (module == NULL || cfunc == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL module or C function pointer");
    if (!PyModule_Check(module))
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_TypeError, "cannot add a function to a %s: not a module",
                    py4go_tp_name(Py_TYPE(module)));
    /* CPython keeps pointers to the PyMethodDef and its strings for as long as the function
     * object lives, which in practice is the life of the process: they are never freed. */
    PyMethodDef *def = calloc(1, sizeof *def);
    char *kept_name = dup_bytes(name, name_len);
    char *kept_doc = doc_len > 0 ? dup_bytes(doc, doc_len) : NULL;
    if (def == NULL || kept_name == NULL) {
        free(def);
        free(kept_name);
        free(kept_doc);
        PyErr_NoMemory();
        return fetch_error(PY4GO_EXCEPTION, -1);
    }
    def->ml_name = kept_name;
    def->ml_meth = (PyCFunction)cfunc;
    def->ml_flags = meth_flags;
    def->ml_doc = kept_doc;
    PyObject *modname = PyModule_GetNameObject(module);
    PyObject *fn = modname != NULL ? PyCFunction_NewEx(def, module, modname) : NULL;
    Py_XDECREF(modname);
    if (fn == NULL)
        return fetch_error(PY4GO_EXCEPTION, -1);
    int rc = PyModule_AddObjectRef(module, kept_name, fn);
    Py_DECREF(fn);
    if (rc < 0)
        return fetch_error(PY4GO_EXCEPTION, -1);
    return ok_result();
}

py4go_result py4go_load_module(const char *name, Py_ssize_t name_len, PyObject *(*initfunc)(void))
{
    ENTER();
    if (initfunc == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL init function");
    PyObject *n = PyUnicode_DecodeUTF8(name, name_len, "strict");
    if (n == NULL)
        return fetch_error(PY4GO_CONVERSION, -1);
    PyObject *m = initfunc();
    if (m == NULL) {
        Py_DECREF(n);
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_SystemError, "init function of module %R returned NULL without an exception", n);
        return fetch_error(PY4GO_EXCEPTION, -1);
    }
    if (PyObject_TypeCheck(m, &PyModuleDef_Type)) {
        /* Multi-phase initialisation: build the module from its definition and a spec. */
        PyModuleDef *def = (PyModuleDef *)m;
        PyObject *machinery = PyImport_ImportModule("importlib.machinery");
        PyObject *spec = machinery != NULL ? PyObject_CallMethod(machinery, "ModuleSpec", "OO", n, Py_None) : NULL;
        Py_XDECREF(machinery);
        m = spec != NULL ? PyModule_FromDefAndSpec(def, spec) : NULL;
        Py_XDECREF(spec);
        if (m != NULL && PyModule_ExecDef(m, def) < 0)
            Py_CLEAR(m);
    } else if (!PyModule_Check(m)) {
        PyErr_Format(PyExc_TypeError, "init function of module %R returned %s, not a module", n,
                     py4go_tp_name(Py_TYPE(m)));
        Py_CLEAR(m);
    }
    if (m != NULL && put_in_sys_modules(n, m) < 0)
        Py_CLEAR(m);
    Py_DECREF(n);
    return object_result(m);
}

/* ---- capsules ------------------------------------------------------------------------------------- */

#define CAPSULE_NAME "py4go.handle"

/* Implemented in Go (capsule_export.go): deletes the runtime/cgo.Handle. */
extern void py4goCapsuleRelease(uintptr_t handle);

static void capsule_destructor(PyObject *capsule)
{
    void *p = PyCapsule_GetPointer(capsule, CAPSULE_NAME);
    if (p == NULL) {
        PyErr_Clear();
        return;
    }
    py4goCapsuleRelease((uintptr_t)p);
}

py4go_result py4go_new_capsule(uintptr_t handle)
{
    ENTER();
    if (handle == 0)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "zero handle");
    return object_result(PyCapsule_New((void *)handle, CAPSULE_NAME, capsule_destructor));
}

py4go_result py4go_capsule_handle(PyObject *o)
{
    ENTER();
    if (o == NULL)
        return fail(PY4GO_BAD_ARGUMENT, -1, PyExc_ValueError, "NULL PyObject pointer");
    if (!PyCapsule_IsValid(o, CAPSULE_NAME))
        return fail(PY4GO_CONVERSION, -1, PyExc_TypeError, "Python %s is not a py4go capsule",
                    py4go_tp_name(Py_TYPE(o)));
    py4go_result r = ok_result();
    r.value.kind = PY4GO_UINT64;
    r.value.num = (int64_t)(uintptr_t)PyCapsule_GetPointer(o, CAPSULE_NAME);
    return r;
}

/* The pending Python exception as a PY4GO_EXCEPTION result, cleared from Python, with a new
 * reference to the exception object itself in value.ptr (kind PY4GO_OBJECT), so Go can raise
 * it again unchanged (bindcReraise). A bound Go function draining a Python iterable uses it. */
py4go_result py4go_take_exception(void)
{
    PyObject *kept = keep_exception();
    py4go_result r = fetch_error(PY4GO_EXCEPTION, -1);
    r.value.kind = PY4GO_OBJECT;
    r.value.ptr = kept;
    return r;
}

/* For py4go_typed.c's fast path, which makes the vectorcall itself: the raised exception,
 * fetched and formatted exactly as a failed py4go_call reports it. */
py4go_result py4go_typed_fetch_exception(void)
{
    return fetch_error(PY4GO_EXCEPTION, -1);
}
