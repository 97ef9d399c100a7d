"""A user's annotated Python module that the Go program in main.go calls through typed wrappers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


class OutOfStock(Exception):
    """Raised when taking more than the inventory holds."""


@dataclass
class Item:
    name: str
    quantity: int


class Inventory:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self._items: dict[str, int] = {}

    def add(self, name: str, quantity: int = 1) -> int:
        self._items[name] = self._items.get(name, 0) + quantity
        return self._items[name]

    def take(self, name: str, quantity: int = 1) -> int:
        have = self._items.get(name, 0)
        if quantity > have:
            raise OutOfStock(f"only {have} {name} left")
        self._items[name] = have - quantity
        return self._items[name]

    def items(self) -> list[Item]:
        return [Item(n, q) for n, q in sorted(self._items.items())]

    def names(self, keep: Callable[[str, int], bool] | None = None) -> list[str]:
        return [n for n, q in sorted(self._items.items()) if keep is None or keep(n, q)]


def summary(counts: dict[str, int], *, title: str = "Inventory") -> str:
    lines = [title] + [f"  {n}: {q}" for n, q in sorted(counts.items())]
    return "\n".join(lines)
