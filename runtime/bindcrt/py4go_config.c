/* py4go_config.c — start the embedded interpreter from a py4go_config, through CPython's
 * PyPreConfig/PyConfig API (PEP 587), reporting every PyStatus failure as a result instead of
 * exiting the process (no Py_ExitStatusException anywhere).
 */
#include "py4go_config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#ifndef Py_LIMITED_API
py4go_result py4go_status_failure(PyStatus st)
{
    char buf[1024];
    if (PyStatus_IsExit(st))
        snprintf(buf, sizeof buf, "initialization asked to exit the process with status %d", st.exitcode);
    else if (st.func != NULL)
        snprintf(buf, sizeof buf, "%s: %s", st.func, st.err_msg != NULL ? st.err_msg : "unknown error");
    else
        snprintf(buf, sizeof buf, "%s", st.err_msg != NULL ? st.err_msg : "unknown error");
    return py4go_config_failure(buf);
}
#endif

/* ---- signal handlers ------------------------------------------------------------------------ */

/* The handlers (Go's) that Python's replace when install_signal_handlers is on, given back by
 * py4go_restore_signal_handlers once Python is finalized: CPython resets what it installed to
 * SIG_DFL (SIGINT) or leaves SIG_IGN (SIGPIPE, SIGXFSZ), which would take signals away from
 * a Go program that keeps running. */
static const int replaced_signals[] = {SIGINT, SIGPIPE, SIGXFSZ};
#define N_REPLACED ((int)(sizeof replaced_signals / sizeof replaced_signals[0]))
static struct sigaction saved_actions[N_REPLACED];
static int actions_saved;

/* Save the current handlers and set SIGINT to SIG_DFL: CPython installs its SIGINT handler
 * (the one raising KeyboardInterrupt) only over the default action, and the Go runtime has
 * installed its own. */
static void prepare_signal_handlers(void)
{
    for (int i = 0; i < N_REPLACED; i++)
        sigaction(replaced_signals[i], NULL, &saved_actions[i]);
    actions_saved = 1;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGINT, &dfl, NULL);
}

void py4go_restore_signal_handlers(void)
{
    if (!actions_saved)
        return;
    for (int i = 0; i < N_REPLACED; i++)
        sigaction(replaced_signals[i], &saved_actions[i], NULL);
    actions_saved = 0;
}

#ifndef Py_LIMITED_API
/* ---- the configuration ------------------------------------------------------------------------ */

/* CPython keeps the path configuration an interpreter computed (prefix, exec_prefix,
 * stdlib_dir, executable, program_name, home) in a process-wide global after Py_FinalizeEx, and
 * the next PyConfig_Read copies it into every such field left unset: without clearing it, an
 * interpreter started after another one inherits its prefix and executable (a venv's, say).
 * Py_SetPath(NULL) clears that global (pathconfig.c, 3.11 to 3.13). It is deprecated since 3.11
 * and no longer declared by 3.13's headers, but part of the stable ABI, so still exported. */
#if PY_VERSION_HEX >= 0x030D0000
PyAPI_FUNC(void) Py_SetPath(const wchar_t *);
#endif

static void forget_previous_path_config(void)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    Py_SetPath(NULL);
#pragma GCC diagnostic pop
}

/* 1 if the -X option `name` (as "name" or "name=value") is in cfg; *value then points at the
 * value ("" when none). */
static int find_xoption(const py4go_config *cfg, const char *name, const char **value)
{
    size_t n = strlen(name);
    for (int i = 0; i < cfg->nxoptions; i++) {
        const char *x = cfg->xoptions[i];
        if (strncmp(x, name, n) == 0 && (x[n] == '\0' || x[n] == '=')) {
            *value = x[n] == '=' ? x + n + 1 : "";
            return 1;
        }
    }
    return 0;
}

/* The PyMemAllocatorName of a PYTHONMALLOC value, or -1. */
static int allocator_named(const char *name)
{
    static const struct {
        const char *name;
        int value;
    } names[] = {
        {"default", PYMEM_ALLOCATOR_DEFAULT},       {"debug", PYMEM_ALLOCATOR_DEBUG},
        {"pymalloc", PYMEM_ALLOCATOR_PYMALLOC},     {"pymalloc_debug", PYMEM_ALLOCATOR_PYMALLOC_DEBUG},
        {"malloc", PYMEM_ALLOCATOR_MALLOC},         {"malloc_debug", PYMEM_ALLOCATOR_MALLOC_DEBUG},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0)
            return names[i].value;
    return -1;
}

/* Pre-initialize: the settings CPython fixes before anything else (and that -X utf8 and -X dev
 * change), from the same options python's command line would give. */
static PyStatus preinitialize(const py4go_config *cfg)
{
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    pre.parse_argv = 0;
    pre.isolated = cfg->isolated != 0;
    pre.use_environment = cfg->isolated == 0;
    const char *v;
    if (find_xoption(cfg, "utf8", &v))
        pre.utf8_mode = strcmp(v, "0") != 0;
    if (find_xoption(cfg, "dev", &v))
        pre.dev_mode = 1;
    if (cfg->allocator != NULL) {
        int a = allocator_named(cfg->allocator);
        if (a < 0)
            return PyStatus_Error("unknown memory allocator name (PYTHONMALLOC) to keep across restarts");
        pre.allocator = a;
    }
    return Py_PreInitialize(&pre);
}

/* Append each of the n byte strings to list (decoded as CPython decodes command-line
 * arguments), at index `at` onwards when at >= 0. */
static PyStatus add_strings(PyWideStringList *list, const char *const *items, int32_t n, Py_ssize_t at)
{
    for (int32_t i = 0; i < n; i++) {
        wchar_t *w = Py_DecodeLocale(items[i], NULL);
        if (w == NULL)
            return PyStatus_Error("cannot decode a configuration string with the locale encoding");
        PyStatus st = at >= 0 ? PyWideStringList_Insert(list, at + i, w) : PyWideStringList_Append(list, w);
        PyMem_RawFree(w);
        if (PyStatus_Exception(st))
            return st;
    }
    return PyStatus_Ok();
}

/* Fill config from cfg; config was initialized with PyConfig_InitPythonConfig. */
static PyStatus fill_config(PyConfig *config, const py4go_config *cfg)
{
    config->parse_argv = 0;
    config->install_signal_handlers = cfg->install_signal_handlers != 0;
    if (cfg->isolated) {
        /* python -I: what the isolated flag implies, spelled out. */
        config->isolated = 1;
        config->use_environment = 0;
        config->user_site_directory = 0;
        config->safe_path = 1;
    }
    if (cfg->safe_path)
        config->safe_path = 1;
    PyStatus st;
    if (cfg->home != NULL) {
        st = PyConfig_SetBytesString(config, &config->home, cfg->home);
        if (PyStatus_Exception(st))
            return st;
    }
    if (cfg->executable != NULL) {
        /* executable is where getpath starts (a venv's pyvenv.cfg sits next to its bin/);
         * program_name too, so that nothing is searched on PATH. */
        st = PyConfig_SetBytesString(config, &config->executable, cfg->executable);
        if (!PyStatus_Exception(st))
            st = PyConfig_SetBytesString(config, &config->program_name, cfg->executable);
        if (PyStatus_Exception(st))
            return st;
    } else if (cfg->argc > 0) {
        /* Without it, CPython would take the program name from argv[0] and look for that on
         * PATH to find its prefix: keep the default lookup, whatever sys.argv says. */
        st = PyConfig_SetBytesString(config, &config->program_name, "python3");
        if (PyStatus_Exception(st))
            return st;
    }
    if (cfg->argc > 0) {
        st = PyConfig_SetBytesArgv(config, cfg->argc, (char *const *)cfg->argv);
        if (PyStatus_Exception(st))
            return st;
    }
    return add_strings(&config->xoptions, cfg->xoptions, cfg->nxoptions, -1);
}

int py4go_insert_search_paths(const py4go_config *cfg)
{
    /* Where PYTHONPATH's entries go: in front of the computed path. (Not through
     * module_search_paths: since 3.11 PyConfig_Read no longer computes it, so setting it
     * would replace the standard library's entries instead of extending them.) */
    PyObject *sys_path = PySys_GetObject("path"); /* borrowed */
    if (sys_path == NULL || !PyList_Check(sys_path)) {
        PyErr_SetString(PyExc_RuntimeError, "unable to get sys.path");
        return -1;
    }
    for (int32_t i = 0; i < cfg->nsearch_paths; i++) {
        PyObject *p = PyUnicode_DecodeFSDefault(cfg->search_paths[i]);
        int rc = p != NULL ? PyList_Insert(sys_path, i, p) : -1;
        Py_XDECREF(p);
        if (rc < 0)
            return -1;
    }
    return 0;
}

py4go_result py4go_initialize_config(const py4go_config *cfg)
{
    if (Py_IsInitialized()) {
        /* Someone else (the host of an extension module) owns this interpreter. */
        py4go_result r;
        memset(&r, 0, sizeof r);
        r.arg = -1;
        return r;
    }
    forget_previous_path_config();
    PyStatus st = preinitialize(cfg);
    if (PyStatus_Exception(st))
        return py4go_status_failure(st);
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    st = fill_config(&config, cfg);
    if (PyStatus_Exception(st)) {
        PyConfig_Clear(&config);
        return py4go_status_failure(st);
    }
    if (cfg->install_signal_handlers)
        prepare_signal_handlers();
    py4go_result r = py4go_start(&config, cfg);
    PyConfig_Clear(&config);
    if (r.status != PY4GO_OK)
        py4go_restore_signal_handlers();
    return r;
}

#else /* Py_LIMITED_API */

/* An abi3 extension (Py_LIMITED_API) never starts Python: a running interpreter imports it.
 * PyConfig and PyPreConfig are not part of the limited API. */
py4go_result py4go_initialize_config(const py4go_config *cfg)
{
    (void)cfg;
    (void)prepare_signal_handlers;
    if (Py_IsInitialized()) { /* the host of the extension module owns this interpreter */
        py4go_result r;
        memset(&r, 0, sizeof r);
        r.arg = -1;
        return r;
    }
    return py4go_config_failure("starting Python is not available in an abi3 (limited API) build of the py4go runtime");
}

int py4go_insert_search_paths(const py4go_config *cfg)
{
    (void)cfg;
    return 0;
}

#endif /* Py_LIMITED_API */
