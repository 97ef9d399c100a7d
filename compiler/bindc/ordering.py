"""Equality and ordering a bound class's Go type defines for itself.

Go has no operator overloading; types that have a meaningful equality or order say so with
methods, by convention: ``Equal(T) bool`` (``time.Time``, ``net.IP``; ``Equals`` in some published
packages, hashicorp's ``go-version``), ``Compare(T) int`` /
``Cmp(T) int`` (``big.Int``, ``strings.Compare``'s shape), ``Less(T) bool`` / ``LessThan(T)
bool`` (``sort`` idioms). Go's ``==`` on a struct compares its fields, which for a struct
holding pointers (a ``*big.Int``) compares addresses, not values, so a method wins over ``==``:

- ``==`` / ``!=``: ``Equal`` (else ``Equals``), else ``Compare``/``Cmp`` == 0, else Go's ``==`` when the type is
  comparable; otherwise Python's identity.
- ``<``, ``<=``, ``>``, ``>=``: ``Compare``/``Cmp``, else ``Less``/``LessThan`` (``a <= b`` is
  ``not b < a``); otherwise not supported (TypeError, as Python has it).

The methods qualify when they take the class's own type (``T`` or ``*T``) and return ``bool``
(or an integer for a comparison) with no error; they stay ordinary methods as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from bindc.resolve import BoundFunction
from bindc.resolve.model import BoundClass
from bindc.typemap.classes import ClassMapping

_EQUAL = ("Equal", "Equals")
_COMPARE = ("Compare", "Cmp")
_LESS = ("Less", "LessThan")
_INTEGERS = frozenset({"int", "int8", "int16", "int32", "int64"})


@dataclass(frozen=True)
class ClassOrdering:
    """How instances of one class compare; see the module doc."""

    equal: BoundFunction | None = None
    compare: BoundFunction | None = None
    less: BoundFunction | None = None
    go_eq: bool = False

    @property
    def has_eq(self) -> bool:
        """Whether ``==`` compares Go values (else Python's identity)."""
        return bool(self.equal or self.compare or self.go_eq)

    @property
    def has_order(self) -> bool:
        """Whether ``<`` and friends are defined."""
        return bool(self.compare or self.less)

    @property
    def defined(self) -> bool:
        """Whether the class gets a rich comparison at all."""
        return self.has_eq or self.has_order


def _takes_own_type(cls: BoundClass, fn: BoundFunction, results: frozenset[str]) -> bool:
    if len(fn.params) != 1 or fn.variadic or fn.returns_error or len(fn.results) != 1:
        return False
    param = fn.params[0].mapping
    if not isinstance(param, ClassMapping) or param.named != cls.named:
        return False
    return fn.results[0].mapping.go_type in results


def class_ordering(cls: BoundClass) -> ClassOrdering:
    """The equality and ordering of ``cls`` (by its bound methods and Go comparability)."""
    found: dict[str, BoundFunction] = {}
    by_name = {m.go_name: m for m in cls.methods}
    for kind, names, results in (("equal", _EQUAL, frozenset({"bool"})), ("compare", _COMPARE, _INTEGERS),
                                 ("less", _LESS, frozenset({"bool"}))):
        for name in names:  # in order of preference: Equal before Equals, Compare before Cmp
            m = by_name.get(name)
            if m is not None and _takes_own_type(cls, m, results):
                found[kind] = m
                break
    return ClassOrdering(found.get("equal"), found.get("compare"), found.get("less"), cls.comparable)
