"""The model cache: hits skip the parse, header changes and corruption force one, writes are atomic."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import bindc.capi.load as load
from bindc.capi import CApiModel, load_model
from bindc.capi.cache import default_cache_dir
from bindc.interpreter import Interpreter


@pytest.fixture
def parse_count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls to the real libclang parse made through load_model."""
    calls = [0]
    real = load.parse_headers

    def counting(request):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return real(request)

    monkeypatch.setattr(load, "parse_headers", counting)
    return calls


def test_second_load_is_a_cache_hit(interp: Interpreter, tmp_path: Path, parse_count: list[int]) -> None:
    first = load_model(interp, cache_dir=tmp_path)
    second = load_model(interp, cache_dir=tmp_path)
    assert parse_count[0] == 1
    assert not first.from_cache and second.from_cache
    assert second == first
    assert second.functions == first.functions and second.typedefs == first.typedefs
    assert second.function_macros == first.function_macros and second.sizes == first.sizes
    assert [p.name for p in tmp_path.iterdir()] == [p.name for p in tmp_path.glob("capi-*.json")]  # no temp files left


def test_use_cache_false_always_parses(interp: Interpreter, tmp_path: Path, parse_count: list[int]) -> None:
    load_model(interp, cache_dir=tmp_path, use_cache=False)
    load_model(interp, cache_dir=tmp_path, use_cache=False)
    assert parse_count[0] == 2 and not list(tmp_path.iterdir())


def test_corrupt_cache_is_rebuilt_silently(interp: Interpreter, tmp_path: Path, parse_count: list[int]) -> None:
    load_model(interp, cache_dir=tmp_path)
    [entry] = tmp_path.glob("capi-*.json")
    good = entry.read_text()
    for garbage in (good[: len(good) // 2], '{"format": 1}', "[]"):  # truncated, incomplete, wrong shape
        entry.write_text(garbage)
        assert not load_model(interp, cache_dir=tmp_path).from_cache
    assert parse_count[0] == 4
    assert load_model(interp, cache_dir=tmp_path).from_cache  # the rebuild rewrote a good entry


def test_unwritable_cache_dir_only_costs_a_parse(interp: Interpreter, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    model = load_model(interp, cache_dir=blocker / "cache")
    assert model.lookup("PyErr_SetString") is not None


def test_header_change_invalidates(interp: Interpreter, tmp_path: Path, parse_count: list[int]) -> None:
    include = tmp_path / "include"
    shutil.copytree(interp.include_dir, include)
    copy = dataclasses.replace(interp, include_dir=str(include))
    cache = tmp_path / "cache"

    assert not load_model(copy, cache_dir=cache).from_cache
    assert load_model(copy, cache_dir=cache).from_cache
    assert parse_count[0] == 1

    # A change in a header the TU includes (not Python.h itself) must be noticed.
    longobject = include / "longobject.h"
    longobject.write_text(longobject.read_text() + "\nPyAPI_FUNC(int) Bindc_Added(long long);\n")
    changed = load_model(copy, cache_dir=cache)
    assert not changed.from_cache and parse_count[0] == 2
    added = changed.lookup("Bindc_Added")
    assert added is not None and added.params[0].canonical == "long long"
    assert load_model(copy, cache_dir=cache).from_cache


def test_cache_dir_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BINDC_CACHE_DIR", str(tmp_path / "explicit"))
    assert default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("BINDC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "bindc"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "bindc"


def test_default_cache_dir_is_used(interp: Interpreter, tmp_path: Path) -> None:
    load_model(interp)  # conftest points BINDC_CACHE_DIR at this test's tmp dir
    assert list((tmp_path / "default-cache").glob("capi-*.json"))


def test_json_round_trip(model: CApiModel) -> None:
    again = CApiModel.from_json(model.to_json())
    assert again.from_cache and again == model and again.functions == model.functions
