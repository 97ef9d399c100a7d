/* py4go.h — the py4go C runtime: the one place that does Call, Release and GIL handling.
 *
 * Used by the Go package `python` (this directory) and by every bindc-generated wrapper.
 * Everything here needs the GIL unless a comment says otherwise.
 */
#ifndef PY4GO_H
#define PY4GO_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* Revision of this runtime's ABI; generated code refuses to load against another one. */
#define PY4GO_ABI 1

/* ---- embedding API (package python) ---------------------------------------------------- */
/* (filled in by the runtime work: Call, Release, GIL, conversions, exceptions) */

/* ---- support for bindc-generated wrappers ----------------------------------------------- */
#include "py4go_bind.h"

#endif /* PY4GO_H */
