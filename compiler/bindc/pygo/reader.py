"""Reading a Python module's API from its source or stub with :mod:`ast` (never importing it).

The reader resolves every annotation to a :class:`~.model.PyType`, classifies classes
(exception, enum, record, protocol, plain class), keeps the branches of ``sys.version_info``
tests that hold for the target Python, and reports what it cannot type as a positioned
warning; the unsupported part falls back to ``ANY`` (``*python.Object`` in Go), never a crash.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from bindc.diagnostics import DiagnosticSink
from bindc.ir import Span
from bindc.pygo import model as m
from bindc.pygo.conditions import flatten
from bindc.pygo.reexports import STAR, declared_all, find_reexports

# Qualified names (after import resolution) of the types the reader knows.
_SCALARS = {"builtins.int": m.INT, "builtins.float": m.FLOAT, "builtins.str": m.STR, "builtins.bytes": m.BYTES,
            "builtins.bool": m.BOOL}
_TIMES = {"datetime.datetime": m.DATETIME, "datetime.timedelta": m.TIMEDELTA}
_ANYS = {"typing.Any", "builtins.object", "typing_extensions.Any"}
_LISTS = {"builtins.list", "typing.List", "typing.Sequence", "collections.abc.Sequence", "typing.MutableSequence",
          "collections.abc.MutableSequence"}
_ITERABLES = {"typing.Iterable", "collections.abc.Iterable", "typing.Collection", "collections.abc.Collection"}
_ITERATORS = {"typing.Iterator", "collections.abc.Iterator", "typing.Generator", "collections.abc.Generator"}
_DICTS = {"builtins.dict", "typing.Dict", "typing.Mapping", "collections.abc.Mapping", "typing.MutableMapping",
          "collections.abc.MutableMapping"}
_TUPLES = {"builtins.tuple", "typing.Tuple"}
_OPTIONAL = {"typing.Optional"}
_UNION = {"typing.Union"}
_CALLABLE = {"typing.Callable", "collections.abc.Callable"}
_LITERAL = {"typing.Literal", "typing_extensions.Literal"}
_WRAPPERS = {"typing.Final", "typing.ClassVar", "typing.Annotated", "typing_extensions.Final",
             "typing_extensions.Annotated", "typing.Required", "typing.NotRequired",
             "typing_extensions.Required", "typing_extensions.NotRequired"}
_NOT_REQUIRED = {"typing.NotRequired", "typing_extensions.NotRequired"}
_TYPEVARS = {"typing.TypeVar", "typing_extensions.TypeVar", "typing.ParamSpec", "typing_extensions.ParamSpec"}
_ANYSTR = {"typing.AnyStr"}
_SELF = {"typing.Self", "typing_extensions.Self"}
# Parameter types a Go value of one kind always satisfies (typeshed's _typeshed aliases and
# typing's Supports* protocols): the Go parameter takes that kind.
_TYPESHED_ALIASES = {
    "_typeshed.StrPath": m.STR, "_typeshed.StrOrBytesPath": m.STR, "_typeshed.FileDescriptorOrPath": m.STR,
    "_typeshed.BytesPath": m.BYTES, "_typeshed.ReadableBuffer": m.BYTES,
    "typing.SupportsFloat": m.FLOAT, "typing_extensions.SupportsFloat": m.FLOAT, "_typeshed.ConvertibleToFloat": m.FLOAT,
    "typing.SupportsIndex": m.INT, "typing_extensions.SupportsIndex": m.INT, "typing.SupportsInt": m.INT,
    "_typeshed.ConvertibleToInt": m.INT,
}
_ENUM_BASES = {"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"}
_RECORD_BASES = {"typing.TypedDict", "typing_extensions.TypedDict"}
_PROTOCOL_BASES = {"typing.Protocol", "typing_extensions.Protocol"}
_EXCEPTION_BASES = {f"builtins.{n}" for n in (
    "BaseException", "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError",
    "LookupError", "ArithmeticError", "OSError", "AttributeError", "NotImplementedError", "UnicodeError",
    "ZeroDivisionError", "OverflowError", "StopIteration", "Warning", "UserWarning")}
_DATACLASS = {"dataclasses.dataclass"}
_OVERLOAD = {"typing.overload", "typing_extensions.overload"}
_PROPERTY = {"builtins.property", "functools.cached_property"}
_STATIC = {"builtins.staticmethod", "builtins.classmethod"}
_BUILTIN_NAMES = {"int", "float", "str", "bytes", "bool", "list", "dict", "tuple", "object", "set", "frozenset",
                  "type", "property", "staticmethod", "classmethod", "bytearray", "memoryview", "complex",
                  "BaseException", "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError",
                  "LookupError", "ArithmeticError", "OSError", "AttributeError", "NotImplementedError",
                  "UnicodeError", "ZeroDivisionError", "OverflowError", "StopIteration", "Warning", "UserWarning"}


@dataclass
class _Scope:
    """What names mean in the module: imports, the module's classes, aliases and TypeVars."""

    imports: dict[str, str] = field(default_factory=dict)       # local name -> qualified name
    kinds: dict[str, str] = field(default_factory=dict)         # class name -> enum/record/...
    aliases: dict[str, ast.expr] = field(default_factory=dict)  # alias name -> its type expression
    typevars: set[str] = field(default_factory=set)


class Reader:
    """Reads one module file into a :class:`~.model.Module`; problems go to ``sink``."""

    def __init__(self, path: Path, module: str, label: str, sink: DiagnosticSink,
                 version: tuple[int, int], only: set[str] | None = None,
                 reading: frozenset[Path] = frozenset(), defined_in: str = "") -> None:
        """``only``: read just these names (a submodule some of whose names are re-exported);
        ``reading``: the files of the modules re-exporting from this one (no cycles);
        ``defined_in``: the submodule's own name (``module`` is the one re-exporting it)."""
        self.path, self.module, self.label, self.sink, self.version = path, module, label, sink, version
        self.defined_in = defined_in
        self.only = only
        self.reading = reading | {path.resolve()}
        self.all_names: set[str] | None = None  # the module's __all__, once read
        self.scope = _Scope()
        self._resolving: set[str] = set()
        self._class: str | None = None  # the plain class being read (what `Self` means)

    # ------------------------------------------------------------------ helpers

    def span(self, node: ast.AST) -> Span:
        """The position of ``node`` (1-based column, like every bindc diagnostic)."""
        return Span(str(self.path), getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1)

    def warn(self, node: ast.AST, message: str) -> None:
        self.sink.warning(message, self.span(node))

    def body(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        """``stmts`` with version/platform conditions resolved for the target Python."""
        return flatten(stmts, self.version,
                       lambda test: self.warn(test, f"cannot evaluate `{ast.unparse(test)}`; assuming it holds"))

    def qualname(self, node: ast.expr) -> str | None:
        """The qualified name ``node`` refers to ("typing.List", "builtins.int", "mod.Class")."""
        if isinstance(node, ast.Name):
            if node.id in self.scope.imports:
                return self.scope.imports[node.id]
            if node.id in self.scope.kinds or node.id in self.scope.aliases or node.id in self.scope.typevars:
                return f"{self.module}.{node.id}"
            if node.id in _BUILTIN_NAMES:
                return f"builtins.{node.id}"
            return None
        if isinstance(node, ast.Attribute):
            base = self.qualname(node.value)
            if base is None and isinstance(node.value, ast.Name):
                base = node.value.id
            return f"{base}.{node.attr}" if base else None
        return None

    # ------------------------------------------------------------------ the module

    def read(self) -> m.Module:
        """Parse the file and build the module model."""
        source = self.path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(self.path))
        stmts = self.body(tree.body)
        self.all_names = declared_all(stmts)
        pulled = self._reexported(stmts)
        self._collect_names(stmts)
        local = {s.name for s in stmts if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        for name, kind in pulled.names.items():
            if name not in local:  # a re-exported class is the module's own type
                self.scope.imports.pop(name, None)
                self.scope.kinds[name] = kind
        functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        classes: list[ast.ClassDef] = []
        for stmt in stmts:
            wanted = self.only is None or getattr(stmt, "name", "") in self.only
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and not stmt.name.startswith("_") and wanted:
                functions.setdefault(stmt.name, []).append(stmt)
            elif isinstance(stmt, ast.ClassDef) and not stmt.name.startswith("_") and wanted:
                classes.append(stmt)
        mod = m.Module(name=self.module, source=self.label, doc=ast.get_docstring(tree) or "")
        mod.names.update(self.scope.kinds)
        funcs = tuple(self.function(defs) for defs in functions.values())
        kinds = self.scope.kinds
        own = m.Module(
            name=mod.name, source=mod.source, doc=mod.doc, names=mod.names,
            functions=tuple(f for f in funcs if f is not None),
            classes=tuple(self.plain_class(c) for c in classes if kinds[c.name] == "class"),
            enums=tuple(e for e in (self.enum(c) for c in classes if kinds[c.name] == "enum") if e),
            records=tuple(self.record(c) for c in classes if kinds[c.name] == "record"),
            protocols=tuple(self.protocol(c) for c in classes if kinds[c.name] == "protocol"),
            exceptions=tuple(self.exception(c) for c in classes if kinds[c.name] == "exception"),
        )
        return _merge(own, pulled, local)

    def _reexported(self, stmts: list[ast.stmt]) -> m.Module:
        """What the module re-exports from its own package's submodules (read with their own
        scopes, under this module's name: the generated code finds them here at run time)."""
        pulled = m.Module(name=self.module, source=self.label)
        for rx in find_reexports(self.path, self.module, stmts):
            if rx.file.resolve() in self.reading:
                continue
            star = any(n == STAR for n, _ in rx.names)
            renames = {n: public for n, public in rx.names if n != STAR}
            if self.only is not None:
                renames = {n: p for n, p in renames.items() if p in self.only}
                if not renames and not star:
                    continue
            sub_reader = Reader(rx.file, self.module, self.label, self.sink, self.version,
                                only=None if star else set(renames), reading=self.reading, defined_in=rx.module)
            sub = sub_reader.read()
            if star:
                for name in sub.names.keys() | {f.name for f in sub.functions}:
                    if sub_reader.all_names is None or name in sub_reader.all_names:
                        renames.setdefault(name, name)
            keep = {n: p for n, p in renames.items()
                    if (self.all_names is None or p in self.all_names) and (self.only is None or p in self.only)}
            pulled = _merge(pulled, _select(sub, keep), set())
        return pulled

    def _collect_names(self, stmts: list[ast.stmt]) -> None:
        """First pass: imports, TypeVars, aliases, and what kind of thing each class is."""
        for stmt in stmts:
            if isinstance(stmt, ast.Import):
                for a in stmt.names:
                    if a.asname:
                        self.scope.imports[a.asname] = a.name
                    else:
                        self.scope.imports[a.name.split(".")[0]] = a.name.split(".")[0]
            elif isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module:
                for a in stmt.names:
                    self.scope.imports[a.asname or a.name] = f"{stmt.module}.{a.name}"
        for stmt in stmts:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
                value = stmt.value
                if not isinstance(target, ast.Name) or value is None:
                    continue
                if isinstance(value, ast.Call) and self.qualname(value.func) in _TYPEVARS:
                    self.scope.typevars.add(target.id)
                elif isinstance(stmt, ast.AnnAssign) and self.qualname(stmt.annotation) in (
                        "typing.TypeAlias", "typing_extensions.TypeAlias"):
                    self.scope.aliases[target.id] = value
                elif isinstance(stmt, ast.Assign) and self._looks_like_type(value):
                    self.scope.aliases[target.id] = value
        pending = [s for s in stmts if isinstance(s, ast.ClassDef)]
        for _ in range(len(pending) + 1):  # bases may come later in the file; iterate to a fixpoint
            for cls in pending:
                self.scope.kinds[cls.name] = self._classify(cls)

    def _looks_like_type(self, value: ast.expr) -> bool:
        """An unannotated module-level ``X = int | str`` / ``X = list[int]`` is a type alias."""
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):
            return True
        if isinstance(value, ast.Subscript):
            return self.qualname(value.value) is not None
        return False

    def _classify(self, cls: ast.ClassDef) -> str:
        for deco in cls.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if self.qualname(target) in _DATACLASS:
                return "record"
        for base in cls.bases:
            target = base.value if isinstance(base, ast.Subscript) else base
            q = self.qualname(target)
            if q in _ENUM_BASES:
                return "enum"
            if q in _RECORD_BASES:
                return "record"
            if q in _PROTOCOL_BASES:
                return "protocol"
            if q in _EXCEPTION_BASES:
                return "exception"
            if isinstance(target, ast.Name) and target.id in self.scope.kinds and target.id != cls.name:
                kind = self.scope.kinds[target.id]
                if kind in ("exception", "enum", "record"):
                    return kind
        return "class"

    # ------------------------------------------------------------------ types

    def type_of(self, node: ast.expr | None, role: str) -> m.PyType:
        """Resolve an annotation; ``role`` is "param" or "result" (Iterable differs)."""
        if node is None:
            return m.PyType(m.ANY, why="no annotation")
        try:
            return self._type(node, role)
        except _Unsupported as e:
            self.warn(e.node, f"{e.message}; falls back to *python.Object")
            return m.PyType(m.ANY, why=e.message)

    def _type(self, node: ast.expr, role: str) -> m.PyType:
        if isinstance(node, ast.Constant):
            if node.value is None:
                return m.PyType(m.NONE)
            if isinstance(node.value, str):  # a forward reference
                try:
                    inner = ast.parse(node.value, mode="eval").body
                except SyntaxError:
                    raise _Unsupported(node, f"cannot parse the annotation {node.value!r}") from None
                ast.copy_location(inner, node)
                for sub in ast.walk(inner):
                    ast.copy_location(sub, node)
                return self._type(inner, role)
            raise _Unsupported(node, f"unsupported annotation `{ast.unparse(node)}`")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self._union(node, [node.left, node.right], role)
        if isinstance(node, ast.Subscript):
            return self._generic(node, role)
        q = self.qualname(node)
        if q is None:
            raise _Unsupported(node, f"unknown type `{ast.unparse(node)}`")
        if q in _SELF and self._class is not None:
            return m.PyType(m.NAMED, name=self._class)  # PEP 673: the class being read
        return self._named(node, q, role)

    def _named(self, node: ast.expr, q: str, role: str) -> m.PyType:
        if q in _SCALARS:
            return m.PyType(_SCALARS[q])
        if q in _TIMES:
            return m.PyType(_TIMES[q])
        if q in _ANYS:
            return m.PyType(m.ANY, why="Any")
        if q in _ANYSTR:
            return m.PyType(m.ANY, why="AnyStr")
        if q == "builtins.None" or q == "types.NoneType":
            return m.PyType(m.NONE)
        if q in _TYPESHED_ALIASES and role == "param":
            # typeshed's aliases (stdlib/_typeshed, never read) and Supports* protocols: a Go
            # string is a StrOrBytesPath, Go's []byte arrives as bytes (a ReadableBuffer), a
            # float64 as a float (SupportsFloat).
            return m.PyType(_TYPESHED_ALIASES[q])
        if q in _LISTS or q in _ITERABLES or q in _ITERATORS or q in _DICTS or q in _TUPLES:
            return self._generic_of(node, q, [], role)  # unparameterised: elements are Any
        local = q[len(self.module) + 1:] if q.startswith(self.module + ".") else None
        if local is not None:
            if local in self.scope.typevars:
                return m.PyType(m.ANY, why=f"TypeVar {local}")
            if local in self.scope.aliases:
                if local in self._resolving:
                    raise _Unsupported(node, f"recursive type alias {local}")
                self._resolving.add(local)
                try:
                    return self._type(self.scope.aliases[local], role)
                finally:
                    self._resolving.discard(local)
            kind = self.scope.kinds.get(local)
            if kind and kind != "exception":
                return m.PyType(m.NAMED, name=local)
        raise _Unsupported(node, f"type `{ast.unparse(node)}` is not supported")

    def _union(self, node: ast.expr, members: list[ast.expr], role: str) -> m.PyType:
        flat: list[ast.expr] = []

        def add(e: ast.expr) -> None:
            if isinstance(e, ast.BinOp) and isinstance(e.op, ast.BitOr):
                add(e.left)
                add(e.right)
            else:
                flat.append(e)

        for e in members:
            add(e)
        types = []
        for e in flat:
            try:
                types.append(self._type(e, role))
            except _Unsupported:
                if self._is_pathlike(e) and role == "param":
                    continue  # `str | os.PathLike[str]`: a Go string is one of the accepted types
                raise
        non_none = [t for t in types if t.kind != m.NONE]
        unique = list(dict.fromkeys(non_none))
        kinds = {t.kind for t in unique}
        if m.FLOAT in kinds and kinds <= {m.FLOAT, m.INT, m.BOOL}:
            unique = [m.PyType(m.FLOAT)]  # PEP 484's numeric tower: an int is acceptable as a float
        elif kinds == {m.INT, m.BOOL}:
            unique = [m.PyType(m.INT)]  # bool is an int
        if any(self._is_pathlike(e) for e in flat) and role == "param" and unique != [m.PyType(m.STR)]:
            raise _Unsupported(node, f"union `{ast.unparse(node)}` has no single Go type")
        if len(unique) == 1:
            t = unique[0]
            if len(non_none) < len(types) and t.kind not in (m.ANY, m.OPTIONAL):
                return m.PyType(m.OPTIONAL, (t,))
            return t
        if not unique:
            return m.PyType(m.NONE)
        raise _Unsupported(node, f"union `{ast.unparse(node)}` has no single Go type")

    def _is_pathlike(self, node: ast.expr) -> bool:
        """``os.PathLike`` / ``os.PathLike[str]`` (how typeshed spells a path besides str)."""
        base = node.value if isinstance(node, ast.Subscript) else node
        return self.qualname(base) == "os.PathLike"

    def _generic(self, node: ast.Subscript, role: str) -> m.PyType:
        q = self.qualname(node.value)
        if q is None:
            raise _Unsupported(node, f"unknown generic type `{ast.unparse(node.value)}`")
        items = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        return self._generic_of(node, q, items, role)

    def _generic_of(self, node: ast.expr, q: str, items: list[ast.expr], role: str) -> m.PyType:
        def arg(i: int) -> m.PyType:
            return self._type(items[i], role) if i < len(items) else m.ANY_TYPE

        if q in _OPTIONAL:
            inner = arg(0)
            return inner if inner.kind in (m.ANY, m.OPTIONAL) else m.PyType(m.OPTIONAL, (inner,))
        if q in _UNION:
            return self._union(node, items, role)
        if q in _WRAPPERS:
            return arg(0)
        if q in _LITERAL:
            kinds = {type(e.value) for e in items if isinstance(e, ast.Constant)}
            if kinds == {int}:
                return m.PyType(m.INT)
            if kinds == {str}:
                return m.PyType(m.STR)
            if kinds == {bool}:
                return m.PyType(m.BOOL)
            raise _Unsupported(node, f"`{ast.unparse(node)}` mixes value types")
        if q in _LISTS:
            return m.PyType(m.LIST, (arg(0),))
        if q in _ITERABLES:
            return m.PyType(m.LIST if role == "param" else m.ITER, (arg(0),))
        if q in _ITERATORS:
            if role == "param":
                raise _Unsupported(node, "an iterator parameter")
            return m.PyType(m.ITER, (arg(0),))
        if q in _DICTS:
            return m.PyType(m.DICT, (arg(0), arg(1)))
        if q in _TUPLES:
            if len(items) == 2 and isinstance(items[1], ast.Constant) and items[1].value is Ellipsis:
                return m.PyType(m.LIST, (arg(0),))
            if not items:
                return m.PyType(m.LIST, (m.ANY_TYPE,))
            return m.PyType(m.TUPLE, tuple(arg(i) for i in range(len(items))))
        if q in _CALLABLE:
            if len(items) != 2 or not isinstance(items[0], ast.List):
                raise _Unsupported(node, f"`{ast.unparse(node)}`: only Callable[[A, ...], R] has a Go func type")
            params = tuple(self._type(e, "result") for e in items[0].elts)
            return m.PyType(m.CALLABLE, (*params, self._type(items[1], "param")))
        raise _Unsupported(node, f"generic type `{ast.unparse(node)}` is not supported")

    # ------------------------------------------------------------------ functions

    def function(self, defs: list[ast.FunctionDef | ast.AsyncFunctionDef], method: bool = False) -> m.Function | None:
        """A function from its definitions (more than one, or @overload: overloaded)."""
        node = defs[-1]
        if isinstance(node, ast.AsyncFunctionDef):
            self.warn(node, f"{node.name}: async functions are not bound")
            return None
        overloaded = len(defs) > 1 or any(self.qualname(d) in _OVERLOAD for d in node.decorator_list)
        if overloaded:
            self.warn(defs[0], f"{node.name} is overloaded; its Go function takes ...any and returns *python.Object")
            return m.Function(node.name, (), m.ANY_TYPE, self.span(defs[0]), ast.get_docstring(node) or "",
                              overloaded=True)
        args = node.args
        params: list[m.Param] = []
        positional = [*args.posonlyargs, *args.args]
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        skip_first = method and positional
        for i, (a, d) in enumerate(zip(positional, defaults)):
            if skip_first and i == 0:
                continue
            kind = m.POSITIONAL_ONLY if i < len(args.posonlyargs) or (a.arg.startswith("__") and not a.arg.endswith("__")) \
                else m.POSITIONAL_OR_KEYWORD
            params.append(m.Param(a.arg, self.type_of(a.annotation, "param"), kind,
                                  None if d is None else ast.unparse(d), self.span(a)))
        for a, d in zip(args.kwonlyargs, args.kw_defaults):
            params.append(m.Param(a.arg, self.type_of(a.annotation, "param"), m.KEYWORD_ONLY,
                                  None if d is None else ast.unparse(d), self.span(a)))
        result = self.type_of(node.returns, "result") if node.returns is not None else m.PyType(m.ANY, why="no annotation")
        return m.Function(node.name, tuple(params), result, self.span(node), ast.get_docstring(node) or "",
                          varargs=args.vararg is not None or args.kwarg is not None)

    # ------------------------------------------------------------------ classes

    def _local_base(self, cls: ast.ClassDef, kind: str) -> str | None:
        for base in cls.bases:
            if isinstance(base, ast.Name) and self.scope.kinds.get(base.id) == kind and base.id != cls.name:
                return base.id
        return None

    def plain_class(self, cls: ast.ClassDef) -> m.Class:
        """A class: constructor, methods, static/class methods, attributes and properties."""
        self._class = cls.name
        try:
            return self._plain_class(cls)
        finally:
            self._class = None

    def _plain_class(self, cls: ast.ClassDef) -> m.Class:
        body = self.body(cls.body)
        defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        attributes: dict[str, m.Attribute] = {}
        setters: set[str] = set()
        statics: list[m.Function] = []
        for stmt in body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and not stmt.target.id.startswith("_"):
                q = self.qualname(stmt.annotation.value if isinstance(stmt.annotation, ast.Subscript) else stmt.annotation)
                readonly = q in ("typing.Final", "typing.ClassVar")
                attributes[stmt.target.id] = m.Attribute(stmt.target.id, self.type_of(stmt.annotation, "result"),
                                                         readonly, self.span(stmt))
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                decos = {self.qualname(d) for d in stmt.decorator_list}
                setter = any(isinstance(d, ast.Attribute) and d.attr == "setter" for d in stmt.decorator_list)
                if setter:
                    setters.add(stmt.name)
                elif decos & _PROPERTY:
                    if not stmt.name.startswith("_"):
                        attributes[stmt.name] = m.Attribute(stmt.name, self.type_of(stmt.returns, "result"), True,
                                                            self.span(stmt))
                elif decos & _STATIC:
                    if not stmt.name.startswith("_"):
                        f = self.function([stmt], method="builtins.classmethod" in decos)
                        if f:
                            statics.append(f)
                elif stmt.name == "__init__" or not stmt.name.startswith("_"):
                    defs.setdefault(stmt.name, []).append(stmt)
        init_defs = defs.pop("__init__", None)
        if init_defs:
            for node in ast.walk(init_defs[-1]):  # self.x: int = ... inside __init__
                if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Attribute) \
                        and isinstance(node.target.value, ast.Name) and node.target.value.id == "self" \
                        and not node.target.attr.startswith("_") and node.target.attr not in attributes:
                    attributes[node.target.attr] = m.Attribute(node.target.attr, self.type_of(node.annotation, "result"),
                                                               False, self.span(node))
        for name in setters:
            if name in attributes:
                a = attributes[name]
                attributes[name] = m.Attribute(a.name, a.type, False, a.span)
        init = self.function(init_defs, method=True) if init_defs else None
        methods = tuple(f for f in (self.function(d, method=True) for d in defs.values()) if f)
        return m.Class(cls.name, self._local_base(cls, "class"), init, methods, tuple(statics),
                       tuple(attributes.values()), self.span(cls), ast.get_docstring(cls) or "")

    def enum(self, cls: ast.ClassDef) -> m.Enum | None:
        """An enum whose members all have int (or all str) literal values; auto() counts from 1."""
        members: list[m.EnumMember] = []
        last = 0
        for stmt in self.body(cls.body):
            if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                continue
            name = stmt.targets[0].id
            if name.startswith("_"):
                continue
            v = stmt.value
            if isinstance(v, ast.Call) and self.qualname(v.func) == "enum.auto":
                last += 1
                members.append(m.EnumMember(name, last))
            elif isinstance(v, ast.Constant) and isinstance(v.value, (int, str)) and not isinstance(v.value, bool):
                members.append(m.EnumMember(name, v.value))
                if isinstance(v.value, int):
                    last = v.value
            else:
                self.warn(stmt, f"enum {cls.name}: member {name} has no literal value; "
                                f"{cls.name} falls back to *python.Object")
                self.scope.kinds[cls.name] = "class"
                return None
        kinds = {type(x.value) for x in members}
        if len(kinds) != 1:
            self.warn(cls, f"enum {cls.name}: members need values of one type (int or str); "
                           f"{cls.name} falls back to *python.Object")
            self.scope.kinds[cls.name] = "class"
            return None
        return m.Enum(cls.name, tuple(members), m.INT if kinds == {int} else m.STR, self.span(cls),
                      ast.get_docstring(cls) or "")

    def record(self, cls: ast.ClassDef) -> m.Record:
        """A TypedDict (``total=False`` and NotRequired fields are optional) or a dataclass."""
        typed_dict = not any(self.qualname(d.func if isinstance(d, ast.Call) else d) in _DATACLASS
                             for d in cls.decorator_list)
        total = True
        for kw in cls.keywords:
            if kw.arg == "total" and isinstance(kw.value, ast.Constant):
                total = bool(kw.value.value)
        fields: list[m.Field] = []
        for stmt in self.body(cls.body):
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                ann = stmt.annotation
                q = self.qualname(ann.value) if isinstance(ann, ast.Subscript) else None
                if q in ("typing.ClassVar",):
                    continue
                optional = (not total) or q in _NOT_REQUIRED
                fields.append(m.Field(stmt.target.id, self.type_of(ann, "result"), optional, self.span(stmt)))
        return m.Record(cls.name, tuple(fields), typed_dict, self.span(cls), ast.get_docstring(cls) or "")

    def protocol(self, cls: ast.ClassDef) -> m.Protocol:
        """A Protocol's public methods."""
        defs = [s for s in self.body(cls.body) if isinstance(s, ast.FunctionDef) and not s.name.startswith("_")]
        methods = tuple(f for f in (self.function([d], method=True) for d in defs) if f)
        return m.Protocol(cls.name, methods, self.span(cls), ast.get_docstring(cls) or "")

    def exception(self, cls: ast.ClassDef) -> m.ExceptionClass:
        """An exception class of the module."""
        return m.ExceptionClass(cls.name, self._local_base(cls, "exception"), self.span(cls),
                                ast.get_docstring(cls) or "", self.defined_in)


class _Unsupported(Exception):
    """An annotation with no Go type; caught where the fallback applies."""

    def __init__(self, node: ast.AST, message: str) -> None:
        super().__init__(message)
        self.node, self.message = node, message


_Item = TypeVar("_Item", m.Function, m.Class, m.Enum, m.Record, m.Protocol, m.ExceptionClass)


def _pick(items: tuple[_Item, ...], names: dict[str, str], rename: bool = False) -> tuple[_Item, ...]:
    """The items named in ``names`` (name -> public name), renamed when allowed."""
    out = []
    for item in items:
        public = names.get(item.name)
        if public is None or (public != item.name and not rename):
            continue
        out.append(replace(item, name=public) if public != item.name else item)
    return tuple(out)


def _select(mod: m.Module, names: dict[str, str]) -> m.Module:
    """The items of ``mod`` named in ``names`` (name -> public name). A function may be
    re-exported under another name; a type keeps its own (other items refer to it by it)."""
    types = {n for n, p in names.items() if n == p and n in mod.names}
    return m.Module(name=mod.name, source=mod.source, functions=_pick(mod.functions, names, rename=True),
                    classes=_pick(mod.classes, names), enums=_pick(mod.enums, names),
                    records=_pick(mod.records, names), protocols=_pick(mod.protocols, names),
                    exceptions=_pick(mod.exceptions, names),
                    names={n: k for n, k in mod.names.items() if n in types})


def _added(mine: tuple[_Item, ...], theirs: tuple[_Item, ...], local: set[str]) -> tuple[_Item, ...]:
    taken = local | {i.name for i in mine}
    return mine + tuple(i for i in theirs if i.name not in taken)


def _merge(own: m.Module, pulled: m.Module, local: set[str]) -> m.Module:
    """``own`` plus the items of ``pulled`` it does not define itself (its own win)."""
    names = dict(pulled.names)
    names.update(own.names)
    return m.Module(name=own.name, source=own.source, doc=own.doc, names=names,
                    functions=_added(own.functions, pulled.functions, local),
                    classes=_added(own.classes, pulled.classes, local),
                    enums=_added(own.enums, pulled.enums, local), records=_added(own.records, pulled.records, local),
                    protocols=_added(own.protocols, pulled.protocols, local),
                    exceptions=_added(own.exceptions, pulled.exceptions, local))
