"""Getting the C-API model for an interpreter: from the cache when the headers are unchanged,
else by parsing them (and refreshing the cache)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bindc.capi import cache
from bindc.capi.libclang import clang_version
from bindc.capi.model import CApiModel
from bindc.capi.parse import parse_headers, probe_request
from bindc.interpreter import Interpreter, find_interpreter
from bindc.resources import runtime_c_dir as default_runtime_dir


def load_model(
    interpreter: Interpreter | None = None,
    *,
    include_runtime: bool = False,
    runtime_dir: Path | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    limited_api: int | None = None,
) -> CApiModel:
    """The C-API model of ``interpreter``'s headers (default: the running Python).

    With ``include_runtime`` the translation unit includes py4go's ``py4go.h`` (from
    ``runtime_dir``, default the project's ``runtime/bindcrt/``), so the runtime's functions are in the
    model too. With ``limited_api`` (``Py_LIMITED_API``, e.g. ``0x030b0000``) only the stable
    ABI of that version is declared. ``cache_dir`` defaults to :func:`bindc.capi.cache.default_cache_dir`.
    Raises :class:`~bindc.capi.libclang.CApiError` when libclang is missing or the headers do not parse.
    """
    interp = interpreter or find_interpreter()
    rt = str(runtime_dir or default_runtime_dir()) if include_runtime else None
    request = probe_request(interp.include_dir, rt, limited_api)
    directory = cache_dir if cache_dir is not None else cache.default_cache_dir()
    key = cache.lookup_key(clang_version(), request.args, request.source)
    if use_cache:
        cached = cache.read_entry(directory, key)
        if cached is not None:
            return cached
    result = parse_headers(request)
    if use_cache:
        cache.write_entry(directory, key, result.model, result.included_files)
    return result.model


@lru_cache(maxsize=None)
def model_for(python: str | None = None, include_runtime: bool = False) -> CApiModel:
    """:func:`load_model` for the interpreter named ``python``, computed once per process."""
    return load_model(find_interpreter(python), include_runtime=include_runtime)
