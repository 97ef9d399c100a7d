/* py4go_callback.h — C support for Go func values crossing the language boundary.
 *
 * Included from py4go_bind.h. Two directions:
 *  - a Python callable passed where Go expects a func: the wrapper checks it is callable and
 *    hands it (borrowed) to the Go trampoline together with where it came from, which the Go
 *    closure uses in error messages only when something goes wrong;
 *  - a Go func returned to Python: the trampoline gives the wrapper a runtime/cgo.Handle of
 *    the func, and the wrapper makes a builtin function whose self is a capsule owning that
 *    handle (the handle is deleted, and the Go func becomes collectable, when Python drops it).
 */
#ifndef PY4GO_CALLBACK_H
#define PY4GO_CALLBACK_H

#include <stdint.h>

/* A Python callable on its way to Go. `fn` is a C string literal of the wrapper (static
 * storage, so Go may keep the pointer) naming the Python function, `pos` the argument. */
typedef struct py4go_callable {
    PyObject *obj;
    const char *fn;
    int pos;
} py4go_callable;

/* Accept any callable; anything else raises TypeError "fn() argument POS must be callable,
 * not TYPE". The object is borrowed: the Go side takes its own reference. */
static inline int py4go_bind_callable(PyObject *o, const char *fn, int pos, py4go_callable *out)
{
    if (!PyCallable_Check(o))
        return py4go_bind_bad_type(fn, pos, "callable", o);
    out->obj = o;
    out->fn = fn;
    out->pos = pos;
    return 0;
}

/* py4go_bind_callable, or None for a nil func (out->obj NULL): a parameter the Go function
 * compares with nil, so nil is one of its documented values. */
static inline int py4go_bind_callable_or_none(PyObject *o, const char *fn, int pos, py4go_callable *out)
{
    if (o == Py_None) {
        out->obj = NULL;
        out->fn = fn;
        out->pos = pos;
        return 0;
    }
    return py4go_bind_callable(o, fn, pos, out);
}

/* A builtin function calling the Go func behind `handle` through `def` (whose self is a
 * capsule owning the handle). handle 0 (a nil func) gives None. On failure the handle is
 * deleted and NULL returned with an exception set. */
PyObject *py4go_bind_new_func(uintptr_t handle, PyMethodDef *def);

/* Delete a Go func handle a trampoline made but the wrapper could not hand to Python (a later
 * result of the same call failed to convert); 0 is a no-op. */
void py4go_bind_drop_func(uintptr_t handle);

/* The handle behind `self` of such a function (never fails for a self made above). */
static inline uintptr_t py4go_bind_func_handle(PyObject *self)
{
    return (uintptr_t)PyCapsule_GetPointer(self, "py4go.func");
}

/* Call `callable` (a PyObject* as an integer: the Go side holds a reference) with nargs scalar
 * values, taking and giving back the GIL around the call, in one crossing: the fast path of
 * a Go func calling a Python callback from any thread. Results as py4go_call with
 * PY4GO_UNBOX; an object result is an owned reference the caller releases holding the GIL.
 * When the callable raises, value.ptr also holds a new reference to the exception object
 * (PY4GO_KEEP_EXCEPTION), so Go can raise it again unchanged. */
py4go_result py4go_bind_invoke(uintptr_t callable, const py4go_value *args, Py_ssize_t nargs);

/* Like py4go_bind_invoke, but calls obj.method(*args) (method is UTF-8, `len` bytes, not
 * necessarily NUL-terminated): a Go interface method implemented by a Python object. */
py4go_result py4go_bind_invoke_method(uintptr_t obj, const char *method, Py_ssize_t len,
                                      const py4go_value *args, Py_ssize_t nargs);

/* A Python object on its way to a Go parameter of an interface type that Python objects may
 * implement. `handle` is the Go value of a bound instance (0 otherwise), `obj` the object
 * (borrowed; NULL for None). The rest are static strings of the wrapper, kept by Go for the
 * proxy's error messages: the Python function and argument, the interface's Go name and the
 * Python names of its methods. */
typedef struct py4go_iface_arg {
    uintptr_t handle;
    PyObject *obj;
    const char *fn;
    int pos;
    const char *iface;
    const char *const *methods;
    int nmethods;
} py4go_iface_arg;

/* The name of o's type (tp_name: "Circle", "mod.Square"); reading it needs no GIL while a
 * reference keeps o alive. */
static inline const char *py4go_bind_type_name(PyObject *o)
{
    return py4go_tp_name(Py_TYPE(o));
}

/* The methods `o` lacks (not there or not callable) as a new str "area(), perimeter()", with
 * their number in *count; NULL with *count 0 when it has them all, or with *count -1 and an
 * exception set when looking one up raised something other than AttributeError. */
PyObject *py4go_bind_iface_missing(PyObject *o, const char *const *methods, int nmethods, int *count);

/* Raise TypeError naming fn, pos, iface and the methods `o` lacks (not there or not
 * callable), and return -1; or return 0 when it has them all. */
int py4go_bind_iface_check(PyObject *o, const char *fn, int pos, const char *iface, const char *const *methods,
                           int nmethods);

/* Accept a bound instance (its Go type is checked on the Go side), None (a nil interface) or
 * any object with every method of the interface. */
static inline int py4go_bind_iface_arg(PyObject *o, const char *fn, int pos, const char *iface,
                                       const char *const *methods, int nmethods, py4go_iface_arg *out)
{
    out->fn = fn;
    out->pos = pos;
    out->iface = iface;
    out->methods = methods;
    out->nmethods = nmethods;
    out->obj = o == Py_None ? NULL : o;
    if ((out->handle = py4go_bind_handle_of(o)) != 0 || o == Py_None)
        return 0;
    return py4go_bind_iface_check(o, fn, pos, iface, methods, nmethods);
}

/* How many callback calls have taken the GIL so far (py4go_bind_invoke increments it, the Go
 * side too for callbacks it runs under WithGIL); the Go deadlock watchdog reads it. */
extern int64_t py4go_callbacks_acquired;

/* Raise the exception object exc again (its traceback is attached to it). Returns -1. */
int py4go_bind_reraise(PyObject *exc);

/* Make `cause` the __cause__ of the pending exception (GoError wrapping a Python error). */
void py4go_bind_set_cause(PyObject *cause);

/* Release and retake the GIL around a Go call that may run long (PyEval_SaveThread and
 * PyEval_RestoreThread under names bindc's C-API check knows). */
static inline void *py4go_bind_release_gil(void)
{
    return (void *)PyEval_SaveThread();
}

static inline void py4go_bind_restore_gil(void *tstate)
{
    PyEval_RestoreThread((PyThreadState *)tstate);
}

#endif /* PY4GO_CALLBACK_H */
