/* py4go_typed.h — C support for Go wrappers that `bindc go` generates from Python signatures.
 *
 * For generated code only (through the Go API in typed.go); nothing here is part of the
 * embedding API users call. Kept apart from py4go.h so that it can move, with typed.go,
 * into an implementation package without touching the embedding API.
 *
 * One typed call is one cgo crossing: py4go_typed_call takes the GIL if the calling thread
 * does not hold it (PY4GO_TYPED_ENSURE_GIL), converts the packed arguments, calls, fetches an
 * exception, converts the result to the scalar kind the Go signature wants (strictly: an int
 * that does not fit int64 is a conversion error, never a wrapped value), copies a str/bytes
 * result into the caller's buffer, releases every intermediate object and gives the GIL back.
 */
#ifndef PY4GO_TYPED_H
#define PY4GO_TYPED_H

#include "py4go.h"

/* Argument buffers the Go side claims for one call (C memory: packing into it allocates
 * nothing and cgo checks no pointers; short strings are copied into the arena instead of
 * being pinned, and a str/bytes result comes back through it). */
#define PY4GO_TYPED_VALUES 16
#define PY4GO_TYPED_ARENA 1024
typedef struct py4go_typed_buf {
    py4go_value vals[PY4GO_TYPED_VALUES];
    char arena[PY4GO_TYPED_ARENA];
} py4go_typed_buf;

/* py4go_typed_call flags. */
#define PY4GO_TYPED_ENSURE_GIL 1 /* take the GIL (PyGILState_Ensure) when the thread lacks it;
                                  * without this flag such a call returns PY4GO_NO_GIL having
                                  * done nothing, so the caller may retry with the flag */
#define PY4GO_TYPED_OPTIONAL 2   /* None is an accepted result (value.kind PY4GO_NONE) */
#define PY4GO_TYPED_GETATTR 4    /* no call: the result is getattr(callable, method) */

/* `want` values besides the scalar kinds PY4GO_NONE..PY4GO_BYTES. */
#define PY4GO_TYPED_IGNORE (-1) /* any result is accepted and released (a `-> None` function) */
#define PY4GO_TYPED_OBJECT (-2) /* the result object itself: value.ptr, a new reference */
#define PY4GO_TYPED_UNBOX (-3)  /* py4go_typed_call_fast only: as py4go_call's PY4GO_UNBOX (None,
                                 * bool, int fitting int64, float as scalars; anything else
                                 * kind PY4GO_OBJECT with num the new reference) */

/* Call `callable` (method != NULL: its method of that name) with args laid out as for
 * py4go_call, and convert the result to `want`. A PY4GO_STR/PY4GO_BYTES result is copied into
 * out[0:out_cap] (value.ptr = out, value.num = length); when it does not fit, value.kind is
 * PY4GO_OBJECT with value.ptr a new reference to the str/bytes object, for the caller to copy
 * and release. callable, args and out are passed as integers: all are C memory (a
 * referenced object, C buffers), so cgo need not check them. */
py4go_result py4go_typed_call(uintptr_t callable, const char *method, Py_ssize_t method_len,
                              uintptr_t args, Py_ssize_t nargs, Py_ssize_t nkw, int want,
                              int flags, uintptr_t out, Py_ssize_t out_cap);

/* The fast path of py4go_typed_call for the common call: a function (no method, no keyword
 * arguments) with at most PY4GO_TYPED_FAST_ARGS arguments, each a scalar (PY4GO_NONE, BOOL,
 * INT64, FLOAT64) or a borrowed object (PY4GO_OBJECT, its PyObject* in the slot), wanting a
 * scalar result (PY4GO_TYPED_IGNORE, PY4GO_BOOL, PY4GO_INT64, PY4GO_FLOAT64), or
 * PY4GO_TYPED_UNBOX (the dynamic Object.Call's fast path). desc (PY4GO_TYPED_DESC) packs the
 * argument kinds (argument i's in bits 4i..4i+3), their count, want and the flags; a0..a3
 * are the values (num, or the pointer for an object).
 * Everything travels by value both ways (the result fits two registers), so the Go side packs
 * nothing into memory and claims no buffer; the GIL handling and the conversions are those of
 * py4go_typed_call.
 *
 * The result: tag < PY4GO_TYPED_TAG_RESULT is status << 4 | value kind, with num the value;
 * otherwise tag is the address of a malloc'ed py4go_result (an exception, a conversion error)
 * that py4go_typed_take_result hands over. */
#define PY4GO_TYPED_FAST_ARGS 4
#define PY4GO_TYPED_TAG_RESULT 4096
typedef struct py4go_typed_fast_result {
    int64_t num;
    uint64_t tag;
} py4go_typed_fast_result;
py4go_typed_fast_result py4go_typed_call_fast(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1,
                                              int64_t a2, int64_t a3);

/* The same call, one entry per argument count (py4go_typed_fastN takes a0..aN-1), for the
 * generated typed wrappers (TypedFastCall) and Object.Call: with the GIL held the argument
 * loop is unrolled, nothing is spilled into an array the Go side fills, and a small int
 * result is read inline (not under Py_LIMITED_API: there, PyLong_AsLongLongAndOverflow).
 * Without the GIL each hands over to py4go_typed_call_fast, which takes it or reports
 * PY4GO_NO_GIL exactly as before. desc is the same PY4GO_TYPED_DESC (its count is N). */
py4go_typed_fast_result py4go_typed_fast0(uintptr_t callable, uint64_t desc);
py4go_typed_fast_result py4go_typed_fast1(uintptr_t callable, uint64_t desc, int64_t a0);
py4go_typed_fast_result py4go_typed_fast2(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1);
py4go_typed_fast_result py4go_typed_fast3(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1, int64_t a2);
py4go_typed_fast_result py4go_typed_fast4(uintptr_t callable, uint64_t desc, int64_t a0, int64_t a1, int64_t a2,
                                          int64_t a3);

/* The desc of a py4go_typed_call_fast (one argument instead of four: fewer to pass through
 * cgo): the argument kinds (4 bits each), the argument count, the flags and want. */
#define PY4GO_TYPED_DESC(kinds, nargs, want, flags)                                    \
    ((uint64_t)(uint16_t)(kinds) | (uint64_t)(uint8_t)(nargs) << 16 |                   \
     (uint64_t)(uint8_t)(flags) << 24 | (uint64_t)(uint8_t)((want) + PY4GO_TYPED_WANT_BIAS) << 32)
#define PY4GO_TYPED_WANT_BIAS 8

/* The py4go_result behind a py4go_typed_fast_result tag (freed; its exc is the caller's). */
py4go_result py4go_typed_take_result(uint64_t tag);

/* Defined in py4go.c: the raised exception, fetched as a failed py4go_call reports it. */
py4go_result py4go_typed_fetch_exception(void);

/* A builtin function calling the Go func behind `handle` (from BindcFuncHandle) through the
 * generic typed trampoline: Python calls it with any positional arguments, from any thread.
 * New reference; handle 0 gives None. */
PyObject *py4go_typed_new_func(uintptr_t handle);

/* Raise RuntimeError(message) (UTF-8, n bytes) for a Go func called from Python that failed;
 * when cause is not NULL (a Python exception object) it is raised instead, unchanged. */
void py4go_typed_raise(const char *message, Py_ssize_t n, PyObject *cause);

/* Defined in py4go_callback.c: PyGILState_Ensure that keeps one thread state per thread
 * alive, so repeated calls from a Go thread do not create and destroy one each time. */
PyGILState_STATE py4go_ensure_gil_keeping_thread_state(void);

#endif /* PY4GO_TYPED_H */
