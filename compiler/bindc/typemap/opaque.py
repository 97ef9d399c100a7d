"""Opaque Go values: named func and interface types Python cannot convert, as capsules.

The functional-options idiom (``type Option func(*config)`` with an unexported ``config``,
``func New(opts ...Option) *T``, ``func WithPort(p int) Option``) and option interfaces of
another package (``...parser.ParseOption``) have no Python equivalent, yet a Python user only
needs to hand the values the package's own ``WithX(...)`` functions make back to it. Such a
type crosses as an opaque object (a capsule holding the Go value, ``runtime/bindcrt/bindc_opaque.go``):
results are capsules (nil is None), parameters take a capsule holding that Go type (or None,
nil), variadics included, so ``new()`` and ``new(with_port(8080))`` both work.

This family is tried only after every other finder failed for a named type whose declaration
is a func type, an interface type with an unexported method (which only its own package
can implement: the option-interface idiom), or an option interface of another package with
exported methods that only configure (each takes one pointer to a struct and returns
nothing: goldmark's ``parser.Option`` is ``interface{ SetParserOption(*Config) }``, made by
``parser.WithAutoHeadingID()`` and handed to ``goldmark.WithParserOptions``), and for an
anonymous union of such interfaces (``func WithHardWraps() interface{ renderer.Option; Option }``),
so it never replaces a real mapping nor a deliberate refusal (see :func:`find_opaque`). An
interface with methods a Python user would call (``fs.FileInfo``) stays unsupported, with a
warning, rather than becoming a capsule nobody can use.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.ir import FuncType, GoType, InterfaceType, NamedType, PointerType
from bindc.typemap.base import ArgSite, GoRefs, TypeMapping, go_string
from bindc.typemap.containers import RuntimeValue
from bindc.typemap.env import TypeEnv


@dataclass(frozen=True)
class OpaqueValue(RuntimeValue):
    """A named func or interface type crossing as an opaque capsule."""

    def go_arg_prepare(self, c_expr: str, site: ArgSite, refs: GoRefs) -> list[str]:
        return [f"var {c_expr}_go {refs.type_syntax(self.go)}",
                f"if {refs.rt}.BindcOpaqueArg({go_string(site.fn)}, {site.pos}, {refs.unsafe}.Pointer({c_expr}), "
                f"&{c_expr}_go) < 0 {{",
                "return -1", "}"]

    def go_result_store(self, out: str, value: str, fn: str, refs: GoRefs) -> list[str]:
        return [f"if *{out} = (*C.PyObject)({refs.rt}.BindcOpaqueResult({go_string(fn)}, {value})); *{out} == nil {{",
                "return -1", "}"]


def _configures_only(iface: InterfaceType) -> bool:
    """Whether every method of ``iface`` (it has some, and embeds nothing) takes exactly one
    pointer to a named type and returns nothing: ``SetParserOption(*Config)``, the shape of
    an option interface whose methods are exported."""
    return bool(iface.methods) and not iface.embeds and all(
        len(m.signature.params) == 1 and not m.signature.results and not m.signature.variadic
        and isinstance(m.signature.params[0].type, PointerType)
        and isinstance(m.signature.params[0].type.elem, NamedType) for m in iface.methods)


def find_opaque(t: GoType, env: TypeEnv) -> TypeMapping | None:
    """An opaque mapping for a named func or interface type (of this package or another one)
    that no other finder could bind; None for anything else."""
    from bindc.typemap.containers import _runtime_value
    from bindc.typemap.named import _declaration

    if isinstance(t, InterfaceType) and not t.methods and len(t.embeds) >= 2 \
            and all(isinstance(e, NamedType) for e in t.embeds):
        # An anonymous union of other packages' interfaces (``interface{ renderer.Option;
        # html.Option }``, as the option package itself spells it from outside): only Go makes
        # its values; they pass through to whatever takes one of the interfaces it embeds.
        base = _runtime_value(t, "object", "object", ())
        return OpaqueValue(**{name: getattr(base, name) for name in base.__dataclass_fields__})
    if not isinstance(t, NamedType) or t.type_args or env.is_predeclared(t):
        return None
    found = _declaration(t, env)
    if found is None:
        return None
    decl, _ = found
    if decl.type_params or not isinstance(decl.type, (FuncType, InterfaceType)):
        return None
    if isinstance(decl.type, InterfaceType) and all(m.name[:1].isupper() for m in decl.type.methods) \
            and not (t.package is not None and _configures_only(decl.type)):
        return None  # implementable from outside: not an option type, and its refusal stands
    base = _runtime_value(t, "object", "object", ())
    return OpaqueValue(**{name: getattr(base, name) for name in base.__dataclass_fields__})
