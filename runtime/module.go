package python

/*
#include "py4go.h"
*/
import "C"

import (
	"unsafe"
)

// Import imports the module name (a dotted name gives the leaf module, like
// importlib.import_module) and returns it (a new reference).
func Import(name string) (*Object, error) {
	op := "Import(" + quote(name) + ")"
	r := C.py4go_import(cstr(name), C.Py_ssize_t(len(name)))
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, op, nil)
	}
	return objectResult(r.value), nil
}

// Exec runs Python statements (a module body) in globals, a dict such as NewGlobals returns;
// nil means the __main__ module's namespace. Tracebacks name the source "<py4go>".
func Exec(code string, globals *Object) error {
	r, err := run(code, globals, 0, "Exec")
	if err == nil {
		r.Release()
	}
	return err
}

// Eval evaluates a Python expression in globals (nil: __main__'s namespace) and returns its
// value (a new reference).
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

// NewGlobals returns a fresh namespace dict for Exec and Eval, with __builtins__ set and
// __name__ = "__py4go__", isolated from __main__.
func NewGlobals() (*Object, error) {
	r := C.py4go_new_globals()
	if r.status != C.PY4GO_OK {
		return nil, resultError(r, "NewGlobals", nil)
	}
	return objectResult(r.value), nil
}

// AppendSysPath adds dir at the end of sys.path.
func AppendSysPath(dir string) error {
	return sysPathAdd(dir, 0, "AppendSysPath")
}

// PrependSysPath adds dir at the front of sys.path, ahead of the standard library.
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

// NewModule creates an empty module called name and puts it into sys.modules, so Python code
// can `import name` at once. Fill it with SetAttr and AddFunction. It returns a new reference.
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

// AddFunction adds the C function cfunc (a PyCFunction with calling convention flags, e.g. a
// cgo //export function or a static C function) to the module o under name, with the
// docstring doc. self is the module when the function is called.
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
