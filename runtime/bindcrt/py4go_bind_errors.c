/* py4go_bind_errors.c — C half of bindc_errors.go: Go errors carried by GoError exceptions, so
 * that an exception a Go function raised can be passed back to Go as the very same error
 * value. Called from Go with the GIL held. */
#include "py4go.h"

void py4goCapsuleRelease(uintptr_t h);

static PyObject *new_capsule(uintptr_t handle)
{
    py4go_result r = py4go_new_capsule(handle);
    if (r.status != PY4GO_OK) {
        py4go_exception_free(r.exc); /* the failure was moved out of Python's error state */
        py4goCapsuleRelease(handle);
        PyErr_SetString(PyExc_RuntimeError, "py4go: cannot make a capsule for a Go error");
        return NULL;
    }
    return (PyObject *)r.value.ptr;
}

/* The attribute holding the capsule of the Go error a GoError stands for. */
#define GO_ERROR_ATTR "_py4go_error"

/* Attach the Go error behind handle (a py4go capsule handle) to the exception being raised
 * right now. On failure the handle is released and the raised exception is left as it was:
 * it still carries the message and go_type, only the identity of the Go value is lost. */
void py4go_bind_attach_go_error(uintptr_t handle)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *exc = PyErr_GetRaisedException();
#else
    PyObject *type, *exc, *tb;
    PyErr_Fetch(&type, &exc, &tb);
    PyErr_NormalizeException(&type, &exc, &tb);
#endif
    PyObject *capsule = NULL;
    if (exc == NULL)
        py4goCapsuleRelease(handle);
    else
        capsule = new_capsule(handle);
    if (capsule == NULL || PyObject_SetAttrString(exc, GO_ERROR_ATTR, capsule) < 0)
        PyErr_Clear();
    Py_XDECREF(capsule);
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(exc);
#else
    if (tb != NULL && exc != NULL)
        PyException_SetTraceback(exc, tb);
    PyErr_Restore(type, exc, tb);
#endif
}

/* A GoError instance (not raised) of class cls (GoError when NULL) with message msg, go_type
 * gotype and, with a non-zero handle, the Go error it stands for. */
PyObject *py4go_bind_new_error_object(PyObject *cls, const char *msg, Py_ssize_t msg_len, const char *gotype,
                                      Py_ssize_t gotype_len, uintptr_t handle)
{
    if (cls == NULL && (cls = py4go_bind_go_error_type()) == NULL) {
        py4goCapsuleRelease(handle);
        return NULL;
    }
    PyObject *m = PyUnicode_DecodeUTF8(msg, msg_len, "replace");
    PyObject *exc = m != NULL ? PyObject_CallOneArg(cls, m) : NULL;
    Py_XDECREF(m);
    PyObject *t = exc != NULL ? PyUnicode_DecodeUTF8(gotype, gotype_len, "replace") : NULL;
    if (t == NULL || PyObject_SetAttrString(exc, "go_type", t) < 0) {
        Py_XDECREF(t);
        Py_XDECREF(exc);
        py4goCapsuleRelease(handle);
        return NULL;
    }
    Py_DECREF(t);
    PyObject *capsule = new_capsule(handle);
    if (capsule == NULL || PyObject_SetAttrString(exc, GO_ERROR_ATTR, capsule) < 0) {
        Py_XDECREF(capsule);
        Py_DECREF(exc);
        return NULL;
    }
    Py_DECREF(capsule);
    return exc;
}

/* 1 when o is an instance of GoError (or of cls, when not NULL), or is the class cls itself;
 * 0 otherwise; -1 with an exception set. */
int py4go_bind_is_error(PyObject *o, PyObject *cls)
{
    if (cls != NULL)
        return o == cls ? 1 : PyObject_IsInstance(o, cls);
    PyObject *go_error = py4go_bind_go_error_type();
    return go_error == NULL ? -1 : PyObject_IsInstance(o, go_error);
}

/* The handle of the Go error a GoError instance o carries (0 if none, never an exception). */
uintptr_t py4go_bind_carried_error(PyObject *o)
{
    PyObject *capsule = PyObject_GetAttrString(o, GO_ERROR_ATTR);
    if (capsule == NULL) {
        PyErr_Clear();
        return 0;
    }
    void *p = PyCapsule_GetPointer(capsule, "py4go.handle");
    Py_DECREF(capsule);
    if (p == NULL)
        PyErr_Clear();
    return (uintptr_t)p;
}
