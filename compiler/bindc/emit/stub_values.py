"""Stub entries for module values: ``class Kind(IntEnum): ...`` and ``NAME: Final = value``."""

from __future__ import annotations

from bindc.resolve import BoundModule
from bindc.stubmodel import Argument, Arguments, Attribute, Class, Function, StubModule

#: Literal values longer than this are written ``NAME: Final[type]`` to keep stubs readable.
_MAX_LITERAL = 60


def value_stubs(module: BoundModule, stub: StubModule) -> list[Class | Attribute]:
    """The enum classes and constants of ``module``, recording the imports they need."""
    # stubs.py builds method stubs from this module's output, hence the local import.
    from bindc.emit.stubs import function_stub

    items: list[Class | Attribute] = []
    for enum in module.values.enums:
        stub.need("enum", "IntEnum")
        body: list[Attribute | Function] = [Attribute(name, "", str(value)) for name, value in enum.py_members]
        if enum.str_method is not None:
            self_only = Arguments(posonly=(Argument("self", ""),))
            body.append(Function("__str__", self_only, "str"))
            body.append(Function("__format__", Arguments(posonly=(Argument("self", ""), Argument("spec", "str"))),
                                 "str"))
        body += [function_stub(m, stub) for m in enum.methods]
        items.append(Class(enum.py_name, ("IntEnum",), tuple(body), doc=enum.decl.doc))
    for const in module.values.constants:
        final = stub.need("typing", "Final")
        if const.enum:
            items.append(Attribute(const.py_name, f"{final}[{const.enum}]"))
            continue
        literal = repr(const.value)
        if len(literal) <= _MAX_LITERAL and literal not in ("inf", "-inf", "nan") and not isinstance(const.value, complex):
            items.append(Attribute(const.py_name, final, literal))
        else:
            items.append(Attribute(const.py_name, f"{final}[{type(const.value).__name__}]"))
    return items
