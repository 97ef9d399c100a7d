/* py4go_callback.c — Go funcs as Python callables (see py4go_callback.h). */
#include "py4go.h"

/* Implemented in Go (bindc_callbacks_export.go): deletes the handle. */
extern void py4goFuncRelease(uintptr_t handle);

static const char FUNC_CAPSULE[] = "py4go.func";

static void func_capsule_destructor(PyObject *capsule)
{
    void *p = PyCapsule_GetPointer(capsule, FUNC_CAPSULE);
    if (p != NULL)
        py4goFuncRelease((uintptr_t)p);
    else
        PyErr_Clear();
}

PyObject *py4go_bind_new_func(uintptr_t handle, PyMethodDef *def)
{
    if (handle == 0)
        Py_RETURN_NONE;
    PyObject *capsule = PyCapsule_New((void *)handle, FUNC_CAPSULE, func_capsule_destructor);
    if (capsule == NULL) {
        py4goFuncRelease(handle);
        return NULL;
    }
    PyObject *f = PyCFunction_NewEx(def, capsule, NULL);
    Py_DECREF(capsule); /* owned by f now, or destroyed (deleting the handle) on failure */
    return f;
}

py4go_result py4go_bind_invoke(uintptr_t callable, const py4go_value *args, Py_ssize_t nargs)
{
    if (!Py_IsInitialized()) {
        py4go_result r = {0};
        r.status = PY4GO_NOT_INITIALIZED;
        r.arg = -1;
        return r;
    }
    PyGILState_STATE state = PyGILState_Ensure();
    py4go_result r = py4go_call((PyObject *)callable, NULL, 0, args, nargs, 0, PY4GO_UNBOX | PY4GO_KEEP_EXCEPTION);
    PyGILState_Release(state);
    return r;
}

int py4go_bind_reraise(PyObject *exc)
{
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    return -1;
}

void py4go_bind_set_cause(PyObject *cause)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL)
        PyException_SetCause(value, Py_NewRef(cause));
    PyErr_Restore(type, value, tb);
}
