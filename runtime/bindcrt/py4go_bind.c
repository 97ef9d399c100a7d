/* py4go_bind.c — out-of-line support for bindc-generated wrappers (see py4go_bind.h). */
#include "py4go.h"

/* Implemented in Go (bindc_classes.go): cgo.Handle bookkeeping. */
extern void py4goHandleDelete(uintptr_t handle);
extern long long py4goLiveHandles(void);

int py4go_bind_bad_nargs(const char *fn, Py_ssize_t given, Py_ssize_t min, Py_ssize_t max)
{
    if (max == 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no arguments (%zd given)", fn, given);
    } else if (min == max) {
        PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd argument%s (%zd given)",
                     fn, min, min == 1 ? "" : "s", given);
    } else if (max < 0 || given < min) {
        PyErr_Format(PyExc_TypeError, "%s() takes at least %zd argument%s (%zd given)",
                     fn, min, min == 1 ? "" : "s", given);
    } else {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %zd argument%s (%zd given)",
                     fn, max, max == 1 ? "" : "s", given);
    }
    return -1;
}

/* Where a bad value was given, for messages: "fn() argument POS", or for pos 0 (assignment
 * to a field, fn being "Class.field") just "fn". A new reference; NULL only on MemoryError. */
static PyObject *site(const char *fn, int pos)
{
    if (pos == 0)
        return PyUnicode_FromString(fn);
    return PyUnicode_FromFormat("%s() argument %d", fn, pos);
}

int py4go_bind_bad_type(const char *fn, int pos, const char *expected, PyObject *got)
{
    PyObject *where = site(fn, pos);
    if (where == NULL)
        return -1;
    PyErr_Format(PyExc_TypeError, "%U must be %s, not %s", where, expected,
                 got == Py_None ? "None" : py4go_tp_name(Py_TYPE(got)));
    Py_DECREF(where);
    return -1;
}

int py4go_bind_int_range(const char *fn, int pos, const char *gotype, PyObject *got)
{
    PyObject *where = site(fn, pos);
    if (where == NULL)
        return -1;
    PyObject *repr = PyObject_Repr(got);
    if (repr != NULL) {
        PyErr_Format(PyExc_OverflowError, "%U: %U is out of range for Go %s", where, repr, gotype);
        Py_DECREF(repr);
        Py_DECREF(where);
        return -1;
    }
    /* repr() of an int fails beyond sys.get_int_max_str_digits() (ValueError): the
     * caller must still see OverflowError, so describe the value by its size instead. */
    PyErr_Clear();
    PyObject *bits = PyObject_CallMethod(got, "bit_length", NULL);
    int negative = PyObject_RichCompareBool(got, Py_False, Py_LT);  /* False == 0 */
    PyErr_Clear();
    PyErr_Format(PyExc_OverflowError, "%U: %sint of %S bits is out of range for Go %s",
                 where, negative == 1 ? "negative " : "", bits != NULL ? bits : Py_None, gotype);
    Py_XDECREF(bits);
    Py_DECREF(where);
    return -1;
}

int py4go_bind_float32_range(const char *fn, int pos, double v)
{
    PyObject *f = PyFloat_FromDouble(v);
    PyObject *where = site(fn, pos);
    if (f != NULL && where != NULL)
        PyErr_Format(PyExc_OverflowError, "%U: %R is out of range for Go float32", where, f);
    Py_XDECREF(f);
    Py_XDECREF(where);
    return -1;
}

int py4go_bind_complex64_range(const char *fn, int pos, Py_complex v)
{
    PyObject *c = PyComplex_FromCComplex(v);
    PyObject *where = site(fn, pos);
    if (c != NULL && where != NULL)
        PyErr_Format(PyExc_OverflowError, "%U: %R is out of range for Go complex64", where, c);
    Py_XDECREF(c);
    Py_XDECREF(where);
    return -1;
}

int py4go_bind_complex_slow(PyObject *o, const char *fn, int pos, int is_complex64, Py_complex *out)
{
    /* What PyComplex_AsCComplex takes: a complex (subclass), or an object whose type has
     * __complex__, __float__ or __index__. Anything else gets bindc's own TypeError, which
     * names the function, instead of CPython's "must be real number". */
    if (!PyComplex_Check(o) && !PyFloat_Check(o) && !PyLong_Check(o) && !py4go_has_float_or_index(Py_TYPE(o)) &&
        !PyObject_HasAttrString((PyObject *)Py_TYPE(o), "__complex__"))
        return py4go_bind_bad_type(fn, pos, "complex", o);
    Py_complex v = PyComplex_AsCComplex(o);
    if (v.real == -1.0 && PyErr_Occurred())
        return py4go_bind_prefix_error(fn, pos);
    if (is_complex64 && py4go_complex64_overflows(v))
        return py4go_bind_complex64_range(fn, pos, v);
    *out = v;
    return 0;
}

int py4go_bind_prefix_error(const char *fn, int pos)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value == NULL || !PyObject_TypeCheck(value, (PyTypeObject *)PyExc_Exception)) {
        /* KeyboardInterrupt, SystemExit...: control flow, passed on untouched. */
        PyErr_Restore(type, value, tb);
        return -1;
    }
    if (PyObject_TypeCheck(value, (PyTypeObject *)PyExc_UnicodeEncodeError)) {
        /* Keep the type and its attributes; put the function into the reason. */
        PyObject *reason = PyUnicodeEncodeError_GetReason(value);
        if (reason != NULL) {
            PyObject *where = site(fn, pos);
            PyObject *prefixed = where ? PyUnicode_FromFormat("%U: %U", where, reason) : NULL;
            Py_XDECREF(where);
            if (prefixed != NULL && PyObject_SetAttrString(value, "reason", prefixed) == 0) {
                Py_DECREF(prefixed);
                Py_DECREF(reason);
                PyErr_Restore(type, value, tb);
                return -1;
            }
            Py_XDECREF(prefixed);
            Py_DECREF(reason);
        }
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
        return -1;
    }
    PyObject *msg = PyObject_Str(value);
    if (msg == NULL) {
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
        return -1;
    }
    /* Raise a fresh exception of the same type, chained to the original. */
    PyObject *where = site(fn, pos);
    if (where == NULL) {
        Py_DECREF(msg);
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
        return -1;
    }
    PyErr_Format(type, "%U: %U", where, msg);
    Py_DECREF(where);
    Py_DECREF(msg);
    PyObject *t2, *v2, *tb2;
    PyErr_Fetch(&t2, &v2, &tb2);
    PyErr_NormalizeException(&t2, &v2, &tb2);
    if (v2 == NULL || !PyObject_TypeCheck(v2, (PyTypeObject *)type)) {
        /* The type cannot be built from one message (UnicodeDecodeError, a user class whose
         * __init__ takes other arguments): raise the original exception unchanged, since
         * its type is what callers catch. */
        Py_XDECREF(t2);
        Py_XDECREF(v2);
        Py_XDECREF(tb2);
        PyErr_Restore(type, value, tb);
        return -1;
    }
    if (tb != NULL)
        PyException_SetTraceback(value, tb);
    PyException_SetCause(v2, value); /* steals value */
    Py_XDECREF(type);
    Py_XDECREF(tb);
    PyErr_Restore(t2, v2, tb2);
    return -1;
}

/* Turn an int-like object into an exact int, or raise TypeError naming the function. */
static PyObject *index_of(PyObject *o, const char *fn, int pos)
{
    if (PyFloat_Check(o) || !(PyLong_Check(o) || PyIndex_Check(o))) {
        py4go_bind_bad_type(fn, pos, "int", o);
        return NULL;
    }
    PyObject *idx = PyNumber_Index(o);
    if (idx == NULL)
        py4go_bind_prefix_error(fn, pos);
    return idx;
}

int py4go_bind_int_slow(PyObject *o, const char *fn, int pos, long long min, long long max,
                        const char *gotype, long long *out)
{
    PyObject *idx = index_of(o, fn, pos);
    if (idx == NULL)
        return -1;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(idx, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(idx);
        return -1;
    }
    if (overflow != 0 || v < min || v > max) {
        py4go_bind_int_range(fn, pos, gotype, idx);
        Py_DECREF(idx);
        return -1;
    }
    Py_DECREF(idx);
    *out = v;
    return 0;
}

int py4go_bind_uint_slow(PyObject *o, const char *fn, int pos, unsigned long long max,
                         const char *gotype, unsigned long long *out)
{
    PyObject *idx = index_of(o, fn, pos);
    if (idx == NULL)
        return -1;
    unsigned long long v = PyLong_AsUnsignedLongLong(idx);
    if ((v == (unsigned long long)-1 && PyErr_Occurred()) || v > max) {
        PyErr_Clear();
        py4go_bind_int_range(fn, pos, gotype, idx);
        Py_DECREF(idx);
        return -1;
    }
    Py_DECREF(idx);
    *out = v;
    return 0;
}

int py4go_bind_bytes(PyObject *o, const char *fn, int pos, Py_buffer *view, py4go_strview *out)
{
    view->obj = NULL;
    if (PyUnicode_Check(o) || !PyObject_CheckBuffer(o))
        return py4go_bind_bad_type(fn, pos, "bytes-like object", o);
    if (PyObject_GetBuffer(o, view, PyBUF_SIMPLE) < 0) {
        view->obj = NULL;
        return py4go_bind_prefix_error(fn, pos);
    }
    out->p = (const char *)view->buf;
    out->n = view->len;
    out->writable = !view->readonly;
    return 0;
}

void *py4go_bind_alloc(Py_ssize_t count, size_t elem_size)
{
    void *p = PyMem_Calloc(count > 0 ? (size_t)count : 1, elem_size);
    if (p == NULL)
        PyErr_NoMemory();
    return p;
}

void py4go_bind_free(void *p)
{
    PyMem_Free(p);
}

PyObject *py4go_bind_new_str(const char *fn, Py_ssize_t fn_len, const char *p, Py_ssize_t n)
{
    PyObject *s = PyUnicode_DecodeUTF8(p, n, "strict");
    if (s == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        PyObject *fname = PyUnicode_DecodeUTF8(fn, fn_len, "replace");
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        PyObject *reason = value ? PyUnicodeDecodeError_GetReason(value) : NULL;
        if (reason != NULL && fname != NULL) {
            PyObject *prefixed = PyUnicode_FromFormat(
                "%U() returned a Go string that is not valid UTF-8 (%U); return []byte for binary data",
                fname, reason);
            if (prefixed != NULL)
                PyObject_SetAttrString(value, "reason", prefixed);
            Py_XDECREF(prefixed);
        }
        Py_XDECREF(reason);
        Py_XDECREF(fname);
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
    }
    return s;
}

PyObject *py4go_bind_new_bytes(const char *p, Py_ssize_t n)
{
    return PyBytes_FromStringAndSize(p, n);
}

PyObject *py4go_bind_tuple(Py_ssize_t n, PyObject **items)
{
    PyObject *t = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL)
            goto fail;
    }
    t = PyTuple_New(n);
    if (t == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, items[i]);
    return t;
fail:
    for (Py_ssize_t i = 0; i < n; i++)
        Py_XDECREF(items[i]);
    return NULL;
}

/* The exception classes, shared by every bindc module of the process. Each extension module
 * links its own copy of this runtime (and its own Go runtime), so the classes cannot live in a
 * C static alone: the first copy to need them creates a tiny module "py4go" in sys.modules
 * holding GoError and GoPanic, and every copy (every extension, and an embedding Go program)
 * takes them from there. So `except py4go.GoError` catches the errors of any module, and each
 * module's GoError / GoPanic attribute is that same class. */
static PyObject *go_error_type;

#ifdef Py_LIMITED_API
Py_ssize_t py4go_bind_error_handle_offset;
#endif
static PyObject *go_panic_type;
/* GoEOF: a GoError that is also an EOFError, raised for an error that is io.EOF (Python's own
 * end-of-input exception, as a Python EOFError is io.EOF to Go). */
static PyObject *go_eof_type;

#define PY4GO_SHARED_MODULE "py4go"

/* Create one exception class with a class-level default for its extra attribute, so the
 * attribute exists (as the stub declares) even on an instance raised from Python code. */
static PyObject *new_exception(const char *name, const char *doc, PyObject *base, const char *attr)
{
    PyObject *dict = Py_BuildValue("{s:s}", attr, "");
    if (dict == NULL)
        return NULL;
    PyObject *type = PyErr_NewExceptionWithDoc(name, doc, base, dict);
    Py_DECREF(dict);
    return type;
}

/* The shared module (a borrowed reference owned by sys.modules), created on first use. */
static PyObject *shared_module(void)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *shared = PyDict_GetItemString(modules, PY4GO_SHARED_MODULE);
    if (shared != NULL)
        return shared;
    PyObject *created = PyModule_New(PY4GO_SHARED_MODULE);
    if (created == NULL)
        return NULL;
    if (PyModule_SetDocString(created, "Exception classes shared by every module bindc generated, whichever "
                                       "extension or embedding program loaded it.") < 0 ||
        PyDict_SetItemString(modules, PY4GO_SHARED_MODULE, created) < 0) {
        Py_DECREF(created);
        return NULL;
    }
    Py_DECREF(created); /* sys.modules holds it */
    return created;
}

/* `name` of the shared module, created there (as a subclass of `base`, a class or a tuple of
 * classes) by the first runtime copy that asks. Returns a new reference, kept for the life of
 * this copy. */
static PyObject *shared_exception(const char *name, const char *doc, PyObject *base, const char *attr)
{
    PyObject *shared = shared_module();
    if (shared == NULL)
        return NULL;
    PyObject *cls = PyObject_GetAttrString(shared, name);
    if (cls != NULL) {
        PyObject *first = PyTuple_Check(base) ? PyTuple_GetItem(base, 0) : base; /* borrowed */
        if (first != NULL && PyType_Check(cls) && PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)first))
            return cls;
        Py_DECREF(cls);
        PyErr_Format(PyExc_ImportError, "sys.modules['%s'].%s is not py4go's exception class", PY4GO_SHARED_MODULE,
                     name);
        return NULL;
    }
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return NULL;
    PyErr_Clear();
    PyObject *full = PyUnicode_FromFormat("%s.%s", PY4GO_SHARED_MODULE, name);
    if (full == NULL)
        return NULL;
    cls = new_exception(PyUnicode_AsUTF8(full), doc, base, attr);
    Py_DECREF(full);
    if (cls == NULL)
        return NULL;
    if (PyObject_SetAttrString(shared, name, cls) < 0) {
        Py_DECREF(cls);
        return NULL;
    }
    return cls;
}

static int ensure_exception_types(void)
{
    if (go_error_type == NULL) {
        go_error_type = shared_exception(
            "GoError",
            "A Go function returned a non-nil error. str() is the error's Error() text; "
            "the attribute go_type names its dynamic Go type.",
            PyExc_Exception, "go_type");
        if (go_error_type == NULL)
            return -1;
    }
    if (go_panic_type == NULL) {
        go_panic_type = shared_exception(
            "GoPanic",
            "A Go function panicked; the panic was recovered at the language boundary. The "
            "attribute go_stack holds the Go stack trace of the panicking goroutine.",
            PyExc_RuntimeError, "go_stack");
        if (go_panic_type == NULL)
            return -1;
    }
    if (go_eof_type == NULL) {
        PyObject *bases = PyTuple_Pack(2, go_error_type, PyExc_EOFError);
        if (bases == NULL)
            return -1;
        go_eof_type = shared_exception(
            "GoEOF",
            "A Go function returned io.EOF (or an error wrapping it): the end of its input. A GoError "
            "that is also an EOFError, so `except EOFError` ends a loop over Token(), Next() or Read().",
            bases, "go_type");
        Py_DECREF(bases);
        if (go_eof_type == NULL)
            return -1;
    }
    return 0;
}

PyObject *py4go_bind_go_error_type(void)
{
    return ensure_exception_types() < 0 ? NULL : go_error_type;
}

PyObject *py4go_bind_go_panic_type(void)
{
    return ensure_exception_types() < 0 ? NULL : go_panic_type;
}

PyObject *py4go_bind_go_eof_type(void)
{
    return ensure_exception_types() < 0 ? NULL : go_eof_type;
}

/* Raise `type(message)` and set one string attribute on the new exception. */
static int raise_with_attr(PyObject *type, PyObject *message, const char *attr, const char *val, Py_ssize_t val_len)
{
    if (message == NULL)
        return -1;
    PyObject *exc = PyObject_CallOneArg(type, message);
    Py_DECREF(message);
    if (exc == NULL)
        return -1;
    PyObject *v = PyUnicode_DecodeUTF8(val, val_len, "replace");
    if (v == NULL || PyObject_SetAttrString(exc, attr, v) < 0) {
        Py_XDECREF(v);
        Py_DECREF(exc);
        return -1;
    }
    Py_DECREF(v);
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
    return -1;
}

int py4go_bind_raise_error(PyObject *cls, const char *msg, Py_ssize_t msg_len, const char *gotype,
                           Py_ssize_t gotype_len)
{
    if (ensure_exception_types() < 0)
        return -1;
    /* Error() text may hold any bytes; never fail to report an error because of them. */
    return raise_with_attr(cls != NULL ? cls : go_error_type, PyUnicode_DecodeUTF8(msg, msg_len, "replace"),
                           "go_type", gotype, gotype_len);
}

PyObject *py4go_bind_add_sentinel(PyObject *module, const char *name, const char *doc)
{
    if (ensure_exception_types() < 0)
        return NULL;
    const char *module_name = PyModule_GetName(module);
    PyObject *full = module_name != NULL ? PyUnicode_FromFormat("%s.%s", module_name, name) : NULL;
    if (full == NULL)
        return NULL;
    PyObject *cls = PyErr_NewExceptionWithDoc(PyUnicode_AsUTF8(full), doc, go_error_type, NULL);
    Py_DECREF(full);
    if (cls == NULL)
        return NULL;
    if (PyModule_AddObjectRef(module, name, cls) < 0) {
        Py_DECREF(cls);
        return NULL;
    }
    Py_DECREF(cls); /* the module holds it */
    return cls;
}

/* The class deriving from both the error class `type` and the sentinel class `sentinel`
 * (new reference), made on first use and cached in the sentinel's __dict__. It takes
 * `type`'s name, module and doc, so tracebacks read as before. */
static PyObject *sentinel_subclass(PyTypeObject *type, PyObject *sentinel)
{
#ifdef Py_LIMITED_API
    /* The sentinel's own __dict__ (not an inherited attribute): through its mappingproxy. */
    PyObject *own = PyObject_GetAttrString(sentinel, "__dict__");
    PyObject *cache = own != NULL ? PyMapping_GetItemString(own, "_py4go_subclasses") : NULL;
    Py_XDECREF(own);
    if (cache == NULL && !PyErr_ExceptionMatches(PyExc_KeyError))
        return NULL;
    PyErr_Clear();
    Py_XDECREF(cache); /* the class's dict holds it */
#else
    PyObject *cache = PyDict_GetItemString(((PyTypeObject *)sentinel)->tp_dict, "_py4go_subclasses");
#endif
    if (cache == NULL) {
        PyObject *fresh = PyDict_New();
        if (fresh == NULL || PyObject_SetAttrString(sentinel, "_py4go_subclasses", fresh) < 0) {
            Py_XDECREF(fresh);
            return NULL;
        }
        Py_DECREF(fresh); /* the class's dict holds it */
        cache = fresh;
    }
    PyObject *sub = PyDict_GetItemWithError(cache, (PyObject *)type);
    if (sub != NULL)
        return Py_NewRef(sub);
    if (PyErr_Occurred())
        return NULL;
    PyObject *name = PyObject_GetAttrString((PyObject *)type, "__name__");
    PyObject *bases = PyTuple_Pack(2, (PyObject *)type, sentinel);
    PyObject *ns = PyDict_New();
    PyObject *module = PyObject_GetAttrString((PyObject *)type, "__module__");
#ifdef Py_LIMITED_API
    PyObject *doc = PyObject_GetAttrString((PyObject *)type, "__doc__");
#else
    PyObject *doc = type->tp_doc != NULL ? PyUnicode_FromString(type->tp_doc) : Py_NewRef(Py_None);
#endif
    if (name != NULL && bases != NULL && ns != NULL && module != NULL && doc != NULL &&
        PyDict_SetItemString(ns, "__module__", module) == 0 && PyDict_SetItemString(ns, "__qualname__", name) == 0 &&
        PyDict_SetItemString(ns, "__doc__", doc) == 0)
        sub = PyObject_CallFunctionObjArgs((PyObject *)&PyType_Type, name, bases, ns, NULL);
    Py_XDECREF(doc);
    Py_XDECREF(name);
    Py_XDECREF(bases);
    Py_XDECREF(ns);
    Py_XDECREF(module);
    if (sub != NULL && PyDict_SetItem(cache, (PyObject *)type, sub) < 0)
        Py_CLEAR(sub);
    return sub;
}

int py4go_bind_raise_panic(const char *fn, Py_ssize_t fn_len, const char *value, Py_ssize_t value_len,
                           const char *stack, Py_ssize_t stack_len)
{
    if (ensure_exception_types() < 0)
        return -1;
    PyObject *fname = PyUnicode_DecodeUTF8(fn, fn_len, "replace");
    PyObject *val = PyUnicode_DecodeUTF8(value, value_len, "replace");
    PyObject *message = NULL;
    if (fname != NULL && val != NULL)
        message = PyUnicode_FromFormat("%U() panicked: %U", fname, val);
    Py_XDECREF(fname);
    Py_XDECREF(val);
    return raise_with_attr(go_panic_type, message, "go_stack", stack, stack_len);
}

static PyObject *live_handles(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    return PyLong_FromLongLong(py4goLiveHandles());
}

/* Private helpers every bound module carries (not in its stub). */
static PyMethodDef private_functions[] = {
    {"_py4go_live_handles", live_handles, METH_NOARGS,
     "Number of Go values kept alive by Python objects of this extension's runtime (leak checks)."},
    {NULL, NULL, 0, NULL},
};

int py4go_bind_module_init(PyObject *module, int abi)
{
    if (abi != PY4GO_ABI) {
        PyErr_Format(PyExc_ImportError,
                     "module %s was generated by bindc for py4go runtime ABI %d, but is linked with ABI %d; "
                     "regenerate it with this bindc",
                     PyModule_GetName(module), abi, PY4GO_ABI);
        return -1;
    }
    if (ensure_exception_types() < 0)
        return -1;
    if (PyModule_AddObjectRef(module, "GoError", go_error_type) < 0)
        return -1;
    if (PyModule_AddObjectRef(module, "GoPanic", go_panic_type) < 0)
        return -1;
    return PyModule_AddFunctions(module, private_functions);
}

/* ---- classes ----------------------------------------------------------------------------- */


int py4go_bind_bad_instance(PyObject *o, const char *fn, int pos, PyTypeObject *type, int allow_none)
{
    if (PyObject_TypeCheck(o, type) && *py4go_bind_handle_slot(o) == 0) {
        PyErr_Format(PyExc_ValueError, "%s: the %s object was not initialised (a subclass's __new__ must "
                     "call the base class's __new__)", fn, py4go_tp_name(type));
        return -1;
    }
    PyObject *expected = allow_none ? PyUnicode_FromFormat("%s or None", py4go_type_short_name(type))
                                    : PyUnicode_FromString(py4go_type_short_name(type));
    if (expected == NULL)
        return -1;
    py4go_bind_bad_type(fn, pos, PyUnicode_AsUTF8(expected), o);
    Py_DECREF(expected);
    return -1;
}

int py4go_bind_value_arg(PyObject *o, const char *fn, int pos, PyTypeObject *type, const char *expected,
                         PyObject **tmp, uintptr_t *out)
{
    if (PyObject_TypeCheck(o, type))
        return py4go_bind_handle_arg(o, fn, pos, type, 0, out);
    PyObject *made = PyObject_CallOneArg((PyObject *)type, o);
    if (made == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_TypeError))
            return py4go_bind_prefix_error(fn, pos); /* OverflowError, ValueError...: keep the class */
        PyObject *type_err, *value, *tb;
        PyErr_Fetch(&type_err, &value, &tb);
        PyErr_NormalizeException(&type_err, &value, &tb);
        py4go_bind_bad_type(fn, pos, expected, o);
        PyObject *t2, *v2, *tb2;
        PyErr_Fetch(&t2, &v2, &tb2);
        PyErr_NormalizeException(&t2, &v2, &tb2);
        if (v2 != NULL && value != NULL)
            PyException_SetCause(v2, value); /* steals value: the constructor's own message */
        else
            Py_XDECREF(value);
        Py_XDECREF(type_err);
        Py_XDECREF(tb);
        PyErr_Restore(t2, v2, tb2);
        return -1;
    }
    *tmp = made;
    return py4go_bind_handle_arg(made, fn, pos, type, 0, out);
}

PyObject *py4go_bind_wrap(PyTypeObject *type, uintptr_t handle)
{
    if (handle == 0)
        Py_RETURN_NONE;
    PyObject *self;
    if (PyType_IsSubtype(type, (PyTypeObject *)PyExc_BaseException)) {
        /* BaseException's own __new__ sets up args and the other exception fields. */
        PyObject *empty = PyTuple_New(0);
        newfunc base_new = (newfunc)PyType_GetSlot((PyTypeObject *)PyExc_BaseException, Py_tp_new);
        self = empty ? base_new(type, empty, NULL) : NULL;
        Py_XDECREF(empty);
    } else {
        allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
        self = alloc(type, 0);
    }
    if (self == NULL) {
        py4goHandleDelete(handle);
        return NULL;
    }
    *py4go_bind_handle_slot(self) = handle;
    return self;
}

int py4go_bind_raise_instance(PyTypeObject *type, PyObject *sentinel, uintptr_t handle, const char *gotype,
                              Py_ssize_t gotype_len)
{
    PyObject *sub = NULL;
    if (sentinel != NULL) {
        if ((sub = sentinel_subclass(type, sentinel)) == NULL) {
            py4goHandleDelete(handle);
            return -1;
        }
        type = (PyTypeObject *)sub;
    }
    PyObject *exc = py4go_bind_wrap(type, handle);
    Py_XDECREF(sub); /* the cache and the instance keep the class alive */
    if (exc == NULL)
        return -1;
    PyObject *name = PyUnicode_DecodeUTF8(gotype, gotype_len, "replace");
    if (name == NULL || PyObject_SetAttrString(exc, "go_type", name) < 0) {
        Py_XDECREF(name);
        Py_DECREF(exc);
        return -1;
    }
    Py_DECREF(name);
    PyErr_SetObject((PyObject *)type, exc);
    Py_DECREF(exc);
    return -1;
}

void py4go_bind_drop_handle(uintptr_t handle)
{
    if (handle != 0)
        py4goHandleDelete(handle);
}

void py4go_bind_class_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    uintptr_t handle = ((py4go_goobject *)self)->handle;
    ((py4go_goobject *)self)->handle = 0;
    if (handle != 0)
        py4goHandleDelete(handle);
    freefunc free_instance = (freefunc)PyType_GetSlot(type, Py_tp_free);
    free_instance(self);
    Py_DECREF(type); /* instances of heap types own a reference to their type */
}

/* Whether instances of `type` have a __weakref__ slot (tp_weaklistoffset != 0). */
static int type_has_weakrefs(PyTypeObject *type)
{
#ifdef Py_LIMITED_API
    /* Called from dealloc, with an exception possibly pending: keep it. */
    PyObject *exc_type, *exc, *tb;
    PyErr_Fetch(&exc_type, &exc, &tb);
    PyObject *offset = PyObject_GetAttrString((PyObject *)type, "__weakrefoffset__");
    long v = offset != NULL ? PyLong_AsLong(offset) : 0;
    Py_XDECREF(offset);
    PyErr_Clear();
    PyErr_Restore(exc_type, exc, tb);
    return v != 0;
#else
    return type->tp_weaklistoffset != 0;
#endif
}

void py4go_bind_exception_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self); /* as subtype_dealloc does, before weakrefs are cleared */
    uintptr_t *slot = py4go_bind_handle_slot(self);
    uintptr_t handle = *slot;
    *slot = 0;
    if (handle != 0)
        py4goHandleDelete(handle);
    if (type_has_weakrefs(type))
        PyObject_ClearWeakRefs(self); /* GoError's __weakref__ slot, which we skip past */
    /* BaseException's dealloc untracks, clears args/traceback/... and frees the memory. */
    destructor base_dealloc = (destructor)PyType_GetSlot((PyTypeObject *)PyExc_BaseException, Py_tp_dealloc);
    base_dealloc(self);
    Py_DECREF(type);
}

int py4go_bind_init_args(const char *cls, PyObject *args, PyObject *kwds, const char *const *names,
                         Py_ssize_t n, PyObject **values)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > n) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %zd positional argument%s (%zd given)", cls, n,
                     n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        values[i] = i < nargs ? PyTuple_GET_ITEM(args, i) : NULL;
    if (kwds == NULL)
        return 0;
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        Py_ssize_t i = 0;
        for (; i < n; i++) {
            if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, names[i]) == 0)
                break;
        }
        if (i == n) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R", cls, key);
            return -1;
        }
        if (values[i] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", cls, names[i]);
            return -1;
        }
        values[i] = value;
    }
    return 0;
}

PyObject *py4go_bind_enum_pseudo(PyObject *members, PyObject *v)
{
    Py_ssize_t pos = 0;
    PyObject *key, *any;
    if (v == NULL || !PyDict_Next(members, &pos, &key, &any))
        return v;
    PyObject *new = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__new__");
    PyObject *m = new != NULL ? PyObject_CallFunctionObjArgs(new, (PyObject *)Py_TYPE(any), v, NULL) : NULL;
    Py_XDECREF(new);
    if (m != NULL && (PyObject_SetAttrString(m, "_value_", v) < 0 || PyObject_SetAttrString(m, "_name_", Py_None) < 0))
        Py_CLEAR(m);
    Py_DECREF(v);
    return m;
}

PyObject *py4go_bind_class_repr_str(PyObject *self)
{
    PyObject *s = PyObject_Str(self);
    if (s == NULL)
        return NULL;
    /* An empty String() (a zero version) shows no stray space: <version.Version>. */
    PyObject *r = PyUnicode_GetLength(s) == 0 ? PyUnicode_FromFormat("<%s>", py4go_tp_name(Py_TYPE(self)))
                                              : PyUnicode_FromFormat("<%s %U>", py4go_tp_name(Py_TYPE(self)), s);
    Py_DECREF(s);
    return r;
}

PyObject *py4go_bind_class_repr(PyObject *self, const char *const *names, Py_ssize_t n)
{
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromFormat("%s(...)", py4go_type_short_name(Py_TYPE(self))) : NULL;
    PyObject *parts = PyList_New(0);
    PyObject *result = NULL;
    if (parts == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyObject_GetAttrString(self, names[i]);
        if (v == NULL)
            goto done;
        PyObject *part = PyUnicode_FromFormat("%s=%R", names[i], v);
        Py_DECREF(v);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            goto done;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    if (joined != NULL)
        result = PyUnicode_FromFormat("%s(%U)", py4go_type_short_name(Py_TYPE(self)), joined);
    Py_XDECREF(joined);
done:
    Py_XDECREF(parts);
    Py_ReprLeave(self);
    return result;
}

Py_hash_t py4go_bind_value_hash(PyObject *self)
{
    /* The one constructor field of a value class, named by __match_args__ (its Python name
     * may not be "value": a method can take that name). */
    PyObject *names = PyObject_GetAttrString((PyObject *)Py_TYPE(self), "__match_args__");
    if (names == NULL)
        return -1;
    PyObject *name = PyTuple_Check(names) && PyTuple_Size(names) == 1 ? PyTuple_GetItem(names, 0) : NULL;
    if (name == NULL) {
        Py_DECREF(names);
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "unhashable type: '%s'", py4go_tp_name(Py_TYPE(self)));
        return -1;
    }
    PyObject *value = PyObject_GetAttr(self, name);
    Py_DECREF(names);
    if (value == NULL)
        return -1;
    if (PyList_Check(value)) {  /* a Go array comes back as a list: hash it as a tuple */
        PyObject *t = PyList_AsTuple(value);
        Py_DECREF(value);
        if (t == NULL)
            return -1;
        value = t;
    }
    Py_hash_t h = PyObject_Hash(value);
    Py_DECREF(value);
    return h;
}

PyTypeObject *py4go_bind_add_class(PyObject *module, PyType_Spec *spec, int is_error)
{
    PyObject *base = NULL;
    if (is_error) {
        if ((base = py4go_bind_go_error_type()) == NULL)
            return NULL;
#ifdef Py_LIMITED_API
        PyObject *size = PyObject_GetAttrString(base, "__basicsize__");
        Py_ssize_t base_size = size != NULL ? PyLong_AsSsize_t(size) : -1;
        Py_XDECREF(size);
        if (base_size < 0)
            return NULL;
        py4go_bind_error_handle_offset = base_size;
#else
        Py_ssize_t base_size = ((PyTypeObject *)base)->tp_basicsize;
#endif
        spec->basicsize = (int)(base_size + (Py_ssize_t)sizeof(uintptr_t));
    }
    PyObject *type = PyType_FromModuleAndSpec(module, spec, base);
    if (type == NULL)
        return NULL;
    if (PyModule_AddObjectRef(module, py4go_type_short_name((PyTypeObject *)type), type) < 0) {
        Py_DECREF(type);
        return NULL;
    }
    return (PyTypeObject *)type;
}

uintptr_t py4go_bind_handle_of(PyObject *o)
{
#ifdef Py_LIMITED_API
    void *dealloc = NULL;
    return py4go_bind_generated_class(Py_TYPE(o), &dealloc) != NULL ? *py4go_bind_handle_slot(o) : 0;
#else
    for (PyTypeObject *t = Py_TYPE(o); t != NULL; t = t->tp_base) {
        if (t->tp_dealloc == py4go_bind_class_dealloc || t->tp_dealloc == py4go_bind_exception_dealloc)
            return *py4go_bind_handle_slot(o);
    }
    return 0;
#endif
}

int py4go_bind_any_instance_arg(PyObject *o, const char *fn, int pos, const char *expected, int allow_none,
                                uintptr_t *out)
{
    if ((*out = py4go_bind_handle_of(o)) != 0)
        return 0;
    if (allow_none && o == Py_None) {
        *out = 0;
        return 0;
    }
    return py4go_bind_bad_type(fn, pos, expected, o);
}

PyObject *py4go_bind_new_none(void)
{
    Py_RETURN_NONE;
}

int py4go_bind_raise_type_error(const char *msg, Py_ssize_t len)
{
    PyObject *text = PyUnicode_DecodeUTF8(msg, len, "replace");
    if (text != NULL) {
        PyErr_SetObject(PyExc_TypeError, text);
        Py_DECREF(text);
    }
    return -1;
}

int py4go_bind_exec(PyObject *module, const char *source)
{
    PyObject *ns = PyModule_GetDict(module); /* borrowed */
    if (ns == NULL)
        return -1;
    if (PyDict_GetItemString(ns, "__builtins__") == NULL &&
        PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins()) < 0)
        return -1;
    /* Compile + eval is PyRun_String made of limited-API calls. */
    PyObject *code = Py_CompileString(source, "<bindc>", Py_file_input);
    if (code == NULL)
        return -1;
    PyObject *r = PyEval_EvalCode(code, ns, ns);
    Py_DECREF(code);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

int py4go_bind_raise_runtime_error(const char *msg, Py_ssize_t len)
{
    PyObject *text = PyUnicode_DecodeUTF8(msg, len, "replace");
    if (text != NULL) {
        PyErr_SetObject(PyExc_RuntimeError, text);
        Py_DECREF(text);
    }
    return -1;
}

long long py4go_bind_live_handles(void)
{
    return py4goLiveHandles();
}
