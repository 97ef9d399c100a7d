/* py4go_bind.h — the part of the py4go C runtime that bindc-generated wrappers call.
 *
 * Included from py4go.h; do not include it directly. Everything here runs with the GIL held,
 * inside a METH_FASTCALL wrapper, and follows one convention: functions returning int give
 * 0 on success and -1 with a Python exception set. Error messages follow CPython's own style
 * ("add() argument 1 must be int, not str") and always name the Python function.
 *
 * The hot-path converters are static inline so that a wrapper for `Add(a, b int) int` costs
 * little more than the cgo transition itself.
 */
#ifndef PY4GO_BIND_H
#define PY4GO_BIND_H

#include <float.h>
#include <limits.h>
#include <math.h>

/* A borrowed view of UTF-8 or byte data, handed from a wrapper to a Go trampoline, which
 * copies it before returning (Go never keeps a pointer into Python memory). */
typedef struct py4go_strview {
    const char *p;
    Py_ssize_t n;
    int writable; /* a writable buffer (bytearray): Go's bytes are copied back after the call */
} py4go_strview;

/* ---- errors (out of line: only on failure paths) ------------------------------------ */

/* Raise TypeError "fn() takes exactly N arguments (M given)" and friends; max < 0 means
 * "no upper bound" (a variadic function). Returns -1. */
int py4go_bind_bad_nargs(const char *fn, Py_ssize_t given, Py_ssize_t min, Py_ssize_t max);

/* Raise TypeError "fn() argument POS must be EXPECTED, not TYPE". Returns -1. */
int py4go_bind_bad_type(const char *fn, int pos, const char *expected, PyObject *got);

/* Raise OverflowError "fn() argument POS: VALUE is out of range for Go GOTYPE" (or the
 * "too large"/"negative" variants) for the int object `got`. Returns -1. */
int py4go_bind_int_range(const char *fn, int pos, const char *gotype, PyObject *got);

/* Raise OverflowError "fn() argument POS: VALUE is out of range for Go float32". Returns -1. */
int py4go_bind_float32_range(const char *fn, int pos, double v);

/* Convert a Python number to a complex for a Go complex64/complex128 argument: the slow
 * path of py4go_bind_complex (every object but an exact complex). Out of line. */
int py4go_bind_complex_slow(PyObject *o, const char *fn, int pos, int is_complex64, Py_complex *out);

/* Raise OverflowError "fn() argument POS: VALUE is out of range for Go complex64". Returns -1. */
int py4go_bind_complex64_range(const char *fn, int pos, Py_complex v);

/* Re-raise the pending exception with "fn() argument POS: " in front of its message, keeping
 * its type (and, for UnicodeEncodeError, its attributes). An exception that is not an
 * Exception (KeyboardInterrupt, SystemExit) or whose type cannot be built from one message is
 * re-raised unchanged. Returns -1. */
int py4go_bind_prefix_error(const char *fn, int pos);

/* Convert an int-like object that is not an exact int (bool, __index__ types). */
int py4go_bind_int_slow(PyObject *o, const char *fn, int pos, long long min, long long max,
                        const char *gotype, long long *out);
int py4go_bind_uint_slow(PyObject *o, const char *fn, int pos, unsigned long long max,
                         const char *gotype, unsigned long long *out);

/* ---- argument count ----------------------------------------------------------------- */

/* Check a positional-only call's argument count; max < 0 means unbounded. */
static inline int py4go_bind_nargs(const char *fn, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    return py4go_bind_bad_nargs(fn, nargs, min, max);
}

/* ---- argument converters (Python -> C value handed to Go) ---------------------------- */

/* The value of an exact int that fits one internal digit (|v| < 2**30: most ints a program
 * handles) read straight from the object, as CPython's own fast paths do; 0 for a larger one.
 * Full API only: the limited API has no access to the representation. */
#ifndef Py_LIMITED_API
static inline int py4go_compact_long(PyObject *o, long long *v)
{
#if PY_VERSION_HEX >= 0x030C0000
    if (PyUnstable_Long_IsCompact((PyLongObject *)o)) {
        *v = (long long)PyUnstable_Long_CompactValue((PyLongObject *)o);
        return 1;
    }
#else
    Py_ssize_t size = Py_SIZE(o);
    if (size >= -1 && size <= 1) {
        *v = (long long)size * (long long)((PyLongObject *)o)->ob_digit[0];
        return 1;
    }
#endif
    return 0;
}
#endif

/* A Go signed integer of range [min, max]. Accepts int and anything with __index__. */
static inline int py4go_bind_int(PyObject *o, const char *fn, int pos, long long min, long long max,
                                 const char *gotype, long long *out)
{
    if (PyLong_CheckExact(o)) {
#ifndef Py_LIMITED_API
        long long small;
        if (py4go_compact_long(o, &small)) {
            if (small >= min && small <= max) {
                *out = small;
                return 0;
            }
            return py4go_bind_int_range(fn, pos, gotype, o);
        }
#endif
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow == 0 && v >= min && v <= max) {
            if (v == -1 && PyErr_Occurred())
                return -1;
            *out = v;
            return 0;
        }
        return py4go_bind_int_range(fn, pos, gotype, o);
    }
    return py4go_bind_int_slow(o, fn, pos, min, max, gotype, out);
}

/* A Go unsigned integer of range [0, max]. */
static inline int py4go_bind_uint(PyObject *o, const char *fn, int pos, unsigned long long max,
                                  const char *gotype, unsigned long long *out)
{
    if (PyLong_CheckExact(o)) {
#ifndef Py_LIMITED_API
        long long small;
        if (py4go_compact_long(o, &small)) {
            if (small >= 0 && (unsigned long long)small <= max) {
                *out = (unsigned long long)small;
                return 0;
            }
            return py4go_bind_int_range(fn, pos, gotype, o);
        }
#endif
        unsigned long long v = PyLong_AsUnsignedLongLong(o);
        if (!(v == (unsigned long long)-1 && PyErr_Occurred()) && v <= max) {
            *out = v;
            return 0;
        }
        PyErr_Clear();
        return py4go_bind_int_range(fn, pos, gotype, o);
    }
    return py4go_bind_uint_slow(o, fn, pos, max, gotype, out);
}

/* A Go float64 (or float32 when is_float32: finite values beyond its range overflow).
 * Accepts float, int and anything with __float__ or __index__, like math.sqrt does. */
static inline int py4go_bind_float(PyObject *o, const char *fn, int pos, int is_float32, double *out)
{
    double v;
    if (PyFloat_CheckExact(o)) {
        v = PyFloat_AS_DOUBLE(o);
    } else {
        if (!PyFloat_Check(o) && !PyLong_Check(o) && !py4go_has_float_or_index(Py_TYPE(o)))
            return py4go_bind_bad_type(fn, pos, "float", o);
        v = PyFloat_AsDouble(o);
        if (v == -1.0 && PyErr_Occurred())
            return py4go_bind_prefix_error(fn, pos);
    }
    if (is_float32 && isfinite(v) && (v > FLT_MAX || v < -FLT_MAX))
        return py4go_bind_float32_range(fn, pos, v);
    *out = v;
    return 0;
}

/* True when a finite part of v is beyond float32's range (complex64 holds two float32). */
static inline int py4go_complex64_overflows(Py_complex v)
{
    return (isfinite(v.real) && (v.real > FLT_MAX || v.real < -FLT_MAX)) ||
           (isfinite(v.imag) && (v.imag > FLT_MAX || v.imag < -FLT_MAX));
}

/* A Go complex128 (or complex64 when is_complex64: finite parts beyond float32's range
 * overflow, as for float32). Accepts complex, float, int and anything with __complex__,
 * __float__ or __index__, like cmath.sqrt does. */
static inline int py4go_bind_complex(PyObject *o, const char *fn, int pos, int is_complex64, Py_complex *out)
{
    if (!PyComplex_CheckExact(o))
        return py4go_bind_complex_slow(o, fn, pos, is_complex64, out);
    Py_complex v = PyComplex_AsCComplex(o);
    if (is_complex64 && py4go_complex64_overflows(v))
        return py4go_bind_complex64_range(fn, pos, v);
    *out = v;
    return 0;
}

/* A Go bool: only True and False are accepted, as a typed signature promises. */
static inline int py4go_bind_bool(PyObject *o, const char *fn, int pos, int *out)
{
    if (o == Py_True) { *out = 1; return 0; }
    if (o == Py_False) { *out = 0; return 0; }
    return py4go_bind_bad_type(fn, pos, "bool", o);
}

/* A Go string: a str encoded as strict UTF-8 (a lone surrogate raises UnicodeEncodeError
 * naming the function). The view borrows the str's cached UTF-8 buffer. */
static inline int py4go_bind_str(PyObject *o, const char *fn, int pos, py4go_strview *out)
{
    if (!PyUnicode_Check(o))
        return py4go_bind_bad_type(fn, pos, "str", o);
    out->p = PyUnicode_AsUTF8AndSize(o, &out->n);
    if (out->p == NULL)
        return py4go_bind_prefix_error(fn, pos);
    return 0;
}

/* A Go []byte: any object with the buffer protocol (bytes, bytearray, memoryview...).
 * The caller must call py4go_bind_release_bytes(view) after the Go call. */
int py4go_bind_bytes(PyObject *o, const char *fn, int pos, Py_buffer *view, py4go_strview *out);

/* Release a buffer taken by py4go_bind_bytes; a no-op for a view never taken. */
static inline void py4go_bind_release_bytes(Py_buffer *view)
{
    if (view->obj != NULL)
        PyBuffer_Release(view);
}

/* Scratch memory for variadic arguments (PyMem, so it is tracked by tracemalloc). */
void *py4go_bind_alloc(Py_ssize_t count, size_t elem_size);
void py4go_bind_free(void *p);

/* ---- results (Go value -> new Python reference) -------------------------------------- */

/* A Go string as str; invalid UTF-8 raises UnicodeDecodeError naming the function (whose
 * name is given with its length, as Go strings are not NUL-terminated). */
PyObject *py4go_bind_new_str(const char *fn, Py_ssize_t fn_len, const char *p, Py_ssize_t n);

/* A Go []byte as bytes. */
PyObject *py4go_bind_new_bytes(const char *p, Py_ssize_t n);

/* Build the tuple for several results, stealing every item (NULL items fail cleanly). */
PyObject *py4go_bind_tuple(Py_ssize_t n, PyObject **items);

/* ---- Go errors and panics ------------------------------------------------------------ */

/* Raise GoError(msg) for a non-nil Go error; `gotype` is its dynamic Go type
 * (e.g. "*fs.PathError"), stored as the exception's `go_type` attribute. `cls`, when not
 * NULL, is the class raised instead: a sentinel error's class (a GoError subclass) for an
 * error that errors.Is that sentinel. Returns -1. */
int py4go_bind_raise_error(PyObject *cls, const char *msg, Py_ssize_t msg_len, const char *gotype,
                           Py_ssize_t gotype_len);

/* Create the exception class `module.name` for a Go sentinel error variable (a subclass of
 * GoError with docstring `doc`) and add it to `module`. Returns a borrowed reference (the
 * module keeps the class alive), or NULL with an exception set. */
PyObject *py4go_bind_add_sentinel(PyObject *module, const char *name, const char *doc);

/* Raise GoPanic("fn() panicked: VALUE") for a recovered Go panic; the Go stack is kept in
 * the exception's `go_stack` attribute. Returns -1. */
int py4go_bind_raise_panic(const char *fn, Py_ssize_t fn_len, const char *value, Py_ssize_t value_len,
                           const char *stack, Py_ssize_t stack_len);

/* The exception classes every bound module exports: one pair per process, kept in the module
 * sys.modules['py4go'] by whichever runtime copy needs them first (see docs/resolve.md). */
PyObject *py4go_bind_go_error_type(void);
PyObject *py4go_bind_go_panic_type(void);
/* py4go.GoEOF (borrowed), the GoError and EOFError raised for io.EOF; NULL with an exception set. */
PyObject *py4go_bind_go_eof_type(void);

/* ---- module set-up ------------------------------------------------------------------- */

/* Called by every generated PyInit_<name>: checks the ABI revision the module was generated
 * for and adds GoError and GoPanic to it. */
int py4go_bind_module_init(PyObject *module, int abi);

/* ---- classes: Python objects holding a Go value ---------------------------------------- */

/* The layout of every instance of a bindc-generated class (and, with whatever they add, of
 * its Python subclasses): a runtime/cgo.Handle to a Go pointer *T. The handle is deleted
 * when Python frees the object, so Go keeps the value alive exactly as long as Python does. */
typedef struct py4go_goobject {
    PyObject_HEAD
    uintptr_t handle;
} py4go_goobject;

/* Classes for Go types with an Error() method are exceptions (subclasses of GoError): their
 * layout is GoError's (which, being a heap exception class, ends with a __weakref__ slot)
 * plus the handle; py4go_bind_add_class sizes them at run time. */

/* tp_dealloc of the two layouts; they also mark which class in an MRO is the generated one. */
void py4go_bind_class_dealloc(PyObject *self);
void py4go_bind_exception_dealloc(PyObject *self);

/* Where the handle of `o` (an instance of a bindc class, or of a Python subclass) lives: the
 * last field of the generated class's layout (subclasses may append __dict__ and so on). */
#ifdef Py_LIMITED_API
/* Where the handle of an exception-class instance lives (GoError's size: the limited API
 * cannot read tp_basicsize per call); set by py4go_bind_add_class before any instance exists. */
extern Py_ssize_t py4go_bind_error_handle_offset;

/* The generated class in o's MRO (the one whose dealloc is the runtime's), or NULL. */
static inline PyTypeObject *py4go_bind_generated_class(PyTypeObject *t, void **dealloc)
{
    while (t != NULL) {
        void *d = PyType_GetSlot(t, Py_tp_dealloc);
        if (d == (void *)py4go_bind_class_dealloc || d == (void *)py4go_bind_exception_dealloc) {
            *dealloc = d;
            return t;
        }
        t = (PyTypeObject *)PyType_GetSlot(t, Py_tp_base);
    }
    return NULL;
}

static inline uintptr_t *py4go_bind_handle_slot(PyObject *o)
{
    void *dealloc = NULL;
    py4go_bind_generated_class(Py_TYPE(o), &dealloc);
    if (dealloc == (void *)py4go_bind_exception_dealloc)
        return (uintptr_t *)((char *)o + py4go_bind_error_handle_offset);
    return &((py4go_goobject *)o)->handle;
}
#else
static inline uintptr_t *py4go_bind_handle_slot(PyObject *o)
{
    PyTypeObject *t = Py_TYPE(o);
    while (t->tp_dealloc != py4go_bind_class_dealloc && t->tp_dealloc != py4go_bind_exception_dealloc &&
           t->tp_base != NULL)
        t = t->tp_base;
    return (uintptr_t *)((char *)o + t->tp_basicsize - (Py_ssize_t)sizeof(uintptr_t));
}
#endif

/* The handle of `self`, an instance of a bindc class (methods, getters, setters). */
static inline uintptr_t py4go_bind_self(PyObject *self)
{
    return *py4go_bind_handle_slot(self);
}

/* Raise TypeError/ValueError for py4go_bind_handle_arg (out of line: failure path). */
int py4go_bind_bad_instance(PyObject *o, const char *fn, int pos, PyTypeObject *type, int allow_none);

/* An argument that must be an instance of `type` (or of a Python subclass): its handle.
 * With allow_none, None gives handle 0 (a nil Go pointer). */
static inline int py4go_bind_handle_arg(PyObject *o, const char *fn, int pos, PyTypeObject *type,
                                        int allow_none, uintptr_t *out)
{
    if ((Py_IS_TYPE(o, type) || PyObject_TypeCheck(o, type)) && *py4go_bind_handle_slot(o) != 0) {
        *out = *py4go_bind_handle_slot(o);
        return 0;
    }
    if (allow_none && o == Py_None) {
        *out = 0;
        return 0;
    }
    return py4go_bind_bad_instance(o, fn, pos, type, allow_none);
}

/* An argument for a parameter of a value class (a defined non-struct Go type with methods):
 * an instance gives its handle; anything else goes through the class's constructor, and the
 * new instance, kept in *tmp (the caller releases it after the call), gives the handle. A
 * TypeError from the constructor becomes "fn() argument N must be <expected>, not <type>". */
int py4go_bind_value_arg(PyObject *o, const char *fn, int pos, PyTypeObject *type, const char *expected,
                         PyObject **tmp, uintptr_t *out);

/* A new instance of `type` owning `handle`, without running __init__. Handle 0 gives None
 * (a nil Go pointer). On failure the handle is deleted, so the Go value is not kept alive. */
PyObject *py4go_bind_wrap(PyTypeObject *type, uintptr_t handle);

/* Delete a handle a trampoline created but the wrapper could not hand to Python (0: no-op). */
void py4go_bind_drop_handle(uintptr_t handle);

/* Raise a new instance of the exception class `type` holding `handle` (a Go error value);
 * its go_type attribute is set to the error's dynamic Go type, as for GoError. With a
 * `sentinel` class (not NULL; the error wraps that sentinel), the instance's class is a
 * subclass of both, named like `type` and made once per pair, so `except Sentinel` catches
 * it too. Returns -1. */
int py4go_bind_raise_instance(PyTypeObject *type, PyObject *sentinel, uintptr_t handle, const char *gotype,
                              Py_ssize_t gotype_len);

/* Parse a constructor call: positional arguments fill `names` in order, keywords by name.
 * values[i] is a borrowed reference or NULL when not given. Unknown or repeated names raise
 * TypeError naming the class. */
int py4go_bind_init_args(const char *cls, PyObject *args, PyObject *kwds, const char *const *names,
                         Py_ssize_t n, PyObject **values);

/* tp_hash of an immutable value class (a basic Go type or an array of them that the package
 * never changes in place): the hash of its value, so equal values hash equal. */
Py_hash_t py4go_bind_value_hash(PyObject *self);

/* repr of a bindc class instance: "Class(field=repr, ...)" over the given attribute names. */
PyObject *py4go_bind_class_repr(PyObject *self, const char *const *names, Py_ssize_t n);
/* repr of an instance whose class has no fields to show but a String() method (a struct of
 * unexported fields: big.Int's shape): "<module.T str(self)>". */
PyObject *py4go_bind_class_repr_str(PyObject *self);

/* An enum result no constant names (a time.Duration of 1.5s): an instance of the enum class
 * all the same, so results are what the stub says. Made like Python's Flag pseudo-members:
 * int.__new__(cls, v) with _value_ = v and _name_ = None; not cached. The class is found
 * through `members` (its value -> member map, never empty). v is stolen. */
PyObject *py4go_bind_enum_pseudo(PyObject *members, PyObject *v);

/* Create a class from spec and add it to module under its short name; returns a new
 * reference to the type (kept by the generated module for its whole life). With is_error the
 * class derives from GoError, and its spec's basicsize is set here to GoError's plus the
 * handle (the spec's tp_dealloc must be py4go_bind_exception_dealloc). */
PyTypeObject *py4go_bind_add_class(PyObject *module, PyType_Spec *spec, int is_error);

/* An argument that may be an instance of any bindc class (a Go interface parameter): its
 * handle; None gives 0 with allow_none. Otherwise TypeError "... must be EXPECTED, not T". */
int py4go_bind_any_instance_arg(PyObject *o, const char *fn, int pos, const char *expected, int allow_none,
                                uintptr_t *out);

/* The handle of `o` if it is an instance of a bindc class (or a Python subclass), else 0. */
uintptr_t py4go_bind_handle_of(PyObject *o);

/* A new reference to None (for Go code, which cannot use the macro). */
PyObject *py4go_bind_new_none(void);

/* Raise TypeError with a UTF-8 message of the given length. Returns -1. */
int py4go_bind_raise_type_error(const char *msg, Py_ssize_t len);

/* Run Python source in the namespace of `module` (module initialisation: classes defined in
 * Python, like the typing.Protocol of an interface). Returns 0, or -1 with an exception. */
int py4go_bind_exec(PyObject *module, const char *source);

/* The keyword arguments of a function taking a Go context.Context (py4go_bind_context.c):
 * `kwvalues` are the values after the positional ones, `kwnames` their names (vectorcall; NULL
 * without keywords). Only `timeout` (seconds: an int, a float or None) is accepted; *timeout is
 * set to it, or to -1 for none. Returns 0, or -1 with TypeError/ValueError naming `fn`. */
int py4go_bind_timeout(const char *fn, PyObject *const *kwvalues, PyObject *kwnames, double *timeout);

/* Add each function of the NULL-terminated `defs` to `m` as `_aio_<name>` (py4go_bind_aio.c):
 * the awaitable forms the generated `aio` class takes. Returns 0, or -1 with an exception. */
int py4go_bind_add_aio(PyObject *m, PyMethodDef *defs);

/* ---- vectorized forms `mod.vec.f(xs, ys)` (py4go_bind_vec.c) ------------------------- */

/* Take the nargs iterables of a vectorized call: items[k] gets a new reference to a list or a
 * tuple holding argument k's items (bit k of `snapshot` set: always a tuple, see the .c file),
 * unless formats[k] names the struct codes of the 8-byte C array argument k is converted into
 * ("q,l", "Q,L", "d") and the argument is a C-contiguous buffer of one of them: then views[k]
 * holds it (items[k] stays NULL) and its items are read in place. Returns how many calls to
 * make, the length of the shortest (Python's map), or -1 with TypeError naming a non-iterable
 * argument (items and views taken so far are the caller's to release; views start zeroed). */
Py_ssize_t py4go_bind_vec_begin(const char *fn, PyObject *const *args, Py_ssize_t nargs, PyObject **items,
                                unsigned long long snapshot, const char *const *formats, Py_buffer *views);

/* Take a C-contiguous buffer of `o` with `itemsize`-byte items of one of `codes` (comma-separated
 * struct codes) in *view: 1 writable, 2 read-only, 0 none such (nothing held, no exception),
 * -1 with an exception set (py4go_bind_buffers.c). */
int py4go_bind_numeric_buffer(PyObject *o, const char *codes, Py_ssize_t itemsize, Py_buffer *view);

/* How many elements a vectorized wrapper converts and hands to Go at a time. */
#define PY4GO_VEC_CHUNK 4096
/* How many items ahead a vectorized wrapper asks the CPU to fetch. */
#define PY4GO_VEC_PREFETCH 64

/* A new array.array of `typecode` with n zero items, its buffer taken (writable) in *view for
 * Go to write the results into; release it with py4go_bind_vec_array_done. NULL with an
 * exception set on failure. */
PyObject *py4go_bind_vec_array(const char *typecode, Py_ssize_t n, Py_buffer *view);

/* Release a buffer taken by py4go_bind_vec_array or py4go_bind_vec_begin (a no-op when none was). */
void py4go_bind_vec_release(Py_buffer *view);

/* Raise RuntimeError: argument POS's list shrank during the conversion. Returns -1. */
int py4go_bind_vec_changed(const char *fn, int pos);

/* Item i of argument POS's list or tuple (from py4go_bind_vec_begin), or NULL with
 * RuntimeError when a list shrank below i (Python code run by a conversion). *owned tells
 * whether the caller must Py_DECREF it: an exact int, float, str or bool is borrowed, since
 * converting it runs no Python code that could drop it from a list (and not writing its
 * reference count spares a cache line per element); anything else (an __index__ object, a
 * subclass) is held across its conversion. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* in the loop of every vectorized wrapper: a call per item shows */
#endif
static inline PyObject *py4go_bind_vec_item(PyObject *items, Py_ssize_t i, const char *fn, int pos, int *owned)
{
    PyObject *item;
    Py_ssize_t size;
    if (PyList_Check(items)) {
        if (i >= (size = PyList_GET_SIZE(items))) {
            py4go_bind_vec_changed(fn, pos);
            return NULL;
        }
        item = PyList_GET_ITEM(items, i);
    } else {
        size = PyTuple_GET_SIZE(items);
        item = PyTuple_GET_ITEM(items, i);
    }
#if defined(__GNUC__) && !defined(Py_LIMITED_API)
    /* The items are scattered over the heap: reading each one's value waits for memory, unless
     * it was asked for a few items ahead (the pointer array itself is read in order). */
    if (i + PY4GO_VEC_PREFETCH < size)
        __builtin_prefetch(PyList_Check(items) ? PyList_GET_ITEM(items, i + PY4GO_VEC_PREFETCH)
                                               : PyTuple_GET_ITEM(items, i + PY4GO_VEC_PREFETCH));
#endif
    *owned = !(PyLong_CheckExact(item) || PyFloat_CheckExact(item) || PyUnicode_CheckExact(item) || PyBool_Check(item));
    if (*owned)
        Py_INCREF(item);
    return item;
}

/* Name the element of a vectorized call in the pending exception, keeping its type and
 * attributes: pos > 0 for a conversion of argument POS's item INDEX ("fn() argument 2[5] must
 * be int, not str"), pos 0 for the Go call of element INDEX ("fn() element 5: <Error()>",
 * "fn() element 5 panicked: ..."). An exception whose str() is not its message gets a note
 * instead. Returns -1. */
int py4go_bind_vec_error(const char *fn, int pos, Py_ssize_t index);

/* A new array.array of `typecode` holding a copy of the `n` bytes at `p` (py4go_bind_buffers.c).
 * NULL with an exception set on failure. */
PyObject *py4go_bind_array_from(const void *p, Py_ssize_t n, const char *typecode);

/* Add each function of the NULL-terminated `defs` to `m` as `_vec_<name>`: the vectorized
 * forms the generated `vec` class takes. Returns 0, or -1 with an exception. */
int py4go_bind_add_vec(PyObject *m, PyMethodDef *defs);

/* Add Channel, ChannelClosed and their private builtins to module m (py4go_bind_chan.c).
 * Returns 0, or -1 with an exception. */
int py4go_bind_add_channel(PyObject *m);

/* Raise TimeoutError(msg) (UTF-8, len bytes); returns -1. */
int py4go_bind_raise_timeout(const char *msg, Py_ssize_t len);

/* Raise RuntimeError(msg) (UTF-8, len bytes); returns -1. */
int py4go_bind_raise_runtime_error(const char *msg, Py_ssize_t len);

/* Number of Go values currently kept alive by Python objects (for leak checks). */
long long py4go_bind_live_handles(void);

/* ---- Python object protocols of classes (py4go_bind_objects.c) ----------------------- */

/* The container kind of a class, for py4go_bind_class_protocols. */
#define PY4GO_CONTAINER_NONE 0
#define PY4GO_CONTAINER_SLICE 1 /* a named slice: MutableSequence */
#define PY4GO_CONTAINER_ARRAY 2 /* a named array: Sequence (fixed length) */
#define PY4GO_CONTAINER_MAP 3   /* a named map: MutableMapping */

/* Once per class at module init, after py4go_bind_add_class: sets __match_args__ to the
 * constructor's field names and the pickle policy: pickled by those fields, or, with a
 * `refusal` text, a TypeError saying why (a Go marshaler pair, found at run time, wins over
 * both); registers a container class with collections.abc. */
int py4go_bind_class_protocols(PyTypeObject *type, const char *const *fields, Py_ssize_t n, const char *refusal,
                               int container);

/* Methods in every class's table: __copy__ (METH_NOARGS), __deepcopy__ (METH_O),
 * __reduce__ (METH_NOARGS), __setstate__ (METH_O). */
PyObject *py4go_bind_copy(PyObject *self, PyObject *unused);
PyObject *py4go_bind_deepcopy(PyObject *self, PyObject *memo);
PyObject *py4go_bind_reduce(PyObject *self, PyObject *unused);
PyObject *py4go_bind_setstate(PyObject *self, PyObject *state);

/* Slots and methods of container classes (the methods take METH_VARARGS, as the
 * collections.abc methods they stand for, so a stub inheriting those signatures agrees), working on the Go value by reflection. Reads that
 * need the whole value (iteration, `in` for a sequence, slices, ==) convert it to a list or
 * dict first; item access, len, append and extend work on the Go value directly. */
Py_ssize_t py4go_bind_obj_length(PyObject *self);
PyObject *py4go_bind_obj_iter(PyObject *self);
PyObject *py4go_bind_obj_richcompare(PyObject *self, PyObject *other, int op);
PyObject *py4go_bind_obj_clear(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_item(PyObject *self, Py_ssize_t i);
PyObject *py4go_bind_seq_subscript(PyObject *self, PyObject *key);
int py4go_bind_seq_ass_subscript(PyObject *self, PyObject *key, PyObject *value);
int py4go_bind_seq_contains(PyObject *self, PyObject *v);
PyObject *py4go_bind_seq_inplace_concat(PyObject *self, PyObject *other);
PyObject *py4go_bind_seq_append(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_extend(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_insert(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_pop(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_remove(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_reverse(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_sort(PyObject *self, PyObject *args, PyObject *kwds);
PyObject *py4go_bind_obj_bytes(PyObject *self, PyObject *unused);
PyObject *py4go_bind_seq_index(PyObject *self, PyObject *args);
PyObject *py4go_bind_seq_count(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_subscript(PyObject *self, PyObject *key);
int py4go_bind_map_ass_subscript(PyObject *self, PyObject *key, PyObject *value);
int py4go_bind_map_contains(PyObject *self, PyObject *key);
PyObject *py4go_bind_map_get(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_keys(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_items(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_values(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_pop(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_popitem(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_setdefault(PyObject *self, PyObject *args);
PyObject *py4go_bind_map_update(PyObject *self, PyObject *args, PyObject *kwds);

/* Go funcs and Python callables across the boundary, GIL release around long calls. */
#include "py4go_callback.h"

#endif /* PY4GO_BIND_H */
