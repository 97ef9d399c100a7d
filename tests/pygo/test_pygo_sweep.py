"""`bindc go` over many standard-library modules (typeshed's stubs inside mypy): every one
generates without an error and the whole Go module passes `go vet`.

BROKE_ONCE lists the modules whose stubs once broke generation or vet (a tuple attribute,
an exception class named Error, a method named like its embedded base, a callback returning
a class, go vet's stdmethods names); MORE makes 100 in all (about 10 s: generation is in
process and `go vet` reuses the runtime's build).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run
from tests.pygo.test_pygo_e2e import generate, go_module

pytestmark = pytest.mark.go

BROKE_ONCE = ("uuid", "xml.etree.ElementTree", "zipfile", "codecs", "configparser", "datetime", "tarfile",
              "mmap", "sqlite3", "shutil", "logging", "tempfile")
MORE = ("string", "calendar", "math", "random", "re", "urllib.parse", "os.path", "hashlib", "zlib", "secrets",
        "pprint", "operator", "itertools", "functools", "heapq", "bisect", "unicodedata", "ipaddress",
        "email.utils", "glob", "csv", "gzip", "struct", "time", "locale", "gettext", "pathlib", "collections",
        "enum", "dataclasses", "decimal", "fractions", "numbers", "typing", "abc", "copy", "pickle", "argparse",
        "subprocess", "socket", "threading", "queue", "sched", "contextlib", "urllib.request", "http.client",
        "platform", "sys", "os", "io", "textwrap", "json", "difflib", "statistics", "asyncio", "email.message",
        "http.server", "smtplib", "ftplib", "imaplib", "poplib", "mailbox", "mimetypes", "html.parser", "plistlib",
        "binascii", "base64", "hmac", "selectors", "signal", "array", "weakref", "types", "inspect", "ast", "dis",
        "tokenize", "traceback", "warnings", "unittest", "doctest", "timeit", "cProfile", "pstats", "trace",
        "tracemalloc", "gc", "atexit")


def test_stdlib_modules_generate_and_vet(tmp_path: Path, go: str, embed_env: dict[str, str]) -> None:
    go_module(tmp_path, "example.com/pygosweep")
    for name in BROKE_ONCE + MORE:
        generate(name, tmp_path / name.replace(".", "_"), cwd=tmp_path)
    run([go, "vet", "./..."], cwd=tmp_path, env=embed_env, timeout=1800)
