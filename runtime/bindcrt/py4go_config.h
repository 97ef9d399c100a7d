/* py4go_config.h — starting the embedded interpreter from a configuration (PyConfig) and
 * running code the way the `python` command does (-m, a file, -c).
 *
 * Used by the Go package only (config.go, run.go); generated wrappers never need it, so it is
 * not part of py4go.h (whose functions bindc's C-API model checks).
 */
#ifndef PY4GO_CONFIG_H
#define PY4GO_CONFIG_H

#include "py4go.h"

/* How to start Python. All strings are UTF-8 (or, for paths, the bytes of the file system's
 * names), NUL-terminated, and NULL when unset; the zero value is the default configuration
 * (the one py4go_initialize uses). */
typedef struct py4go_config {
    int32_t isolated;                /* python -I: no PYTHON* variables, no user site, safe_path */
    int32_t safe_path;               /* python -P: nothing prepended to sys.path by the run functions */
    int32_t install_signal_handlers; /* Python's SIGINT (KeyboardInterrupt), SIGPIPE/SIGXFSZ ignored */
    int32_t argc;                    /* sys.argv = argv[0:argc] (argc 0: sys.argv == [""]) */
    int32_t nxoptions;               /* -X options, as "utf8", "dev", "tracemalloc=5" */
    int32_t nsearch_paths;           /* directories put in front of sys.path, like PYTHONPATH */
    const char *home;                /* PYTHONHOME: the installation's prefix */
    const char *executable;          /* sys.executable, where the prefix (and a venv) is found */
    const char *allocator;           /* a PYTHONMALLOC name imposed on the memory allocator */
    const char *const *argv;
    const char *const *xoptions;
    const char *const *search_paths;
} py4go_config;

/* Start Python as py4go_initialize does (no GIL held on return, the main thread state kept for
 * py4go_finalize), but configured by cfg. A configuration error is PY4GO_BAD_ARGUMENT with
 * CPython's message in exc->message (PyStatus's err_msg, prefixed with its function); the
 * process never exits. value.num is 1 when this call started Python, 0 when it was already
 * running (started by a host process). */
py4go_result py4go_initialize_config(const py4go_config *cfg);

/* The interpreter's main thread (the one that initialized it) takes the GIL with its saved
 * thread state, and gives it back. Only on that thread, between initialize and finalize. */
int py4go_main_thread_enter(void);
void py4go_main_thread_leave(void);

/* What the python command runs. */
enum py4go_run_kind {
    PY4GO_RUN_MODULE = 0,  /* python -m target: runpy._run_module_as_main(target, True) */
    PY4GO_RUN_FILE = 1,    /* python target: a source file, or a directory / zip with __main__ */
    PY4GO_RUN_COMMAND = 2  /* python -c target */
};

/* On the main thread (it takes the GIL itself): set sys.argv to argv[0:argc], insert path0 at
 * sys.path[0] (NULL: nothing, as with safe_path), run target as `python` does in __main__,
 * and give value.num = the exit status python would have: 0, a SystemExit's code (a
 * non-integer code is printed to stderr and gives 1), or 1 after printing an uncaught
 * exception with sys.excepthook (for KeyboardInterrupt 130, the status of a shell whose
 * python died of SIGINT). Unlike PyErr_Print this never exits the process. sys.argv and the
 * inserted sys.path entry are restored afterwards. A file that cannot be opened is
 * PY4GO_EXCEPTION (an OSError). */
py4go_result py4go_run_main(int kind, const char *target, const char *const *argv, int32_t argc,
                            const char *path0);

/* -- internal to the C runtime (py4go.c <-> py4go_config.c) -- */

/* Py_InitializeFromConfig(config), then what every start needs (cfg's search paths put on
 * sys.path, threading imported on the main thread, the GIL released, the main thread state
 * kept). */
#ifndef Py_LIMITED_API
py4go_result py4go_start(PyConfig *config, const py4go_config *cfg);
#endif
/* With the GIL, right after initialization: put cfg's search paths in front of sys.path.
 * 0, or -1 with an exception set. */
int py4go_insert_search_paths(const py4go_config *cfg);
/* PY4GO_BAD_ARGUMENT results carrying msg, or a PyStatus's "func: err_msg". */
py4go_result py4go_config_failure(const char *msg);
#ifndef Py_LIMITED_API
py4go_result py4go_status_failure(PyStatus st);
#endif
/* After Py_FinalizeEx: give back the signal handlers Python replaced (install_signal_handlers). */
void py4go_restore_signal_handlers(void);

#endif /* PY4GO_CONFIG_H */
