"""Go standard-library packages built, unmodified, as Python extension modules (once per session)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from bindc.build import Built, build_extension
from bindc.bundle import Bundle, build_bundle

#: Go import path -> Python module name. ``go_`` prefixes keep them apart from Python's own
#: modules (``math`` is built into CPython and would always win the import).
STD_MODULES = {
    "strings": "go_strings",
    "strconv": "go_strconv",
    "unicode/utf8": "go_utf8",
    "path": "go_path",
    "math": "go_math",
    "math/cmplx": "go_cmplx",
    "net/url": "go_url",
    "time": "go_time",
    "regexp": "go_regexp",
    "math/big": "go_big",
    "bytes": "go_bytes",
    "encoding/json": "go_json",
    "encoding/base64": "go_base64",
    "encoding/hex": "go_hex",
    "crypto/sha256": "go_sha256",
    "hash/crc32": "go_crc32",
    "sort": "go_sort",
    "html": "go_html",
    "net/netip": "go_netip",
    "text/template": "go_template",
    "container/list": "go_list",
    "mime": "go_mime",
    # APIs that need other packages' struct types (classes of the module: bindc.resolve.foreign).
    "image": "go_image",
    "go/format": "go_format",
    # Generic packages, bound with their default instantiations (bindc.resolve.stdlib_instances).
    "slices": "go_slices",
    "maps": "go_maps",
    "cmp": "go_cmp",
}


@pytest.fixture(scope="session")
def std_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], tuple[Path, Built]]:
    """Build a standard-library package on first request; later requests reuse the build."""
    built: dict[str, tuple[Path, Built]] = {}
    # An empty working directory: an import path such as "math" must not name a directory here.
    cwd = tmp_path_factory.mktemp("std_cwd")

    def build(import_path: str) -> tuple[Path, Built]:
        if import_path not in built:
            out = tmp_path_factory.mktemp(STD_MODULES[import_path])
            result = build_extension(import_path, out, module=STD_MODULES[import_path], cwd=cwd)
            assert not result.result.sink.has_errors, result.result.sink.render_all()
            built[import_path] = (out, result)
        return built[import_path]

    return build


#: Everyday packages with idioms of their own (tests/stdlib/test_stdlib_everyday.py), bound
#: into one library (``bindc build ... --package gostd``): one Go build and link for all of
#: them, and one Go runtime, so ``hmac.new(sha256.new, key)`` passes one module's Go function
#: to another's. Module names are the packages' last elements (``gostd.csv``, ``gostd.template``).
EVERYDAY_PACKAGES = ("encoding/csv", "compress/gzip", "crypto/hmac", "crypto/sha256", "hash/fnv", "text/tabwriter",
                     "encoding/binary", "path/filepath", "unicode", "log/slog", "container/heap", "net/mail",
                     "html/template", "encoding/xml", "bufio")
EVERYDAY_BUNDLE = "gostd"


@pytest.fixture(scope="session")
def std_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Bundle]:
    """The everyday packages built once per session into the bundle ``gostd``: its parent
    directory (for sys.path) and the build's account."""
    out = tmp_path_factory.mktemp("std_bundle")
    cwd = tmp_path_factory.mktemp("std_bundle_cwd")
    return out, build_bundle(list(EVERYDAY_PACKAGES), out, EVERYDAY_BUNDLE, cwd=cwd)
