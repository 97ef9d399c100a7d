"""Type mappings: one small unit per Go type family.

A :class:`~bindc.typemap.base.TypeMapping` says, for one family of Go types, everything the
emitters need: how a Python argument becomes a C value (C wrapper), how that C value becomes
the Go value (Go trampoline), the reverse path for results, the Python annotation for the
stub, and which C functions the emitted code calls (checked against the target headers).
The C wrapper, Go trampoline and stub all read the same unit, so they cannot disagree.
"""

from bindc.typemap.base import TypeMapping
from bindc.typemap.registry import MappingError, lookup_mapping

__all__ = ["TypeMapping", "MappingError", "lookup_mapping"]
