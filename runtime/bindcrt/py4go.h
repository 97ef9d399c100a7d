/* py4go.h — the py4go C runtime: the one place that does Call, Release and GIL handling.
 *
 * Used by the Go package `python` (this directory) and by every bindc-generated wrapper.
 *
 * Conventions of the embedding API below:
 *  - Every function that touches Python checks, inside the same cgo crossing, that Python is
 *    initialized and that the calling thread holds the GIL; instead of crashing it reports
 *    PY4GO_NOT_INITIALIZED or PY4GO_NO_GIL. Go code therefore pays one crossing per API call.
 *  - Functions that can fail return a py4go_result by value (no out-pointers, so cgo never
 *    has to move a Go value to the heap); on failure the Python error indicator is cleared
 *    and the exception is described by a malloc'd py4go_exception.
 *  - Every PyObject* handed out is a new (owned) reference unless a comment says "borrowed".
 */
#ifndef PY4GO_H
#define PY4GO_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#include "py4go_limited.h" /* the limited-API build (abi3): what it lacks, from what it has */

/* Revision of this runtime's ABI; generated code refuses to load against another one. */
#define PY4GO_ABI 1

/* ---- embedding API (package python) ---------------------------------------------------- */

/* Kinds of a py4go_value: a Go value on its way to Python, or a Python value on its way back. */
enum py4go_kind {
    PY4GO_NONE = 0,    /* None */
    PY4GO_BOOL = 1,    /* num is 0 or 1 */
    PY4GO_INT64 = 2,   /* num */
    PY4GO_UINT64 = 3,  /* num holds the uint64 bit pattern */
    PY4GO_FLOAT64 = 4, /* num holds the IEEE-754 bit pattern of a double */
    PY4GO_STR = 5,     /* ptr/num: UTF-8 bytes (not NUL-terminated), decoded strictly */
    PY4GO_BYTES = 6,   /* ptr/num: any bytes */
    PY4GO_OBJECT = 7,  /* ptr is a PyObject* (borrowed, or stolen with PY4GO_STEAL) */
    /* Result-only kinds reported by py4go_describe/py4go_unpack, so Go can pick a container. */
    PY4GO_LIST = 8,
    PY4GO_TUPLE = 9,
    PY4GO_DICT = 10,
    PY4GO_BIGINT = 11, /* an int that fits neither int64 nor uint64; ptr is a new reference */
    /* Go -> Python only (a Python complex is described as PY4GO_OBJECT; see py4go_to_complex). */
    PY4GO_COMPLEX = 12 /* ptr points at two doubles, the real and the imaginary part */
};

/* Flags of a py4go_value. */
#define PY4GO_STEAL 1 /* PY4GO_OBJECT: the callee owns ptr's reference, even on failure */

/* A tagged value. The number and the pointer are separate fields (not a union) so that the
 * Go mirror of this struct always has a real pointer slot the Go garbage collector can scan
 * and an integer slot it never mistakes for a pointer. 24 bytes on 64-bit platforms. */
typedef struct py4go_value {
    int32_t kind;
    int32_t flags;
    int64_t num;
    const void *ptr;
} py4go_value;

/* Status of a py4go_result. */
enum py4go_status {
    PY4GO_OK = 0,
    PY4GO_EXCEPTION = 1,       /* a Python exception was raised; see exc */
    PY4GO_NOT_INITIALIZED = 2, /* Python is not initialized (or already finalized) */
    PY4GO_NO_GIL = 3,          /* the calling thread does not hold the GIL */
    PY4GO_CONVERSION = 4,      /* a value could not be converted; see exc and arg */
    PY4GO_BAD_ARGUMENT = 5     /* the runtime was misused (e.g. NULL object); see exc */
};

/* A Python exception (or conversion failure) fetched out of Python, as UTF-8 C strings
 * allocated with malloc. Free it with py4go_exception_free. */
typedef struct py4go_exception {
    char *type;      /* "ValueError", "mymod.MyError" (module omitted for builtins/__main__) */
    char *message;   /* str(exception) */
    char *traceback; /* "".join(traceback.format_exception(exc)), "" if unavailable */
    int32_t system_exit; /* 1 when the exception is a SystemExit (sys.exit), else 0 */
    int32_t exit_code;   /* for a SystemExit: the status Python would exit with */
} py4go_exception;

/* The outcome of a runtime call: a value, or a status and exception details. */
typedef struct py4go_result {
    py4go_value value;    /* valid when status == PY4GO_OK */
    int32_t status;       /* enum py4go_status */
    int32_t arg;          /* for PY4GO_CONVERSION of an argument: its index, else -1 */
    py4go_exception *exc; /* for PY4GO_EXCEPTION/PY4GO_CONVERSION/PY4GO_BAD_ARGUMENT, else NULL */
} py4go_result;

/* Flags for py4go_call and py4go_to_value. */
#define PY4GO_UNBOX 1 /* return None/bool/int (fitting int64)/float results as scalars */
#define PY4GO_KEEP_EXCEPTION 2 /* py4go_call: when the call raises, also return a new reference
                                * to the exception object in value.ptr (kind PY4GO_OBJECT) */

/* Free a py4go_exception (NULL is fine). Needs neither Python nor the GIL. */
void py4go_exception_free(py4go_exception *exc);

/* The pending Python exception as a PY4GO_EXCEPTION result (cleared from Python), with a new
 * reference to the exception object in value.ptr (kind PY4GO_OBJECT). The GIL must be held. */
py4go_result py4go_take_exception(void);

/* -- lifecycle (no GIL needed on entry; all serialised by the Go side) -- */

/* Initialize Python without signal handlers (Go owns signals) and release the GIL, keeping
 * the main thread state for py4go_finalize. Must run on one OS thread with py4go_finalize. */
py4go_result py4go_initialize(void);
/* Take the GIL with the saved main thread state and finalize Python. */
py4go_result py4go_finalize(void);
/* On the main thread, before py4go_finalize: wait for Python's non-daemon threads to end and
 * run the atexit hooks (as Py_FinalizeEx does first), while Python is still fully usable. */
void py4go_prepare_finalize(void);
/* Py_IsInitialized(), and Py_GetVersion() (valid before initialization too). */
int py4go_is_initialized(void);
const char *py4go_version(void);
/* Register a single-phase init function for `name` before initialization (the name is
 * copied and kept for the life of the process). */
py4go_result py4go_append_inittab(const char *name, Py_ssize_t name_len, PyObject *(*initfunc)(void));

/* -- the GIL -- */

/* PyGILState_Ensure/Release; ensure reports PY4GO_NOT_INITIALIZED instead of crashing.
 * value.num of the result is the PyGILState_STATE to hand back to py4go_gil_release. */
py4go_result py4go_gil_ensure(void);
void py4go_gil_release(int64_t state);
/* 1 if the calling thread holds the GIL (0 when Python is not initialized). */
int py4go_gil_check(void);
/* PyEval_SaveThread/RestoreThread: release the GIL around long non-Python work. The result's
 * value.ptr is the thread state to restore. */
py4go_result py4go_save_thread(void);
void py4go_restore_thread(void *tstate);

/* -- references -- */

/* Py_DECREF, checked. Returns PY4GO_OK, or PY4GO_NO_GIL/PY4GO_NOT_INITIALIZED (nothing done). */
int py4go_release(PyObject *o);
/* Py_DECREF each of n objects (NULLs skipped); used to drain releases deferred by the Go
 * side (finalizers, Release without the GIL). */
int py4go_release_many(PyObject *const *objs, Py_ssize_t n);
/* Py_INCREF, checked: the result's value.ptr is o. */
py4go_result py4go_incref(PyObject *o);

/* -- conversions -- */

/* A new reference for one tagged value (PY4GO_OBJECT: a new reference to ptr). */
py4go_result py4go_from_value(const py4go_value *v);
/* A new list, tuple (is_tuple != 0) of n values, or a dict (is_dict != 0) of n key/value
 * pairs laid out k0, v0, k1, v1, ... (2n values). Values flagged PY4GO_STEAL are consumed. */
py4go_result py4go_new_container(const py4go_value *items, Py_ssize_t n, int is_tuple, int is_dict);
/* Convert o to the scalar kind `want` (PY4GO_NONE..PY4GO_BYTES), strictly: ints must fit,
 * floats accept int, str must be encodable as UTF-8. PY4GO_STR/PY4GO_BYTES results borrow
 * o's buffer (ptr/num), valid while o is alive and the GIL is held. want = -1 describes o:
 * its natural kind (scalars unboxed, containers as LIST/TUPLE/DICT with num = length,
 * anything else PY4GO_OBJECT with ptr = o borrowed). */
py4go_result py4go_to_value(PyObject *o, int want);
/* Convert o to a Go complex128: parts[0] = real, parts[1] = imaginary part, and value.kind
 * PY4GO_COMPLEX. Accepts complex, float, int and objects with __complex__, __float__ or
 * __index__ (as cmath does); any other object gives value.kind PY4GO_OBJECT (no number) and
 * leaves parts alone. A failing __complex__ (or an int too large) is PY4GO_CONVERSION. */
py4go_result py4go_to_complex(PyObject *o, double *parts);
/* Describe up to `cap` items of a list/tuple (cap values) or a dict (2*cap values, k0, v0,
 * ...) into out, as py4go_to_value(item, -1) does, except that PY4GO_OBJECT, PY4GO_LIST,
 * PY4GO_TUPLE, PY4GO_DICT and PY4GO_BIGINT items carry a NEW reference in ptr the caller
 * must release. value.num of the result is the container's length; if that exceeds cap
 * nothing is written and nothing needs releasing (call again with a larger buffer). */
py4go_result py4go_unpack(PyObject *container, py4go_value *out, Py_ssize_t cap);

/* -- calls and attributes -- */

/* Call `callable` (or, if method != NULL, the method named by the UTF-8 bytes method[0:method_len]
 * of the object `callable`) with nargs positional values args[0:nargs] followed by nkw keyword
 * values args[nargs:nargs+nkw] whose names are the PY4GO_STR values args[nargs+nkw:nargs+2*nkw].
 * All conversion, the vectorcall, releasing temporaries and exception fetching happen here.
 * flags: PY4GO_UNBOX to get scalar results unboxed (the object is then already released). */
py4go_result py4go_call(PyObject *callable, const char *method, Py_ssize_t method_len,
                        const py4go_value *args, Py_ssize_t nargs, Py_ssize_t nkw, int flags);
/* py4go_call with the arguments in py4go_scratch, for the Go API's hot path: C memory needs no
 * per-call Go allocation and no cgo pointer check (pinned Go pointers, e.g. string data, may
 * be stored in it). The Go side claims the array by setting py4go_scratch_busy from 0 to 1
 * atomically; this function sets it back to 0 as soon as it has converted the arguments
 * (before the call runs, so nested calls from Go code that Python calls back can claim it
 * again), on every path. callable is a PyObject* passed as an integer (it is C memory). */
#define PY4GO_SCRATCH_SIZE 16
extern py4go_value py4go_scratch[PY4GO_SCRATCH_SIZE];
extern int32_t py4go_scratch_busy;
py4go_result py4go_call_scratch(uintptr_t callable, const char *method, Py_ssize_t method_len,
                                Py_ssize_t nargs, Py_ssize_t nkw, int flags);
/* getattr(o, name) with a UTF-8 name (scalar results unboxed as with PY4GO_UNBOX);
 * setattr(o, name, value), the value converted in the same call. */
py4go_result py4go_getattr(PyObject *o, const char *name, Py_ssize_t name_len);
py4go_result py4go_setattr(PyObject *o, const char *name, Py_ssize_t name_len, const py4go_value *value);
/* str(o) (repr(o) if repr != 0) as UTF-8 in value.ptr/value.num. The bytes are borrowed from
 * a string object the runtime keeps alive, per thread, until the next py4go_str call on that
 * thread: copy them before calling py4go_str again (this keeps str() to one crossing). */
py4go_result py4go_str(PyObject *o, int repr);
/* type(o), new reference. */
py4go_result py4go_type(PyObject *o);
/* The name of o's type (tp_name, borrowed from the type); reads no Python state beyond that,
 * so it is safe for error messages on paths that already hold the GIL. */
const char *py4go_type_name(PyObject *o);

/* -- modules, code, sys.path -- */

/* import name (dotted names return the leaf module, like importlib.import_module). */
py4go_result py4go_import(const char *name, Py_ssize_t name_len);
/* Compile and run src (UTF-8, src_len bytes) as a module body (eval_mode 0) or an expression
 * (eval_mode 1) in `globals` (a dict; NULL means __main__'s dict); filename (NULL: "<py4go>")
 * names the source in tracebacks. Scalar results are unboxed as with PY4GO_UNBOX. Returns the expression's value, or None. */
py4go_result py4go_run(const char *src, Py_ssize_t src_len, PyObject *globals, int eval_mode,
                       const char *filename);
/* A fresh globals dict with __builtins__ (and __name__ = "__py4go__"). */
py4go_result py4go_new_globals(void);
/* Insert the UTF-8 path at the front (front != 0) or end of sys.path. */
py4go_result py4go_sys_path_add(const char *path, Py_ssize_t path_len, int front);
/* Create an empty module `name` and put it in sys.modules so `import name` finds it. */
py4go_result py4go_new_module(const char *name, Py_ssize_t name_len);
/* Add a C function to a module: a PyMethodDef built from the arguments (name and doc are
 * copied and kept for the life of the process, as CPython requires). */
py4go_result py4go_module_add_function(PyObject *module, const char *name, Py_ssize_t name_len,
                                       void *cfunc, int meth_flags, const char *doc, Py_ssize_t doc_len);
/* Call a single-phase PyInit_* function and put the module it returns into sys.modules
 * under `name` (used to register generated modules after initialization). */
py4go_result py4go_load_module(const char *name, Py_ssize_t name_len, PyObject *(*initfunc)(void));

/* -- capsules -- */

/* A PyCapsule named "py4go.handle" holding a non-zero Go runtime/cgo.Handle; when the capsule
 * dies the handle is deleted (through the Go function py4goCapsuleRelease).
 * py4go_capsule_handle reads the handle back (value.num; PY4GO_CONVERSION if o is not such
 * a capsule). */
py4go_result py4go_new_capsule(uintptr_t handle);
py4go_result py4go_capsule_handle(PyObject *o);

/* ---- support for bindc-generated wrappers ----------------------------------------------- */
#include "py4go_bind.h"

#endif /* PY4GO_H */
