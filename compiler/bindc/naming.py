"""Python names for Go identifiers: snake_case conversion and keyword/builtin escaping.

Pure functions, shared by the frontend (validating ``//py4go:export name``) and the emitters
(naming wrappers and stub entries), so both always agree on a name.
"""

from __future__ import annotations

import keyword
import re

#: Go methods that become Python's ``__str__`` (with the signature ``func() string``).
STR_METHODS = ("String", "Error")

# One word of a Go mixedCaps identifier, tried in order at each position:
#   NaN                 Go's spelling of the float constant (math.NaN, math.IsNaN)
#   IPv4, TLSv13        an initialism with a version suffix stays one word
#   IDs, URLs           a plural initialism (upper run + "s" not starting a new word)
#   HTTP, UTF8, ID      an upper-case run (with digits) not followed by a lower-case letter:
#                       in "HTTPServer" the run backs off to "HTTP", leaving "Server"
#   Hello, say, Utf8    an optionally capitalised lower-case word, digits attached
#   42                  digits on their own (only at the start of a word)
_WORD = re.compile(
    r"NaN(?![a-z])"
    r"|[A-Z]{2,}v\d+"
    r"|[A-Z]{2,}s(?![a-z])"
    r"|[A-Z]+\d*(?![a-z])"
    r"|[A-Z]?[a-z]+\d*"
    r"|\d+"
)

# Builtins whose shadowing would break a generated .pyi: stubs spell annotations with them
# (``def f() -> int`` right after a module-level ``def int(...)`` would mean the function).
_STUB_BUILTINS = frozenset({
    "bool", "bytearray", "bytes", "complex", "dict", "float", "frozenset", "int", "list",
    "memoryview", "object", "set", "slice", "str", "tuple", "type", "BaseException", "Exception",
    "RuntimeError",
    # lower-case names the stub imports (``from datetime import datetime``, ``typing.overload``)
    "datetime", "timedelta", "overload", "runtime_checkable", "disjoint_base",
})


def snake_case(go_name: str) -> str:
    """Convert a Go identifier to Python's snake_case.

    ``SayHello`` -> ``say_hello``, ``sayGoodbye`` -> ``say_goodbye``, ``HTTPServer`` ->
    ``http_server``, ``ParseIPv4`` -> ``parse_ipv4``, ``ID`` -> ``id``, ``UTF8Len`` ->
    ``utf8_len``, ``Float64bits`` -> ``float64_bits``, ``IsNaN`` -> ``is_nan``. Leading
    underscores are kept; existing underscores separate words.
    """
    leading = len(go_name) - len(go_name.lstrip("_"))
    words: list[str] = []
    for part in go_name[leading:].split("_"):
        pos = 0
        while pos < len(part):
            match = _WORD.match(part, pos)
            if match is None:  # a non-ASCII letter or similar: keep it with the previous word
                if words:
                    words[-1] += part[pos]
                else:
                    words.append(part[pos])
                pos += 1
                continue
            words.append(match.group())
            pos = match.end()
    return "_" * leading + "_".join(w.lower() for w in words if w)


def python_safe(name: str) -> str:
    """Append ``_`` (PEP 8) to names that are keywords, soft keywords or stub-breaking builtins.

    ``def`` -> ``def_``, ``None`` -> ``None_``, ``match`` -> ``match_``, ``type`` -> ``type_``,
    ``int`` -> ``int_``; every other name is returned unchanged. ``_`` itself is left alone.
    """
    if name == "_":
        return name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _STUB_BUILTINS:
        return name + "_"
    return name


def is_valid_python_identifier(name: str) -> bool:
    """True when ``name`` can be used as a Python function/attribute name in source.

    It must be an identifier and not a hard keyword (``class``, ``None``); soft keywords such
    as ``match`` are valid identifiers.
    """
    return name.isidentifier() and not keyword.iskeyword(name)



def is_dunder(name: str) -> bool:
    """True for ``__x__`` names: Python's special methods, which bindc defines itself (a method
    of that name in a type's method table would not fill the slot, only confuse)."""
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def struct_tag_lookup(tag: str, key: str) -> str | None:
    """The value of ``key`` in a Go struct tag (``json:"x" py4go:"name"``), like Go's
    ``reflect.StructTag.Lookup``: None when the key is absent or the tag is malformed there."""
    i = 0
    while i < len(tag):
        while i < len(tag) and tag[i] == " ":
            i += 1
        start = i
        while i < len(tag) and tag[i] > " " and tag[i] not in ':"\x7f':
            i += 1
        if i == start or i + 1 >= len(tag) or tag[i] != ":" or tag[i + 1] != '"':
            return None
        name = tag[start:i]
        i += 2
        value_start = i
        while i < len(tag) and tag[i] != '"':
            i += 2 if tag[i] == "\\" else 1
        if i >= len(tag):
            return None
        if name == key:
            raw = tag[value_start:i]
            try:
                return bytes(raw, "utf-8").decode("unicode_escape") if "\\" in raw else raw
            except UnicodeDecodeError:
                return None
        i += 1
    return None
