"""Python objects implementing Go interfaces (see :mod:`bindc.typemap.interfaces`).

For every interface the module uses that Python objects may implement, the Go file gets a
proxy type ``bindcPy<Iface>`` whose methods call the Python object's methods through the
runtime, the stub a ``typing.Protocol`` class, and ``PyInit`` the same class (built from
Python source, so ``mod.Shape`` exists for annotations, subclassing and ``isinstance``).
"""

from __future__ import annotations

from bindc.emit.funcs import emit_python_call, go_func_head
from bindc.emit.printer import LinePrinter
from bindc.resolve import BoundModule
from bindc.stubmodel import Argument, Arguments, Class, Function, StubModule, render_module
from bindc.typemap.base import GoRefs, TypeMapping, c_string, go_string
from bindc.typemap.funcs import FuncMapping
from bindc.typemap.interfaces import InterfaceMapping, ProxyMethod, interfaces_in


def proxy_interfaces(module: BoundModule) -> list[InterfaceMapping]:
    """The distinct interfaces with proxies that ``module`` takes or returns, in source order."""
    found: dict[str, InterfaceMapping] = {}
    functions = list(module.functions) + [m for cls in module.classes for m in cls.methods]
    functions += [m for enum in module.values.enums for m in enum.methods]
    mappings: list[TypeMapping] = []
    for fn in functions:
        mappings += [bp.mapping for bp in fn.params] + [r.mapping for r in fn.results]
        if fn.variadic:
            mappings.append(fn.variadic.mapping)
    mappings += [f.mapping for cls in module.classes for f in cls.fields]
    for m in mappings:
        for iface in interfaces_in(m):
            if iface.proxy:
                found.setdefault(iface.go_type, iface)
    return list(found.values())


# --------------------------------------------------------------------------- C


def emit_c_method_tables(p: LinePrinter, module: BoundModule) -> None:
    """Each proxied interface's Python method names, as a file-static table (wrappers pass
    it to the runtime, which keeps the pointer for as long as a proxy lives)."""
    for iface in proxy_interfaces(module):
        names = ", ".join(c_string(m.py_name) for m in iface.proxy)
        p.P(f"static const char *const {iface.c_methods_var}[] = {{{names}}};")


# --------------------------------------------------------------------------- Go


def emit_go_proxies(p: LinePrinter, module: BoundModule, refs: GoRefs, reflect: str) -> None:
    """One proxy type, with a compile-time guard that it implements its interface, per
    interface; and their registration, so containers of the interfaces take Python objects."""
    ifaces = proxy_interfaces(module)
    if ifaces:
        p.P()
        p.P("// Proxies of interfaces inside slices and maps are made by the runtime's decoder.")
        p.P("func init() {")
        for iface in ifaces:
            go_iface = refs.type_syntax(iface.named)
            names = ", ".join(go_string(m.py_name) for m in iface.proxy)
            p.P(f"{refs.rt}.BindcRegisterProxy({reflect}.TypeFor[{go_iface}](), {go_string(iface.named.name)}, "
                f"[]string{{{names}}}, func(p {refs.rt}.BindcProxy) any {{ return {iface.proxy_type}{{p}} }})")
        p.P("}")
    for iface in ifaces:
        name = iface.proxy_type
        go_iface = refs.type_syntax(iface.named)
        p.P()
        p.P(f"// {name} is a Python object standing in for a {iface.named.name}: each method calls the")
        p.P(f"// object's Python method (see {refs.rt}.BindcProxy).")
        p.P(f"type {name} struct{{ {refs.rt}.BindcProxy }}")
        p.P()
        p.P(f"var _ {go_iface} = {name}{{}}")
        for m in iface.proxy:
            p.P()
            _emit_proxy_method(p, name, m, refs)


def _emit_proxy_method(p: LinePrinter, type_name: str, m: ProxyMethod, refs: GoRefs) -> None:
    func = m.func
    assert isinstance(func, FuncMapping)
    head, result_types = go_func_head(m.signature, refs)
    p.P(f"// {m.go_name} calls the Python method {m.py_name}().")
    p.P(f"func (v_self {type_name}) {m.go_name}{head} {{")
    names = f"v_self.BindcProxy, {go_string(m.go_name)}, {go_string(m.py_name)}"
    emit_python_call(p, func, result_types, lambda args: f"{refs.rt}.BindcProxyCall({names}, {args})",
                     lambda args: f"{refs.rt}.BindcProxyMust({names}, {args})")
    p.P("}")


# --------------------------------------------------------------------------- Python


def protocol_class(iface: InterfaceMapping, stub: StubModule | None) -> Class:
    """The ``typing.Protocol`` class for ``iface``: for the stub (recording its imports in
    ``stub``), or, with ``stub=None``, for the module to define at run time (no annotations,
    names qualified so the source needs nothing from the module's namespace)."""
    typing = "typing." if stub is None else ""
    if stub is not None:
        stub.need("typing", "Protocol")
        stub.need("typing", "runtime_checkable")
        for module_name, name in iface.stub_imports:
            stub.need(module_name, name)
    body: list[Function] = []
    for m in iface.proxy:
        if m.py_name == "__str__" and stub is None:
            continue  # every object has one; a Protocol's placeholder would return None
        if any(f.name == m.py_name for f in body):
            continue  # String and Error both are __str__
        func = m.func
        assert isinstance(func, FuncMapping)
        args = [Argument("self", "")]
        # Go passes what a result conversion builds (list[int]) and accepts back what a
        # parameter conversion takes (Sequence[int]): the variance a Protocol needs.
        args += [Argument(f"arg{i}", pm.py_annotation if stub is not None else "") for i, pm in enumerate(func.params)]
        if not func.results:
            returns = "None"
        elif len(func.results) == 1:
            returns = func.results[0].py_param_annotation
        else:
            returns = "tuple[" + ", ".join(r.py_param_annotation for r in func.results) + "]"
        doc = f"Implements Go {m.go_name}" + (" (a raised exception is its error result)." if func.returns_error else ".")
        body.append(Function(m.py_name, Arguments(posonly=tuple(args)), returns if stub is not None else "", doc))
    doc = iface.doc or f"A Python object implementing the Go interface {iface.named.name}."
    return Class(iface.py_name, (f"{typing}Protocol",), tuple(body), doc=doc,
                 decorators=(f"{typing}runtime_checkable",))


def protocol_source(module: BoundModule) -> str | None:
    """Python source defining every Protocol class at run time (run by ``PyInit``), or None."""
    ifaces = proxy_interfaces(module)
    if not ifaces:
        return None
    stub = StubModule(body=[protocol_class(i, None) for i in ifaces])
    return "import typing\n" + render_module(stub) + "del typing\n"
