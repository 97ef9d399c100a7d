"""Go interface types with methods <-> bound instances, or Python objects with the methods.

A parameter of interface type accepts an instance of any bound class (or of a Python
subclass); the Go side checks that its Go type implements the interface and raises TypeError
naming the function otherwise. ``None`` is the nil interface. A result comes back as an
instance of its dynamic type's class (a value is copied, a pointer shared), ``None`` for nil.

When every method's signature can cross like a callback's (see :mod:`bindc.typemap.funcs`),
any Python object with those methods is accepted too: the wrapper checks that each method is
a callable attribute, and the Go function gets a generated *proxy* (``bindcPy<Iface>``,
emitted by :mod:`bindc.emit.proxies`) whose methods call the Python ones: Go ``Area`` calls
Python ``area``; ``String() string`` and ``Error() string`` call ``__str__``, as bound classes
map them. A proxy returned to Python is the original object again. The stub then names the
interface as a ``typing.Protocol`` class, which the module also defines at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.capi import CSignature
from bindc.ir import FuncType, GoType, InterfaceMethod, InterfaceType, NamedType, Param, SliceType
from bindc.naming import STR_METHODS, python_safe, snake_case
from bindc.typemap.base import ArgSite, GoRefs, NewReferenceResult, TypeMapping, c_string, go_string
from bindc.typemap.classes import CLASSES_KEY
from bindc.typemap.env import TypeEnv

#: env.extra key: True when the output goes into the bound package (unexported methods are
#: then implementable by a generated proxy).
IN_PACKAGE_KEY = "in_package"

def _method(name: str, params: tuple[str, ...], results: tuple[str, ...]) -> InterfaceMethod:
    """An interface method whose parameter and result types are predeclared (``[]byte`` too)."""
    def typ(t: str) -> GoType:
        return SliceType(NamedType(t[2:])) if t.startswith("[]") else NamedType(t)
    return InterfaceMethod(name, FuncType(tuple(Param(None, typ(t)) for t in params),
                                          tuple(Param(None, typ(t)) for t in results)))


_WRITE = _method("Write", ("[]byte",), ("int", "error"))
_CLOSE = _method("Close", (), ("error",))
#: Methods of interfaces from other packages that bindc knows, by import path and name: they
#: may be embedded, and taken as parameters (a Python object with the methods gets a proxy).
#: Only interfaces whose methods a Python object can honour through copies of the
#: arguments: io.Writer yes (the bytes are read), io.Reader no (it would fill a copy).
_KNOWN_INTERFACES: dict[tuple[str, str], tuple[InterfaceMethod, ...]] = {
    ("fmt", "Stringer"): (_method("String", (), ("string",)),),
    ("io", "Writer"): (_WRITE,),
    ("io", "StringWriter"): (_method("WriteString", ("string",), ("int", "error")),),
    ("io", "Closer"): (_CLOSE,),
    ("io", "WriteCloser"): (_WRITE, _CLOSE),
    # encoding's marshaler pairs: published packages take them, return them and define their
    # own names from them (toml's ``type TextMarshaler encoding.TextMarshaler``).
    ("encoding", "TextMarshaler"): (_method("MarshalText", (), ("[]byte", "error")),),
    ("encoding", "TextUnmarshaler"): (_method("UnmarshalText", ("[]byte",), ("error",)),),
    ("encoding", "BinaryMarshaler"): (_method("MarshalBinary", (), ("[]byte", "error")),),
    ("encoding", "BinaryUnmarshaler"): (_method("UnmarshalBinary", ("[]byte",), ("error",)),),
    # Embedded by container/heap's Interface (and by many packages' own collections): a Python
    # object with len/less/swap methods is one.
    ("sort", "Interface"): (_method("Len", (), ("int",)), _method("Less", ("int", "int"), ("bool",)),
                            _method("Swap", ("int", "int"), ())),
}
_ERROR_METHODS = (InterfaceMethod("Error", FuncType((), (Param(None, NamedType("string")),))),)


@dataclass(frozen=True)
class ProxyMethod:
    """One method of a proxiable interface: its Go name and signature, the Python method it
    calls, and the callback mapping of its signature (conversions and the error result)."""

    go_name: str
    py_name: str
    signature: FuncType
    func: TypeMapping  # a FuncMapping (typed loosely: funcs imports this module's registry)


@dataclass(frozen=True)
class InterfaceMapping(NewReferenceResult):
    """A named interface type of the bound package that has methods.

    ``proxy`` lists the methods a Python object must have when Python objects may implement
    the interface; it is empty when they may not, and ``no_proxy_reason`` says why (the
    resolver warns with it). ``doc`` is the interface's doc comment (the Protocol's docstring).
    """

    named: NamedType = NamedType("")
    proxy: tuple[ProxyMethod, ...] = ()
    no_proxy_reason: str = ""
    doc: str = ""
    #: The Protocol class's Python name when it is not the Go type's (``io_Writer`` in a
    #: package declaring its own ``Writer``).
    protocol_name: str = ""

    @property
    def py_name(self) -> str:
        """The Protocol class's name in the module and the stub."""
        return self.protocol_name or self.named.name

    @property
    def proxy_type(self) -> str:
        """The generated Go type standing in for the interface (``bindcPyShape``,
        ``bindcPy_io_Writer`` for a known interface of another package)."""
        return f"bindcPy{self._ident}"

    @property
    def c_methods_var(self) -> str:
        """The C file's static table of the Python method names. It must outlive the call:
        the runtime keeps the pointer for a proxy's error messages, and a proxy may be
        stored by Go and called long after the wrapper returned."""
        return f"bindc_iface_{self._ident}_methods"

    @property
    def _ident(self) -> str:
        pkg = self.named.package
        return f"_{pkg}_{self.named.name}" if pkg else self.named.name

    @property
    def c_zero(self) -> str:
        return "{0}" if self.proxy else "0"

    @property
    def stub_imports(self) -> tuple[tuple[str, str], ...]:
        imports: set[tuple[str, str]] = set()
        for m in self.proxy:
            imports.update(m.func.stub_imports)
        imports.discard(("collections.abc", "Callable"))
        return tuple(sorted(imports))

    def c_arg_convert(self, obj: str, target: str, site: ArgSite) -> str:
        if self.proxy:
            return (f"py4go_bind_iface_arg({obj}, {c_string(site.fn)}, {site.pos}, {c_string(self.named.name)}, "
                    f"{self.c_methods_var}, {len(self.proxy)}, {target})")
        expected = c_string(f"an object implementing {self.named.go_syntax()} or None")
        return f"py4go_bind_any_instance_arg({obj}, {c_string(site.fn)}, {site.pos}, {expected}, 1, {target})"

    def go_arg_value(self, c_expr: str, refs: GoRefs) -> str:
        iface = refs.type_syntax(self.named)
        if self.proxy:
            return (f"{refs.rt}.BindcInterfaceArg({refs.unsafe}.Pointer(&{c_expr}), "
                    f"func(p {refs.rt}.BindcProxy) {iface} {{ return {self.proxy_type}{{p}} }})")
        return f"{refs.rt}.BindcImplements[{iface}](uintptr({c_expr}))"

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        # BindcWrapInterface falls back to the interface's own class (GoI) for a dynamic type
        # without one; the type argument keeps the static interface type, which any(v) loses.
        iface = refs.type_syntax(self.named)
        return [f"if *{out} = (*C.PyObject)({refs.rt}.BindcWrapInterface[{iface}]({go_string(fn)}, {value})); "
                f"*{out} == nil {{",
                "return -1", "}"]

    @property
    def capi(self) -> tuple[CSignature, ...]:
        own: tuple[CSignature, ...] = (CSignature("py4go_bind_any_instance_arg", "int",
                          ("PyObject *", "const char *", "int", "const char *", "int", "uintptr_t *")),)
        if self.proxy:
            own += (CSignature("py4go_bind_iface_arg", "int",
                               ("PyObject *", "const char *", "int", "const char *", "const char *const *", "int",
                                "py4go_iface_arg *")),
                    CSignature("py4go_bind_exec", "int", ("PyObject *", "const char *")))
        return own


def find_interface(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """A named interface type with methods, declared by the bound package, or one of
    another package that bindc knows (``io.Writer``)."""
    if not (isinstance(t, NamedType) and not t.type_args):
        return None
    if t.package is not None:
        return _known_interface(t, env)
    decl = env.local_types.get(t.name)
    iface = interface_of(decl.type, env) if decl is not None and not decl.type_params else None
    if decl is None or iface is None:
        return None
    listed, _ = _method_set(iface, env, {t.name})
    if not listed and not iface.methods:
        return None  # no methods (a constraint, interface{}), or none bindc can list
    proxy, reason = _proxy_methods(t.name, iface, env)
    if proxy:
        annotation = f"{t.name} | None"
    else:
        wanted = {m.name for m in listed or iface.methods}
        classes: dict[str, str] = env.extra.get(CLASSES_KEY, {})  # type: ignore[assignment]
        # The stub names the bound classes whose own methods cover the interface; the runtime
        # check (which also sees promoted methods) is the authority.
        implementers = sorted(py for go, py in classes.items()
                              if wanted <= {m.name for m in env.package.methods_of(go)})
        annotation = " | ".join(implementers + ["None"]) if implementers else "object"
    c_type, cgo_type = ("py4go_iface_arg", "C.py4go_iface_arg") if proxy else ("uintptr_t", "C.uintptr_t")
    return InterfaceMapping(go_type=t.go_syntax(), py_annotation=annotation, c_arg_type=c_type,
                            cgo_arg_type=cgo_type, c_result_type="PyObject *", cgo_result_type="*C.PyObject",
                            named=t, proxy=proxy, no_proxy_reason=reason, doc=decl.doc)


def interface_of(t: GoType, env: TypeEnv) -> InterfaceType | None:
    """The interface a type declaration declares: ``interface{ ... }`` itself (its methods and
    embedded interfaces), or, for ``type Stringer fmt.Stringer`` / ``type Shape Other``, the
    interface it is defined from (the same method set, as if embedded)."""
    if isinstance(t, InterfaceType):
        return t
    if isinstance(t, NamedType) and not t.type_args:
        if t.package is None and isinstance(getattr(env.local_types.get(t.name), "type", None), InterfaceType):
            return InterfaceType(embeds=(t,))
        if t.package is not None and (env.imports.get(t.package), t.name) in _KNOWN_INTERFACES:
            return InterfaceType(embeds=(t,))
    return None


def _known_interface(t: NamedType, env: TypeEnv) -> TypeMapping | None:
    """``io.Writer`` and the other interfaces of :data:`_KNOWN_INTERFACES` as parameter or
    result types: bound instances whose Go type implements them, and Python objects with the
    methods (``io.BytesIO``, a file opened ``"wb"``). Their Protocol class is named like the
    Go type (``Writer``); in a package declaring that name itself (``csv.NewWriter(w io.Writer)
    *Writer``) it is qualified as classes of other packages are (``io_Writer``)."""
    from bindc.typemap.registry import MappingError

    assert t.package is not None
    methods = _KNOWN_INTERFACES.get((env.imports.get(t.package, ""), t.name))
    if methods is None:
        return None
    own = {d.name for d in env.package.types} | {f.name for f in env.package.functions} | \
        {v.name for v in env.package.values}
    name = protocol_name(t, own)
    if name is None:
        raise MappingError(f"type {t.go_syntax()}: its Python Protocol class would be named {t.name} or "
                           f"{t.package}_{t.name}, which the package declares itself")
    proxy, reason = _proxy_methods(t.go_syntax(), InterfaceType(methods), env)
    if not proxy:
        raise MappingError(f"type {t.go_syntax()}: {reason}")
    doc = f"A Python object implementing the Go interface {t.go_syntax()}."
    return InterfaceMapping(go_type=t.go_syntax(), py_annotation=f"{name} | None", c_arg_type="py4go_iface_arg",
                            cgo_arg_type="C.py4go_iface_arg", c_result_type="PyObject *",
                            cgo_result_type="*C.PyObject", named=t, proxy=proxy, doc=doc,
                            protocol_name=name if name != t.name else "")


def protocol_name(t: NamedType, taken: set[str]) -> str | None:
    """The Python name of the Protocol class for interface ``t`` of another package: the Go
    type's name, or, when the module already uses it, ``<package>_<Type>`` (the rule classes
    of other packages follow: ``io_Writer`` beside the package's own ``Writer``); None when
    both are taken."""
    for name in (t.name, f"{t.package}_{t.name}"):
        if name not in taken:
            return name
    return None


def _proxy_methods(name: str, iface: InterfaceType, env: TypeEnv) -> tuple[tuple[ProxyMethod, ...], str]:
    """The methods a proxy of interface ``name`` implements, or ``()`` and the reason there is
    no proxy."""
    from bindc.typemap.funcs import find_func
    from bindc.typemap.registry import MappingError

    with env.visiting("interface", name) as first:
        if not first:
            raise MappingError(f"interface {name} refers to itself in a method signature")
        methods, reason = _method_set(iface, env, set())
        if reason:
            return (), reason
        in_package = bool(env.extra.get(IN_PACKAGE_KEY, True))
        out: list[ProxyMethod] = []
        for m in methods:
            if not m.name[:1].isupper() and not in_package:
                return (), f"method {m.name} is unexported, so a wrapper package cannot implement it"
            try:
                func = find_func(m.signature, env)
            except MappingError as e:
                return (), f"method {m.name}: {e}"
            assert func is not None
            out.append(ProxyMethod(m.name, _py_method_name(m), m.signature, func))
    return tuple(out), ""


def _method_set(iface: InterfaceType, env: TypeEnv, seen: set[str]) -> tuple[list[InterfaceMethod], str]:
    """The interface's methods, embedded interfaces' included (those of the bound package,
    ``error`` and ``fmt.Stringer``), or the reason they cannot be listed."""
    methods = list(iface.methods)
    for e in iface.embeds:
        if not isinstance(e, NamedType) or e.type_args:
            return [], f"it embeds {e.go_syntax()}, which is not an interface bindc can list the methods of"
        if e.package is None and e.name in env.local_types and e.name not in seen:
            inner = env.local_types[e.name].type
            if not isinstance(inner, InterfaceType):
                return [], f"it embeds {e.name}, which is not an interface"
            more, reason = _method_set(inner, env, seen | {e.name})
            if reason:
                return [], reason
            methods += more
        elif env.is_predeclared(e, "error"):
            methods += _ERROR_METHODS
        elif e.package is not None and (env.imports.get(e.package), e.name) in _KNOWN_INTERFACES:
            methods += _KNOWN_INTERFACES[(env.imports[e.package], e.name)]
        else:
            return [], f"it embeds {e.go_syntax()}, whose methods bindc does not know"
    unique: dict[str, InterfaceMethod] = {}
    for m in methods:
        unique.setdefault(m.name, m)  # Go allows the same method through two embeddings
    return list(unique.values()), ""


def _py_method_name(m: InterfaceMethod) -> str:
    """The Python method a proxy calls for ``m``."""
    sig = m.signature
    if m.name in STR_METHODS and sig.is_string_getter:  # as bound classes map them
        return "__str__"
    return python_safe(snake_case(m.name))


def interfaces_in(m: TypeMapping) -> list[InterfaceMapping]:
    """The bound interfaces ``m`` converts: itself, those among a container's elements, or
    those a func type's parameters and results convert (``func() hash.Hash``: the callback's
    result may be a Python object the runtime decodes to a proxy)."""
    from bindc.typemap.containers import RuntimeValue
    from bindc.typemap.funcs import FuncMapping

    if isinstance(m, InterfaceMapping):
        return [m]
    if isinstance(m, RuntimeValue):
        return [i for i in m.interfaces if isinstance(i, InterfaceMapping)]
    if isinstance(m, FuncMapping):
        return [i for inner in m.params + m.results for i in interfaces_in(inner)]
    return []
