"""The instantiations bound by default for the standard library's generic packages.

``bindc build slices`` (and ``maps``, ``cmp``) binds these when the command line asks for no
instantiation of that package (``--instantiate`` replaces the list). Each entry is the text of a
``//py4go:instantiate`` directive: a Go instantiation and the Python name it is bound as. The
names follow one pattern: the function, then the element (or key and value) types
(``sort_int``, ``contains_str``, ``keys_str_float64``). docs/generics.md lists them.
"""

from __future__ import annotations

#: Element types of the default lists, with the token their Python names use.
ELEMENTS = (("int", "int"), ("float64", "float64"), ("string", "str"))

#: ``slices`` functions taking one slice ``S ~[]E`` (and perhaps an ``E``): instantiated as
#: ``F[[]E]``, the element type inferred from the slice type.
SLICES_FUNCS = ("Sort", "IsSorted", "Contains", "Index", "Max", "Min", "Reverse", "BinarySearch",
                "Equal", "Compare", "Clone", "Insert", "Repeat", "Concat")

#: ``slices`` functions whose only type parameter is the element ``E``: instantiated as ``F[E]``.
SLICES_ELEMENT_FUNCS = ("Sorted",)

#: ``maps`` functions taking a map ``M ~map[K]V``: instantiated as ``F[map[K]V]``.
MAPS_FUNCS = ("Keys", "Values", "All", "Clone", "Equal")

#: Key types of the ``maps`` defaults.
MAP_KEYS = (("string", "str"), ("int", "int"))

#: ``cmp`` functions with one type parameter ``T``.
CMP_FUNCS = ("Compare", "Less", "Or")


def _snake(go_name: str) -> str:
    from bindc.naming import snake_case

    return snake_case(go_name)


def default_instances(import_path: str | None) -> tuple[str, ...]:
    """The default instantiation directives for a standard-library package (empty for others)."""
    if import_path == "slices":
        return tuple(f"{f}[[]{go}] {_snake(f)}_{tok}" for f in SLICES_FUNCS for go, tok in ELEMENTS) + \
            tuple(f"{f}[{go}] {_snake(f)}_{tok}" for f in SLICES_ELEMENT_FUNCS for go, tok in ELEMENTS)
    if import_path == "maps":
        return tuple(f"{f}[map[{kgo}]{vgo}] {_snake(f)}_{ktok}_{vtok}"
                     for f in MAPS_FUNCS for kgo, ktok in MAP_KEYS for vgo, vtok in ELEMENTS)
    if import_path == "cmp":
        return tuple(f"{f}[{go}] {_snake(f)}_{tok}" for f in CMP_FUNCS for go, tok in ELEMENTS)
    return ()
