"""Go identifiers for Python names, and the one symbol table that hands them out.

``get_url`` -> ``GetURL``, ``user_id`` -> ``UserID`` (Go's initialisms, as golint lists
them), a parameter ``user_id`` -> ``userID``, a Go keyword parameter ``type`` -> ``type_``.
:class:`Scope` makes every declared name unique, so two generated identifiers never collide.
"""

from __future__ import annotations

import keyword
import re

#: Go's common initialisms (golint's list), written in capitals in Go identifiers.
INITIALISMS = frozenset({
    "ACL", "API", "ASCII", "CPU", "CSS", "CSV", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON",
    "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID",
    "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
})

GO_KEYWORDS = frozenset({
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
    "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type",
    "var",
})

# Predeclared identifiers a parameter name must not shadow in generated bodies.
_RESERVED_LOCALS = frozenset({"call", "options", "opt", "opts", "err", "res", "items", "args", "python", "errors", "time",
                              "len", "nil", "true", "false", "string", "int", "bool", "any", "error", "byte",
                              "float64", "map"})

# Locals generated bodies declare (py0, ret1, x0, ret): parameters never take these names.
_GENERATED_LOCAL = re.compile(r"^(py|ret|x)\d+$|^(ret|r)$")

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+")


def _words(name: str) -> list[str]:
    """Words of a snake_case or CamelCase name."""
    out: list[str] = []
    for part in name.strip("_").split("_"):
        out.extend(_WORDS.findall(part))
    return out


def _word(w: str) -> str:
    up = w.upper()
    return up if up in INITIALISMS else w[:1].upper() + w[1:]


def exported(name: str) -> str:
    """The exported Go name: ``get_url`` -> ``GetURL``, ``TextWrapper`` stays, ``_x`` -> ``X``."""
    words = _words(name)
    if not words:
        return "X"
    text = "".join(_word(w) for w in words)
    return text if text[0].isalpha() else "X" + text


def unexported(name: str) -> str:
    """A local/parameter name: ``user_id`` -> ``userID``, ``URL`` -> ``url``, ``type`` -> ``type_``."""
    words = _words(name)
    if not words:
        return "arg"
    first = words[0].lower()
    text = first + "".join(_word(w) for w in words[1:])
    if not text[0].isalpha():
        text = "n" + text
    if text in GO_KEYWORDS or text in _RESERVED_LOCALS or keyword.iskeyword(text) or _GENERATED_LOCAL.match(text):
        text += "_"
    return text


class Scope:
    """One namespace of Go identifiers (a package, or the methods of a type).

    ``claim`` returns the name itself when free, else the name with a number appended; the
    caller reports the rename, so a collision is visible instead of a compile error.
    """

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())

    def claim(self, name: str) -> str:
        """Reserve ``name`` (or the first free ``name2``, ``name3``...) and return it."""
        candidate, n = name, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{name}{n}"
        self._taken.add(candidate)
        return candidate

    def __contains__(self, name: str) -> bool:
        return name in self._taken
