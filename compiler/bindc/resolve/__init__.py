"""Deciding what to bind: from a parsed :class:`~bindc.ir.Package` to a :class:`BoundModule`."""

from bindc.resolve.classes import BoundClass, BoundField
from bindc.resolve.functions import (BoundFunction, BoundModule, BoundParam, BoundReceiver, BoundResult,
                                     bind_function, resolve, wanted)

__all__ = ["BoundClass", "BoundField", "BoundFunction", "BoundModule", "BoundParam", "BoundReceiver",
           "BoundResult", "bind_function", "resolve", "wanted"]
