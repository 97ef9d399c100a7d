"""Everyday standard-library packages with idioms of their own, bound unmodified and checked
from Python against Python's own modules (or, where Python has none, a small model of Go's
documented rules): ``encoding/csv`` (csv), ``compress/gzip`` (gzip), ``crypto/hmac`` (hmac,
with ``sha256.New`` from the sibling module and a Python hash object), ``hash/fnv`` (FNV's
definition and test vectors), ``text/tabwriter`` (a model of its column rule),
``encoding/binary`` (struct, LEB128), ``path/filepath`` (posixpath, fnmatch), ``unicode``
(unicodedata), ``log/slog`` (json), ``container/heap`` (heapq), ``net/mail`` (email.utils),
``html/template`` (html, json) and ``encoding/xml`` (xml.etree).

The idioms: ``NewWriter(io.Writer) *Writer`` in a package declaring its own ``Writer`` (the
io.Writer Protocol is ``io_Writer`` there), ``Read(p)`` returning the last bytes with io.EOF,
a callback returning an interface (``hmac.New(h func() hash.Hash, key)``), an interface that
embeds ``sort.Interface`` implemented by a Python object (``heap.Push``), exported variables
of unexported types (``binary.BigEndian``), variables aliasing others (``unicode.Upper =
_Lu``), variadic key-value ``...any`` (``Logger.Info``), a Go func as a struct field
(``HandlerOptions.ReplaceAttr``).

All packages are one bundle (tests/stdlib/conftest.py: ``std_bundle``), built once per
session; each check runs in a fresh interpreter.
"""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import run_python
from tests.stdlib.conftest import EVERYDAY_BUNDLE
from tests.stdlib.test_stdlib import PRELUDE

pytestmark = pytest.mark.go


def check(std_bundle, module: str, code: str) -> None:
    """Run ``code`` with the bundle's submodule ``module`` imported as ``go``."""
    out, _ = std_bundle
    run_python(f"from {EVERYDAY_BUNDLE} import {module} as go\n" + PRELUDE
               + 'settings.register_profile("everyday", max_examples=150, deadline=None, derandomize=True, '
                 'database=None)\nsettings.load_profile("everyday")\n' + textwrap.dedent(code),
               path=out, timeout=300)


USE = """\
import hashlib, io
from gostd import binary, csv, gzip, heap, hmac, sha256, slog

out = io.BytesIO()
w = csv.new_writer(out)                 # io.BytesIO satisfies the io_Writer Protocol
assert w is not None
w.write(["a", "b"])
w.flush()
r = csv.new_reader(out.getvalue())
assert r is not None
rows: list[list[str]] = r.read_all()
z = gzip.new_writer(out)
assert z is not None
z.close()
mac = hmac.new(sha256.new, b"key")      # a Go function where a Callable[[], Hash | None] is wanted
assert mac is not None
digest: bytes = mac.sum(b"")
order = binary.get_big_endian()
assert order is not None
n: int = order.uint32(b"abcd")
log = slog.new(slog.new_text_handler(out, slog.HandlerOptions(level=slog.Level.LevelWarn)))
assert log is not None
log.info("msg", "k", 1)


class Ints:
    def __init__(self) -> None:
        self.items: list[int] = []
    def len(self) -> int:
        return len(self.items)
    def less(self, i: int, j: int) -> bool:
        return self.items[i] < self.items[j]
    def swap(self, i: int, j: int) -> None:
        self.items[i], self.items[j] = self.items[j], self.items[i]
    def push(self, x: object) -> None:
        assert isinstance(x, int)
        self.items.append(x)
    def pop(self) -> object:
        return self.items.pop()


heap.push(Ints(), 3)                    # a heap.Interface Protocol by structure
"""


def test_bundle_binds_every_declaration(std_bundle) -> None:
    """The packages bind whole but for the skips docs/stdlib.md reasons about."""
    _, bundle = std_bundle
    assert set(bundle.modules) == {"csv", "gzip", "hmac", "sha256", "fnv", "tabwriter", "binary", "filepath",
                                   "unicode", "slog", "heap", "mail", "template", "xml", "bufio"}


def test_bundle_stubs_pass_stubtest_and_mypy_strict(std_bundle, tmp_path) -> None:
    """mypy's stubtest agrees with every stub of the bundle, and ``mypy --strict`` accepts the
    stubs and a program using the idioms above (Protocols satisfied by Python objects)."""
    import os
    import sys

    from tests.conftest import run

    out, bundle = std_bundle
    env = dict(os.environ, PYTHONPATH=str(out), MYPYPATH=str(out))
    modules = [f"{EVERYDAY_BUNDLE}.{m}" for m in bundle.modules]
    proc = run([sys.executable, "-m", "mypy.stubtest", *modules], env=env, check=False, timeout=600)
    assert proc.returncode == 0 and f"no issues found in {len(modules)} modules" in proc.stdout, proc.stdout + proc.stderr
    (tmp_path / "use_gostd.py").write_text(USE)
    stubs = [str(p) for p in sorted((out / EVERYDAY_BUNDLE).glob("*.pyi"))]
    proc = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", *stubs, "use_gostd.py"],
               env=env, check=False, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ------------------------------------------------------------------------------ encoding/csv

def test_csv_against_python_csv(std_bundle) -> None:
    check(std_bundle, "csv", """
        import csv, io
        field = st.text(alphabet='ab ,;"\\n\\u00e9', max_size=6)
        records = st.lists(st.lists(field, min_size=2, max_size=4), min_size=1, max_size=5)
        @given(records)
        def t(rows):
            out = io.BytesIO()
            w = go.new_writer(out)                      # NewWriter(io.Writer): any binary file
            for row in rows:
                w.write(row)
            w.flush()
            assert w.error() is None
            # Python reads what Go wrote...
            assert list(csv.reader(io.StringIO(out.getvalue().decode(), newline=""))) == rows
            # ...and Go reads what Python wrote (FieldsPerRecord -1: rows of any length).
            text = io.StringIO(newline="")
            csv.writer(text, lineterminator="\\n").writerows(rows)
            r = go.new_reader(io.BytesIO(text.getvalue().encode()))
            r.fields_per_record = -1
            assert r.read_all() == rows
        t()
        r, read = go.new_reader(io.BytesIO(b"x,y\\n1,2\\n")), []
        while True:                                     # Read until io.EOF, an EOFError in Python
            try:
                read.append(r.read())
            except EOFError as e:
                assert isinstance(e, go.GoError) and str(e) == "EOF"
                break
        assert read == [["x", "y"], ["1", "2"]]
        r = go.new_reader(b"a;b\\n1;2\\n")
        r.comma = ord(";")                              # the Comma field, as in Go
        assert r.read_all() == [["a", "b"], ["1", "2"]] == list(csv.reader(["a;b", "1;2"], delimiter=";"))
        out = io.BytesIO()
        w = go.new_writer(out)
        w.comma, w.use_crlf = ord("\\t"), True
        w.write_all([["x", "y z"], ["1", "2"]])
        assert out.getvalue() == b"x\\ty z\\r\\n1\\t2\\r\\n"
        try:
            go.new_reader(b'a,"b\\n').read_all()
        except go.ErrQuote as e:                        # a *ParseError wrapping the sentinel
            assert isinstance(e, go.ParseError) and (e.line, e.column) == (1, 6), (e.line, e.column)
        else:
            raise AssertionError("no ErrQuote")
        try:
            go.new_reader(b"a,b\\nc\\n").read_all()    # FieldsPerRecord 0: as many as the first
        except go.ErrFieldCount as e:
            assert "wrong number of fields" in str(e)
        else:
            raise AssertionError("no ErrFieldCount")
    """)


# ------------------------------------------------------------------------------ compress/gzip

def test_gzip_against_python_gzip(std_bundle) -> None:
    check(std_bundle, "gzip", """
        import gzip, io
        def read_all(r):                                # io.ReadAll, the Python way
            buf, out = bytearray(4096), bytearray()
            while (n := r.read(buf)):                   # the last bytes come with io.EOF: n, then 0
                out += buf[:n]
            return bytes(out)
        @given(st.binary(max_size=20000), st.sampled_from([go.BestSpeed, go.DefaultCompression, go.BestCompression]))
        def t(data, level):
            out = io.BytesIO()
            w = go.new_writer_level(out, level)
            assert w.write(data) == len(data)
            w.close()
            assert gzip.decompress(out.getvalue()) == data
            assert read_all(go.new_reader(gzip.compress(data))) == data
            assert read_all(go.new_reader(io.BytesIO(out.getvalue()))) == data
        t()
        out = io.BytesIO()
        w = go.new_writer(out)
        w.name, w.comment = "notes.txt", "hi"            # the embedded Header's fields
        w.write(b"x" * 100)
        w.close()
        r = go.new_reader(out.getvalue())
        assert (r.name, r.comment, read_all(r)) == ("notes.txt", "hi", b"x" * 100)
        assert out.getvalue()[3] & 0x08                   # FNAME set, as RFC 1952 says
        try:
            go.new_reader(b"not gzip at all")
        except go.ErrHeader as e:
            assert str(e) == "gzip: invalid header"
        else:
            raise AssertionError("no ErrHeader")
        bad = bytearray(gzip.compress(b"hello"))
        bad[-8] ^= 1                                      # the CRC-32
        try:
            read_all(go.new_reader(bytes(bad)))
        except go.ErrChecksum:
            pass
        else:
            raise AssertionError("no ErrChecksum")
    """)


# ------------------------------------------------------------------------------ crypto/hmac

def test_hmac_against_python_hmac(std_bundle) -> None:
    check(std_bundle, "hmac", """
        import hashlib, hmac
        from gostd import sha256
        class PyHash:
            '''Go's hash.Hash over a hashlib constructor: a Python object Go calls back.'''
            def __init__(self, new): self.new, self.h = new, new()
            def write(self, b): self.h.update(b); return len(b)
            def sum(self, b): return bytes(b) + self.h.digest()
            def reset(self): self.h = self.new()
            def size(self): return self.h.digest_size
            def block_size(self): return self.h.block_size
        @given(st.binary(max_size=200), st.binary(max_size=300))
        def t(key, msg):
            want = hmac.new(key, msg, "sha256").digest()
            m = go.new(sha256.new, key)                  # hmac.New(sha256.New, key): a Go func value
            m.write(msg)
            assert m.sum(b"") == want and m.size() == 32 and m.block_size() == 64
            m.reset()
            m.write(msg)
            assert m.sum(b"x") == b"x" + want
            p = go.new(lambda: PyHash(hashlib.sha512), key)   # a Python hash.Hash
            p.write(msg)
            assert p.sum(b"") == hmac.new(key, msg, "sha512").digest()
            assert go.equal(want, m.sum(b"")) and go.equal(want, want[:-1] + b"?") == hmac.compare_digest(want, want[:-1] + b"?")
        t()
        try:
            go.new(lambda: 3, b"k")
        except go.GoPanic as e:                          # New calls h() itself: a bad result panics
            assert "expected an object implementing hash.Hash, got Python int" in str(e), e
        else:
            raise AssertionError("no GoPanic")
    """)


# ------------------------------------------------------------------------------ hash/fnv

def test_fnv_against_its_definition(std_bundle) -> None:
    check(std_bundle, "fnv", """
        def fnv(data, bits, offset, prime, a):
            h, mask = offset, 2**bits - 1
            for b in data:
                h = ((h ^ b) * prime) & mask if a else ((h * prime) & mask) ^ b
            return h
        P32, O32 = 16777619, 2166136261
        P64, O64 = 1099511628211, 14695981039346656037
        P128, O128 = 309485009821345068724781371, 144066263297769815596495629667062367629
        @given(st.binary(max_size=100))
        def t(data):
            for new, bits, o, p, a in ((go.new32, 32, O32, P32, False), (go.new32_a, 32, O32, P32, True),
                                       (go.new64, 64, O64, P64, False), (go.new64_a, 64, O64, P64, True),
                                       (go.new128, 128, O128, P128, False), (go.new128_a, 128, O128, P128, True)):
                h = new()
                h.write(data[:7])
                h.write(data[7:])
                want = fnv(data, bits, o, p, a)
                assert h.sum(b"") == want.to_bytes(bits // 8, "big"), new
                if bits <= 64:
                    assert (h.sum32() if bits == 32 else h.sum64()) == want
        t()
        # Published test vectors (FNV's reference: "a" and "foobar").
        for new, data, want in ((go.new32_a, b"a", 0xe40c292c), (go.new64_a, b"a", 0xaf63dc4c8601ec8c),
                                (go.new32, b"foobar", 0x31f0b262), (go.new64_a, b"foobar", 0x85944171f73967e8)):
            h = new()
            h.write(data)
            assert (h.sum32() if h.size() == 4 else h.sum64()) == want
    """)


# ------------------------------------------------------------------------------ text/tabwriter

def test_tabwriter_against_a_model(std_bundle) -> None:
    check(std_bundle, "tabwriter", """
        import io
        word = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=9)
        @given(st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(word, min_size=n, max_size=n), min_size=1, max_size=6)),
               st.integers(0, 3), st.sampled_from(" ._"), st.booleans())
        def t(rows, padding, padchar, right):
            out = io.BytesIO()
            w = go.new_writer(out, 0, 8, padding, ord(padchar), go.AlignRight if right else 0)
            for row in rows:
                w.write(("\\t".join(row) + "\\n").encode())
            w.flush()
            # Every cell but a line's last is a column cell, as wide as the column's widest plus
            # padding (a column of one block: all lines have the same number of cells).
            widths = [max(len(r[j]) for r in rows) + padding for j in range(len(rows[0]) - 1)]
            fill = (lambda s, n: s.rjust(n, padchar)) if right else (lambda s, n: s.ljust(n, padchar))
            want = "".join("".join(fill(c, n) for c, n in zip(r, widths)) + r[-1] + "\\n" for r in rows)
            assert out.getvalue().decode() == want
        t()
        out = io.BytesIO()
        w = go.new_writer(out, 0, 8, 1, ord(" "), go.Debug)
        w.write(b"a\\tbb\\tc\\nxxx\\ty\\tz\\n")
        w.flush()
        assert out.getvalue() == b"a   |bb |c\\nxxx |y  |z\\n"
    """)


# ------------------------------------------------------------------------------ encoding/binary

def test_binary_against_struct_and_leb128(std_bundle) -> None:
    check(std_bundle, "binary", """
        def uleb(x):
            out = bytearray()
            while True:
                b, x = x & 0x7F, x >> 7
                out.append(b | (0x80 if x else 0))
                if not x:
                    return bytes(out)
        be, le, ne = go.get_big_endian(), go.get_little_endian(), go.get_native_endian()
        assert (str(be), str(le), str(ne)) == ("BigEndian", "LittleEndian", "NativeEndian")
        native = {"little": "<", "big": ">"}[sys.byteorder]
        @given(st.integers(0, 2**64 - 1), st.integers(-2**63, 2**63 - 1), st.binary(max_size=4))
        def t(u, s, prefix):
            assert go.append_uvarint(prefix, u) == prefix + uleb(u)
            assert go.uvarint(uleb(u) + b"tail") == (u, len(uleb(u)))
            zigzag = (s << 1) ^ (s >> 63)                  # Varint's encoding of signed values
            assert go.append_varint(b"", s) == uleb(zigzag) and go.varint(uleb(zigzag)) == (s, len(uleb(zigzag)))
            buf = bytearray(go.MaxVarintLen64)
            assert go.put_uvarint(buf, u) == len(uleb(u)) and bytes(buf[:len(uleb(u))]) == uleb(u)
            b8 = u.to_bytes(8, "big")
            assert be.uint64(b8) == u and le.uint64(b8) == int.from_bytes(b8, "little")
            assert be.uint32(b8) == struct.unpack(">I", b8[:4])[0] and le.uint16(b8) == struct.unpack("<H", b8[:2])[0]
            assert ne.uint64(b8) == struct.unpack(native + "Q", b8)[0]
            out = bytearray(8)
            be.put_uint64(out, u)                           # PutUint64 fills the bytearray
            assert bytes(out) == struct.pack(">Q", u)
            le.put_uint32(out, u & 0xFFFFFFFF)
            assert bytes(out[:4]) == struct.pack("<I", u & 0xFFFFFFFF)
        t()
        assert go.uvarint(b"") == (0, 0) and go.uvarint(b"\\xff" * 11)[1] < 0   # Go's documented results
        try:
            be.uint32(b"abc")                               # too short: Go panics (index out of range)
        except go.GoPanic:
            pass
        else:
            raise AssertionError("no GoPanic")
    """)


# ------------------------------------------------------------------------------ path/filepath

def test_filepath_against_posixpath(std_bundle) -> None:
    check(std_bundle, "filepath", """
        import fnmatch, os
        part = st.sampled_from(["a", "b", "..", ".", "", "c.txt", "d.tar.gz", ".rc"])
        paths = st.lists(part, max_size=5).map("/".join) | st.lists(part, max_size=5).map(lambda p: "/" + "/".join(p))
        def clean(p):
            c = posixpath.normpath(p) if p else "."
            return c[1:] if c.startswith("//") else c       # POSIX may give // a meaning; Go does not
        @given(paths, paths)
        def t(p, q):
            assert go.clean(p) == clean(p)
            assert go.is_abs(p) == posixpath.isabs(p)
            assert go.base(p) == (posixpath.basename(p.rstrip("/")) or "/" if p else ".")   # Base("a/") is "a"
            assert go.dir(p) == clean(posixpath.dirname(p))
            # Join ignores empty elements and never restarts at an absolute one (os.path.join does).
            assert go.join(p, q) == (clean("/".join(x for x in (p, q) if x)) if p or q else "")
            name = p.rsplit("/", 1)[-1]
            assert go.ext(p) == ("." + name.rsplit(".", 1)[1] if "." in name else "")   # Ext(".rc") is ".rc"
            assert posixpath.splitext(p)[1] in ("", go.ext(p))                        # Python: ""
            if go.is_abs(p) and go.is_abs(q):
                assert go.rel(p, q) == posixpath.relpath(q, p)
        t()
        name = st.text(alphabet="ab.x", max_size=5)
        pattern = st.text(alphabet="ab.x*?", max_size=5)
        @given(pattern, name)
        def m(pat, s):
            assert go.match_(pat, s) == fnmatch.fnmatchcase(s, pat)     # names without "/", "[" or "\\\\"
        m()
        assert go.match_("*.go", "dir/a.go") is False and fnmatch.fnmatchcase("dir/a.go", "*.go")  # * stops at /
        try:
            go.match_("[", "a")
        except go.ErrBadPattern:
            pass
        else:
            raise AssertionError("no ErrBadPattern")
        assert go.split_list("/bin:/usr/bin") == "/bin:/usr/bin".split(os.pathsep) and go.split_list("") == []
        assert go.split("a/b/c.txt") == ("a/b/", "c.txt") and go.to_slash("a/b") == "a/b"
        try:
            go.rel("/a", "b")
        except go.GoError as e:
            assert "can't make b relative to /a" in str(e)
        else:
            raise AssertionError("no GoError")
    """)


# ------------------------------------------------------------------------------ unicode

def test_unicode_against_unicodedata(std_bundle) -> None:
    check(std_bundle, "unicode", """
        # Go 1.27 has Unicode 17, Python 3.11 Unicode 14: below U+0800 they differ in three code
        # points only: U+019B and U+0264 gained upper-case forms in Unicode 16, U+0295 became Lo.
        assert (go.Version, unicodedata.unidata_version) >= ("17.0.0", "14.0.0")
        NEWER = {0x19B, 0x264, 0x295} if unicodedata.unidata_version < "16.0.0" else set()
        upper, lower, letter, digit = go.get_upper(), go.get_lower(), go.get_letter(), go.get_digit()
        for r in range(0x800):
            c, cat = chr(r), unicodedata.category(chr(r))
            if r == 0x295 and NEWER:
                assert go.is_letter(r) and not go.is_lower(r) and cat == "Ll"
                continue
            assert go.is_upper(r) == (cat == "Lu") == go.is_(upper, r), hex(r)
            assert go.is_lower(r) == (cat == "Ll") == go.is_(lower, r), hex(r)
            assert go.is_letter(r) == cat.startswith("L") == go.is_(letter, r), hex(r)
            assert go.is_digit(r) == c.isdecimal() == go.is_(digit, r), hex(r)
            assert go.is_number(r) == cat.startswith("N") and go.is_punct(r) == cat.startswith("P"), hex(r)
            # Go's White_Space; Python's isspace also counts the separators U+001C..U+001F.
            assert go.is_space(r) == (c.isspace() and not 0x1C <= r <= 0x1F), hex(r)
            if len(c.upper()) == 1 and r not in NEWER:      # Python: full mappings too (ß -> SS)
                assert go.to_upper(r) == ord(c.upper()), hex(r)
            if len(c.lower()) == 1:
                assert go.to_lower(r) == ord(c.lower()), hex(r)
        assert go.is_(go.get_greek(), ord("\u03b1")) and not go.is_(go.get_greek(), ord("a"))
        assert go.is_(go.get_latin(), ord("\u00e9")) and go.in_(ord("7"), letter, digit)
        assert go.is_one_of([letter, digit], ord("x")) and not go.is_one_of([letter, digit], ord("-"))
        assert go.to_upper(ord("\u00df")) == 0xDF and "\u00df".upper() == "SS"    # Go has no special casing
        assert go.simple_fold(ord("k")) == 0x212A and go.simple_fold(0x212A) == ord("K")   # Kelvin sign
        assert go.MaxRune == sys.maxunicode and go.ReplacementChar == 0xFFFD
        r16 = upper.r16[0]                                  # RangeTable's fields: the Lu table itself
        assert (r16.lo, r16.hi, r16.stride) == (0x41, 0x5A, 1) and upper.latin_offset > 0
    """)


# ------------------------------------------------------------------------------ log/slog

def test_slog_json_and_text_handlers(std_bundle) -> None:
    check(std_bundle, "slog", """
        import io, json
        key = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=5).filter(
            lambda k: k not in ("time", "level", "msg"))
        value = st.one_of(st.integers(-2**53, 2**53), st.text(max_size=8), st.booleans(), st.none(),
                          st.floats(allow_nan=False, allow_infinity=False))
        @given(st.text(max_size=20), st.dictionaries(key, value, max_size=4))
        def t(msg, attrs):
            out = io.BytesIO()
            logger = go.new(go.new_json_handler(out, None))        # a Logger writing to any binary file
            logger.info(msg, *[x for kv in attrs.items() for x in kv])   # Info(msg string, args ...any)
            record = json.loads(out.getvalue(), parse_int=float)   # Go writes 4.2e16 as 41836137807951740
            assert record.pop("time").startswith("20")
            assert record == {"level": "INFO", "msg": msg, **attrs}
        t()
        out = io.BytesIO()
        drop_time = lambda groups, a: go.Attr() if a.key == "time" and not groups else a   # ReplaceAttr
        opts = go.HandlerOptions(level=go.Level.LevelWarn, replace_attr=drop_time)
        logger = go.new(go.new_text_handler(out, opts))
        logger.info("not shown")
        logger.warn("disk", "free", 0.5, "path", "/var/log x")
        logger.with_("req", 7).error("failed", "n", 2)
        assert out.getvalue().decode() == 'level=WARN msg=disk free=0.5 path="/var/log x"\\nlevel=ERROR msg=failed req=7 n=2\\n'
        assert str(go.Level.LevelWarn) == "WARN" and go.Level.LevelError > go.Level.LevelWarn
        a = go.string("k", "v")
        assert (a.key, str(a)) == ("k", "k=v") and go.int_("n", 3).value.int64() == 3
    """)


# ------------------------------------------------------------------------------ container/heap

def test_heap_against_heapq(std_bundle) -> None:
    check(std_bundle, "heap", """
        import heapq
        class PyHeap:
            '''heap.Interface (sort.Interface plus Push and Pop) over a Python list.'''
            def __init__(self, items=()): self.items = list(items)
            def len(self): return len(self.items)
            def less(self, i, j): return self.items[i] < self.items[j]
            def swap(self, i, j): self.items[i], self.items[j] = self.items[j], self.items[i]
            def push(self, x): self.items.append(x)
            def pop(self): return self.items.pop()
        ops = st.lists(st.one_of(st.integers(-100, 100), st.none()), max_size=60)
        @given(st.lists(st.integers(-100, 100), max_size=20), ops)
        def t(start, script):
            h, model = PyHeap(start), list(start)
            go.init(h)
            heapq.heapify(model)
            for op in script:
                if op is None:
                    if model:
                        assert go.pop(h) == heapq.heappop(model)
                else:
                    go.push(h, op)
                    heapq.heappush(model, op)
                assert sorted(h.items) == sorted(model) and (not model or h.items[0] == model[0])
            assert [go.pop(h) for _ in range(len(model))] == sorted(model)
        t()
        h = PyHeap([5, 1, 4, 2])
        go.init(h)
        h.items[h.items.index(4)] = 0                    # change an element, then Fix restores order
        go.fix(h, h.items.index(0))
        assert go.pop(h) == 0 and go.remove(h, h.items.index(5)) == 5 and sorted(h.items) == [1, 2]
        try:
            go.push(object(), 1)
        except TypeError as e:
            assert "must implement Interface" in str(e) and "len()" in str(e), e
        else:
            raise AssertionError("no TypeError")
    """)


# ------------------------------------------------------------------------------ net/mail

def test_mail_against_email_utils(std_bundle) -> None:
    check(std_bundle, "mail", """
        import email.utils
        atom = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=8)
        @given(st.lists(atom, min_size=0, max_size=3).map(" ".join), atom, atom)
        def t(name, local, domain):
            addr = f"{local}@{domain}.org"
            text = f"{name} <{addr}>" if name else addr
            a = go.parse_address(text)
            assert (a.name, a.address) == email.utils.parseaddr(text) == (name, addr)
            assert go.parse_address(str(a)) == a                      # String() parses back
            assert str(a) == (f'"{name}" <{addr}>' if name else f"<{addr}>")   # Go always quotes a name
            pair = go.parse_address_list(f"{text}, x@y.org")
            assert [(p.name, p.address) for p in pair] == email.utils.getaddresses([f"{text}, x@y.org"])
        t()
        a = go.parse_address("=?utf-8?q?J=C3=B6rg?= <j@example.com>")   # RFC 2047 names are decoded
        assert a.name == "J\\u00f6rg" and str(go.Address("J\\u00f6rg Doe", "j@x.org")) == "=?utf-8?q?J=C3=B6rg_Doe?= <j@x.org>"
        for bad in ("no at sign", "a@", "<a@b"):
            try:
                go.parse_address(bad)
            except go.GoError as e:
                assert str(e).startswith("mail: "), e
            else:
                raise AssertionError(bad)
        m = go.read_message(b"From: A <a@b.org>\\r\\nSubject: hi\\r\\n\\r\\nbody\\r\\n")
        assert m.header.get("Subject") == "hi" and m.header.address_list("From")[0].address == "a@b.org"
    """)


# ------------------------------------------------------------------------------ html/template

def test_html_template_escapes_by_context(std_bundle) -> None:
    check(std_bundle, "template", """
        import html, io, json
        page = go.must(go.new("p").parse('<p title="{{.}}">{{.}}</p><script>var v = {{.}};</script>'), None)
        @given(st.text(max_size=20))
        def t(s):
            out = io.BytesIO()
            page.execute(out, s)
            text = out.getvalue().decode()
            head, script = text.split("<script>var v = ")
            # HTML contexts: the characters html.escape escapes, spelled &#34; &#39;, and + as &#43;;
            # NUL becomes U+FFFD.
            esc = html.escape(s.replace("\\0", "\\ufffd")).replace("&quot;", "&#34;").replace("&#x27;", "&#39;").replace("+", "&#43;")
            assert head == f'<p title="{esc}">{esc}</p>', (s, head)
            assert json.loads(script.removesuffix(";</script>")) == s     # a JS string literal
        t()
        links = go.must(go.new("a").parse('<a href="{{.}}">x</a>'), None)
        for url, want in (("https://example.com/a b", "https://example.com/a%20b"),
                          ("javascript:alert(1)", "#ZgotmplZ")):     # unsafe URLs are replaced
            out = io.BytesIO()
            links.execute(out, url)
            assert out.getvalue().decode() == f'<a href="{want}">x</a>'
        try:
            go.must(go.new("bad").parse("<a {{.}}"), None).execute(io.BytesIO(), 1)
        except go.Error as e:                               # html/template's *Error, with its code
            assert e.error_code == go.ErrorCode.ErrEndContext and "ends in a non-text context" in str(e), e
        else:
            raise AssertionError("no error")
        assert go.html_escape_string("<&>") == "&lt;&amp;&gt;" and go.js_escape_string("'") == "\\\\'"
    """)


# ------------------------------------------------------------------------------ encoding/xml

def test_xml_against_elementtree(std_bundle) -> None:
    check(std_bundle, "xml", """
        import io
        import xml.etree.ElementTree as ET
        text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xD7FF) | st.sampled_from("\\t\\n"),
                       max_size=20)
        @given(text)
        def t(s):
            out = io.BytesIO()
            go.escape_text(out, s.encode())                 # EscapeText(io.Writer, []byte)
            assert (ET.fromstring("<a>" + out.getvalue().decode() + "</a>").text or "") == s   # "" is None there
        t()
        def tokens(doc):
            d, found = go.new_decoder(io.BytesIO(doc)), []
            while True:
                try:
                    tok = d.token()
                except EOFError:                            # io.EOF ends the stream (py4go.GoEOF)
                    return found
                if isinstance(tok, go.StartElement):
                    found.append(("start", tok.name.local, {a.name.local: a.value for a in tok.attr}))
                elif isinstance(tok, go.EndElement):
                    found.append(("end", tok.name.local))
                elif isinstance(tok, go.CharData) and tok.value.strip():
                    found.append(("text", tok.value.decode()))
        def model(doc):
            found = []
            for event, el in ET.iterparse(io.BytesIO(doc), events=("start", "end")):
                if event == "start":
                    found.append(("start", el.tag, dict(el.attrib)))
                    if el.text and el.text.strip():
                        found.append(("text", el.text))
                else:
                    found.append(("end", el.tag))
                    if el.tail and el.tail.strip():
                        found.append(("text", el.tail))
            return found
        doc = b"<root a='1'><item id='x'>one &amp; two</item><!-- c --><item id='y'/>tail</root>"
        assert tokens(doc) == model(doc)
        try:
            tokens(b"<a><b></a>")
        except go.SyntaxError as e:                         # *xml.SyntaxError, with its line
            assert e.line == 1 and "element <b> closed by </a>" in str(e)
        else:
            raise AssertionError("no SyntaxError")
        start = go.StartElement(go.Name("", "x"), [go.Attr(go.Name("", "k"), "v")])
        assert start.end() == go.EndElement(go.Name("", "x")) and start.copy().attr[0].value == "v"
    """)


# ------------------------------------------------------------------------------ bufio

def test_bufio_reads_lines_and_read_writer_binds(std_bundle) -> None:
    """Scanner lines equal str.splitlines; a Reader over a Python file reads up to a delimiter;
    ReadWriter (embedding *Reader and *Writer, both with Size/Reset/Buffered) binds without
    the ambiguous methods Go leaves out of its method set, and writes through its Writer."""
    check(std_bundle, "bufio", """
        import io
        @given(st.lists(st.text(alphabet="ab é\\t", max_size=8), max_size=6))
        def t(lines):
            data = "".join(line + "\\n" for line in lines).encode()
            sc = go.new_scanner(io.BytesIO(data))
            got = []
            while sc.scan():
                got.append(sc.text())
            assert sc.err() is None
            assert got == data.decode().splitlines()
        t()
        r = go.new_reader(io.BytesIO(b"key=value;rest"))
        assert r.read_string(ord("=")) == "key="
        out = io.BytesIO()
        w = go.new_writer(out)
        rw = go.new_read_writer(r, w)
        assert not any(hasattr(rw, m) for m in ("size", "reset", "buffered"))  # ambiguous in Go
        assert rw.read_string(ord(";")) == "value;"
        rw.write_string("written")
        rw.flush()
        assert out.getvalue() == b"written"
    """)
