"""Go functions that call Python: signatures, functional options, and bodies.

One :class:`CallSite` describes a generated function (a module function, constructor,
method, or static method); :func:`emit_call` prints it. Scalar, str and bytes arguments and
results go through ``bindcrt.TypedCall`` in one cgo crossing (``bindcrt.TypedFastCall`` for a
function of up to four int/float/bool arguments and a scalar or no result: the commonest call) (no WithGIL: the call takes the
GIL itself when needed). Anything needing Python objects (containers, callbacks, the
module's own types) is converted inside ``bindcrt.TypedGIL`` first, then passed borrowed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bindc.emit.printer import LinePrinter
from bindc.pygo import model as m
from bindc.pygo.names import Scope, exported, unexported
from bindc.ir import Span
from bindc.pygo.typemap import USER_OBJECT, GoMapping, TypeMap

#: Reports a warning at a position (the module emitter's ``warn``).
Warn = Callable[[Span | None, str], None]


@dataclass
class CallSite:
    """What one generated function calls and how it is named."""

    func: m.Function
    go_name: str
    target: str                    # Go: "call.Func(&pyAdd, %d)" or "call.Method(c.obj, \"incr\", %d)"
    op: str                        # Python name in messages: "mod.add()"
    receiver: str = ""             # "c *Counter" for methods
    option_prefix: str = ""        # "Add" -> AddOption, AddSep
    result: m.PyType | None = None  # overrides func.result (constructors)
    result_mapping: GoMapping | None = None
    doc: str = ""


@dataclass
class _Param:
    param: m.Param
    go: str              # Go name (a parameter, or the options field)
    mapping: GoMapping
    option: str = ""     # the option func's name, for optional parameters
    local: str = ""      # py<N>: the converted Python object, when not fast


def _result_call(rmap: GoMapping) -> str:
    """The fast call's result expression: an Any result is handed to users as *python.Object."""
    if rmap.go_type == USER_OBJECT:
        return f"bindcrt.TypedUser[python.Object](call.{rmap.result}())"
    return f"call.{rmap.result}()"


def _doc(p: LinePrinter, text: str) -> None:
    for line in text.strip().splitlines():
        p.P(("// " + line).rstrip())


def map_param_type(tm: TypeMap, t: m.PyType, sink_warn: Warn, where: Span | None) -> m.PyType:
    """``t``, or ANY (with a warning at ``where``) when it has no Go mapping as a parameter."""
    if t.kind == m.OPTIONAL and t.args[0].kind == m.CALLABLE:
        t = t.args[0]  # a nil Go func is None
    why = tm.unsupported(t, "param")
    if why:
        sink_warn(where, f"{why}; the parameter falls back to any")
        return m.PyType(m.ANY, why=why)
    return t


def map_result_type(tm: TypeMap, t: m.PyType, sink_warn: Warn, where: Span | None) -> m.PyType:
    """``t``, or ANY (with a warning) when it has no Go mapping as a result."""
    why = tm.unsupported(t, "result")
    if why:
        sink_warn(where, f"{why}; the result falls back to *python.Object")
        return m.PyType(m.ANY, why=why)
    return t


def callable_adapter(tm: TypeMap, t: m.PyType, value: str, indent: str = "") -> list[str]:
    """Go lines of an expression ``bindcrt.TypedNewFunc(...)`` calling the Go func ``value``."""
    params, result = t.args[:-1], t.args[-1]
    lines = ["bindcrt.TypedNewFunc(func(args []*bindcrt.Object) (any, error) {",
             f"\tif len(args) != {len(params)} {{",
             f"\t\treturn nil, bindcrt.TypedArgCount(args, {len(params)})",
             "\t}"]
    names = []
    for i, a in enumerate(params):
        mp = tm.mapping(a, result=True)
        lines += [f'\tx{i}, err := {mp.from_py}(args[{i}], "callback argument {i + 1}")',
                  "\tif err != nil {", "\t\treturn nil, err", "\t}"]
        names.append(f"x{i}")
    call = f"{value}({', '.join(names)})"
    if result.kind == m.NONE:
        lines.append(f"\treturn nil, {call}")
    else:
        mp = tm.mapping(result)
        lines += [f"\tr, err := {call}", "\tif err != nil {", "\t\treturn nil, err", "\t}"]
        if mp.borrowed:  # a class instance (nil: None) is passed as the object it wraps
            lines.append("\treturn bindcrt.FromGo(r.PyObject())")
        elif mp.to_py and not mp.to_py.startswith("bindcrt.FromGo"):
            lines.append("\treturn " + mp.to_py.replace("{v}", "r"))
        else:
            lines.append("\treturn r, nil")
    lines.append("})")
    return [indent + ln for ln in lines]


class CallEmitter:
    """Prints call sites of one module into ``p``; names come from the package scope."""

    def __init__(self, tm: TypeMap, scope: Scope, p: LinePrinter, warn: Warn, map_error: str) -> None:
        """``map_error`` names the module's exception mapper ("" when it defines no exceptions)."""
        self.tm, self.scope, self.p, self.warn, self.map_error = tm, scope, p, warn, map_error

    def wrap(self, expr: str) -> str:
        return f"{self.map_error}({expr})" if self.map_error else expr

    # ------------------------------------------------------------------ parameters

    def _params(self, site: CallSite) -> tuple[list[_Param], list[_Param]]:
        """Required and optional parameters, types mapped (unsupported ones fall back)."""
        required: list[_Param] = []
        optional: list[_Param] = []
        # Parameter names never shadow the receiver.
        local = Scope({site.receiver.split()[0]} if site.receiver else set())
        n = 0
        for prm in site.func.params:
            t = map_param_type(self.tm, prm.type, self.warn, prm.span)
            mp = self.tm.mapping(t)
            if t.kind == m.CALLABLE:
                mp = GoMapping(mp.go_type, to_py="")  # converted by callable_adapter
            entry = _Param(m.Param(prm.name, t, prm.kind, prm.default, prm.span), local.claim(unexported(prm.name)), mp)
            if not mp.fast:
                entry.local = f"py{n}"
                n += 1
            (required if prm.required else optional).append(entry)
        return required, optional

    def _options(self, site: CallSite, optional: list[_Param]) -> tuple[str, str]:
        """Declare the option type and funcs; return the option type's and the struct's names."""
        p = self.p
        opt_type = self.scope.claim(site.option_prefix + "Option")
        struct = self.scope.claim(unexported(site.option_prefix) + "Options")
        p.P(f"// {opt_type} is an optional argument of {site.go_name}: omitted, Python's default applies.")
        p.P(f"type {opt_type} func(*{struct})")
        p.P()
        p.P(f"type {struct} struct {{")
        with p.indent():
            for o in optional:
                p.P(f"{o.go} {o.mapping.go_type}")
                p.P(f"{o.go}Set bool")
        p.P("}")
        p.P()
        for o in optional:
            o.option = self.scope.claim(site.option_prefix + exported(o.param.name))
            p.P(f"// {o.option} passes {o.param.name} to {site.op} (Python's default: {o.param.default}).")
            p.P(f"func {o.option}(v {o.mapping.go_type}) {opt_type} {{")
            with p.indent():
                p.P(f"return func(o *{struct}) {{ o.{o.go}, o.{o.go}Set = v, true }}")
            p.P("}")
            p.P()
        return opt_type, struct

    # ------------------------------------------------------------------ the function

    def emit(self, site: CallSite) -> None:
        """Print the options (if any) and the function of one call site."""
        f = site.func
        if f.overloaded:
            self._emit_overloaded(site)
            return
        if f.varargs:
            self.warn(f.span, f"{f.name} takes *args or **kwargs; the Go function passes only its named parameters")
        required, optional = self._params(site)
        opt_type, struct = self._options(site, optional) if optional else ("", "")
        result_t = site.result or map_result_type(self.tm, f.result, self.warn, f.span)
        rmap = site.result_mapping
        results: list[str]
        if result_t.kind == m.NONE:
            results = []
        elif result_t.kind == m.TUPLE:
            results = [self.tm.mapping(t, result=True).go_type for t in result_t.args]
        else:
            rmap = rmap or self.tm.mapping(result_t, result=True)
            results = [rmap.go_type]
        sig = ", ".join(f"{r.go} {r.mapping.go_type}" for r in required)
        if opt_type:
            sig += (", " if sig else "") + f"opts ...{opt_type}"
        fast = all(x.mapping.fast for x in required + optional) and (
            result_t.kind == m.NONE or (rmap is not None and rmap.fast and site.result is None)) and \
            not any(x.param.kind == m.POSITIONAL_ONLY for x in optional)  # their check needs named results
        p = self.p
        if site.doc:
            _doc(p, site.doc)
        recv = f"({site.receiver}) " if site.receiver else ""
        if fast:
            ret = "error" if not results else f"({results[0]}, error)"
        else:
            named = [f"ret{i} {t}" for i, t in enumerate(results)]
            ret = f"({', '.join(named + ['err error'])})"
        p.P(f"func {recv}{site.go_name}({sig}) {ret} {{")
        with p.indent():
            if optional:
                p.P("var options " + struct)
                p.P("for _, opt := range opts {")
                p.P("\topt(&options)")
                p.P("}")
            if fast:
                self._pack(site, required, optional, _plain(site, required, optional, result_t, rmap))
                if not results:
                    p.P("return " + self.wrap("call.CallNone()"))
                else:
                    assert rmap is not None  # fast with a result: its one mapped result
                    if self.map_error:
                        p.P(f"ret, err := {_result_call(rmap)}")
                        p.P(f"return ret, {self.map_error}(err)")
                    else:
                        p.P(f"return {_result_call(rmap)}")
            else:
                p.P("err = bindcrt.TypedGIL(func() (err error) {")
                with p.indent():
                    self._convert(required, optional)
                    self._pack(site, required, optional)
                    self._slow_result(site, result_t, rmap)
                p.P("})")
                p.P("return " + ", ".join([f"ret{i}" for i in range(len(results))] + [self.wrap("err")]))
        p.P("}")
        p.P()

    def _convert(self, required: list[_Param], optional: list[_Param]) -> None:
        """Convert every non-fast argument to a Python object (owned, released at return)."""
        p = self.p
        for x in required + optional:
            if x.mapping.fast:
                continue
            value = x.go if x in required else f"options.{x.go}"
            if x.mapping.borrowed:
                continue
            p.P(f"var {x.local} *bindcrt.Object")
            guard = f"{value} != nil" if x.param.type.kind == m.CALLABLE else ""
            if x in optional:
                guard = f"options.{x.go}Set" + (f" && {guard}" if guard else "")
            if guard:
                p.P(f"if {guard} {{")
            with p.indent() if guard else _nothing():
                if x.param.type.kind == m.CALLABLE:
                    lines = callable_adapter(self.tm, x.param.type, value)
                    p.P(f"{x.local}, err = {lines[0]}")
                    for ln in lines[1:]:
                        p.P(ln)
                else:
                    p.P(f"{x.local}, err = {x.mapping.to_py.replace('{v}', value)}")
                p.P("if err != nil {")
                p.P('\treturn err')
                p.P("}")
                p.P(f"defer {x.local}.Release()")
            if guard:
                p.P("}")

    def _pack_value(self, x: _Param, value: str) -> None:
        p = self.p
        mp = x.mapping
        if mp.fast and mp.pack.startswith("?"):
            p.P(f"if {value} == nil {{")
            p.P("\tcall.None()")
            p.P("} else {")
            p.P(f"\tcall.{mp.pack[1:]}(*{value})")
            p.P("}")
        elif mp.fast:
            p.P(f"call.{mp.pack}({value})")
        elif mp.borrowed:
            p.P(f"call.Object(bindcrt.FromUser({value}.PyObject()))")
        else:
            p.P(f"call.Object({x.local})")

    def _pack(self, site: CallSite, required: list[_Param], optional: list[_Param], plain: bool = False) -> None:
        """Claim the call's buffer and pack positional, then keyword arguments (``plain``: a
        ``bindcrt.TypedFastCall``, see :func:`_plain`)."""
        p = self.p
        if plain:
            p.P("var call bindcrt.TypedFastCall")
            p.P(site.target.replace(", %d)", ")"))
            for x in required:
                p.P(f"call.{x.mapping.pack}({x.go})")
            return
        positional = [x for x in required if x.param.kind != m.KEYWORD_ONLY]
        opt_positional = [x for x in optional if x.param.kind == m.POSITIONAL_ONLY]
        keyword = [x for x in required if x.param.kind == m.KEYWORD_ONLY] + \
                  [x for x in optional if x.param.kind != m.POSITIONAL_ONLY]
        n = len(positional) + len(opt_positional) + 2 * len(keyword)
        if opt_positional:
            # Positional-only options fill positions in order: a later one needs the earlier ones.
            for prev, x in zip(opt_positional, opt_positional[1:]):
                p.P(f"if options.{x.go}Set && !options.{prev.go}Set {{")
                msg = f"{site.op}: option {x.option} needs {prev.option} (positional-only parameters)"
                p.P(f'\treturn errors.New("{msg}")')
                p.P("}")
        p.P("var call bindcrt.TypedCall")
        p.P(site.target % n)
        for x in positional:
            self._pack_value(x, x.go)
        for x in opt_positional:
            p.P(f"if options.{x.go}Set {{")
            with p.indent():
                self._pack_value(x, f"options.{x.go}")
            p.P("}")
        for x in keyword:
            value = x.go if x in required else f"options.{x.go}"
            if x in optional:
                p.P(f"if options.{x.go}Set {{")
            with p.indent() if x in optional else _nothing():
                p.P(f'call.Kw("{x.param.name}")')
                self._pack_value(x, value)
            if x in optional:
                p.P("}")

    def _slow_result(self, site: CallSite, result_t: m.PyType, rmap: GoMapping | None) -> None:
        p = self.p
        op = f'"{site.op} result"'
        if result_t.kind == m.NONE:
            p.P("return call.CallNone()")
            return
        if rmap is not None and rmap.fast and site.result is None:
            p.P(f"ret0, err = {_result_call(rmap)}")
            p.P("return err")
            return
        p.P("res, err := call.CallObject()")
        p.P("if err != nil {")
        p.P("\treturn err")
        p.P("}")
        if result_t.kind == m.TUPLE:
            n = len(result_t.args)
            p.P(f"items, err := bindcrt.TypedDecode[[]*bindcrt.Object](res, {op})")
            p.P("if err != nil {")
            p.P("\treturn err")
            p.P("}")
            p.P(f"if err := bindcrt.TypedTupleLen(items, {n}, {op}); err != nil {{")
            p.P("\treturn err")
            p.P("}")
            for i, t in enumerate(result_t.args):
                mp = self.tm.mapping(t, result=True)
                p.P(f'if ret{i}, err = {mp.from_py}(items[{i}], "{site.op} result[{i}]"); err != nil {{')
                p.P("\treturn err")
                p.P("}")
            p.P("return nil")
            return
        assert rmap is not None  # not a tuple: the single result's mapping
        p.P(f"ret0, err = {rmap.from_py}(res, {op})")
        p.P("return err")

    def _emit_overloaded(self, site: CallSite) -> None:
        p = self.p
        if site.doc:
            _doc(p, site.doc)
        p.P(f"// {site.go_name} is overloaded in Python, so it is untyped: args are converted as python.FromGo")
        p.P("// converts them, and the result is the Python object.")
        recv = f"({site.receiver}) " if site.receiver else ""
        p.P(f"func {recv}{site.go_name}(args ...any) (ret {USER_OBJECT}, err error) {{")
        with p.indent():
            p.P("err = bindcrt.TypedGIL(func() (err error) {")
            with p.indent():
                p.P("var call bindcrt.TypedCall")
                p.P(site.target.replace("%d", "len(args)"))
                p.P("for _, a := range args {")
                p.P("\tcall.Any(a)")
                p.P("}")
                p.P("ret, err = bindcrt.TypedUser[python.Object](call.CallObject())")
                p.P("return err")
            p.P("})")
            p.P("return ret, " + self.wrap("err"))
        p.P("}")
        p.P()


#: TypedFastCall's argument methods and results (the C entries take these by value).
_PLAIN_PACK = frozenset({"Int", "Float", "Bool"})
_PLAIN_RESULTS = frozenset({"CallInt", "CallFloat", "CallBool"})
_PLAIN_MAX_ARGS = 4  # PY4GO_TYPED_FAST_ARGS: one C entry per count 0..4


def _plain(site: CallSite, required: list[_Param], optional: list[_Param], result_t: m.PyType,
           rmap: GoMapping | None) -> bool:
    """Whether a fast call site takes ``bindcrt.TypedFastCall``: a function (not a method) with at
    most four required positional int/float/bool parameters and nothing optional, returning an
    int, float, bool or nothing. Everything else stays on ``bindcrt.TypedCall``."""
    if not site.target.startswith("call.Func(") or optional or len(required) > _PLAIN_MAX_ARGS:
        return False
    if any(x.param.kind == m.KEYWORD_ONLY or x.mapping.pack not in _PLAIN_PACK for x in required):
        return False
    if result_t.kind == m.NONE:
        return True
    return site.result is None and rmap is not None and rmap.result in _PLAIN_RESULTS


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
