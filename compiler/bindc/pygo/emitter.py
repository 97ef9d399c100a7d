"""Printing the Go file of one Python module (``bindc go``).

Declarations come out in a fixed order (exceptions, enums, records, protocols, classes,
functions), each from its model unit, with every identifier handed out by the package's
:class:`~.names.Scope`. Bodies of calls are printed by :mod:`.calls`.
"""

from __future__ import annotations

import re

from bindc.diagnostics import DiagnosticSink
from bindc.emit.printer import GENERATED_HEADER, LinePrinter
from bindc.ir import Span
from bindc.pygo import model as m
from bindc.pygo.calls import CallEmitter, CallSite, callable_adapter, map_param_type, map_result_type
from bindc.pygo.names import Scope, exported, unexported
from bindc.pygo.typemap import GoMapping, NamedInfo, TypeMap

# Exception type names that cannot be embedded: the field would hide a method of the
# *python.Exception inside (Error) or collide with that field (Exception).
_SHADOWING_BASES = frozenset({"Error", "Exception"})

# Method names go vet's stdmethods check holds to Go's own signatures (io.ByteReader,
# fmt.Formatter, ...); a Python method with such a name is bound as Py<Name>.
_STD_METHODS = frozenset({"Format", "GobDecode", "GobEncode", "MarshalJSON", "MarshalXML", "Peek", "ReadByte",
                          "ReadFrom", "ReadRune", "Scan", "Seek", "UnmarshalJSON", "UnmarshalXML", "UnreadByte",
                          "UnreadRune", "WriteByte", "WriteTo"})

RUNTIME_IMPORT = "github.com/py4go/py4go/runtime"  # package python: the types users see
BINDCRT_IMPORT = RUNTIME_IMPORT + "/bindcrt"      # the implementation generated code calls


def receiver_name(go_type: str) -> str:
    """Go's receiver convention: the type's initial, lower case (``c *Counter``); never a name
    the generated bodies use for something else."""
    r = go_type[0].lower()
    return "x" if r in ("v", "o", "e") else r


def _doc_lines(p: LinePrinter, first: str, doc: str) -> None:
    p.P("// " + first)
    if doc.strip():
        p.P("//")
        for line in doc.strip().splitlines():
            p.P(("// " + line).rstrip())


class ModuleEmitter:
    """Emits one module into a Go file of package ``package``."""

    def __init__(self, mod: m.Module, package: str, scope: Scope, sink: DiagnosticSink, package_doc: bool) -> None:
        self.mod, self.package, self.scope, self.sink, self.package_doc = mod, package, scope, sink, package_doc
        self.p = LinePrinter(indent="\t")
        self.named: dict[str, NamedInfo] = {}
        self.exc_names: dict[str, str] = {}
        self.targets: list[tuple[str, str]] = []  # (Go var, Python attribute path)
        self._plan()
        self.tm = TypeMap(self.named)
        self.map_error = scope.claim("mapError") if mod.exceptions else ""
        self.calls = CallEmitter(self.tm, scope, self.p, self.warn, map_error=self.map_error)

    def warn(self, span: Span | None, message: str) -> None:
        self.sink.warning(message, span)

    def _plan(self) -> None:
        """Name every type of the module before anything is printed (types refer to each other)."""
        for e in self.mod.exceptions:
            self.exc_names[e.name] = self.scope.claim(exported(e.name))
        for kind, items in (("enum", self.mod.enums), ("record", self.mod.records),
                            ("protocol", self.mod.protocols), ("class", self.mod.classes)):
            for it in items:
                go = self.scope.claim(exported(it.name))
                low = unexported(it.name).rstrip("_")
                self.named[it.name] = NamedInfo(kind, go, self.scope.claim(low + "ToPy"),
                                                self.scope.claim(low + "FromPy"))

    def target(self, path: str) -> str:
        """The ``bindcrt.TypedFunc`` variable for the module attribute ``path``."""
        var = self.scope.claim("py" + "".join(exported(part) for part in path.split(".")))
        self.targets.append((var, path))
        return var

    def op(self, path: str) -> str:
        return f"{self.mod.name}.{path}()"

    # ------------------------------------------------------------------ file

    def emit(self) -> str:
        """The whole Go file."""
        body = self.p
        self.exceptions()
        for e in self.mod.enums:
            self.enum(e)
        for r in self.mod.records:
            self.record(r)
        for pr in self.mod.protocols:
            self.protocol(pr)
        for c in self.mod.classes:
            self.cls(c)
        for f in self.mod.functions:
            go = self.scope.claim(exported(f.name))
            var = self.target(f.name)
            self.calls.emit(CallSite(f, go, f'call.Func(&{var}, %d)', self.op(f.name), option_prefix=go,
                                     doc=self._func_doc(go, f)))
        text = body.text()
        head = LinePrinter(indent="\t")
        head.P(GENERATED_HEADER)
        head.P(f"// Source: {self.mod.source}")
        head.P()
        if self.package_doc:
            head.P(f"// Package {self.package} calls the Python module {self.mod.name} through typed wrappers")
            head.P("// that bindc generated from its signatures. Every function takes the GIL itself when the")
            head.P("// calling goroutine does not hold it; inside python.WithGIL calls are cheapest.")
        head.P(f"package {self.package}")
        head.P()
        head.P("import (")
        code = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("//"))  # not docs
        std = []
        if re.search(r"(?<![\w.])errors\.(As|Is|New|Join|Unwrap)\(", code):
            std.append("errors")
        if re.search(r"(?<![\w.])time\.(Time|Duration)\b", code):  # datetime, timedelta
            std.append("time")
        for name in std:
            head.P(f'\t"{name}"')
        if std:
            head.P()
        # Linked either way: package python's init makes objects the runtime puts into an any
        # (an element of a list[Any] result) *python.Object.
        uses_python = re.search(r"(?<![\w.])python\.", code)
        head.P(f'\t{"python" if uses_python else "_"} "{RUNTIME_IMPORT}"')
        head.P(f'\t"{BINDCRT_IMPORT}"')
        head.P(")")
        head.P()
        head.P("// Fails to compile against a runtime with another revision of the typed-call API.")
        head.P("const _ = bindcrt.TypedVersion1")
        head.P()
        if self.targets:
            head.P(f"// The attributes of {self.mod.name} called below, imported on first use.")
            head.P("var (")
            for var, path in self.targets:
                head.P(f'\t{var} = bindcrt.TypedFunc{{Module: "{self.mod.name}", Name: "{path}"}}')
            head.P(")")
            head.P()
        return head.text() + text

    def _func_doc(self, go: str, f: m.Function) -> str:
        params = ", ".join(p.name + ("=" + p.default if p.default is not None else "") for p in f.params)
        doc = f"{go} calls {self.mod.name}.{f.name}({params})."
        if f.doc.strip():
            doc += "\n\n" + f.doc.strip()
        return doc

    # ------------------------------------------------------------------ exceptions

    def exceptions(self) -> None:
        p = self.p
        if not self.mod.exceptions:
            return
        by_name = {e.name: e for e in self.mod.exceptions}
        for e in self.mod.exceptions:
            go = self.exc_names[e.name]
            _doc_lines(p, f"{go} is the Python exception {self.mod.name}.{e.name}; errors.As finds it, and the "
                          "*python.Exception inside it.", e.doc)
            if e.base and self.exc_names[e.base] in _SHADOWING_BASES:
                # Embedding *Error would make a field Error hide the Error method: the base
                # is kept in a named field instead (errors.As still finds it through Unwrap).
                base = self.exc_names[e.base]
                p.P(f"type {go} struct {{")
                p.P("\t*python.Exception")
                p.P(f"\tbase *{base}")
                p.P("}")
                p.P()
                p.P(f"// Unwrap returns the {base} this exception class derives from.")
                p.P(f"func (e *{go}) Unwrap() error {{ return e.base }}")
            elif e.base:
                base = self.exc_names[e.base]
                p.P(f"type {go} struct{{ *{base} }}")
                p.P()
                p.P(f"// Unwrap returns the {base} this exception class derives from.")
                p.P(f"func (e *{go}) Unwrap() error {{ return e.{base} }}")
            else:
                p.P(f"type {go} struct{{ *python.Exception }}")
                p.P()
                p.P("// Unwrap returns the Python exception.")
                p.P(f"func (e *{go}) Unwrap() error {{ return e.Exception }}")
            p.P()

        def literal(name: str) -> str:
            e = by_name[name]
            if e.base and self.exc_names[e.base] in _SHADOWING_BASES:
                return f"&{self.exc_names[name]}{{exc, {literal(e.base)}}}"
            inner = literal(e.base) if e.base else "exc"
            return f"&{self.exc_names[name]}{{{inner}}}"

        prefix = "" if self.mod.name == "__main__" else self.mod.name + "."
        p.P(f"// {self.map_error} gives a Python exception of this module's classes its Go type.")
        p.P(f"func {self.map_error}(err error) error {{")
        with p.indent():
            p.P("var exc *python.Exception")
            p.P("if err == nil || !errors.As(err, &exc) {")
            p.P("\treturn err")
            p.P("}")
            p.P("switch exc.Type {")
            for e in self.mod.exceptions:
                # A re-exported class is matched by the module that defines it too (its
                # __module__, which traceback prints) and by the public one (some packages
                # set __module__ to it).
                names = [f"{prefix}{e.name}"] + ([f"{e.defined_in}.{e.name}"] if e.defined_in else [])
                p.P("case " + ", ".join(f'"{n}"' for n in names) + ":")
                p.P(f"\treturn {literal(e.name)}")
            p.P("}")
            p.P("return err")
        p.P("}")
        p.P()

    # ------------------------------------------------------------------ enums

    def enum(self, e: m.Enum) -> None:
        p, info = self.p, self.named[e.name]
        go = info.go_name
        base = "int" if e.value_type == m.INT else "string"
        _doc_lines(p, f"{go} is the enum {self.mod.name}.{e.name}.", e.doc)
        p.P(f"type {go} {base}")
        p.P()
        p.P(f"// The members of {e.name}.")
        p.P("const (")
        consts = []
        for mem in e.members:
            const = self.scope.claim(go + exported(mem.name.lower()))
            consts.append((const, mem))
            value = mem.value if isinstance(mem.value, int) else '"' + mem.value.replace('"', '\\"') + '"'
            p.P(f"\t{const} {go} = {value}")
        p.P(")")
        p.P()
        p.P(f"// String returns the member's Python name.")
        p.P(f"func (v {go}) String() string {{")
        with p.indent():
            p.P("switch v {")
            seen = set()
            for const, mem in consts:
                if mem.value in seen:
                    continue  # an alias: Python names the first member
                seen.add(mem.value)
                p.P(f"case {const}:")
                p.P(f'\treturn "{mem.name}"')
            p.P("}")
            p.P(f'return "{e.name}(" + ' + ("fmtInt(int(v))" if base == "int" else "string(v)") + ' + ")"')
        p.P("}")
        p.P()
        var = self.target(e.name)
        pack = "c.Int(int(v))" if base == "int" else "c.Str(string(v))"
        p.P(f"func {info.to_py}(v {go}) (*bindcrt.Object, error) {{")
        with p.indent():
            p.P("var c bindcrt.TypedCall")
            p.P(f"c.Func(&{var}, 1)")
            p.P(pack)
            p.P("return c.CallObject()")
        p.P("}")
        p.P()
        attr = "TypedAttrInt" if base == "int" else "TypedAttrStr"
        p.P(f"func {info.from_py}(o *bindcrt.Object, op string) ({go}, error) {{")
        with p.indent():
            p.P("defer o.Release()")
            p.P(f'v, err := bindcrt.{attr}(o, "value")')
            p.P(f"return {go}(v), err")
        p.P("}")
        p.P()
        if base == "int" and "fmtInt" not in self.scope:
            self.scope.claim("fmtInt")
            p.P("func fmtInt(v int) string {")
            with p.indent():
                p.P("if v < 0 {")
                p.P('\treturn "-" + fmtInt(-v)')
                p.P("}")
                p.P("if v < 10 {")
                p.P('\treturn string(rune(\'0\' + v))')
                p.P("}")
                p.P("return fmtInt(v/10) + fmtInt(v%10)")
            p.P("}")
            p.P()

    # ------------------------------------------------------------------ records

    def _field_type(self, f: m.Field) -> tuple[m.PyType, GoMapping]:
        t = f.type
        why = self.tm.unsupported(t, "element") or (
            "a callable field" if t.kind in (m.CALLABLE, m.ITER, m.TUPLE) else None)
        if why:
            self.warn(f.span, f"{why}; the field falls back to *python.Object")
            t = m.PyType(m.ANY, why=why)
        if f.optional and t.kind not in (m.OPTIONAL, m.ANY):
            t = m.PyType(m.OPTIONAL, (t,))
        return t, self.tm.mapping(t, result=True)

    def record(self, r: m.Record) -> None:
        p, info = self.p, self.named[r.name]
        go = info.go_name
        what = "TypedDict" if r.typed_dict else "dataclass"
        _doc_lines(p, f"{go} is the {what} {self.mod.name}.{r.name}, as a Go value.", r.doc)
        fields = []
        fscope = Scope()
        p.P(f"type {go} struct {{")
        for f in r.fields:
            t, mp = self._field_type(f)
            name = fscope.claim(exported(f.name))
            fields.append((f, t, mp, name))
            p.P(f"\t{name} {mp.go_type}")
        p.P("}")
        p.P()
        # Go -> Python
        p.P(f"func {info.to_py}(v {go}) (ret *bindcrt.Object, err error) {{")
        with p.indent():
            if r.typed_dict:
                p.P(f"d := make(map[string]any, {len(fields)})")
            objs = []
            for i, (f, t, mp, name) in enumerate(fields):
                value = f"v.{name}"
                optional = f.optional and t.kind == m.OPTIONAL
                if optional:
                    p.P(f"if {value} != nil {{")
                with p.indent() if optional else _Null():
                    conv = (mp.to_py or "bindcrt.FromGo({v})").replace("{v}", value)
                    if mp.borrowed:
                        conv = f"bindcrt.FromGo({value}.PyObject())"
                    p.P(f"f{i}, err := {conv}")
                    p.P("if err != nil {")
                    p.P("\treturn nil, err")
                    p.P("}")
                    p.P(f"defer f{i}.Release()")
                    if r.typed_dict:
                        p.P(f'd["{f.name}"] = f{i}')
                if optional:
                    p.P("}")
                objs.append((f, i, optional))
            if r.typed_dict:
                p.P("return bindcrt.FromGo(d)")
            else:
                var = self.target(r.name)
                p.P("var c bindcrt.TypedCall")
                p.P(f"c.Func(&{var}, {2 * len(fields)})")
                for f, i, optional in objs:
                    p.P(f'c.Kw("{f.name}")')
                    p.P(f"c.Object(f{i})")
                p.P("return c.CallObject()")
        p.P("}")
        p.P()
        # Python -> Go
        p.P(f"func {info.from_py}(o *bindcrt.Object, op string) (v {go}, err error) {{")
        with p.indent():
            if r.typed_dict:
                p.P("items, err := bindcrt.TypedDecode[map[string]*bindcrt.Object](o, op)")
                p.P("if err != nil {")
                p.P("\treturn v, err")
                p.P("}")
                p.P("defer func() {")
                p.P("\tfor _, it := range items {")
                p.P("\t\tit.Release()")
                p.P("\t}")
                p.P("}()")
            else:
                p.P("defer o.Release()")
            for f, t, mp, name in fields:
                if r.typed_dict:
                    p.P(f'if it, ok := items["{f.name}"]; ok {{')
                    p.P(f'\tdelete(items, "{f.name}")')
                    p.P(f'\tif v.{name}, err = {mp.from_py}(it, op+"[{f.name!r}]"); err != nil {{'.replace("'", '\\"'))
                    p.P("\t\treturn v, err")
                    p.P("\t}")
                    if not f.optional:
                        p.P("} else {")
                        p.P(f'\treturn v, errors.New(op + ": missing key \\"{f.name}\\"")')
                    p.P("}")
                else:
                    p.P(f'a, err := bindcrt.TypedAttrObject(o, "{f.name}")' if f is fields[0][0]
                        else f'a, err = bindcrt.TypedAttrObject(o, "{f.name}")')
                    p.P("if err != nil {")
                    p.P("\treturn v, err")
                    p.P("}")
                    p.P(f'if v.{name}, err = {mp.from_py}(a, op+".{f.name}"); err != nil {{')
                    p.P("\treturn v, err")
                    p.P("}")
            p.P("return v, nil")
        p.P("}")
        p.P()

    # ------------------------------------------------------------------ protocols

    def protocol(self, pr: m.Protocol) -> None:
        p, info = self.p, self.named[pr.name]
        go = info.go_name
        impl = self.scope.claim(unexported(pr.name).rstrip("_") + "Object")
        methods = []
        mscope = Scope({"PyObject"})
        for f in pr.methods:
            if f.overloaded:
                self.warn(f.span, f"{pr.name}.{f.name} is overloaded; not part of the Go interface")
                continue
            params = [(prm, map_param_type(self.tm, prm.type, self.warn, prm.span)) for prm in f.params]
            params = [(prm, t if t.kind != m.CALLABLE else m.PyType(m.ANY, why="callable")) for prm, t in params]
            result = map_result_type(self.tm, f.result, self.warn, f.span)
            if result.kind in (m.TUPLE, m.ITER):
                self.warn(f.span, f"{pr.name}.{f.name}: a protocol method returns one value; falls back to *python.Object")
                result = m.PyType(m.ANY)
            methods.append((f, mscope.claim(exported(f.name)), params, result))
        _doc_lines(p, f"{go} is the Protocol {self.mod.name}.{pr.name}: a Python object with these methods, or a Go "
                      "value Python can call them on.", pr.doc)
        p.P(f"type {go} interface {{")
        sigs = {}
        for f, name, params, result in methods:
            args = ", ".join(f"{unexported(prm.name)} {self.tm.mapping(t).go_type}" for prm, t in params)
            res = "error" if result.kind == m.NONE else f"({self.tm.mapping(result, result=True).go_type}, error)"
            sigs[name] = (args, res)
            p.P(f"\t{name}({args}) {res}")
        p.P("}")
        p.P()
        p.P(f"// {impl} is a Python object seen as a {go}.")
        p.P(f"type {impl} struct{{ obj *bindcrt.Object }}")
        p.P()
        p.P("// PyObject returns the Python object (borrowed).")
        p.P(f"func (x *{impl}) PyObject() *python.Object {{ return bindcrt.ToUser[python.Object](x.obj) }}")
        p.P()
        for f, name, params, result in methods:
            fn = m.Function(f.name, tuple(m.Param(prm.name, t, m.POSITIONAL_ONLY, None, prm.span) for prm, t in params),
                            result, f.span)
            self.calls.emit(CallSite(fn, name, f'call.Method(x.obj, "{f.name}", %d)', f"{pr.name}.{f.name}()",
                                     receiver=f"x *{impl}", option_prefix=go + name))
        p.P(f"func {info.from_py}(o *bindcrt.Object, op string) ({go}, error) {{")
        p.P("\tif bindcrt.TypedIsNone(o) {")
        p.P("\t\to.Release()")
        p.P("\t\treturn nil, nil")
        p.P("\t}")
        p.P(f"\treturn &{impl}{{obj: o}}, nil")
        p.P("}")
        p.P()
        p.P(f"func {info.to_py}(v {go}) (*bindcrt.Object, error) {{")
        with p.indent():
            p.P("if v == nil {")
            p.P("\treturn bindcrt.FromGo(nil)")
            p.P("}")
            p.P("if w, ok := v.(interface{ PyObject() *python.Object }); ok {")
            p.P("\treturn bindcrt.FromGo(w.PyObject())")
            p.P("}")
            p.P(f"attrs := make([]*bindcrt.Object, 0, {len(methods)})")
            p.P("defer func() {")
            p.P("\tfor _, a := range attrs {")
            p.P("\t\ta.Release()")
            p.P("\t}")
            p.P("}()")
            for f, name, params, result in methods:
                t = m.PyType(m.CALLABLE, (*[tt for _, tt in params], result))
                lines = callable_adapter(self.tm, t, f"v.{name}")
                p.P(f"m{name}, err := {lines[0]}")
                for ln in lines[1:]:
                    p.P(ln)
                p.P("if err != nil {")
                p.P("\treturn nil, err")
                p.P("}")
                p.P(f"attrs = append(attrs, m{name})")
            names = ", ".join(f'"{f.name}"' for f, *_ in methods)
            p.P(f"return bindcrt.TypedNamespace([]string{{{names}}}, attrs)")
        p.P("}")
        p.P()

    # ------------------------------------------------------------------ classes

    def _wrap_literal(self, c: m.Class, obj: str) -> str:
        by_name = {k.name: k for k in self.mod.classes}
        go = self.named[c.name].go_name
        if c.base and c.base in by_name:
            base = self.named[c.base].go_name
            inner = self._wrap_literal(by_name[c.base], obj)[1:]  # without the &
            return f"&{go}{{{base}: {inner}}}"
        return f"&{go}{{obj: {obj}}}"

    def cls(self, c: m.Class) -> None:
        p, info = self.p, self.named[c.name]
        go = info.go_name
        r = receiver_name(go)
        by_name = {k.name: k for k in self.mod.classes}
        base = c.base if c.base in by_name else None
        _doc_lines(p, f"{go} wraps an instance of the Python class {self.mod.name}.{c.name}. Close releases it "
                      "(a finalizer does, eventually, if you forget).", c.doc)
        if base:
            p.P(f"type {go} struct {{")
            p.P(f"\t{self.named[base].go_name}")
            p.P("}")
        else:
            p.P(f"type {go} struct {{")
            p.P("\tobj *bindcrt.Object")
            p.P("}")
        p.P()
        if not base:
            p.P("// PyObject returns the Python instance (borrowed; nil for a nil receiver).")
            p.P(f"func ({r} *{go}) PyObject() *python.Object {{")
            p.P(f"\tif {r} == nil {{")
            p.P("\t\treturn nil")
            p.P("\t}")
            p.P(f"\treturn bindcrt.ToUser[python.Object]({r}.obj)")
            p.P("}")
            p.P()
            p.P("// Close releases the Python instance; x must not be used afterwards.")
            p.P(f"func ({r} *{go}) Close() {{ {r}.obj.Release() }}")
            p.P()
        p.P(f"func {info.from_py}(o *bindcrt.Object, op string) (*{go}, error) {{")
        p.P("\tif bindcrt.TypedIsNone(o) {")
        p.P("\t\to.Release()")
        p.P("\t\treturn nil, nil")
        p.P("\t}")
        p.P(f"\treturn {self._wrap_literal(c, 'o')}, nil")
        p.P("}")
        p.P()
        var = self.target(c.name)
        init = c.init
        k = c
        while init is None and k.base in by_name:  # inherited __init__
            k = by_name[k.base]
            init = k.init
        init = init or m.Function("__init__", (), m.PyType(m.NONE), c.span)
        ctor = self.scope.claim("New" + go)
        self.calls.emit(CallSite(init, ctor, f"call.Func(&{var}, %d)", self.op(c.name), option_prefix=go,
                                 result=m.PyType(m.NAMED, name=c.name),
                                 result_mapping=GoMapping("*" + go, from_py=info.from_py),
                                 doc=f"{ctor} creates a {self.mod.name}.{c.name}."))
        # A method may not take the name of the embedded base (datetime.date() on Datetime).
        mscope = Scope({"PyObject", "Close", "obj"} | ({self.named[base].go_name} if base else set()))
        for f in c.methods:
            wanted = exported(f.name)
            if base and wanted == self.named[base].go_name:
                wanted = "Get" + wanted  # the base's field has the name: datetime.date() is GetDate
            elif wanted in _STD_METHODS:
                wanted = "Py" + wanted  # go vet requires Go's signature for these: mmap.read_byte()
            name = mscope.claim(wanted)
            self.calls.emit(CallSite(f, name, f'call.Method({r}.obj, "{f.name}", %d)', f"{c.name}.{f.name}()",
                                     receiver=f"{r} *{go}", option_prefix=go + name,
                                     doc=f"{name} calls {c.name}.{f.name}." + ("\n\n" + f.doc if f.doc else "")))
        for f in c.statics:
            name = self.scope.claim(go + exported(f.name))
            fvar = self.target(f"{c.name}.{f.name}")
            self.calls.emit(CallSite(f, name, f"call.Func(&{fvar}, %d)", self.op(f"{c.name}.{f.name}"),
                                     option_prefix=name, doc=f"{name} calls {c.name}.{f.name}."))
        for a in c.attributes:
            self.attribute(c, go, a, mscope)

    def attribute(self, c: m.Class, go: str, a: m.Attribute, mscope: Scope) -> None:
        p = self.p
        t = a.type
        why = self.tm.unsupported(t, "result")
        if not why and t.kind == m.TUPLE:
            why = f"`{t}`: a fixed-size tuple is a Go result list, not one value"
        if why or t.kind in (m.NONE, m.CALLABLE):
            self.warn(a.span, f"{why or 'unsupported attribute type'}; attribute {c.name}.{a.name} falls back to "
                              "*python.Object")
            t = m.PyType(m.ANY)
        mp = self.tm.mapping(t, result=True)
        r = receiver_name(go)
        getter = mscope.claim(exported(a.name))
        wrap = self.calls.wrap
        p.P(f"// {getter} reads {c.name}.{a.name}.")
        fast = {m.INT: "TypedAttrInt", m.FLOAT: "TypedAttrFloat", m.BOOL: "TypedAttrBool", m.STR: "TypedAttrStr"}
        if t.kind in fast:
            p.P(f"func ({r} *{go}) {getter}() ({mp.go_type}, error) {{")
            if self.calls.map_error:
                p.P(f'\tv, err := bindcrt.{fast[t.kind]}({r}.obj, "{a.name}")')
                p.P(f"\treturn v, {self.map_error}(err)")
            else:
                p.P(f'\treturn bindcrt.{fast[t.kind]}({r}.obj, "{a.name}")')
            p.P("}")
        else:
            p.P(f"func ({r} *{go}) {getter}() (ret {mp.go_type}, err error) {{")
            with p.indent():
                p.P("err = bindcrt.TypedGIL(func() error {")
                p.P(f'\to, err := bindcrt.TypedAttrObject({r}.obj, "{a.name}")')
                p.P("\tif err != nil {")
                p.P("\t\treturn err")
                p.P("\t}")
                p.P(f'\tret, err = {mp.from_py}(o, "{c.name}.{a.name}")')
                p.P("\treturn err")
                p.P("})")
                p.P(f"return ret, {wrap('err')}")
            p.P("}")
        p.P()
        if a.readonly or t.kind in (m.TUPLE, m.ITER):
            return
        setter = mscope.claim("Set" + exported(a.name))
        pm = self.tm.mapping(t)  # as a value going to Python
        p.P(f"// {setter} assigns {c.name}.{a.name}.")
        p.P(f"func ({r} *{go}) {setter}(v {pm.go_type}) error {{")
        with p.indent():
            p.P("return " + (f"{self.map_error}(" if self.map_error else "") + "bindcrt.TypedGIL(func() error {")
            with p.indent():
                if pm.borrowed:
                    p.P(f'return {r}.obj.SetAttr("{a.name}", v.PyObject())')
                else:
                    p.P(f"o, err := {(pm.to_py or 'bindcrt.FromGo({v})').replace('{v}', 'v')}")
                    p.P("if err != nil {")
                    p.P("\treturn err")
                    p.P("}")
                    p.P("defer o.Release()")
                    p.P(f'return {r}.obj.SetAttr("{a.name}", o)')
            p.P("})" + (")" if self.calls.map_error else ""))
        p.P("}")
        p.P()


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
