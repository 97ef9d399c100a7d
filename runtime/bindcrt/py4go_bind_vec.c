/* py4go_bind_vec.c — support for the vectorized forms `mod.vec.f(xs, ys)` (compiler/bindc/emit/vec.py).
 *
 * A vectorized wrapper takes one iterable per Go parameter, converts item i of every one into
 * C arrays (with the converters of the scalar wrappers), calls one Go trampoline that loops over
 * the arrays, and builds the results. This file holds the parts that are the same for every
 * function: taking the iterables (Python's map semantics: the shortest wins), naming the failing
 * element in an exception, and adding the forms to the module. */
#include "py4go.h"

/* One argument as a list or a tuple (a new reference), or NULL with TypeError naming it.
 * A list is kept as is (its items are re-checked against its size at each step) unless
 * `snapshot`, which copies it into a tuple: a str argument's UTF-8 buffers must outlive every
 * conversion, and converting another argument's item may run Python code (__index__) that
 * changes the list. Any other iterable is read into a new list, at most `bound` items (the
 * length of the shortest list or tuple argument; negative: no bound). */
static PyObject *vec_items(PyObject *o, const char *fn, int pos, int snapshot, Py_ssize_t bound)
{
    if (PyTuple_Check(o))
        return Py_NewRef(o);
    if (PyList_Check(o))
        return snapshot ? PyList_AsTuple(o) : Py_NewRef(o);
    PyObject *it = PyObject_GetIter(o);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s() argument %d must be iterable, not %s", fn, pos,
                         o == Py_None ? "None" : py4go_tp_name(Py_TYPE(o)));
        }
        return NULL;
    }
    PyObject *list = PyList_New(0);
    while (list != NULL && (bound < 0 || PyList_GET_SIZE(list) < bound)) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL)
            break;
        int rc = PyList_Append(list, item);
        Py_DECREF(item);
        if (rc < 0)
            Py_CLEAR(list);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        Py_CLEAR(list);
    return list;
}

Py_ssize_t py4go_bind_vec_begin(const char *fn, PyObject *const *args, Py_ssize_t nargs, PyObject **items,
                                unsigned long long snapshot, const char *const *formats, Py_buffer *views)
{
    Py_ssize_t bound = -1;
    for (Py_ssize_t k = 0; k < nargs; k++) {
        Py_ssize_t len = -1;
        if (formats[k] != NULL) {
            /* A buffer of the C array's own element type (an array('q') for int64, a numpy
             * float64 array...) is read in place: no object per element, no conversion. */
            int got = py4go_bind_numeric_buffer(args[k], formats[k], 8, &views[k]);
            if (got < 0)
                return -1;
            if (got > 0)
                len = views[k].len / 8;
        }
        if (len < 0)
            len = PyList_Check(args[k]) ? PyList_GET_SIZE(args[k]) : PyTuple_Check(args[k]) ? PyTuple_GET_SIZE(args[k]) : -1;
        if (len >= 0 && (bound < 0 || len < bound))
            bound = len;
    }
    Py_ssize_t n = bound;
    for (Py_ssize_t k = 0; k < nargs; k++) {
        if (views[k].obj != NULL) /* a buffer: items[k] stays NULL */
            continue;
        items[k] = vec_items(args[k], fn, (int)(k + 1), (int)((snapshot >> k) & 1), bound);
        if (items[k] == NULL)
            return -1;
        Py_ssize_t len = PyList_Check(items[k]) ? PyList_GET_SIZE(items[k]) : PyTuple_GET_SIZE(items[k]);
        if (n < 0 || len < n)
            n = len;
    }
    return n < 0 ? 0 : n;
}

int py4go_bind_vec_changed(const char *fn, int pos)
{
    PyErr_Format(PyExc_RuntimeError, "%s() argument %d: the list changed size during the call", fn, pos);
    return -1;
}

/* The message of `value` when str(value) is its only argument (GoError, TypeError,
 * OverflowError...): a new reference, or NULL (no error set) when the exception is built
 * otherwise and cannot be re-worded in place. */
static PyObject *plain_message(PyObject *value)
{
    PyObject *args = PyObject_GetAttrString(value, "args");
    PyObject *msg = NULL;
    if (args != NULL && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1 &&
        PyUnicode_Check(PyTuple_GET_ITEM(args, 0))) {
        PyObject *str = PyObject_Str(value);
        if (str != NULL && PyUnicode_Compare(str, PyTuple_GET_ITEM(args, 0)) == 0)
            msg = Py_NewRef(PyTuple_GET_ITEM(args, 0));
        Py_XDECREF(str);
    }
    Py_XDECREF(args);
    PyErr_Clear();
    return msg;
}

/* `text` with the element named: "fn() argument POS..." becomes "fn() argument POS[INDEX]..."
 * (a conversion error), "fn()..." becomes "fn() element INDEX..." (a Go error's message does
 * not start with it: "fn() element INDEX: " is put in front). A new reference or NULL. */
static PyObject *reword(PyObject *text, const char *fn, int pos, Py_ssize_t index)
{
    PyObject *prefix = pos > 0 ? PyUnicode_FromFormat("%s() argument %d", fn, pos) : PyUnicode_FromFormat("%s()", fn);
    if (prefix == NULL)
        return NULL;
    PyObject *out = NULL;
    Py_ssize_t plen = PyUnicode_GetLength(prefix);
    int starts = PyUnicode_Tailmatch(text, prefix, 0, plen, -1);
    if (starts == 1) {
        PyObject *rest = PyUnicode_Substring(text, plen, PyUnicode_GetLength(text));
        if (rest != NULL)
            out = pos > 0 ? PyUnicode_FromFormat("%U[%zd]%U", prefix, index, rest)
                          : PyUnicode_FromFormat("%U element %zd%U", prefix, index, rest);
        Py_XDECREF(rest);
    } else if (starts == 0) {
        out = pos > 0 ? PyUnicode_FromFormat("%U[%zd]: %U", prefix, index, text)
                      : PyUnicode_FromFormat("%U element %zd: %U", prefix, index, text);
    }
    Py_DECREF(prefix);
    return out;
}

int py4go_bind_vec_error(const char *fn, int pos, Py_ssize_t index)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value == NULL || !PyObject_TypeCheck(value, (PyTypeObject *)PyExc_Exception)) {
        PyErr_Restore(type, value, tb); /* KeyboardInterrupt...: passed on untouched */
        return -1;
    }
    /* The exception keeps its type and attributes (go_type, go_stack, the Go error it stands
     * for): only its message is re-worded, in place. */
    int done = 0;
    if (PyObject_TypeCheck(value, (PyTypeObject *)PyExc_UnicodeError)) {
        /* Encode (a str argument) or decode (a Go string result): the reason names the call. */
        PyObject *reason = PyObject_GetAttrString(value, "reason");
        PyObject *worded = reason != NULL ? reword(reason, fn, pos, index) : NULL;
        done = worded != NULL && PyObject_SetAttrString(value, "reason", worded) == 0;
        Py_XDECREF(worded);
        Py_XDECREF(reason);
    } else {
        PyObject *msg = plain_message(value);
        PyObject *worded = msg != NULL ? reword(msg, fn, pos, index) : NULL;
        PyObject *args = worded != NULL ? PyTuple_Pack(1, worded) : NULL;
        done = args != NULL && PyObject_SetAttrString(value, "args", args) == 0;
        Py_XDECREF(args);
        Py_XDECREF(worded);
        Py_XDECREF(msg);
    }
    if (!done) {
        /* An exception whose message is not its argument (a bound Go error class's str() is
         * Error()): the element goes into a note, shown by the traceback. */
        PyErr_Clear();
        PyObject *note = pos > 0 ? PyUnicode_FromFormat("%s() argument %d[%zd]", fn, pos, index)
                                 : PyUnicode_FromFormat("%s() element %zd", fn, index);
        PyObject *r = note != NULL ? PyObject_CallMethod(value, "add_note", "O", note) : NULL;
        Py_XDECREF(r);
        Py_XDECREF(note);
    }
    PyErr_Clear();
    PyErr_Restore(type, value, tb);
    return -1;
}

PyObject *py4go_bind_vec_array(const char *typecode, Py_ssize_t n, Py_buffer *view)
{
    static PyObject *array_type = NULL; /* array.array, kept for the process's life */
    if (array_type == NULL) {
        PyObject *mod = PyImport_ImportModule("array");
        if (mod == NULL)
            return NULL;
        array_type = PyObject_GetAttrString(mod, "array");
        Py_DECREF(mod);
        if (array_type == NULL)
            return NULL;
    }
    /* array(typecode, [0]) * n: one allocation filled once, faster than array(typecode, bytes(8n)). */
    PyObject *one = PyObject_CallFunction(array_type, "s[i]", typecode, 0);
    PyObject *out = one != NULL ? PySequence_Repeat(one, n) : NULL;
    Py_XDECREF(one);
    if (out != NULL && PyObject_GetBuffer(out, view, PyBUF_WRITABLE | PyBUF_FORMAT) < 0)
        Py_CLEAR(out);
    return out;
}

void py4go_bind_vec_release(Py_buffer *view)
{
    if (view->obj != NULL)
        PyBuffer_Release(view);
    view->obj = NULL;
}

int py4go_bind_add_vec(PyObject *m, PyMethodDef *defs)
{
    PyObject *modname = PyModule_GetNameObject(m);
    if (modname == NULL)
        return -1;
    int rc = 0;
    for (PyMethodDef *d = defs; d->ml_name != NULL && rc == 0; d++) {
        PyObject *f = PyCFunction_NewEx(d, m, modname);
        char attr[256];
        PyOS_snprintf(attr, sizeof attr, "_vec_%s", d->ml_name);
        rc = f == NULL ? -1 : PyModule_AddObjectRef(m, attr, f);
        Py_XDECREF(f);
    }
    Py_DECREF(modname);
    return rc;
}
