/* py4go_limited.h — what the runtime needs beyond CPython's limited API, written with it.
 *
 * An abi3 extension (`bindc build --abi3`) compiles the runtime with Py_LIMITED_API=0x030b0000:
 * the headers then declare only the stable ABI of CPython 3.11, which every later version
 * keeps, so one NAME.abi3.so imports on 3.11, 3.12 and 3.13. Under that macro this header
 * supplies the few conveniences of the full API the runtime uses, each built from limited
 * functions only (bindc proves it: `bindc build --abi3` parses every runtime C file with
 * libclang under Py_LIMITED_API and rejects any use outside it). The macro-style accessors keep
 * CPython's names so the runtime reads the same in both builds; under the full API nothing
 * here is defined and the runtime uses CPython's own (faster) versions.
 *
 * Included by py4go.h right after Python.h.
 */
#ifndef PY4GO_LIMITED_H
#define PY4GO_LIMITED_H

#include <stdio.h>  /* Python.h stops including these under Py_LIMITED_API */
#include <stdlib.h>
#include <string.h>

#ifdef Py_LIMITED_API

/* Unchecked accessors -> their checked, limited equivalents (same ownership rules). */
#define PyTuple_GET_ITEM(t, i) PyTuple_GetItem((t), (i))
#define PyTuple_SET_ITEM(t, i, v) ((void)PyTuple_SetItem((t), (i), (v)))
#define PyTuple_GET_SIZE(t) PyTuple_Size(t)
#define PyList_GET_ITEM(l, i) PyList_GetItem((l), (i))
#define PyList_SET_ITEM(l, i, v) ((void)PyList_SetItem((l), (i), (v)))
#define PyList_GET_SIZE(l) PyList_Size(l)
#define PyDict_GET_SIZE(d) PyDict_Size(d)
#define PyBytes_AS_STRING(b) PyBytes_AsString(b)
#define PyBytes_GET_SIZE(b) PyBytes_Size(b)
#define PyByteArray_AS_STRING(b) PyByteArray_AsString(b)
#define PyByteArray_GET_SIZE(b) PyByteArray_Size(b)
#define PyFloat_AS_DOUBLE(f) PyFloat_AsDouble(f)
#undef PySequence_Fast_GET_SIZE /* abstract.h defines them with non-limited macros */
#undef PySequence_Fast_GET_ITEM
#define PySequence_Fast_GET_SIZE(o) PySequence_Size(o)
#define PySequence_Fast_GET_ITEM(o, i) (PyList_Check(o) ? PyList_GetItem((o), (i)) : PyTuple_GetItem((o), (i)))
#define PyUnicode_AsUTF8(s) PyUnicode_AsUTF8AndSize((s), NULL)

#ifndef Py_SETREF
#define Py_SETREF(dst, src)                  \
    do {                                     \
        PyObject **py4go_dst_ = (PyObject **)&(dst); \
        PyObject *py4go_tmp_ = *py4go_dst_;  \
        *py4go_dst_ = (PyObject *)(src);     \
        Py_DECREF(py4go_tmp_);               \
    } while (0)
#define Py_XSETREF(dst, src)                 \
    do {                                     \
        PyObject **py4go_dst_ = (PyObject **)&(dst); \
        PyObject *py4go_tmp_ = *py4go_dst_;  \
        *py4go_dst_ = (PyObject *)(src);     \
        Py_XDECREF(py4go_tmp_);              \
    } while (0)
#endif

static inline PyObject *PyObject_CallOneArg(PyObject *callable, PyObject *arg)
{
    return PyObject_CallFunctionObjArgs(callable, arg, NULL);
}

/* Vectorcall is limited only from 3.12: build the tuple (and dict) it avoids. */
static inline PyObject *py4go_limited_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                                 PyObject *kwnames)
{
    Py_ssize_t nargs = (Py_ssize_t)(nargsf & ~((size_t)1 << (8 * sizeof(size_t) - 1)));
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_Size(kwnames);
    PyObject *tuple = PyTuple_New(nargs), *kwargs = NULL, *result = NULL;
    if (tuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SetItem(tuple, i, args[i]);
    }
    if (nkw > 0) {
        kwargs = PyDict_New();
        if (kwargs == NULL)
            goto done;
        for (Py_ssize_t i = 0; i < nkw; i++)
            if (PyDict_SetItem(kwargs, PyTuple_GetItem(kwnames, i), args[nargs + i]) < 0)
                goto done;
    }
    result = PyObject_Call(callable, tuple, kwargs);
done:
    Py_DECREF(tuple);
    Py_XDECREF(kwargs);
    return result;
}
#define PyObject_Vectorcall(callable, args, nargsf, kwnames) \
    py4go_limited_vectorcall((callable), (args), (nargsf), (kwnames))

/* args[0] is the object whose method `name` is called. */
static inline PyObject *py4go_limited_vectorcall_method(PyObject *name, PyObject *const *args, size_t nargsf,
                                                        PyObject *kwnames)
{
    PyObject *method = PyObject_GetAttr(args[0], name);
    if (method == NULL)
        return NULL;
    size_t n = (nargsf & ~((size_t)1 << (8 * sizeof(size_t) - 1))) - 1;
    PyObject *result = py4go_limited_vectorcall(method, args + 1, n, kwnames);
    Py_DECREF(method);
    return result;
}
#define PyObject_VectorcallMethod(name, args, nargsf, kwnames) \
    py4go_limited_vectorcall_method((name), (args), (nargsf), (kwnames))

/* The limited API cannot tell whether this thread holds the GIL; it can tell whether the
 * thread has a Python thread state at all, which is what a goroutine on a thread Python never
 * saw lacks (the misuse the check exists for). A thread that released the GIL passes. */
#define PyGILState_Check() (PyGILState_GetThisThreadState() != NULL)

/* Py_complex is not part of the limited API; the runtime only moves its two parts. */
typedef struct {
    double real;
    double imag;
} Py_complex;

static inline PyObject *PyComplex_FromCComplex(Py_complex v)
{
    return PyComplex_FromDoubles(v.real, v.imag);
}

/* complex(o)'s value as PyComplex_AsCComplex computes it: a complex, else __complex__, else
 * float(o) (__float__ or __index__). On error real is -1.0 and an exception is set. */
static inline Py_complex PyComplex_AsCComplex(PyObject *o)
{
    Py_complex v = {-1.0, 0.0};
    if (PyComplex_Check(o)) {
        v.real = PyComplex_RealAsDouble(o);
        v.imag = PyComplex_ImagAsDouble(o);
        return v;
    }
    PyObject *method = PyObject_GetAttrString((PyObject *)Py_TYPE(o), "__complex__");
    if (method != NULL) {
        PyObject *c = PyObject_CallOneArg(method, o);
        Py_DECREF(method);
        if (c == NULL)
            return v;
        if (!PyComplex_Check(c)) {
            PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex");
            Py_DECREF(c);
            return v;
        }
        v.real = PyComplex_RealAsDouble(c);
        v.imag = PyComplex_ImagAsDouble(c);
        Py_DECREF(c);
        return v;
    }
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return v;
    PyErr_Clear();
    v.real = PyFloat_AsDouble(o);
    v.imag = 0.0;
    return v;
}

/* The name of a type for messages, as tp_name holds it ("int", "classes.Point", a Python
 * class's "Circle"): the limited API has no borrowed tp_name, so each distinct name is kept in
 * a process-wide table and lives as long as the process (there are as many as there are type
 * names, not types). Takes the GIL itself; keeps a pending exception. Defined in py4go.c. */
const char *py4go_tp_name(PyTypeObject *t);

/* Whether instances of t convert with float() or operator.index(). */
static inline int py4go_has_float_or_index(PyTypeObject *t)
{
    return PyType_GetSlot(t, Py_nb_float) != NULL || PyType_GetSlot(t, Py_nb_index) != NULL;
}

/* __name__ of t (its tp_name after the last dot), kept like py4go_tp_name's. */
const char *py4go_type_short_name(PyTypeObject *t);

#ifndef PY_VECTORCALL_ARGUMENTS_OFFSET
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
#endif

#else /* the full API */

static inline const char *py4go_tp_name(PyTypeObject *t)
{
    return t->tp_name;
}

static inline int py4go_has_float_or_index(PyTypeObject *t)
{
    PyNumberMethods *nb = t->tp_as_number;
    return nb != NULL && (nb->nb_float != NULL || nb->nb_index != NULL);
}

static inline const char *py4go_type_short_name(PyTypeObject *t)
{
    return _PyType_Name(t);
}

#endif /* Py_LIMITED_API */
#endif /* PY4GO_LIMITED_H */
