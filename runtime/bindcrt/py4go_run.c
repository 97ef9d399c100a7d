/* py4go_run.c — run a module, a file or a command string the way the python command does
 * (Modules/main.c: pymain_run_module, pymain_run_file, pymain_run_command), on the running
 * interpreter's main thread, returning the exit status instead of exiting.
 *
 * Why not Py_RunMain: it finalizes the interpreter (a Go program may want to keep using
 * Python, or run another program), its configuration is fixed at initialization, and an
 * uncaught KeyboardInterrupt makes it kill the process with SIGINT. What python does around
 * the run is small and public API: sys.argv, sys.path[0], runpy._run_module_as_main for -m,
 * code run in __main__'s namespace for a file or -c, and PyErr_Print's reporting, done here
 * without its Py_Exit on SystemExit.
 */
#include "py4go_config.h"

#include <stdio.h>
#include <string.h>

#ifndef Py_LIMITED_API /* PyRun_*Flags, PyCompilerFlags: embedding only (stub below) */

/* A list of the n byte strings, decoded as python decodes its command line. */
static PyObject *decoded_list(const char *const *items, int32_t n)
{
    PyObject *list = PyList_New(n);
    for (int32_t i = 0; list != NULL && i < n; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(items[i]);
        if (s == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, s);
    }
    return list;
}

/* sys.flags.safe_path (python -P, -I or PYTHONSAFEPATH): 1 when set. */
static int safe_path_flag(void)
{
    PyObject *flags = PySys_GetObject("flags"); /* borrowed */
    PyObject *v = flags != NULL ? PyObject_GetAttrString(flags, "safe_path") : NULL;
    int on = v != NULL && PyObject_IsTrue(v) == 1;
    Py_XDECREF(v);
    PyErr_Clear();
    return on;
}

/* sys.path.insert(0, path): what pymain_sys_path_add_path0 does. */
static int insert_path0(PyObject *path)
{
    PyObject *sys_path = PySys_GetObject("path"); /* borrowed */
    if (sys_path == NULL || !PyList_Check(sys_path)) {
        PyErr_SetString(PyExc_RuntimeError, "unable to get sys.path");
        return -1;
    }
    return PyList_Insert(sys_path, 0, path);
}

/* runpy._run_module_as_main(name, alter_argv), as pymain_run_module calls it. */
static int run_module(PyObject *name, int alter_argv)
{
    if (PySys_Audit("cpython.run_module", "O", name) < 0)
        return -1;
    PyObject *runpy = PyImport_ImportModule("runpy");
    if (runpy == NULL) {
        PySys_WriteStderr("Could not import runpy module\n");
        return -1;
    }
    PyObject *r = PyObject_CallMethod(runpy, "_run_module_as_main", "OO", name, alter_argv ? Py_True : Py_False);
    Py_DECREF(runpy);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* The source file `path` run in __main__'s namespace with __file__ set, as
 * _PyRun_SimpleFileObject does (without .pyc support). */
static int run_file(const char *path, PyObject *path_obj)
{
    if (PySys_Audit("cpython.run_file", "O", path_obj) < 0)
        return -1;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path_obj);
        return -1;
    }
    PyObject *main = PyImport_AddModule("__main__"); /* borrowed */
    PyObject *d = main != NULL ? PyModule_GetDict(main) : NULL;
    if (d == NULL) {
        fclose(fp);
        return -1;
    }
    int set_file_name = 0;
    if (PyDict_GetItemString(d, "__file__") == NULL) {
        if (PyDict_SetItemString(d, "__file__", path_obj) < 0 || PyDict_SetItemString(d, "__cached__", Py_None) < 0) {
            fclose(fp);
            return -1;
        }
        set_file_name = 1;
    }
    PyCompilerFlags cf;
    cf.cf_flags = 0;
    cf.cf_feature_version = PY_MINOR_VERSION;
    PyObject *v = PyRun_FileExFlags(fp, path, Py_file_input, d, d, 1, &cf); /* closes fp */
    Py_XDECREF(v);
    if (set_file_name) {
        /* As CPython does, keeping the pending exception (if any) while deleting. */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        if (PyDict_DelItemString(d, "__file__") < 0 || PyDict_DelItemString(d, "__cached__") < 0)
            PyErr_Clear();
        PyErr_Restore(type, value, tb);
    }
    return v == NULL ? -1 : 0;
}

/* python -c code: compiled as "<string>" and run in __main__'s namespace. */
static int run_command(const char *code, PyObject *code_obj)
{
    if (PySys_Audit("cpython.run_command", "O", code_obj) < 0)
        return -1;
    PyObject *main = PyImport_AddModule("__main__"); /* borrowed */
    PyObject *d = main != NULL ? PyModule_GetDict(main) : NULL;
    if (d == NULL)
        return -1;
    PyCompilerFlags cf;
    cf.cf_flags = PyCF_IGNORE_COOKIE;
    cf.cf_feature_version = PY_MINOR_VERSION;
    PyObject *v = PyRun_StringFlags(code, Py_file_input, d, d, &cf);
    Py_XDECREF(v);
    return v == NULL ? -1 : 0;
}

/* The pending SystemExit's status, as _Py_HandleSystemExit computes it: code None is 0, an
 * int is itself, anything else is written to sys.stderr and gives 1. Clears the exception. */
static int system_exit_status(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    fflush(stdout);
    int status = 0;
    PyObject *code = value != NULL ? Py_NewRef(value) : NULL;
    if (code != NULL && PyExceptionInstance_Check(code)) {
        PyObject *attr = PyObject_GetAttrString(code, "code");
        if (attr != NULL) {
            Py_SETREF(code, attr);
        }
        PyErr_Clear();
    }
    if (code == NULL || code == Py_None) {
        status = 0;
    } else if (PyLong_Check(code)) {
        status = (int)PyLong_AsLong(code);
        PyErr_Clear();
    } else {
        PyObject *err = PySys_GetObject("stderr"); /* borrowed */
        if (err != NULL && err != Py_None) {
            if (PyFile_WriteObject(code, err, Py_PRINT_RAW) < 0)
                PyErr_Clear();
        } else {
            PyObject_Print(code, stderr, Py_PRINT_RAW);
            fflush(stderr);
        }
        PySys_WriteStderr("\n");
        status = 1;
    }
    Py_XDECREF(code);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
    return status;
}

static void set_sys_last(PyObject *type, PyObject *value, PyObject *tb)
{
#if PY_VERSION_HEX >= 0x030C0000
    if (PySys_SetObject("last_exc", value) < 0)
        PyErr_Clear();
#endif
    if (PySys_SetObject("last_type", type) < 0 || PySys_SetObject("last_value", value) < 0 ||
        PySys_SetObject("last_traceback", tb != NULL ? tb : Py_None) < 0)
        PyErr_Clear();
}

/* Report the pending exception and return the exit status python would have: what
 * PyErr_Print does (sys.last_* set, sys.excepthook called, whose default is python's own
 * traceback printer), except that a SystemExit, also one raised by the hook, gives its status
 * instead of exiting the process. */
static int report_exception(void)
{
    if (PyErr_ExceptionMatches(PyExc_SystemExit))
        return system_exit_status();
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && tb != NULL)
        PyException_SetTraceback(value, tb);
    int status = value != NULL && PyErr_GivenExceptionMatches(value, PyExc_KeyboardInterrupt) ? 130 : 1;
    set_sys_last(type, value, tb);
    PyObject *hook = PySys_GetObject("excepthook"); /* borrowed */
    if (hook != NULL && hook != Py_None) {
        PyObject *r = PyObject_CallFunctionObjArgs(hook, type, value != NULL ? value : Py_None,
                                                   tb != NULL ? tb : Py_None, NULL);
        if (r == NULL) {
            if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
                status = system_exit_status();
            } else {
                PyObject *t2, *v2, *tb2;
                PyErr_Fetch(&t2, &v2, &tb2);
                PyErr_NormalizeException(&t2, &v2, &tb2);
                fflush(stdout);
                PySys_WriteStderr("Error in sys.excepthook:\n");
                PyErr_Display(t2, v2, tb2);
                PySys_WriteStderr("\nOriginal exception was:\n");
                PyErr_Display(type, value, tb);
                Py_XDECREF(t2);
                Py_XDECREF(v2);
                Py_XDECREF(tb2);
            }
        }
        Py_XDECREF(r);
    } else {
        PySys_WriteStderr("sys.excepthook is missing\n");
        PyErr_Display(type, value, tb);
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
    return status;
}

/* Run target; 0 or -1 with an exception pending. */
static int run_target(int kind, const char *target, PyObject *target_obj, const char *path0)
{
    if (kind == PY4GO_RUN_FILE) {
        /* A directory or a zip file with __main__.py: python puts it at sys.path[0] (even
         * with safe_path) and runs its __main__ module. */
        PyObject *importer = PyImport_GetImporter(target_obj);
        if (importer == NULL)
            return -1;
        int has_importer = importer != Py_None;
        Py_DECREF(importer);
        if (has_importer) {
            if (insert_path0(target_obj) < 0)
                return -1;
            PyObject *main_name = PyUnicode_FromString("__main__");
            int rc = main_name != NULL ? run_module(main_name, 0) : -1;
            Py_XDECREF(main_name);
            return rc;
        }
    }
    if (path0 != NULL && !safe_path_flag()) {
        PyObject *p = PyUnicode_DecodeFSDefault(path0);
        int rc = p != NULL ? insert_path0(p) : -1;
        Py_XDECREF(p);
        if (rc < 0)
            return -1;
    }
    switch (kind) {
    case PY4GO_RUN_MODULE:
        return run_module(target_obj, 1);
    case PY4GO_RUN_FILE:
        return run_file(target, target_obj);
    default:
        return run_command(target, target_obj);
    }
}

py4go_result py4go_run_main(int kind, const char *target, const char *const *argv, int32_t argc,
                            const char *path0)
{
    py4go_result r;
    memset(&r, 0, sizeof r);
    r.arg = -1;
    if (py4go_main_thread_enter() < 0) {
        r.status = PY4GO_NOT_INITIALIZED;
        return r;
    }
    PyObject *target_obj = kind == PY4GO_RUN_COMMAND ? PyUnicode_FromString(target) : PyUnicode_DecodeFSDefault(target);
    PyObject *args = target_obj != NULL ? decoded_list(argv, argc) : NULL;
    int rc = -1;
    if (args != NULL && PySys_SetObject("argv", args) == 0)
        rc = run_target(kind, target, target_obj, path0);
    Py_XDECREF(args);
    Py_XDECREF(target_obj);
    /* Whatever failed, python reports it the same way (a failure to set sys.argv included). */
    r.value.num = rc == 0 ? 0 : report_exception();
    py4go_main_thread_leave();
    return r;
}

#else /* Py_LIMITED_API */

/* An abi3 extension never runs the python command's targets: it is imported by a running
 * interpreter, and PyRun_FileExFlags / PyCompilerFlags are not part of the limited API. */
py4go_result py4go_run_main(int kind, const char *target, const char *const *argv, int32_t argc,
                            const char *path0)
{
    (void)kind, (void)target, (void)argv, (void)argc, (void)path0;
    return py4go_config_failure("running a module, file or command is not available in an abi3 (limited API) "
                                "build of the py4go runtime");
}

#endif /* Py_LIMITED_API */
