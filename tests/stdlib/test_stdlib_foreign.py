"""Standard-library packages whose API needs other packages' struct types, bound unmodified:
those types become classes of the module (bindc.resolve.foreign), so the declarations using
them are bound instead of skipped. ``encoding/json``'s Compact/Indent/HTMLEscape take a
``*bytes.Buffer``; ``image``'s pixel accessors take and return ``color.RGBA`` & co. (plain
records: constructible, with their fields); ``go/format.Node`` takes a ``*token.FileSet``."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_python

pytestmark = pytest.mark.go


def test_json_buffers_are_bytes_buffer_classes(std_build) -> None:
    out, built = std_build("encoding/json")
    summary = built.result.module.summary if hasattr(built.result, "module") else None
    run_python("""
import json, go_json as j
from hypothesis import given, settings, strategies as st
# Compact/Indent/HTMLEscape write into a *bytes.Buffer: a Buffer made from Python (its zero
# value is ready to use, says bytes.Buffer's doc).
values = st.recursive(st.none() | st.booleans() | st.integers(-2**53, 2**53) | st.text(max_size=5),
                      lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
                      max_leaves=8)
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(values)
def t(v):
    text = json.dumps(v, indent=2).encode()
    buf = j.Buffer()
    j.compact(buf, text)
    assert buf.bytes_() == json.dumps(v, separators=(",", ":")).encode()  # escapes kept as written
    out = j.Buffer()
    j.indent(out, buf.bytes_(), "", "  ")
    assert json.loads(out.bytes_()) == v and buf.len() == len(buf.bytes_())
t()
esc = j.Buffer()
j.html_escape(esc, b'{"a":"<b>&"}')
assert str(esc) == '{"a":"\\\\u003cb\\\\u003e\\\\u0026"}', str(esc)
bad = j.Buffer()
try:
    j.compact(bad, b"{")
except j.GoError as e:
    assert "unexpected end of JSON input" in str(e)
else:
    raise AssertionError("no GoError")
""", path=out, timeout=300)
    assert summary is None or summary.foreign_classes >= 1


def test_image_pixels_are_color_classes(std_build) -> None:
    out, _ = std_build("image")
    run_python("""
import go_image as im
from hypothesis import given, settings, strategies as st
# color.RGBA clashes with image.RGBA: it is color_RGBA, a plain record with a constructor.
img = im.new_rgba(im.rect(0, 0, 4, 3))
assert img.bounds() == im.rect(0, 0, 4, 3)
byte = st.integers(0, 255)
@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(st.integers(0, 3), st.integers(0, 2), byte, byte, byte, byte)
def t(x, y, r, g, b, a):
    img.set_rgba(x, y, im.color_RGBA(r, g, b, a))
    got = img.rgba_at(x, y)
    assert type(got) is im.color_RGBA and (got.r, got.g, got.b, got.a) == (r, g, b, a)
    # RGBA() is color.Color's method: alpha-premultiplied 16-bit channels, as Go defines them.
    assert got.rgba() == (r * 0x101, g * 0x101, b * 0x101, a * 0x101)
    assert img.pix[(y * 4 + x) * 4:(y * 4 + x) * 4 + 4] == bytes([r, g, b, a])
t()
gray = im.new_gray(im.rect(0, 0, 2, 2))
gray.set_gray(1, 1, im.color_Gray(200))
assert gray.gray_at(1, 1).y == 200 and gray.gray_at(0, 0) == im.color_Gray(0)
""", path=out, timeout=300)


def test_format_node_takes_a_token_fileset(std_build) -> None:
    out, _ = std_build("go/format")
    run_python("""
import go_format as fmt
# token.FileSet: its doc says to create one with NewFileSet, and it has private fields only.
try:
    fmt.FileSet()
except TypeError as e:
    assert "cannot be created from Python" in str(e), str(e)
else:
    raise AssertionError("FileSet() did not raise")
assert fmt.source(b"package p\\nfunc  F( ) {}\\n") == b"package p\\n\\nfunc F() {}\\n"
""", path=out, timeout=300)
