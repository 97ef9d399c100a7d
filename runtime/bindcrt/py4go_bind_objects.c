/* py4go_bind_objects.c — the Python object protocols of bindc classes (C half of
 * bindc_objects.go): __copy__/__deepcopy__, pickling (__reduce__/__setstate__),
 * __match_args__, and the sequence and mapping protocols of value classes over named slices,
 * arrays and maps. Generated classes list these functions in their method and slot tables and
 * call py4go_bind_class_protocols once at module init; nothing here is generated per class.
 *
 * Pickle format, version 1 (documented in README "Python protocols"): __reduce__ returns
 * (cls, (), state) with state = (1, kind, payload[, instance __dict__]), kind being "fields"
 * (payload: dict of constructor field name -> value), "binary" (bytes from MarshalBinary) or
 * "text" (str from MarshalText). Unpickling calls cls() (the Go zero value) and __setstate__. */
#include "py4go.h"

extern uintptr_t py4goObjCopy(uintptr_t h, int deep);
extern void *py4goObjMarshal(uintptr_t h, int *kind);
extern int py4goObjUnmarshal(uintptr_t h, int kind, char *data, Py_ssize_t n);
extern Py_ssize_t py4goObjLen(uintptr_t h);
extern void *py4goObjSnapshot(uintptr_t h, char *fn);
extern int py4goObjAssign(uintptr_t h, char *fn, void *o);
extern void *py4goSeqItem(uintptr_t h, Py_ssize_t i, char *fn);
extern int py4goSeqSetItem(uintptr_t h, Py_ssize_t i, char *fn, void *o);
extern int py4goSeqAppend(uintptr_t h, char *fn, void *o, int many);
extern int py4goSeqSortInterface(uintptr_t h, char *fn, int reverse);
extern void *py4goMapGet(uintptr_t h, char *fn, void *o, int *found);
extern int py4goMapSet(uintptr_t h, char *fn, void *k, void *v, int *found);

#define PICKLE_VERSION 1
#define STATE_ATTR "_py4go_state"

static const char *const pickle_kinds[] = {"fields", "binary", "text"};

/* The class name as messages show it: "IDs" (short) or "pkg.IDs" (tp_name). */
static const char *short_name(PyObject *self) { return py4go_type_short_name(Py_TYPE(self)); }

/* ---- copy ------------------------------------------------------------------------------ */

/* Copy (or, with memo, deep-copy) the instance dict of a Python subclass's instance. */
static int copy_instance_dict(PyObject *self, PyObject *copy, PyObject *memo)
{
    PyObject *d = PyObject_GetAttrString(self, "__dict__");
    if (d == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return -1;
        PyErr_Clear();
        return 0;
    }
    int rc = 0;
    if (PyDict_Check(d) && PyDict_GET_SIZE(d) > 0) {
        PyObject *c = NULL;
        if (memo == NULL) {
            c = PyDict_Copy(d);
        } else {
            PyObject *mod = PyImport_ImportModule("copy");
            c = mod ? PyObject_CallMethod(mod, "deepcopy", "OO", d, memo) : NULL;
            Py_XDECREF(mod);
        }
        rc = c != NULL ? PyObject_SetAttrString(copy, "__dict__", c) : -1;
        Py_XDECREF(c);
    }
    Py_DECREF(d);
    return rc;
}

static PyObject *copy_of(PyObject *self, int deep, PyObject *memo)
{
    uintptr_t h = py4go_bind_self(self);
    if (h == 0) {
        PyErr_Format(PyExc_ValueError, "cannot copy an uninitialised %s", short_name(self));
        return NULL;
    }
    uintptr_t c = py4goObjCopy(h, deep);
    if (c == 0)
        return NULL;
    PyObject *copy = py4go_bind_wrap(Py_TYPE(self), c);
    if (copy == NULL)
        return NULL;
    if (memo != NULL && PyDict_Check(memo)) {
        PyObject *id = PyLong_FromVoidPtr(self);
        int rc = id != NULL ? PyDict_SetItem(memo, id, copy) : -1;
        Py_XDECREF(id);
        if (rc < 0) {
            Py_DECREF(copy);
            return NULL;
        }
    }
    if (copy_instance_dict(self, copy, deep ? memo : NULL) < 0) {
        Py_DECREF(copy);
        return NULL;
    }
    return copy;
}

PyObject *py4go_bind_copy(PyObject *self, PyObject *unused)
{
    (void)unused;
    return copy_of(self, 0, NULL);
}

PyObject *py4go_bind_deepcopy(PyObject *self, PyObject *memo)
{
    return copy_of(self, 1, memo);
}

/* ---- pickle ---------------------------------------------------------------------------- */

/* The class's pickle policy, set by py4go_bind_class_protocols: a tuple of field names, or a
 * str saying why the type cannot be pickled by its fields. New reference. */
static PyObject *state_policy(PyObject *self)
{
    return PyObject_GetAttrString((PyObject *)Py_TYPE(self), STATE_ATTR);
}

static PyObject *fields_payload(PyObject *self)
{
    PyObject *policy = state_policy(self);
    if (policy == NULL)
        return NULL;
    if (PyUnicode_Check(policy)) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%s' object: %U", py4go_tp_name(Py_TYPE(self)), policy);
        Py_DECREF(policy);
        return NULL;
    }
    PyObject *d = PyDict_New();
    for (Py_ssize_t i = 0; d != NULL && i < PyTuple_GET_SIZE(policy); i++) {
        PyObject *name = PyTuple_GET_ITEM(policy, i);
        PyObject *v = PyObject_GetAttr(self, name);
        if (v == NULL || PyDict_SetItem(d, name, v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(v);
    }
    Py_DECREF(policy);
    return d;
}

PyObject *py4go_bind_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    uintptr_t h = py4go_bind_self(self);
    if (h == 0) {
        PyErr_Format(PyExc_TypeError, "cannot pickle an uninitialised '%s' object", py4go_tp_name(Py_TYPE(self)));
        return NULL;
    }
    int kind = 0;
    PyObject *payload = py4goObjMarshal(h, &kind);
    if (payload == NULL) {
        if (PyErr_Occurred())
            return NULL;
        kind = 0;
        if ((payload = fields_payload(self)) == NULL)
            return NULL;
    }
    PyObject *state = NULL, *d = PyObject_GetAttrString(self, "__dict__");
    if (d == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Clear();
    if (d != NULL && PyDict_Check(d) && PyDict_GET_SIZE(d) > 0)
        state = Py_BuildValue("(isNO)", PICKLE_VERSION, pickle_kinds[kind], payload, d);
    else if (!PyErr_Occurred())
        state = Py_BuildValue("(isN)", PICKLE_VERSION, pickle_kinds[kind], payload);
    else
        Py_DECREF(payload);
    Py_XDECREF(d);
    if (state == NULL)
        return NULL;
    return Py_BuildValue("(O()N)", (PyObject *)Py_TYPE(self), state);
}

static PyObject *unpickle_error(PyObject *self, const char *why)
{
    PyErr_Format(PyExc_ValueError, "cannot unpickle '%s' object: %s", py4go_tp_name(Py_TYPE(self)), why);
    return NULL;
}

/* tp_init of the generated class in t's MRO (t itself, or the bindc base of a Python subclass). */
static initproc generated_init(PyTypeObject *t)
{
#ifdef Py_LIMITED_API
    void *dealloc = NULL;
    PyTypeObject *generated = py4go_bind_generated_class(t, &dealloc);
    return generated != NULL ? (initproc)PyType_GetSlot(generated, Py_tp_init) : NULL;
#else
    while (t != NULL && t->tp_dealloc != py4go_bind_class_dealloc && t->tp_dealloc != py4go_bind_exception_dealloc)
        t = t->tp_base;
    return t != NULL ? t->tp_init : NULL;
#endif
}

static int set_fields(PyObject *self, PyObject *payload)
{
    PyObject *policy = state_policy(self);
    if (policy == NULL)
        return -1;
    int rc = 0;
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    /* Check every name first, then set them all through the generated class's own __init__
     * (keywords by field name): it also sets what Python may not assign, the read-only value
     * of an immutable value class, and skips a Python subclass's __init__. */
    while (rc == 0 && PyDict_Next(payload, &pos, &key, &value)) {
        int known = PyTuple_Check(policy) ? PySequence_Contains(policy, key) : 0;
        if (known < 0) {
            rc = -1;
        } else if (!known) {
            PyErr_Format(PyExc_ValueError,
                         "cannot unpickle '%s' object: the pickle has field %R, which this build of the type "
                         "does not have (it was pickled by another version of the module)",
                         py4go_tp_name(Py_TYPE(self)), key);
            rc = -1;
        }
    }
    Py_DECREF(policy);
    if (rc < 0)
        return -1;
    initproc init = generated_init(Py_TYPE(self));
    if (init == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot unpickle '%s' object: no bindc class in its bases",
                     py4go_tp_name(Py_TYPE(self)));
        return -1;
    }
    PyObject *no_args = PyTuple_New(0);
    if (no_args == NULL)
        return -1;
    rc = init(self, no_args, payload);
    Py_DECREF(no_args);
    return rc;
}

PyObject *py4go_bind_setstate(PyObject *self, PyObject *state)
{
    uintptr_t h = py4go_bind_self(self);
    if (h == 0)
        return unpickle_error(self, "the instance is not initialised");
    Py_ssize_t n = PyTuple_Check(state) ? PyTuple_GET_SIZE(state) : 0;
    if (n < 3 || n > 4 || !PyLong_Check(PyTuple_GET_ITEM(state, 0)))
        return unpickle_error(self, "the state is not a py4go pickle state (version, kind, payload)");
    long version = PyLong_AsLong(PyTuple_GET_ITEM(state, 0));
    if (version != PICKLE_VERSION) {
        PyErr_Format(PyExc_ValueError,
                     "cannot unpickle '%s' object: the pickle has py4go format version %ld, and this build "
                     "reads version %d (rebuild the module with a matching bindc)",
                     py4go_tp_name(Py_TYPE(self)), version, PICKLE_VERSION);
        return NULL;
    }
    PyObject *kind = PyTuple_GET_ITEM(state, 1), *payload = PyTuple_GET_ITEM(state, 2);
    if (PyUnicode_Check(kind) && PyUnicode_CompareWithASCIIString(kind, "fields") == 0 && PyDict_Check(payload)) {
        if (set_fields(self, payload) < 0)
            return NULL;
    } else if (PyUnicode_Check(kind) && PyUnicode_CompareWithASCIIString(kind, "binary") == 0 &&
               PyBytes_Check(payload)) {
        if (py4goObjUnmarshal(h, 1, PyBytes_AS_STRING(payload), PyBytes_GET_SIZE(payload)) < 0)
            return NULL;
    } else if (PyUnicode_Check(kind) && PyUnicode_CompareWithASCIIString(kind, "text") == 0 &&
               PyUnicode_Check(payload)) {
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(payload, &len);
        if (utf8 == NULL || py4goObjUnmarshal(h, 2, (char *)utf8, len) < 0)
            return NULL;
    } else {
        return unpickle_error(self, "unknown state kind (expected 'fields' with a dict, 'binary' with bytes "
                                    "or 'text' with str)");
    }
    if (n == 4 && PyObject_SetAttrString(self, "__dict__", PyTuple_GET_ITEM(state, 3)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- registration ---------------------------------------------------------------------- */

/* collections.abc.<name>.register(type). */
static int abc_register(PyTypeObject *type, const char *name)
{
    PyObject *mod = PyImport_ImportModule("collections.abc");
    PyObject *abc = mod ? PyObject_GetAttrString(mod, name) : NULL;
    PyObject *r = abc ? PyObject_CallMethod(abc, "register", "O", (PyObject *)type) : NULL;
    Py_XDECREF(mod);
    Py_XDECREF(abc);
    Py_XDECREF(r);
    return r == NULL ? -1 : 0;
}

int py4go_bind_class_protocols(PyTypeObject *type, const char *const *fields, Py_ssize_t n, const char *refusal,
                               int container)
{
    PyObject *names = PyTuple_New(n);
    if (names == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromString(fields[i]);
        if (s == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyTuple_SET_ITEM(names, i, s);
    }
    int rc = PyObject_SetAttrString((PyObject *)type, "__match_args__", names);
    if (rc == 0) {
        if (refusal != NULL) {
            PyObject *why = PyUnicode_FromString(refusal);
            rc = why ? PyObject_SetAttrString((PyObject *)type, STATE_ATTR, why) : -1;
            Py_XDECREF(why);
        } else {
            rc = PyObject_SetAttrString((PyObject *)type, STATE_ATTR, names);
        }
    }
    Py_DECREF(names);
    if (rc < 0)
        return -1;
    switch (container) {
    case PY4GO_CONTAINER_SLICE:
        return abc_register(type, "MutableSequence");
    case PY4GO_CONTAINER_ARRAY:
        return abc_register(type, "Sequence");
    case PY4GO_CONTAINER_MAP:
        return abc_register(type, "MutableMapping");
    }
    return 0;
}

/* ---- sequences and mappings ------------------------------------------------------------ */

/* "IDs.__getitem__" and the like, for error messages (a static buffer: the GIL is held). */
static char *op_name(PyObject *self, const char *op)
{
    static char buf[256];
    PyOS_snprintf(buf, sizeof buf, "%s.%s", short_name(self), op);
    return buf;
}

Py_ssize_t py4go_bind_obj_length(PyObject *self)
{
    return py4goObjLen(py4go_bind_self(self));
}

static PyObject *snapshot(PyObject *self, const char *op)
{
    return py4goObjSnapshot(py4go_bind_self(self), op_name(self, op));
}

/* bytes(x) of a value class over bytes (type UUID [16]byte, type Raw []byte): a copy. */
PyObject *py4go_bind_obj_bytes(PyObject *self, PyObject *unused)
{
    (void)unused;
    return snapshot(self, "__bytes__");
}

PyObject *py4go_bind_obj_iter(PyObject *self)
{
    PyObject *s = snapshot(self, "__iter__");
    PyObject *it = s ? PyObject_GetIter(s) : NULL;
    Py_XDECREF(s);
    return it;
}

/* Is `other` an instance of a container class of the same shape (slice or array vs map)? */
static int same_protocol(PyObject *self, PyObject *other)
{
    /* PyType_GetSlot: the limited API (abi3) has no struct fields of types. */
    PyTypeObject *a = Py_TYPE(self), *b = Py_TYPE(other);
    return PyType_GetSlot(b, Py_tp_richcompare) == (void *)py4go_bind_obj_richcompare &&
           (PyType_GetSlot(a, Py_mp_subscript) == (void *)py4go_bind_map_subscript) ==
               (PyType_GetSlot(b, Py_mp_subscript) == (void *)py4go_bind_map_subscript);
}

PyObject *py4go_bind_obj_richcompare(PyObject *self, PyObject *other, int op)
{
    int is_map = PyType_GetSlot(Py_TYPE(self), Py_mp_subscript) == (void *)py4go_bind_map_subscript;
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (!(is_map ? PyDict_Check(other) : PyList_Check(other)) && !same_protocol(self, other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *a = snapshot(self, "__eq__");
    PyObject *b = NULL;
    if (a != NULL)
        b = PyList_Check(other) || PyDict_Check(other) ? Py_NewRef(other) : snapshot(other, "__eq__");
    PyObject *r = b != NULL ? PyObject_RichCompare(a, b, op) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return r;
}

/* Replace the Go value by `list` after a Python list operation changed it. */
static int assign(PyObject *self, PyObject *list, const char *op)
{
    return py4goObjAssign(py4go_bind_self(self), op_name(self, op), list);
}

PyObject *py4go_bind_seq_item(PyObject *self, Py_ssize_t i)
{
    uintptr_t h = py4go_bind_self(self);
    if (i < 0 || i >= py4goObjLen(h)) {
        PyErr_Format(PyExc_IndexError, "%s index out of range", short_name(self));
        return NULL;
    }
    return py4goSeqItem(h, i, op_name(self, "__getitem__"));
}

/* An int-like key as an index in [0, len), or -1: not an index (*is_index 0) or out of
 * range (IndexError set). */
static Py_ssize_t seq_index(PyObject *self, PyObject *key, int *is_index)
{
    *is_index = PyIndex_Check(key);
    if (!*is_index)
        return -1;
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred())
        return -1;
    Py_ssize_t n = py4goObjLen(py4go_bind_self(self));
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        PyErr_Format(PyExc_IndexError, "%s index out of range", short_name(self));
        return -1;
    }
    return i;
}

PyObject *py4go_bind_seq_subscript(PyObject *self, PyObject *key)
{
    int is_index;
    Py_ssize_t i = seq_index(self, key, &is_index);
    if (is_index)
        return i < 0 ? NULL : py4goSeqItem(py4go_bind_self(self), i, op_name(self, "__getitem__"));
    if (!PySlice_Check(key)) {
        PyErr_Format(PyExc_TypeError, "%s indices must be integers or slices, not %.200s", short_name(self),
                     py4go_tp_name(Py_TYPE(key)));
        return NULL;
    }
    PyObject *s = snapshot(self, "__getitem__");
    PyObject *r = s ? PyObject_GetItem(s, key) : NULL;
    Py_XDECREF(s);
    return r;
}

int py4go_bind_seq_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    int is_index;
    if (value != NULL) {
        Py_ssize_t i = seq_index(self, key, &is_index);
        if (is_index)
            return i < 0 ? -1 : py4goSeqSetItem(py4go_bind_self(self), i, op_name(self, "__setitem__"), value);
    } else if (!PyIndex_Check(key) && !PySlice_Check(key)) {
        PyErr_Format(PyExc_TypeError, "%s indices must be integers or slices, not %.200s", short_name(self),
                     py4go_tp_name(Py_TYPE(key)));
        return -1;
    }
    /* Slices and deletion: as a list does it, then the whole value is stored back (a Go array
     * refuses a change of length with ValueError). */
    const char *op = value ? "__setitem__" : "__delitem__";
    PyObject *s = snapshot(self, op);
    if (s == NULL)
        return -1;
    Py_ssize_t n = PyList_GET_SIZE(s);
    int rc = value ? PyObject_SetItem(s, key, value) : PyObject_DelItem(s, key);
    if (rc == 0 && PyList_GET_SIZE(s) != n && PyType_GetSlot(Py_TYPE(self), Py_sq_inplace_concat) == NULL) {
        /* Only slice classes have +=: this is a Go array, whose length is part of its type. */
        PyErr_Format(PyExc_ValueError, "cannot change the length of %s, a Go array of length %zd",
                     short_name(self), n);
        rc = -1;
    }
    if (rc == 0)
        rc = assign(self, s, op);
    Py_DECREF(s);
    return rc;
}

int py4go_bind_seq_contains(PyObject *self, PyObject *v)
{
    PyObject *s = snapshot(self, "__contains__");
    int r = s ? PySequence_Contains(s, v) : -1;
    Py_XDECREF(s);
    return r;
}

PyObject *py4go_bind_seq_inplace_concat(PyObject *self, PyObject *other)
{
    if (py4goSeqAppend(py4go_bind_self(self), op_name(self, "__iadd__"), other, 1) < 0)
        return NULL;
    return Py_NewRef(self);
}

PyObject *py4go_bind_seq_append(PyObject *self, PyObject *args)
{
    PyObject *v;
    if (!PyArg_UnpackTuple(args, "append", 1, 1, &v))
        return NULL;
    if (py4goSeqAppend(py4go_bind_self(self), op_name(self, "append"), v, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

PyObject *py4go_bind_seq_extend(PyObject *self, PyObject *args)
{
    PyObject *v;
    if (!PyArg_UnpackTuple(args, "extend", 1, 1, &v))
        return NULL;
    if (py4goSeqAppend(py4go_bind_self(self), op_name(self, "extend"), v, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Call list.<name>(*args) (or dict.<name>) on a snapshot; with mutate, store the snapshot
 * back when the call succeeded. */
static PyObject *via_snapshot_kw(PyObject *self, const char *name, PyObject *args, PyObject *kwds, int mutate)
{
    PyObject *s = snapshot(self, name);
    if (s == NULL)
        return NULL;
    PyObject *m = PyObject_GetAttrString(s, name);
    PyObject *r = m ? PyObject_Call(m, args, kwds) : NULL;
    Py_XDECREF(m);
    if (r != NULL && mutate && assign(self, s, name) < 0)
        Py_CLEAR(r);
    Py_DECREF(s);
    return r;
}

static PyObject *via_snapshot(PyObject *self, const char *name, PyObject *args, int mutate)
{
    return via_snapshot_kw(self, name, args, NULL, mutate);
}

#define VIA_SNAPSHOT(fname, name, mutate)                                \
    PyObject *fname(PyObject *self, PyObject *args)                      \
    {                                                                    \
        return via_snapshot(self, name, args, mutate);                   \
    }

/* list.sort(*, key=None, reverse=False) for a named slice. Without a key, a Go type that
 * implements sort.Interface (Len, Less, Swap: semver.Collection) sorts itself by its own
 * Less, with sort.Stable (list.sort is stable too); otherwise, or with a key, a snapshot list
 * is sorted by Python's rules (the elements' < ) and stored back. */
PyObject *py4go_bind_seq_sort(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "reverse", NULL};
    PyObject *key = Py_None;
    int reverse = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$Op:sort", kwlist, &key, &reverse))
        return NULL;
    if (key == Py_None) {
        int r = py4goSeqSortInterface(py4go_bind_self(self), op_name(self, "sort"), reverse);
        if (r < 0)
            return NULL;
        if (r == 1)
            Py_RETURN_NONE;
    }
    return via_snapshot_kw(self, "sort", args, kwds, 1);
}

VIA_SNAPSHOT(py4go_bind_seq_insert, "insert", 1)
VIA_SNAPSHOT(py4go_bind_seq_pop, "pop", 1)
VIA_SNAPSHOT(py4go_bind_seq_remove, "remove", 1)
VIA_SNAPSHOT(py4go_bind_seq_reverse, "reverse", 1)
VIA_SNAPSHOT(py4go_bind_obj_clear, "clear", 1)
VIA_SNAPSHOT(py4go_bind_seq_index, "index", 0)
VIA_SNAPSHOT(py4go_bind_seq_count, "count", 0)
VIA_SNAPSHOT(py4go_bind_map_keys, "keys", 0)
VIA_SNAPSHOT(py4go_bind_map_items, "items", 0)
VIA_SNAPSHOT(py4go_bind_map_values, "values", 0)
VIA_SNAPSHOT(py4go_bind_map_pop, "pop", 1)
VIA_SNAPSHOT(py4go_bind_map_popitem, "popitem", 1)
VIA_SNAPSHOT(py4go_bind_map_setdefault, "setdefault", 1)

PyObject *py4go_bind_map_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *s = snapshot(self, "update");
    if (s == NULL)
        return NULL;
    PyObject *m = PyObject_GetAttrString(s, "update");
    PyObject *r = m ? PyObject_Call(m, args, kwds) : NULL;
    Py_XDECREF(m);
    if (r != NULL && assign(self, s, "update") < 0)
        Py_CLEAR(r);
    Py_DECREF(s);
    return r;
}

PyObject *py4go_bind_map_subscript(PyObject *self, PyObject *key)
{
    int found = 0;
    PyObject *r = py4goMapGet(py4go_bind_self(self), op_name(self, "__getitem__"), key, &found);
    if (r == NULL && !found && !PyErr_Occurred())
        PyErr_SetObject(PyExc_KeyError, key);
    return r;
}

int py4go_bind_map_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    int found = 1;
    const char *op = value ? "__setitem__" : "__delitem__";
    int rc = py4goMapSet(py4go_bind_self(self), op_name(self, op), key, value, &found);
    if (rc < 0 && !found && !PyErr_Occurred())
        PyErr_SetObject(PyExc_KeyError, key);
    return rc;
}

int py4go_bind_map_contains(PyObject *self, PyObject *key)
{
    int found = 0;
    PyObject *r = py4goMapGet(py4go_bind_self(self), op_name(self, "__contains__"), key, &found);
    if (r == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_DECREF(r);
    return 1;
}

PyObject *py4go_bind_map_get(PyObject *self, PyObject *args)
{
    PyObject *key, *dflt = Py_None;
    if (!PyArg_UnpackTuple(args, "get", 1, 2, &key, &dflt))
        return NULL;
    int found = 0;
    PyObject *r = py4goMapGet(py4go_bind_self(self), op_name(self, "get"), key, &found);
    if (r == NULL && !found && !PyErr_Occurred())
        return Py_NewRef(dflt);
    return r;
}
