"""Build constraints: which files of a package build for a target platform.

Implements the parts of ``go/build`` that decide this: ``//go:build`` expressions (``&&``,
``||``, ``!``, parentheses), legacy ``// +build`` lines, and ``_GOOS`` / ``_GOARCH`` /
``_GOOS_GOARCH`` file-name suffixes, with Go's implied tags (``unix``, ``android`` implies
``linux``, ``goX.Y`` release tags, ``cgo``, ``gc``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# go/build/syslist.go
KNOWN_OS = frozenset({
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
    "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
})
UNIX_OS = frozenset({
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
    "netbsd", "openbsd", "solaris",
})
KNOWN_ARCH = frozenset({
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
    "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
    "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
})
# A GOOS that also satisfies another OS's tag (go/build matchTag).
_IMPLIED_OS = {"android": "linux", "illumos": "solaris", "ios": "darwin"}

#: Minor version of the newest Go release tag when the toolchain's version is not known.
DEFAULT_GO_MINOR = 27


class ConstraintSyntaxError(ValueError):
    """A ``//go:build`` expression that does not parse."""


@dataclass(frozen=True)
class BuildContext:
    """The target platform a package is read for (like ``go/build.Context``)."""

    goos: str = "linux"
    goarch: str = "amd64"
    tags: frozenset[str] = field(default_factory=frozenset)
    cgo: bool = True
    go_minor: int = DEFAULT_GO_MINOR  # release tags go1.1 ... go1.<go_minor> are satisfied
    compiler: str = "gc"

    def satisfies(self, tag: str) -> bool:
        """True when ``tag`` holds for this target."""
        if tag in (self.goos, self.goarch, self.compiler) or tag in self.tags:
            return True
        if tag == _IMPLIED_OS.get(self.goos):
            return True
        if tag == "unix":
            return self.goos in UNIX_OS
        if tag == "cgo":
            return self.cgo
        release = re.fullmatch(r"go1\.(\d+)", tag)
        return release is not None and int(release.group(1)) <= self.go_minor

    def matches_file_name(self, name: str) -> bool:
        """Whether ``x_linux.go``, ``x_arm64.go``, ``x_linux_amd64.go`` build here.

        As in go/build, the part before the first ``_`` never counts (``linux.go`` builds
        everywhere), and ``_test`` has already been dealt with by the caller.
        """
        stem = name[:-3] if name.endswith(".go") else name
        parts = stem.split("_")[1:]
        if len(parts) >= 2 and parts[-2] in KNOWN_OS and parts[-1] in KNOWN_ARCH:
            return self.satisfies(parts[-2]) and parts[-1] == self.goarch
        if parts and parts[-1] in KNOWN_OS:
            return self.satisfies(parts[-1])
        if parts and parts[-1] in KNOWN_ARCH:
            return parts[-1] == self.goarch
        return True

    def matches_expr(self, expr: str) -> bool:
        """Evaluate a ``//go:build`` expression; raises :class:`ConstraintSyntaxError`."""
        return _ExprParser(expr, self.satisfies).parse()

    def matches_plus_build(self, lines: tuple[str, ...]) -> bool:
        """Legacy ``// +build a,b c`` lines: lines AND, spaces OR, commas AND, ``!`` negates."""
        def term(word: str) -> bool:
            return not self.satisfies(word[1:]) if word.startswith("!") else self.satisfies(word)
        return all(
            any(all(term(t) for t in option.split(",")) for option in line.split())
            for line in lines
        )


_TOKEN = re.compile(r"\s*(&&|\|\||!|\(|\)|[A-Za-z0-9_.]+)")


class _ExprParser:
    """Recursive descent over ``or := and ('||' and)*; and := unary ('&&' unary)*;
    unary := '!' unary | '(' or ')' | tag``."""

    def __init__(self, expr: str, satisfies: Callable[[str], bool]) -> None:
        self._tokens = self._tokenize(expr)
        self._pos = 0
        self._satisfies = satisfies
        self._expr = expr

    @staticmethod
    def _tokenize(expr: str) -> list[str]:
        tokens: list[str] = []
        pos = 0
        while pos < len(expr.rstrip()):
            match = _TOKEN.match(expr, pos)
            if match is None:
                raise ConstraintSyntaxError(f"invalid character in //go:build expression: {expr[pos:].strip()!r}")
            tokens.append(match.group(1))
            pos = match.end()
        return tokens

    def parse(self) -> bool:
        if not self._tokens:
            raise ConstraintSyntaxError("empty //go:build expression")
        value = self._or()
        if self._pos != len(self._tokens):
            raise ConstraintSyntaxError(f"unexpected {self._tokens[self._pos]!r} in //go:build {self._expr}")
        return value

    def _peek(self) -> str | None:
        return self._tokens[self._pos] if self._pos < len(self._tokens) else None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            raise ConstraintSyntaxError(f"unexpected end of //go:build {self._expr}")
        self._pos += 1
        return token

    def _or(self) -> bool:
        value = self._and()
        while self._peek() == "||":
            self._take()
            value = self._and() or value  # evaluate both sides: syntax errors must surface
        return value

    def _and(self) -> bool:
        value = self._unary()
        while self._peek() == "&&":
            self._take()
            value = self._unary() and value
        return value

    def _unary(self) -> bool:
        token = self._take()
        if token == "!":
            return not self._unary()
        if token == "(":
            value = self._or()
            if self._take() != ")":
                raise ConstraintSyntaxError(f"missing ')' in //go:build {self._expr}")
            return value
        if token in ("&&", "||", ")"):
            raise ConstraintSyntaxError(f"unexpected {token!r} in //go:build {self._expr}")
        return self._satisfies(token)
