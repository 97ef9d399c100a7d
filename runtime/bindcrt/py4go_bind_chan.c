/* py4go_bind_chan.c — C half of bindc_chan.go: a Go channel as a Python `Channel` object.
 *
 * Channel and ChannelClosed are Python classes (CHANNEL_SOURCE below) run into each module
 * that binds a bidirectional or send-only channel; their methods call the private builtins
 * _py4go_chan_* defined here, which call Go. A Channel holds its Go channel's handle in a
 * capsule (attribute _go) whose destructor lets the Go side go. Only limited-API calls. */
#include "py4go.h"

extern uintptr_t py4goChanNew(long long capacity);
extern void py4goChanFree(uintptr_t h);
extern int py4goChanSend(uintptr_t h, PyObject *value, double timeout);
extern int py4goChanRecv(uintptr_t h, double timeout, int iterating, PyObject **out);
extern int py4goChanClose(uintptr_t h);
extern long long py4goChanInfo(uintptr_t h, int what);
extern PyObject *py4goChanAnext(uintptr_t h);

static const char chan_capsule_name[] = "py4go.chan";
static PyObject *channel_class; /* the first module's Channel: what Go results are made of */

static void chan_capsule_free(PyObject *capsule)
{
    uintptr_t h = (uintptr_t)PyCapsule_GetPointer(capsule, chan_capsule_name);
    if (h != 0)
        py4goChanFree(h);
}

/* The handle in a Channel's capsule, 0 with TypeError. */
static uintptr_t chan_handle(PyObject *capsule)
{
    void *p = PyCapsule_GetPointer(capsule, chan_capsule_name);
    return p == NULL ? 0 : (uintptr_t)p;
}

/* timeout: None -> -1, else non-negative seconds. */
static int chan_timeout(PyObject *o, double *t)
{
    *t = -1;
    if (o == Py_None)
        return 0;
    *t = PyFloat_AsDouble(o);
    if (*t == -1.0 && PyErr_Occurred())
        return -1;
    if (!(*t >= 0)) {
        PyErr_SetString(PyExc_ValueError, "timeout must be a non-negative number of seconds or None");
        return -1;
    }
    return 0;
}

static PyObject *chan_new(PyObject *m, PyObject *capacity)
{
    (void)m;
    long long n = PyLong_AsLongLong(capacity);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_Format(PyExc_ValueError, "Channel capacity must be >= 0, not %lld", n);
        return NULL;
    }
    uintptr_t h = py4goChanNew(n);
    PyObject *c = PyCapsule_New((void *)h, chan_capsule_name, chan_capsule_free);
    if (c == NULL)
        py4goChanFree(h);
    return c;
}

static PyObject *chan_send(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    (void)m;
    double t;
    uintptr_t h;
    if (nargs != 3 || (h = chan_handle(args[0])) == 0 || chan_timeout(args[2], &t) < 0)
        return PyErr_Occurred() ? NULL : (PyErr_SetString(PyExc_TypeError, "bad _py4go_chan_send call"), NULL);
    if (py4goChanSend(h, args[1], t) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *chan_recv(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    (void)m;
    double t;
    uintptr_t h;
    if (nargs != 3 || (h = chan_handle(args[0])) == 0 || chan_timeout(args[1], &t) < 0)
        return PyErr_Occurred() ? NULL : (PyErr_SetString(PyExc_TypeError, "bad _py4go_chan_recv call"), NULL);
    PyObject *out = NULL;
    int rc = py4goChanRecv(h, t, PyObject_IsTrue(args[2]), &out);
    if (rc < 0)
        return NULL;
    if (rc == 0) { /* closed and drained, iterating */
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    return out;
}

static PyObject *chan_close(PyObject *m, PyObject *capsule)
{
    (void)m;
    uintptr_t h = chan_handle(capsule);
    if (h == 0 || py4goChanClose(h) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *chan_info(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    (void)m;
    uintptr_t h;
    if (nargs != 2 || (h = chan_handle(args[0])) == 0)
        return PyErr_Occurred() ? NULL : (PyErr_SetString(PyExc_TypeError, "bad _py4go_chan_info call"), NULL);
    long long r = py4goChanInfo(h, (int)PyLong_AsLong(args[1]));
    return PyLong_FromLongLong(r);
}

static PyObject *chan_anext(PyObject *m, PyObject *capsule)
{
    (void)m;
    uintptr_t h = chan_handle(capsule);
    return h == 0 ? NULL : py4goChanAnext(h);
}

static PyMethodDef chan_functions[] = {
    {"_py4go_chan_anext", chan_anext, METH_O, NULL},
    {"_py4go_chan_new", chan_new, METH_O, NULL},
    {"_py4go_chan_send", (PyCFunction)(void (*)(void))chan_send, METH_FASTCALL, NULL},
    {"_py4go_chan_recv", (PyCFunction)(void (*)(void))chan_recv, METH_FASTCALL, NULL},
    {"_py4go_chan_close", chan_close, METH_O, NULL},
    {"_py4go_chan_info", (PyCFunction)(void (*)(void))chan_info, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static const char CHANNEL_SOURCE[] =
    "import typing as _typing\n"
    "_T = _typing.TypeVar('_T')\n"
    "class ChannelClosed(EOFError):\n"
    "    'Receive from a Go channel that is closed and drained.'\n"
    "class Channel(_typing.Generic[_T]):\n"
    "    '''A Go channel: Channel[int](capacity) makes one (its Go element type is fixed by the first\n"
    "    Go function it is passed to); a Go function may return one. send/recv block with the GIL\n"
    "    released (timeout= seconds: TimeoutError; Ctrl-C interrupts), recv of a closed, drained\n"
    "    channel raises ChannelClosed, iteration ends there.'''\n"
    "    __slots__ = ('_go',)\n"
    "    def __init__(self, capacity: int = 0) -> None:\n"
    "        self._go = _py4go_chan_new(capacity)\n"
    "    def send(self, value, timeout=None):\n"
    "        'Send value (Go: ch <- value); a closed channel raises GoPanic.'\n"
    "        _py4go_chan_send(self._go, value, timeout)\n"
    "    def recv(self, timeout=None):\n"
    "        'Receive a value (Go: <-ch); ChannelClosed once closed and drained.'\n"
    "        return _py4go_chan_recv(self._go, timeout, False)\n"
    "    def close(self):\n"
    "        'Close the channel (Go: close(ch)); closing twice raises GoPanic.'\n"
    "        _py4go_chan_close(self._go)\n"
    "    def __iter__(self):\n"
    "        return self\n"
    "    def __next__(self):\n"
    "        return _py4go_chan_recv(self._go, None, True)\n"
    "    def __aiter__(self):\n"
    "        return self\n"
    "    def __anext__(self):\n"
    "        'The next value as an asyncio future a goroutine completes (async for).'\n"
    "        return _py4go_chan_anext(self._go)\n"
    "    def __len__(self):\n"
    "        return _py4go_chan_info(self._go, 0)\n"
    "    @property\n"
    "    def capacity(self):\n"
    "        'cap(ch)'\n"
    "        return _py4go_chan_info(self._go, 1)\n"
    "    def __repr__(self):\n"
    "        return f'<Channel len={len(self)} capacity={self.capacity}>'\n"
    "del _typing\n";

/* Add Channel, ChannelClosed and their private builtins to module m. 0, or -1 with an
 * exception. */
int py4go_bind_add_channel(PyObject *m)
{
    if (PyModule_AddFunctions(m, chan_functions) < 0 || py4go_bind_exec(m, CHANNEL_SOURCE) < 0)
        return -1;
    if (channel_class == NULL) {
        channel_class = PyObject_GetAttrString(m, "Channel"); /* kept for the process */
        if (channel_class == NULL)
            return -1;
    }
    return 0;
}

/* A new Channel object holding Go channel handle h (owned from now on), or NULL. */
PyObject *py4go_bind_new_channel(uintptr_t h)
{
    PyObject *capsule = PyCapsule_New((void *)h, chan_capsule_name, chan_capsule_free);
    if (capsule == NULL) {
        py4goChanFree(h);
        return NULL;
    }
    if (channel_class == NULL) {
        Py_DECREF(capsule);
        PyErr_SetString(PyExc_RuntimeError, "no module defined Channel");
        return NULL;
    }
    PyObject *obj = PyObject_CallMethod(channel_class, "__new__", "O", channel_class);
    if (obj != NULL && PyObject_SetAttrString(obj, "_go", capsule) < 0)
        Py_CLEAR(obj);
    Py_DECREF(capsule);
    return obj;
}

/* The Go channel handle of a Channel object o (borrowed), or 0 with no exception set when
 * o is not one. */
uintptr_t py4go_bind_channel_handle(PyObject *o)
{
    PyObject *capsule = PyObject_GetAttrString(o, "_go");
    if (capsule == NULL) {
        PyErr_Clear();
        return 0;
    }
    uintptr_t h = PyCapsule_IsValid(capsule, chan_capsule_name) ? (uintptr_t)PyCapsule_GetPointer(capsule, chan_capsule_name) : 0;
    Py_DECREF(capsule);
    return h;
}

/* Raise the module's ChannelClosed (looked up on Channel's module). */
int py4go_bind_raise_channel_closed(void)
{
    PyObject *modname = channel_class == NULL ? NULL : PyObject_GetAttrString(channel_class, "__module__");
    PyObject *mod = modname == NULL ? NULL : PyImport_GetModule(modname);
    PyObject *cls = mod == NULL ? NULL : PyObject_GetAttrString(mod, "ChannelClosed");
    Py_XDECREF(modname);
    Py_XDECREF(mod);
    if (cls == NULL) {
        PyErr_Clear();
        cls = Py_NewRef(PyExc_EOFError);
    }
    PyErr_SetString(cls, "receive from a closed and drained Go channel");
    Py_DECREF(cls);
    return -1;
}
