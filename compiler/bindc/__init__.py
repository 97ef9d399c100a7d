"""bindc: the py4go binding compiler.

bindc reads Go packages with tree-sitter, checks every Python C-API call it will emit against
the target interpreter's headers with libclang, and emits cgo wrappers (a ``.c`` and a ``.go``
file) plus a ``.pyi`` stub, all linked against the shared C runtime in ``runtime/``.
"""

__version__ = "0.1.0"

# The ABI revision of the C runtime that generated code is written against. Generated Go
# files reference ``python.BindcRuntimeV<N>`` so that a runtime from another revision fails
# to compile instead of misbehaving (see runtime/bindcrt/bindc_support.go).
RUNTIME_ABI = 1
