package bindcrt

/*
#include "py4go.h"
*/
import "C"

import (
	"unsafe"
)

// Import implements Import of package python (documented there).
func Import(name string) (*Object, error) {
	op := "Import(" + quote(name) + ")"
	r := C.py4go_import(cstr(name), C.Py_ssize_t(len(name)))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, op, nil)
	}
	return objectResult(r.value), nil
}

// Exec implements Exec of package python (documented there).
func Exec(code string, globals *Object) error {
	r, err := run(code, globals, 0, "Exec")
	if err == nil {
		r.Release()
	}
	return err
}

// Eval implements Eval of package python (documented there).
func Eval(expr string, globals *Object) (*Object, error) {
	return run(expr, globals, 1, "Eval")
}

func run(src string, globals *Object, evalMode C.int, op string) (*Object, error) {
	var g unsafe.Pointer
	if globals != nil {
		var err error
		if g, err = globals.pyobj(op); err != nil {
			return nil, err
		}
	}
	r := C.py4go_run(cstr(src), C.Py_ssize_t(len(src)), (*C.PyObject)(g), evalMode, nil)
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, op, nil)
	}
	return objectResult(r.value), nil
}

// NewGlobals implements NewGlobals of package python (documented there).
func NewGlobals() (*Object, error) {
	r := C.py4go_new_globals()
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "NewGlobals", nil)
	}
	return objectResult(r.value), nil
}

// AppendSysPath implements AppendSysPath of package python (documented there).
func AppendSysPath(dir string) error {
	return sysPathAdd(dir, 0, "AppendSysPath")
}

// PrependSysPath implements PrependSysPath of package python (documented there).
func PrependSysPath(dir string) error {
	return sysPathAdd(dir, 1, "PrependSysPath")
}

func sysPathAdd(dir string, front C.int, op string) error {
	r := C.py4go_sys_path_add(cstr(dir), C.Py_ssize_t(len(dir)), front)
	if r.status != C.PY4GO_OK {
		return resultError(r, op+"("+quote(dir)+")", nil)
	}
	return nil
}

// NewModule implements NewModule of package python (documented there).
func NewModule(name string) (*Object, error) {
	r := C.py4go_new_module(cstr(name), C.Py_ssize_t(len(name)))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "NewModule("+quote(name)+")", nil)
	}
	return objectResult(r.value), nil
}

// Calling conventions of a C function added with AddFunction (CPython's METH_* flags).
const (
	MethVarargs  = int(C.METH_VARARGS)                   // PyObject *f(PyObject *self, PyObject *args)
	MethKeywords = int(C.METH_VARARGS | C.METH_KEYWORDS) // ... plus PyObject *kwargs
	MethNoArgs   = int(C.METH_NOARGS)                    // PyObject *f(PyObject *self, PyObject *unused)
	MethO        = int(C.METH_O)                         // PyObject *f(PyObject *self, PyObject *arg)
	MethFastcall = int(C.METH_FASTCALL)                  // PyObject *f(PyObject *self, PyObject *const *args, Py_ssize_t n)
)

// AddFunction implements Object.AddFunction of package python (documented there).
func (o *Object) AddFunction(name string, cfunc unsafe.Pointer, flags int, doc string) error {
	op := "Object.AddFunction(" + quote(name) + ")"
	p, err := o.pyobj(op)
	if err != nil {
		return err
	}
	r := C.py4go_module_add_function((*C.PyObject)(p), cstr(name), C.Py_ssize_t(len(name)), cfunc, C.int(flags),
		cstr(doc), C.Py_ssize_t(len(doc)))
	if r.status != C.PY4GO_OK {
		return resultError(r, op, nil)
	}
	return nil
}
