"""Parsing the target interpreter's headers with libclang into a :class:`CApiModel`.

One translation unit includes ``Python.h`` exactly as generated wrappers do (with
``PY_SSIZE_T_CLEAN``), or ``py4go.h`` when the runtime is wanted too, so the model sees the
declarations a wrapper sees. Only top-level declarations are read: in C every function,
typedef and macro lives there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bindc.capi.libclang import CApiError, clang_diagnostics, clang_version, gcc_builtin_include, new_index
from bindc.capi.model import CApiModel, CFunction, CType

#: Types whose ``sizeof`` the model records; tests compare them with gcc's (STYLE point 13).
SIZED_TYPES = (
    "int", "long", "long long", "size_t", "void *", "wchar_t",
    "Py_ssize_t", "Py_hash_t", "PyObject", "PyVarObject", "PyTypeObject", "PyMethodDef", "Py_buffer",
)  # fmt: skip

PROBE_FILE = "bindc_capi_probe.c"


@dataclass(frozen=True)
class ProbeRequest:
    """What to parse: the probe source and the clang arguments (together, the cache's lookup key)."""

    include_dir: str
    runtime_dir: str | None
    source: str
    args: tuple[str, ...]
    #: ``Py_LIMITED_API`` value the probe defines (``0x030b0000``), or None for the full API.
    limited_api: int | None = None


@dataclass(frozen=True)
class ParseResult:
    """A freshly parsed model plus every file the translation unit read (for cache validation)."""

    model: CApiModel
    included_files: tuple[str, ...]


def probe_request(include_dir: str, runtime_dir: str | None = None, limited_api: int | None = None) -> ProbeRequest:
    """The probe translation unit for these headers (with py4go.h when ``runtime_dir`` is given).

    With ``limited_api`` (e.g. ``0x030b0000``) the probe defines ``Py_LIMITED_API`` first, so the
    model holds only what the stable ABI of that version declares: an abi3 build is checked
    against it.
    """
    if runtime_dir is None:
        head = "#define PY_SSIZE_T_CLEAN\n#include <Python.h>\n"
    else:
        head = '#include "py4go.h"\n'  # py4go.h defines PY_SSIZE_T_CLEAN and includes Python.h
    # sizeof through declarations rather than expressions: clang's Type.get_size() reads them.
    # The guard keeps a directory that is not CPython's from drowning in "unknown type" errors;
    # it is then reported as lacking PY_VERSION instead.
    sized = "#ifdef PY_VERSION\n"
    sized += "".join(f"extern {t} *bindc_sizeof_{i};\n" for i, t in enumerate(SIZED_TYPES))
    sized += "#endif\n"
    if limited_api is not None:
        head = f"#define Py_LIMITED_API 0x{limited_api:08x}\n" + head
    args = ["-x", "c", "-std=gnu11", f"-I{include_dir}"]
    if runtime_dir is not None:
        args.append(f"-I{runtime_dir}")
    args += gcc_builtin_include()
    return ProbeRequest(include_dir, runtime_dir, head + sized, tuple(args), limited_api)


def parse_headers(request: ProbeRequest) -> ParseResult:
    """Parse the probe with libclang and extract the model; raises :class:`CApiError` on errors."""
    import clang.cindex as ci

    index = new_index()
    options = ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD | ci.TranslationUnit.PARSE_SKIP_FUNCTION_BODIES
    try:
        tu = index.parse(PROBE_FILE, args=list(request.args), unsaved_files=[(PROBE_FILE, request.source)], options=options)
    except ci.TranslationUnitLoadError as e:
        raise CApiError(f"libclang could not parse the headers in {request.include_dir}: {e}") from e
    errors = clang_diagnostics(tu)
    if errors:
        what = "py4go.h and Python.h" if request.runtime_dir else "Python.h"
        if request.limited_api is not None:
            what += f" with Py_LIMITED_API=0x{request.limited_api:08x}"
        raise CApiError(f"{what} from {request.include_dir} does not parse with libclang:", errors[:20])

    functions: dict[str, CFunction] = {}
    macros: set[str] = set()
    typedefs: dict[str, str] = {}
    sizes: dict[str, int] = {}
    python_version = ""
    is_function_like = ci.conf.lib.clang_Cursor_isMacroFunctionLike
    for cursor in tu.cursor.get_children():
        kind = cursor.kind
        if kind == ci.CursorKind.FUNCTION_DECL:
            # The first declaration wins; redeclarations of one function have one type.
            if cursor.spelling not in functions:
                functions[cursor.spelling] = _function(cursor, ci)
        elif kind == ci.CursorKind.TYPEDEF_DECL:
            typedefs[cursor.spelling] = cursor.underlying_typedef_type.get_canonical().spelling
        elif kind == ci.CursorKind.MACRO_DEFINITION:
            if is_function_like(cursor):
                macros.add(cursor.spelling)
            elif cursor.spelling == "PY_VERSION":
                tokens = [t.spelling for t in cursor.get_tokens()]
                python_version = tokens[-1].strip('"') if len(tokens) == 2 else ""
        elif kind == ci.CursorKind.VAR_DECL and cursor.spelling.startswith("bindc_sizeof_"):
            size = cursor.type.get_pointee().get_size()
            if size > 0:  # incomplete types report a negative error code
                sizes[SIZED_TYPES[int(cursor.spelling.removeprefix("bindc_sizeof_"))]] = size

    if not python_version:
        raise CApiError(f"{request.include_dir}/Python.h parsed, but defines no PY_VERSION: is this a CPython include dir?")
    model = CApiModel(
        python_version=python_version,
        include_dir=request.include_dir,
        clang_version=clang_version(),
        functions=functions,
        function_macros=frozenset(macros),
        typedefs=typedefs,
        sizes=sizes,
        includes_runtime=request.runtime_dir is not None,
        limited_api=request.limited_api,
    )
    included = sorted({str(Path(inc.include.name)) for inc in tu.get_includes()})
    return ParseResult(model, tuple(included))


def _function(cursor, ci) -> CFunction:  # type: ignore[no-untyped-def]  # clang cursors are untyped
    """One FUNCTION_DECL as a :class:`CFunction`, types taken from the function type itself.

    The function type's parameter types are the adjusted ones (arrays decayed, top-level
    ``const`` dropped), which is what makes two prototypes compatible in C.
    """
    lib = ci.conf.lib
    ftype = cursor.type
    if ftype.kind == ci.TypeKind.FUNCTIONPROTO:
        # Indexed calls rather than Type.argument_types(), which builds a class per call and
        # made extraction slower than parsing.
        param_types = [lib.clang_getArgType(ftype, i) for i in range(lib.clang_getNumArgTypes(ftype))]
        variadic = ftype.is_function_variadic()
    else:  # K&R `int f();` — no prototype, nothing to compare
        param_types, variadic = [], False
    names = [lib.clang_Cursor_getArgument(cursor, i).spelling for i in range(lib.clang_Cursor_getNumArguments(cursor))]
    location = cursor.location
    return CFunction(
        name=cursor.spelling,
        returns=_ctype(ftype.get_result()),
        params=tuple(_ctype(t) for t in param_types),
        variadic=variadic,
        file=location.file.name if location.file else "",
        line=location.line,
        param_names=tuple(names) if len(names) == len(param_types) else (),
        inline=cursor.storage_class == ci.StorageClass.STATIC,
        deprecated=lib.clang_getCursorAvailability(cursor) == ci.AvailabilityKind.DEPRECATED.value,
    )


def _ctype(t) -> CType:  # type: ignore[no-untyped-def]
    return CType(canonical=t.get_canonical().spelling, spelling=t.spelling)
